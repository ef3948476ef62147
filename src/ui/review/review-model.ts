/** What the review screen needs to know about an alignment, computed once when it loads. Pure, no Ink. */
import type { Alignment, SentencePair } from '../../types.js';
import { countPairs, pairFlags, sentenceTexts, type PairCounts } from '../../review.js';
import { queryPattern } from '../shared/highlight.js';

export interface ReviewModel {
  readonly alignment: Alignment;
  /** Per pair: its source sentences joined with a space, cleaned for display ('' for an added pair). */
  readonly sourceTexts: readonly string[];
  /** Per pair: its target sentences joined with a space, cleaned for display ('' for an omitted pair). */
  readonly targetTexts: readonly string[];
  /** Per pair: whether the flagged-only filter and n/N stop at it. */
  readonly isFlagged: readonly boolean[];
  readonly counts: PairCounts;
}

/** The status column: `omitted`, `added`, or the bead shape of an aligned pair (`1-1`, `1-2`, `2-1` ...). */
export function pairLabel(pair: SentencePair): string {
  if (pair.status === 'omitted') return 'omitted';
  if (pair.status === 'added') return 'added';
  return `${pair.source.length}-${pair.target.length}`;
}

export function buildReviewModel(alignment: Alignment): ReviewModel {
  const { pairs, source, target } = alignment;
  return {
    alignment,
    sourceTexts: pairs.map((pair) => sentenceTexts(source, pair.source).join(' ')),
    targetTexts: pairs.map((pair) => sentenceTexts(target, pair.target).join(' ')),
    isFlagged: pairs.map((pair) => pairFlags(pair).length > 0),
    counts: countPairs(pairs),
  };
}

export function pairMatches(model: ReviewModel, pairIndex: number, pattern: RegExp): boolean {
  const matches = (text: string | undefined): boolean => {
    pattern.lastIndex = 0;
    return text !== undefined && pattern.test(text);
  };
  return matches(model.sourceTexts[pairIndex]) || matches(model.targetTexts[pairIndex]);
}

export type PairFilter = 'all' | 'flagged';

/** The pair indexes the list shows, in document order. */
export function visiblePairs(model: ReviewModel, filter: PairFilter, query: string): readonly number[] {
  const pattern = queryPattern(query);
  const visible: number[] = [];
  for (let index = 0; index < model.alignment.pairs.length; index += 1) {
    if (filter === 'flagged' && model.isFlagged[index] !== true) continue;
    if (pattern !== null && !pairMatches(model, index, pattern)) continue;
    visible.push(index);
  }
  return visible;
}
