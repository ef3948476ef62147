/**
 * A batch's figures: per pair (kept in the journal, so a resumed run reports the whole batch) and summed into the
 * summary printed at the end and written by --report. Pure.
 */
import type { Alignment } from '../types.js';
import { addFiltered, NO_FILTERED, type FilteredCounts } from './filters.js';

/** The figures of one article pair: what the journal keeps. */
export type PairFigures =
  | {
      readonly ok: true;
      readonly sourceSentences: number;
      readonly targetSentences: number;
      readonly aligned: number;
      readonly omitted: number;
      readonly added: number;
      /** Sum of the scores of aligned pairs. */
      readonly alignedScore: number;
      /** Sentence pairs written (after the filters). */
      readonly written: number;
      readonly filtered: FilteredCounts;
    }
  | { readonly ok: false; readonly message: string };

export function pairFigures(alignment: Alignment, written: number, filtered: FilteredCounts): PairFigures {
  let aligned = 0;
  let omitted = 0;
  let added = 0;
  let alignedScore = 0;
  for (const pair of alignment.pairs) {
    if (pair.status === 'aligned') {
      aligned++;
      alignedScore += pair.score;
    } else if (pair.status === 'omitted') omitted++;
    else added++;
  }
  return {
    ok: true,
    sourceSentences: alignment.source.sentences.length,
    targetSentences: alignment.target.sentences.length,
    aligned,
    omitted,
    added,
    alignedScore,
    written,
    filtered,
  };
}

export interface BatchFailure {
  readonly pair: string;
  readonly message: string;
}

/** What `--report FILE.json` holds (fields may be added, never renamed). */
export interface BatchReport {
  readonly input: string;
  readonly out: string;
  readonly format: string;
  readonly model: string;
  /** 0-based shard index and count; null when the batch was not sharded. */
  readonly shard: { readonly index: number; readonly count: number } | null;
  readonly pairs: {
    /** Article pairs of this shard (all pairs when not sharded). */
    readonly total: number;
    /** Aligned and written, by this run or by the interrupted run it resumed. */
    readonly done: number;
    readonly failed: number;
    /** Complete before this run started (--resume). */
    readonly skipped: number;
    /** In other shards. */
    readonly otherShards: number;
  };
  readonly failures: readonly BatchFailure[];
  /** Files of the folder that found no partner. */
  readonly unpaired: readonly string[];
  readonly sentences: { readonly source: number; readonly target: number };
  readonly sentencePairs: { readonly aligned: number; readonly omitted: number; readonly added: number };
  /** Mean score of the aligned sentence pairs; null when there are none. */
  readonly meanScore: number | null;
  /** Sentence pairs written, and those the filters left out (by the first filter that dropped each). */
  readonly written: number;
  readonly filtered: FilteredCounts;
  readonly jobs: number;
  readonly seconds: number;
  /** CPU time of the whole process, all workers included. */
  readonly cpuSeconds: number;
  readonly peakRssMiB: number;
}

export interface Totals {
  done: number;
  failures: BatchFailure[];
  sourceSentences: number;
  targetSentences: number;
  aligned: number;
  omitted: number;
  added: number;
  alignedScore: number;
  written: number;
  filtered: FilteredCounts;
}

export function emptyTotals(): Totals {
  return {
    done: 0,
    failures: [],
    sourceSentences: 0,
    targetSentences: 0,
    aligned: 0,
    omitted: 0,
    added: 0,
    alignedScore: 0,
    written: 0,
    filtered: NO_FILTERED,
  };
}

export function addPair(totals: Totals, name: string, figures: PairFigures): void {
  if (!figures.ok) {
    totals.failures.push({ pair: name, message: figures.message });
    return;
  }
  totals.done++;
  totals.sourceSentences += figures.sourceSentences;
  totals.targetSentences += figures.targetSentences;
  totals.aligned += figures.aligned;
  totals.omitted += figures.omitted;
  totals.added += figures.added;
  totals.alignedScore += figures.alignedScore;
  totals.written += figures.written;
  totals.filtered = addFiltered(totals.filtered, figures.filtered);
}

/** The summary line on standard error. */
export function formatSummary(report: BatchReport): string {
  const { pairs } = report;
  const filtered = Object.entries(report.filtered)
    .filter(([, count]) => count > 0)
    .map(([filter, count]) => `${count} by ${filter.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  const parts = [
    `${pairs.done} of ${pairs.total} pairs aligned`,
    `${report.written} rows written to ${report.out}`,
    ...(pairs.failed ? [`${pairs.failed} failed`] : []),
    ...(pairs.skipped ? [`${pairs.skipped} already done`] : []),
    ...(filtered.length ? [`filtered out ${filtered.join(', ')}`] : []),
    `${report.sentencePairs.omitted} omitted, ${report.sentencePairs.added} added sentences`,
    ...(report.meanScore === null ? [] : [`mean score ${report.meanScore.toFixed(3)}`]),
    `${report.seconds.toFixed(1)} s`,
  ];
  return parts.join('; ');
}
