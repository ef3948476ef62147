/**
 * Evidence that needs no model: sentence lengths and the numbers each sentence contains. Numbers are compared as
 * digit strings, so 232.000, 232,000 and 232000 meet (the thousands separator differs between the languages).
 */

export interface SentenceEvidence {
  /** Length in characters, whitespace collapsed. */
  readonly length: number;
  /** Digit strings of the numbers in the sentence (separators removed). */
  readonly numbers: readonly string[];
}

const NUMBER = /\d+(?:[.,]\d+)*/g;

export function sentenceEvidence(text: string): SentenceEvidence {
  const numbers: string[] = [];
  for (const match of text.matchAll(NUMBER)) numbers.push(match[0].replace(/[.,]/g, ''));
  return { length: text.replace(/\s+/g, ' ').trim().length, numbers };
}

/**
 * In [-1, 1]: -1 when every number of the bead appears on both sides, +1 when none does, 0 when neither side has
 * numbers (no evidence either way).
 */
export function numberMismatch(source: readonly string[], target: readonly string[]): number {
  if (source.length === 0 && target.length === 0) return 0;
  const a = new Set(source);
  const b = new Set(target);
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  const different = union - shared;
  return (different - shared) / union;
}
