import type { Difference } from '../types.js';

/** Stands for the side that lacks what the other has. */
const ABSENT = '—';

/** One line for a CSV column or the text output: "number: 232.000 ≠ —; name: AFP ≠ New York Post". */
export function summarizeDifferences(diffs: readonly Difference[]): string {
  return diffs
    .map((diff) => `${diff.kind}: ${oneLine(diff.source) ?? ABSENT} ≠ ${oneLine(diff.target) ?? ABSENT}`)
    .join('; ');
}

function oneLine(text: string | null): string | null {
  return text === null ? null : text.replace(/\s+/g, ' ').trim();
}
