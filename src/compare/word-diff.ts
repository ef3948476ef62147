import { diffWords } from 'diff';
import type { WordChange } from '../types.js';

/**
 * Word-level diff of two versions in the same language, as the `diff` package's change objects. Runs of
 * whitespace (line breaks, double spaces left by joining sentences) are collapsed first: they are layout, not
 * wording, and would otherwise show up as changes of their own.
 */
export function wordDiff(source: string, target: string): WordChange[] {
  return diffWords(collapseWhitespace(source), collapseWhitespace(target)).map((change) => ({
    value: change.value,
    added: change.added,
    removed: change.removed,
  }));
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
