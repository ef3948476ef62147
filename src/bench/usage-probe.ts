/**
 * Preloaded (`node --import`) into a command the bench runs: when the process exits it writes its CPU time and
 * peak memory to the file named by SELARAS_BENCH_USAGE, so the bench reports what the command itself used.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export const USAGE_FILE_ENV = 'SELARAS_BENCH_USAGE';

export interface ProcessUsage {
  readonly cpuSeconds: number;
  readonly peakRssMiB: number;
}

/**
 * Peak resident memory in KiB. Linux's getrusage (process.resourceUsage().maxRSS) carries the peak of the process
 * that forked this one across exec, so a command started by a big bench would report the bench's size: the
 * kernel's per-process high-water mark (VmHWM) is used where there is one.
 */
function peakKiB(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

const file = process.env[USAGE_FILE_ENV];
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const report: ProcessUsage = { cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakRssMiB: peakKiB() / 1024 };
    writeFileSync(file, JSON.stringify(report));
  });
}
