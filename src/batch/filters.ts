/**
 * Filters for corpus building: which sentence pairs of an alignment a batch writes. Pure. A dropped pair is counted
 * under the first filter (in the order aligned-only, max-merge, min-score) that drops it.
 */
import type { Alignment, SentencePair } from '../types.js';

export interface PairFilters {
  /** Keep only aligned pairs (no omitted or added sentences). */
  readonly alignedOnly?: boolean;
  /** Keep aligned pairs with at most this many sentences on each side (1: one-to-one only). */
  readonly maxMerge?: number;
  /** Keep pairs whose score is at least this. */
  readonly minScore?: number;
}

export interface FilteredCounts {
  readonly alignedOnly: number;
  readonly maxMerge: number;
  readonly minScore: number;
}

export const NO_FILTERED: FilteredCounts = { alignedOnly: 0, maxMerge: 0, minScore: 0 };

/** A pair kept, with its 0-based index in the alignment's pairs (the CSV's pair_index). */
export interface KeptPair {
  readonly pair: SentencePair;
  readonly index: number;
}

export function hasFilters(filters: PairFilters): boolean {
  return Boolean(filters.alignedOnly) || filters.maxMerge !== undefined || filters.minScore !== undefined;
}

function droppedBy(pair: SentencePair, filters: PairFilters): keyof FilteredCounts | undefined {
  if (filters.alignedOnly && pair.status !== 'aligned') return 'alignedOnly';
  if (filters.maxMerge !== undefined && pair.status === 'aligned' && Math.max(pair.source.length, pair.target.length) > filters.maxMerge) {
    return 'maxMerge';
  }
  if (filters.minScore !== undefined && pair.score < filters.minScore) return 'minScore';
  return undefined;
}

export function filterPairs(alignment: Alignment, filters: PairFilters): { kept: KeptPair[]; filtered: FilteredCounts } {
  const kept: KeptPair[] = [];
  const filtered = { ...NO_FILTERED };
  alignment.pairs.forEach((pair, index) => {
    const reason = droppedBy(pair, filters);
    if (reason) filtered[reason]++;
    else kept.push({ pair, index });
  });
  return { kept, filtered };
}

export function addFiltered(a: FilteredCounts, b: FilteredCounts): FilteredCounts {
  return { alignedOnly: a.alignedOnly + b.alignedOnly, maxMerge: a.maxMerge + b.maxMerge, minScore: a.minScore + b.minScore };
}
