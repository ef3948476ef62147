/** A bead of two documents as a pair with its differences: what the pipeline does with every bead it aligns, and
 * the editor with every bead a reviewer makes, so both find the same differences. Pure. */
import type { Document, PairStatus, SentencePair } from '../types.js';
import { findDifferences } from './find-differences.js';
import { wordDiff } from './word-diff.js';

/** The engine's part of a pair: which sentences, and how sure it is. */
export interface ScoredBead {
  readonly source: readonly number[];
  readonly target: readonly number[];
  readonly status: PairStatus;
  readonly score: number;
}

/** Two versions in one known language get a word diff as well. */
export function isSameLanguage(source: Pick<Document, 'lang'>, target: Pick<Document, 'lang'>): boolean {
  return source.lang === target.lang && source.lang !== 'und';
}

export function comparePair(
  bead: ScoredBead,
  source: Document,
  target: Document,
  options: { readonly differences?: boolean } = {},
): SentencePair {
  const pair = { source: bead.source, target: bead.target, status: bead.status, score: bead.score };
  if (bead.status !== 'aligned' || options.differences === false) return { ...pair, differences: [] };
  const sourceText = bead.source.map((i) => source.sentences[i]?.text ?? '').join(' ');
  const targetText = bead.target.map((j) => target.sentences[j]?.text ?? '').join(' ');
  const differences = findDifferences(sourceText, targetText, { sourceLang: source.lang, targetLang: target.lang });
  return isSameLanguage(source, target)
    ? { ...pair, differences, wordDiff: wordDiff(sourceText, targetText) }
    : { ...pair, differences };
}
