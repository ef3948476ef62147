/** A bead of two documents as a pair with its differences: what the pipeline does with every bead it aligns, and
 * the editor with every bead a reviewer makes, so both find the same differences. Pure. */
import type { Document, MovedPassage, PairStatus, SentencePair } from '../types.js';
import { findDifferences } from './find-differences.js';
import type { WordVectors } from './options.js';
import { isSameLanguage } from './same-language.js';
import { wordDiff } from './word-diff.js';

/** The engine's part of a pair: which sentences, and how sure it is. */
export interface ScoredBead {
  readonly source: readonly number[];
  readonly target: readonly number[];
  readonly status: PairStatus;
  readonly score: number;
  /** For a half of a moved passage: which one. */
  readonly move?: { readonly index: number };
}

export interface CompareBeadOptions {
  /** Find the differences (default true). */
  readonly differences?: boolean;
  /** The embedding model's word vectors, for dropped and added phrases. */
  readonly wordVectors?: WordVectors;
}

function joined(document: Document, indexes: readonly number[]): string {
  return indexes.map((index) => document.sentences[index]?.text ?? '').join(' ');
}

function differencesOf(source: Document, target: Document, sourceText: string, targetText: string, options: CompareBeadOptions) {
  return findDifferences(sourceText, targetText, {
    sourceLang: source.lang,
    targetLang: target.lang,
    ...(options.wordVectors && { wordVectors: options.wordVectors }),
  });
}

export function comparePair(
  bead: ScoredBead,
  source: Document,
  target: Document,
  options: CompareBeadOptions = {},
): SentencePair {
  const pair = { source: bead.source, target: bead.target, status: bead.status, score: bead.score, ...(bead.move && { move: bead.move.index }) };
  if (bead.status !== 'aligned' || options.differences === false) return { ...pair, differences: [] };
  const sourceText = joined(source, bead.source);
  const targetText = joined(target, bead.target);
  const differences = differencesOf(source, target, sourceText, targetText, options);
  return isSameLanguage(source, target)
    ? { ...pair, differences, wordDiff: wordDiff(sourceText, targetText) }
    : { ...pair, differences };
}

/** A moved passage as the engine found it (see align/moves.ts). */
export interface FoundMove {
  readonly source: readonly number[];
  readonly target: readonly number[];
  readonly score: number;
  readonly beads: ReadonlyArray<{ readonly source: readonly number[]; readonly target: readonly number[]; readonly score: number }>;
}

/** A moved passage with the differences between its two halves, as for a pair in place. */
export function compareMove(move: FoundMove, source: Document, target: Document, options: CompareBeadOptions = {}): MovedPassage {
  const differences = options.differences === false ? [] : differencesOf(source, target, joined(source, move.source), joined(target, move.target), options);
  return {
    source: move.source,
    target: move.target,
    score: move.score,
    differences,
    pairs: move.beads.map((bead) => ({ source: bead.source, target: bead.target, score: bead.score })),
  };
}
