/** Where to highlight inside a sentence: the search query and the surfaces of a pair's differences. Pure, no Ink.
 * Where a difference stands in the text is decided in compare/spans.ts, shared with the HTML report. */
import { surfaceRanges, type TextRange } from '../../compare/spans.js';
import type { Span } from './layout.js';

/** Marks a reader does not tell apart when searching: curly and straight quotes, primes, guillemets. */
const FOLDED_QUOTES: Readonly<Record<string, string>> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u201B': "'", // ‛
  '\u2032': "'", // ′
  '\u00B4': "'", // ´
  '`': "'",
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u201F': '"', // ‟
  '\u2033': '"', // ″
  '\u00AB': '"', // «
  '\u00BB': '"', // »
};

/**
 * Text as search compares it: lower case, with quotation marks and apostrophes folded (' = ’, " = “ ”). Folding
 * keeps every UTF-16 unit in place (a letter whose lower case is longer, such as İ, stays as it is), so a match in
 * the folded text is at the same offsets in the original.
 */
export function foldForSearch(text: string): string {
  let out = '';
  for (const unit of text) {
    const quote = FOLDED_QUOTES[unit];
    if (quote !== undefined) {
      out += quote;
      continue;
    }
    const lower = unit.toLowerCase();
    out += lower.length === unit.length ? lower : unit;
  }
  return out;
}

/** Where the (folded) query occurs in the text, as ranges of the original. */
export function matchRanges(text: string, query: string, folded: string = foldForSearch(text)): TextRange[] {
  const needle = foldForSearch(query);
  const ranges: TextRange[] = [];
  if (needle.length === 0) return ranges;
  for (let start = folded.indexOf(needle); start !== -1; start = folded.indexOf(needle, start + needle.length)) {
    ranges.push({ start, end: start + needle.length });
  }
  return ranges;
}

export interface HighlightOptions {
  /** The search as typed ('' for none); its matches win over differences, as the thing the user is looking for. */
  readonly query?: string;
  /** Difference surfaces of this side (see `differenceSurfaces`). */
  readonly surfaces?: readonly string[];
}

/** The text as spans: search matches in the `match` tone, difference surfaces in the `difference` tone, the rest
 * plain. The spans' texts join to exactly `text`, so wrapping and widths do not change. */
export function highlightText(text: string, options: HighlightOptions = {}): Span[] {
  const matches = matchRanges(text, options.query ?? '');
  const differences = surfaceRanges(text, options.surfaces ?? []);
  if (matches.length === 0 && differences.length === 0) return [{ text }];
  // The tone of each character: the later assignment wins, so matches are painted over differences.
  const tones: (Span['tone'] | undefined)[] = new Array<Span['tone'] | undefined>(text.length).fill(undefined);
  for (const range of differences) tones.fill('difference', range.start, range.end);
  for (const range of matches) tones.fill('match', range.start, range.end);
  const spans: Span[] = [];
  let start = 0;
  for (let index = 1; index <= text.length; index += 1) {
    if (index < text.length && tones[index] === tones[start]) continue;
    const tone = tones[start];
    spans.push(tone === undefined ? { text: text.slice(start, index) } : { text: text.slice(start, index), tone });
    start = index;
  }
  return spans;
}
