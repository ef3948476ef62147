import { movedPairOf } from '../moved-passages.js';
import type { Alignment, Difference, SentencePair } from '../types.js';

/** The sentences of one side of a pair, joined with a space (a merge shows as one text). */
export function sideText(alignment: Alignment, pair: Pick<SentencePair, 'source' | 'target'>, side: 'source' | 'target'): string {
  const sentences = alignment[side].sentences;
  return pair[side].map((index) => sentences[index]?.text ?? '').join(' ');
}

/** "aligned", "omitted", "added", "moved", or the merge shape such as "aligned 1-2". */
export function pairLabel(pair: SentencePair): string {
  if (pair.move !== undefined) return 'moved';
  if (pair.status !== 'aligned' || (pair.source.length === 1 && pair.target.length === 1)) return pair.status;
  return `aligned ${pair.source.length}-${pair.target.length}`;
}

/** What a row of a listing shows for a pair. */
export interface ShownPair {
  readonly source: readonly number[];
  readonly target: readonly number[];
  readonly score: number;
  readonly differences: readonly Difference[];
}

/**
 * A pair as a listing shows it: itself, or for a half of a moved passage the pair the move makes, so that the
 * row at each of its two positions names the other position and its text.
 */
export function shownPair(alignment: Alignment, pair: SentencePair): ShownPair {
  const moved = movedPairOf(alignment, pair);
  const move = pair.move === undefined ? undefined : alignment.moves?.[pair.move];
  if (move === undefined || moved === undefined) return pair;
  return { source: moved.source, target: moved.target, score: moved.score, differences: move.differences };
}

/** Every pair of an alignment, by 0-based index. */
export function allPairIndexes(alignment: Alignment): number[] {
  return alignment.pairs.map((_, index) => index);
}
