import type { Alignment, SentencePair } from '../types.js';

/** The sentences of one side of a pair, joined with a space (a merge shows as one text). */
export function sideText(alignment: Alignment, pair: SentencePair, side: 'source' | 'target'): string {
  const sentences = alignment[side].sentences;
  return pair[side].map((index) => sentences[index]?.text ?? '').join(' ');
}

/** "aligned", "omitted", "added", or the merge shape such as "aligned 1-2". */
export function pairLabel(pair: SentencePair): string {
  if (pair.status !== 'aligned' || (pair.source.length === 1 && pair.target.length === 1)) return pair.status;
  return `aligned ${pair.source.length}-${pair.target.length}`;
}

/** Every pair of an alignment, by 0-based index. */
export function allPairIndexes(alignment: Alignment): number[] {
  return alignment.pairs.map((_, index) => index);
}
