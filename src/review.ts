/** What a reviewer is told about an alignment, whatever shows it (the terminal UI, the HTML report): the display text
 * of each side, which pairs are flagged, and the counts. Pure. */
import { LOW_CONFIDENCE_SCORE } from './align/confidence.js';
import { cleanForDisplay } from './text/display-text.js';
import type { Document, SentencePair } from './types.js';

/** Aligned pairs scoring below LOW_CONFIDENCE_SCORE (a calibrated probability: more likely wrong than right) are
 * flagged for review. */
export { cleanForDisplay, LOW_CONFIDENCE_SCORE };

export type PairFlag = 'omitted' | 'added' | 'differences' | 'low-confidence';

export interface PairCounts {
  readonly pairs: number;
  readonly aligned: number;
  readonly omitted: number;
  readonly added: number;
  readonly withDifferences: number;
  readonly lowConfidence: number;
}

/**
 * A pair a reviewer made (joined, linked, split: `edited`) is their decision, not the aligner's doubt: its score stays
 * the engine's view, which for a bead the engine did not choose is low by construction, but it is not flagged.
 */
export function isLowConfidence(pair: SentencePair): boolean {
  return pair.status === 'aligned' && pair.score < LOW_CONFIDENCE_SCORE && pair.edited !== true;
}

export function pairFlags(pair: SentencePair): readonly PairFlag[] {
  const flags: PairFlag[] = [];
  if (pair.status === 'omitted') flags.push('omitted');
  if (pair.status === 'added') flags.push('added');
  if (isLowConfidence(pair)) flags.push('low-confidence');
  if (pair.differences.length > 0) flags.push('differences');
  return flags;
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

export function sentenceTexts(document: Document, indexes: readonly number[]): readonly string[] {
  return indexes.map((index) => cleanForDisplay(document.sentences[index]?.text ?? ''));
}
