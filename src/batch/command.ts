/** `selaras batch` and `selaras merge` as commands: options in, messages on standard error, an exit code out. */
import type { Command } from '../args.js';
import { messageLine } from '../errors.js';
import { checkOutputPath } from '../export/output-file.js';
import { writeFileAtomic } from '../export/write-file.js';
import { mergeShards } from './merge.js';
import { runBatch, type BatchProgress } from './run-batch.js';
import { resolveShard } from './shard.js';
import { formatSummary } from './summary.js';

export interface ProgressLine {
  update(text: string): void;
  done(): void;
}

/** Without a terminal (a cluster job's log), a progress line this often: a long run shows it is alive and how far it
 * is, and a 100,000-pair log stays a few hundred lines. */
export const LOG_PROGRESS_SECONDS = 60;

/** Whether a progress line is due in a log: the first one after a full interval, then one per interval. */
export function isLogLineDue(seconds: number, lastLogged: number, interval = LOG_PROGRESS_SECONDS): boolean {
  return seconds - lastLogged >= interval;
}

/** Exit codes of a run stopped by a signal: 128 + the signal's number, as shells report it. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** `batch [#####.....] 57/200 pairs, 12.3 pairs/s, ETA 0:12` */
export function formatBatchProgress(progress: Pick<BatchProgress, 'done' | 'total' | 'skipped' | 'seconds'>, width = 30): string {
  const { done, total, skipped, seconds } = progress;
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  const rate = seconds > 0 ? (done - skipped) / seconds : 0;
  const eta = rate > 0 ? `, ETA ${clock((total - done) / rate)}` : '';
  return `batch [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} pairs, ${rate.toFixed(1)} pairs/s${eta}`;
}

export async function runBatchCommand(command: Extract<Command, { kind: 'batch' }>, progress: ProgressLine): Promise<number> {
  const say = (line: string): void => {
    progress.done();
    process.stderr.write(messageLine(line));
  };
  const shard = resolveShard(command.shard, command.shardCount, process.env);
  if (command.report) await checkOutputPath(command.report, [command.input]);
  if (shard) say(`shard ${shard.index}/${shard.count} (from ${shard.from})`);
  const controller = new AbortController();
  let signal: keyof typeof SIGNAL_EXIT_CODES | undefined;
  const onSignal = (name: keyof typeof SIGNAL_EXIT_CODES) => () => {
    signal = name;
    controller.abort();
  };
  const handlers = Object.keys(SIGNAL_EXIT_CODES).map((name) => [name, onSignal(name as keyof typeof SIGNAL_EXIT_CODES)] as const);
  // Listening for the whole run (not once): the output module re-raises a signal after removing its temporary
  // files, and that second delivery must not end the run before what is written is kept for --resume.
  for (const [name, handler] of handlers) process.on(name, handler);
  let result;
  let lastLogged = 0;
  try {
    result = await runBatch(command.input, {
      out: command.out,
      format: command.format,
      bom: command.bom,
      model: command.model,
      presplit: command.presplit,
      jobs: command.jobs,
      ...(shard ? { shard } : {}),
      resume: command.resume,
      filters: command.filters,
      allowOutside: command.allowOutside,
      signal: controller.signal,
      onStart: ({ skipped, total, replacedPartial }) => {
        if (replacedPartial) say(`started over: the unfinished output of an earlier run was replaced (--resume continues one)`);
        if (skipped > 0) say(`resuming: ${skipped} of ${total} pairs already done`);
      },
      onProgress: (event) => {
        if (event.error) say(`${event.pair.name}: failed: ${event.error}`);
        progress.update(formatBatchProgress(event));
        if (!process.stderr.isTTY && isLogLineDue(event.seconds, lastLogged)) {
          lastLogged = event.seconds;
          say(formatBatchProgress(event));
        }
      },
    });
  } finally {
    for (const [name, handler] of handlers) process.removeListener(name, handler);
    progress.done();
  }
  const { report } = result;
  for (const path of report.unpaired) say(`${path}: no partner file found, skipped`);
  if (command.report) await writeFileAtomic(command.report, `${JSON.stringify(report, null, 2)}\n`, { durable: true });
  if (result.wasComplete) {
    say(`${command.out} is complete already (no interrupted run to resume)`);
    return 0;
  }
  if (result.isInterrupted) {
    say(
      `interrupted: ${report.pairs.done + report.pairs.failed} of ${report.pairs.total} pairs are done and kept in ` +
        `${result.partialPaths.join(', ')}; run the same command with --resume to continue`,
    );
    return SIGNAL_EXIT_CODES[signal ?? 'SIGINT'];
  }
  if (result.isDiscarded) {
    say(`no pair could be aligned, so ${command.out} was not written (an existing file is left as it was)`);
    return 1;
  }
  say(formatSummary(report));
  return report.pairs.failed > 0 ? 1 : 0;
}

export async function runMergeCommand(command: Extract<Command, { kind: 'merge' }>): Promise<number> {
  const merged = await mergeShards(command.out, command.shards, command.format);
  process.stderr.write(messageLine(`${merged.pairs} pairs from ${command.shards.length} shard files merged into ${command.out}`));
  return 0;
}
