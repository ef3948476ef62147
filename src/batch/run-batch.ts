/**
 * Batch mode: many article pairs aligned by a pool of workers, each pair's rows streamed to the output as soon as
 * the pairs before it (by name) are written. A small reorder window keeps the workers busy past a slow pair while
 * memory stays flat; a failing pair is reported and the others are still exported.
 */
import { resolve } from 'node:path';
import type { Embedder } from '../embed/embedder.js';
import { ModelDownloadError, ModelFolderError, UnknownModelError } from '../embed/errors.js';
import { InputError } from '../errors.js';
import { checkOutputPath } from '../export/output-file.js';
import { DEFAULT_MODEL as DEFAULT_MODEL_NAME } from '../embed/model-registry.js';
import type { Alignment } from '../types.js';
import { AlignmentPool, PoolTerminatedError } from '../worker/pool.js';
import { filterPairs, type PairFilters } from './filters.js';
import { streamFormat, type BatchFormat, type StreamFormat } from './formats.js';
import { BatchOutput } from './output.js';
import { comparePairNames, findBatchPairs, type BatchPair } from './pairs.js';
import { isInShard, type Shard } from './shard.js';
import { addPair, emptyTotals, pairFigures, type BatchReport, type PairFigures } from './summary.js';

/**
 * Pairs in flight or finished but not yet written, per worker: enough that a pair several times slower than the
 * rest does not idle the other workers, few enough that the buffered alignments stay a few MB (4: measured on the
 * bench batch, where 2 already kept both cores busy).
 */
export const WINDOW_PER_WORKER = 4;

export interface BatchProgress {
  /** Pairs written or failed so far, those of an interrupted run included. */
  readonly done: number;
  readonly total: number;
  /** Pairs complete before this run (--resume). */
  readonly skipped: number;
  readonly seconds: number;
  /** The pair just finished, and its error when it failed. */
  readonly pair: BatchPair;
  readonly error?: string;
}

export interface BatchOptions {
  readonly out: string;
  readonly format?: BatchFormat;
  readonly bom?: boolean;
  /** Model name (undefined: the bundled one). */
  readonly model?: string;
  /** With jobs <= 1 only: a ready embedder (tests). */
  readonly embedder?: Embedder;
  readonly presplit?: boolean;
  /** Worker threads; 1 aligns on this thread. */
  readonly jobs: number;
  readonly shard?: Shard;
  readonly resume?: boolean;
  readonly filters?: PairFilters;
  readonly allowOutside?: boolean;
  /** Aborting stops the workers at once and keeps what is written for --resume. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Called once the pairs are found and the output checked, before any alignment. */
  readonly onStart?: (info: { total: number; skipped: number; replacedPartial: boolean }) => void;
}

export interface BatchResult {
  readonly report: BatchReport;
  /** Nothing aligned: OUT was not written (an existing one is as it was). */
  readonly isDiscarded: boolean;
  /** Stopped by the signal: what was written waits in `partialPaths` for --resume. */
  readonly isInterrupted: boolean;
  /** --resume found OUT complete: nothing was done. */
  readonly wasComplete: boolean;
  readonly partialPaths: readonly string[];
}

type Outcome = { readonly alignment: Alignment } | { readonly error: Error };

/** Errors of the model, not of one pair: every pair would fail the same way, so the batch stops. */
function isBatchError(error: Error): boolean {
  return error instanceof ModelFolderError || error instanceof UnknownModelError || error instanceof ModelDownloadError;
}

/** Write one pair's unit (the pairs its filters keep) or, for a failed pair, only its journal line. */
async function writeOutcome(output: BatchOutput, format: StreamFormat, filters: PairFilters, name: string, outcome: Outcome): Promise<PairFigures> {
  if ('error' in outcome) {
    const figures: PairFigures = { ok: false, message: outcome.error.message };
    await output.writePair(name, undefined, figures);
    return figures;
  }
  const { kept, filtered } = filterPairs(outcome.alignment, filters);
  const written = format.isAlignedOnly ? kept.filter((entry) => entry.pair.status === 'aligned').length : kept.length;
  const figures = pairFigures(outcome.alignment, written, filtered);
  const indexes = kept.map((entry) => entry.index);
  await output.writePair(name, format.unit(outcome.alignment, name, indexes), figures);
  return figures;
}

