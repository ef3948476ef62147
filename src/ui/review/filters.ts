/** Which pairs the list shows and in what order: the Tab filters (one per kind of difference present, derived from
 * the alignment, not a fixed list), the `o` orders, and the search with its scope. Data, and one pure function
 * that makes the visible list. */
import { isLowConfidence } from '../../review.js';
import type { DifferenceKind } from '../../types.js';
import { foldForSearch } from '../shared/highlight.js';
import { differenceKinds, type PairRow, type ReviewModel } from './review-model.js';

export interface PairFilter {
  readonly id: string;
  /** What the footer says while it applies. */
  readonly label: string;
  readonly keeps: (row: PairRow) => boolean;
}

export const ALL_PAIRS: PairFilter = { id: 'all', label: 'all pairs', keeps: () => true };

/** The filters every alignment has, in Tab order; the per-kind ones follow (see `filterCycle`). */
export const BASE_FILTERS: readonly PairFilter[] = [
  ALL_PAIRS,
  { id: 'flagged', label: 'flagged only', keeps: (row) => row.isFlagged },
  { id: 'omitted', label: 'omitted only', keeps: (row) => row.pair.status === 'omitted' },
  { id: 'added', label: 'added only', keeps: (row) => row.pair.status === 'added' },
  { id: 'low', label: 'low score', keeps: (row) => isLowConfidence(row.pair) },
  { id: 'not-reviewed', label: 'not reviewed', keeps: (row) => row.pair.reviewed !== true },
];

export function kindFilter(kind: DifferenceKind): PairFilter {
  return { id: `kind:${kind}`, label: `${kind} differences`, keeps: (row) => row.pair.differences.some((d) => d.kind === kind) };
}

/** Only where the alignment has moved passages. */
export const MOVED_FILTER: PairFilter = { id: 'moved', label: 'moved only', keeps: (row) => row.pair.move !== undefined };

/** Tab's cycle for this alignment: the base filters, moved sentences when there are any, then one per kind of
 * difference it has. */
export function filterCycle(model: ReviewModel): readonly PairFilter[] {
  return [...BASE_FILTERS, ...(model.moveHalves.size > 0 ? [MOVED_FILTER] : []), ...differenceKinds(model).map(kindFilter)];
}

/** The filter `steps` places after `current` in the cycle (a filter whose kind is gone restarts at the first). */
export function nextFilter(model: ReviewModel, current: PairFilter, steps: 1 | -1): PairFilter {
  const cycle = filterCycle(model);
  const index = cycle.findIndex((filter) => filter.id === current.id);
  const next = index === -1 ? 0 : (index + steps + cycle.length) % cycle.length;
  return cycle[next] ?? ALL_PAIRS;
}

export type SortOrder = 'document' | 'score-ascending' | 'score-descending';

/** `o` cycles through these. */
export const SORT_ORDERS: readonly SortOrder[] = ['document', 'score-ascending', 'score-descending'];

export const SORT_LABELS: Readonly<Record<SortOrder, string>> = {
  document: 'document order',
  'score-ascending': 'score ↑',
  'score-descending': 'score ↓',
};

export type SearchScope = 'both' | 'source' | 'target';

/** Tab in the search box cycles these. */
export const SEARCH_SCOPES: readonly SearchScope[] = ['both', 'source', 'target'];

export interface Search {
  readonly query: string;
  readonly scope: SearchScope;
}

export function rowMatches(row: PairRow, search: Search): boolean {
  const needle = foldForSearch(search.query);
  if (needle.length === 0) return true;
  return (
    (search.scope !== 'target' && row.sourceFolded.includes(needle)) || (search.scope !== 'source' && row.targetFolded.includes(needle))
  );
}

/** The pair indexes the list shows: those the filter and the search keep, in the order asked (ties in document
 * order). */
export function visiblePairs(model: ReviewModel, filter: PairFilter, order: SortOrder, search: Search | null): number[] {
  const visible: number[] = [];
  model.rows.forEach((row, index) => {
    if (filter.keeps(row) && (search === null || rowMatches(row, search))) visible.push(index);
  });
  if (order === 'document') return visible;
  const sign = order === 'score-ascending' ? 1 : -1;
  const score = (index: number): number => model.rows[index]?.pair.score ?? 0;
  return visible.sort((a, b) => sign * (score(a) - score(b)) || a - b);
}
