/** What the review screen needs to know about an alignment, computed once when it loads. Pure, no Ink. */
import { LOW_CONFIDENCE_SCORE } from '../align/confidence.js';
import type { Alignment, Document, SentencePair } from '../types.js';

export { LOW_CONFIDENCE_SCORE };

export type PairFlag = 'omitted' | 'added' | 'differences' | 'low-confidence';

export interface PairCounts {
  readonly pairs: number;
  readonly aligned: number;
  readonly omitted: number;
  readonly added: number;
  readonly withDifferences: number;
  readonly lowConfidence: number;
}

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

export function isLowConfidence(pair: SentencePair): boolean {
  return pair.status === 'aligned' && pair.score < LOW_CONFIDENCE_SCORE;
}

export function pairFlags(pair: SentencePair): readonly PairFlag[] {
  const flags: PairFlag[] = [];
  if (pair.status === 'omitted') flags.push('omitted');
  if (pair.status === 'added') flags.push('added');
  if (isLowConfidence(pair)) flags.push('low-confidence');
  if (pair.differences.length > 0) flags.push('differences');
  return flags;
}

/** The status column: `omitted`, `added`, or the bead shape of an aligned pair (`1-1`, `1-2`, `2-1` ...). */
export function pairLabel(pair: SentencePair): string {
  if (pair.status === 'omitted') return 'omitted';
  if (pair.status === 'added') return 'added';
  return `${pair.source.length}-${pair.target.length}`;
}

export function countPairs(pairs: readonly SentencePair[]): PairCounts {
  let aligned = 0;
  let omitted = 0;
  let added = 0;
  let withDifferences = 0;
  let lowConfidence = 0;
  for (const pair of pairs) {
    if (pair.status === 'aligned') aligned += 1;
    if (pair.status === 'omitted') omitted += 1;
    if (pair.status === 'added') added += 1;
    if (pair.differences.length > 0) withDifferences += 1;
    if (isLowConfidence(pair)) lowConfidence += 1;
  }
  return { pairs: pairs.length, aligned, omitted, added, withDifferences, lowConfidence };
}

/** C0 and C1 control characters (escape sequences in an input file would otherwise drive the terminal). */
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

/** One line of display text: whitespace runs (tabs, newlines) become one space, control characters go. */
export function cleanForDisplay(text: string): string {
  return text.replace(/\s+/g, ' ').replace(CONTROL_CHARACTERS, '').trim();
}

export function sentenceTexts(document: Document, indexes: readonly number[]): readonly string[] {
  return indexes.map((index) => cleanForDisplay(document.sentences[index]?.text ?? ''));
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

/** A case-insensitive literal matcher for the search box; null for an empty query. */
export function queryPattern(query: string): RegExp | null {
  if (query.length === 0) return null;
  return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
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