export async function runBatch(input: string, options: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const format = streamFormat(options.format ?? 'csv', { bom: options.bom });
  const filters = options.filters ?? {};
  const model = options.embedder?.name ?? options.model ?? DEFAULT_MODEL_NAME;
  const { pairs, unpaired, isManifest } = await findBatchPairs(input, { allowOutside: options.allowOutside });
  // Before any work: no output file may be the manifest, lie in the batch folder or be one of a manifest's files.
  const inputs = [input, ...(isManifest ? pairs.flatMap((pair) => [pair.source, pair.target]) : [])];
  for (const file of format.files(options.out)) await checkOutputPath(file, inputs);
  const mine = pairs.filter((pair) => isInShard(pair.name, options.shard));
  const shard = options.shard ? { index: options.shard.index, count: options.shard.count } : null;
  const settings = { input: resolve(input), format: format.name, bom: Boolean(options.bom), model, presplit: Boolean(options.presplit), filters, shard };
  const opened = await BatchOutput.open(options.out, format, { resume: options.resume, settings });

  const totals = emptyTotals();
  let skipped = 0;
  const report = (): BatchReport => ({
    input,
    out: options.out,
    format: format.name,
    model,
    shard,
    pairs: {
      total: mine.length,
      done: totals.done,
      failed: totals.failures.length,
      skipped,
      otherShards: pairs.length - mine.length,
    },
    failures: totals.failures,
    unpaired,
    sentences: { source: totals.sourceSentences, target: totals.targetSentences },
    sentencePairs: { aligned: totals.aligned, omitted: totals.omitted, added: totals.added },
    meanScore: totals.aligned > 0 ? totals.alignedScore / totals.aligned : null,
    written: totals.written,
    filtered: totals.filtered,
    jobs: options.jobs,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpuBefore)),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  });
  if (opened.isComplete) return { report: report(), isDiscarded: false, isInterrupted: false, wasComplete: true, partialPaths: [] };

  const { output, done } = opened;
  for (const entry of done) addPair(totals, entry.name, entry.record as PairFigures);
  skipped = done.length;
  const doneNames = new Set(done.map((entry) => entry.name));
  const todo = mine.filter((pair) => !doneNames.has(pair.name));
  const last = done.at(-1)?.name;
  const early = last === undefined ? undefined : todo.find((pair) => comparePairNames(pair.name, last) < 0);
  if (early) {
    await output.suspend();
    throw new InputError(`${input}: ${early.name} is new since the interrupted run (its rows would land out of order) — run without --resume to start over`);
  }
  options.onStart?.({ total: mine.length, skipped, replacedPartial: opened.replacedPartial });

  const pool = new AlignmentPool({
    size: options.jobs <= 1 || options.embedder ? 0 : Math.min(options.jobs, todo.length),
    ...(options.embedder ? { embedder: options.embedder } : { preload: { model: options.model } }),
  });
  const stop = (): void => void pool.terminate();
  options.signal?.addEventListener('abort', stop, { once: true });
  const window = Math.max(1, options.jobs) * WINDOW_PER_WORKER;
  const running = new Map<number, Promise<Outcome>>();
  let next = 0;
  let batchError: Error | undefined;
  try {
    for (let k = 0; k < todo.length && !options.signal?.aborted; k++) {
      for (; next < todo.length && next - k < window; next++) {
        const pair = todo[next]!;
        const job = { files: [pair.source, pair.target] as const, presplit: options.presplit, model: options.model, differences: format.showsDifferences };
        running.set(
          next,
          pool.align(job).then(
            (alignment): Outcome => ({ alignment }),
            (error: unknown): Outcome => ({ error: error instanceof Error ? error : new Error(String(error)) }),
          ),
        );
      }
      const outcome = await running.get(k)!;
      running.delete(k);
      if (options.signal?.aborted || ('error' in outcome && outcome.error instanceof PoolTerminatedError)) break;
      if ('error' in outcome && isBatchError(outcome.error)) {
        batchError = outcome.error;
        break;
      }
      const pair = todo[k]!;
      const figures = await writeOutcome(output, format, filters, pair.name, outcome);
      addPair(totals, pair.name, figures);
      options.onProgress?.({
        done: totals.done + totals.failures.length,
        total: mine.length,
        skipped,
        seconds: (performance.now() - started) / 1000,
        pair,
        ...(figures.ok ? {} : { error: figures.message }),
      });
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await pool.terminate();
  }
  if (batchError) {
    // Keep what was done for --resume; a run that did nothing at all leaves nothing behind.
    if (totals.done + totals.failures.length === 0) await output.discard();
    else await output.suspend();
    throw batchError;
  }
  if (options.signal?.aborted) {
    await output.suspend();
    return { report: report(), isDiscarded: false, isInterrupted: true, wasComplete: false, partialPaths: output.partialPaths };
  }
  const isDiscarded = totals.done === 0 && totals.failures.length > 0;
  if (isDiscarded) await output.discard();
  else await output.finish();
  return { report: report(), isDiscarded, isInterrupted: false, wasComplete: false, partialPaths: [] };
}
