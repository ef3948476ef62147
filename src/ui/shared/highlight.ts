/** Where to highlight inside a sentence: the search query and the surfaces of a pair's differences. Pure, no Ink.
 * Where a difference stands in the text is decided in compare/spans.ts, shared with the HTML report. */
import { surfaceRanges, type TextRange } from '../../compare/spans.js';
import type { Span } from './layout.js';

/** A case-insensitive literal matcher for the search box; null for an empty query. */
export function queryPattern(query: string): RegExp | null {
  if (query.length === 0) return null;
  return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
}

function queryRanges(text: string, query: string): TextRange[] {
  const pattern = queryPattern(query);
  if (pattern === null) return [];
  return [...text.matchAll(pattern)].filter((match) => match[0].length > 0).map((match) => ({ start: match.index, end: match.index + match[0].length }));
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
  const matches = queryRanges(text, options.query ?? '');
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
