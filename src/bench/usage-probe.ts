/**
 * Preloaded (`node --import`) into a command the bench runs: when the process exits it writes its CPU time and
 * peak memory to the file named by SELARAS_BENCH_USAGE, so the bench reports what the command itself used.
 */
import { writeFileSync } from 'node:fs';

export const USAGE_FILE_ENV = 'SELARAS_BENCH_USAGE';

export interface ProcessUsage {
  readonly cpuSeconds: number;
  readonly peakRssMiB: number;
}

const file = process.env[USAGE_FILE_ENV];
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const report: ProcessUsage = { cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakRssMiB: usage.maxRSS / 1024 };
    writeFileSync(file, JSON.stringify(report));
  });
}
