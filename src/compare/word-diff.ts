import { diffWords } from 'diff';
import type { WordChange } from '../types.js';

/**
 * Splits words as Unicode does (UAX #29), which keeps numbers whole (232.000, 1,5) and contractions together
 * (doesn't), where the diff package's own splitting would cut 232.000 into 232 . 000 and match the dot alone.
 */
let words: Intl.Segmenter | undefined;
/** Made on first use: building a segmenter loads ICU's break data, about 10 ms that a pair of two languages never needs. */
function wordSegmenter(): Intl.Segmenter {
  return (words ??= new Intl.Segmenter('en', { granularity: 'word' }));
}

/**
 * Word-level diff of two versions in the same language, as the `diff` package's change objects. Runs of
 * whitespace (line breaks, double spaces left by joining sentences) are collapsed first: they are layout, not
 * wording, and would otherwise show up as changes of their own.
 */
export function wordDiff(source: string, target: string): WordChange[] {
  return diffWords(collapseWhitespace(source), collapseWhitespace(target), { intlSegmenter: wordSegmenter() }).map((change) => ({
    value: change.value,
    added: change.added,
    removed: change.removed,
  }));
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
