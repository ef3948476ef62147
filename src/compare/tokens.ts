/**
 * The tokens every difference finder works on: runs of digits (with their separators), words (with inner
 * apostrophes: don't, Jum'at, Tesla's), dotted acronyms (U.S.), and single other characters. Offsets point into
 * the text, so a finder can tell whether two tokens touch (Rp1.500, 1990-an, twenty-five) and quote the surface.
 */

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'number' | 'word' | 'other';
  /** First word of a sentence (or of a heading, a dateline, a "Label:" line), where capitals say nothing. */
  readonly isInitial: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\S/gu;

/** Characters that may stand between the end of a sentence and the first word of the next. */
const OPENERS = new Set(['(', '[', '*', '•', '#']);
/** Quotation marks: the first word of a quotation is capitalised whatever it is ("Cool," he said). */
const QUOTE_MARKS = new Set(['"', '“', '”', '‘', '’', "'", '«', '»', '„']);
/** Characters after which the next word starts a new sentence or a new unit (headline, dateline, label, or the
 * sentence after a bracketed stage direction such as "(Applause)"). */
const BOUNDARIES = new Set(['.', '!', '?', '…', ':', ';', '-', '–', '—', '|', ')']);

export function tokenize(text: string): Token[] {
  const raw: Array<Omit<Token, 'isInitial'>> = [];
  for (const match of text.matchAll(TOKEN)) {
    const value = match[0];
    const start = match.index;
    const kind = /^\d/.test(value) ? 'number' : /^\p{L}/u.test(value) ? 'word' : 'other';
    raw.push({ text: value, start, end: start + value.length, kind });
  }
  return raw.map((token, index) => ({ ...token, isInitial: token.kind === 'word' && startsUnit(raw, index) }));
}

function startsUnit(tokens: ReadonlyArray<Omit<Token, 'isInitial'>>, index: number): boolean {
  let before = index - 1;
  while (before >= 0 && OPENERS.has(tokens[before]!.text)) before--;
  if (before < 0 || QUOTE_MARKS.has(tokens[before]!.text)) return true;
  const previous = tokens[before]!;
  if (!BOUNDARIES.has(previous.text)) return false;
  // A hyphen inside a word (France-Presse, Bangsa-Bangsa) is no boundary; a spaced dash (JAKARTA - As) is.
  if (previous.text === '-') return previous.end < tokens[before + 1]!.start;
  return true;
}

/** True when `b` starts exactly where `a` ends. */
export function touches(a: { readonly end: number }, b: { readonly start: number }): boolean {
  return a.end === b.start;
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Lower case without diacritics: "Jum'at" and "jum’at" meet, and so do "Zürich" and "Zurich". */
export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/’/g, "'")
    .toLowerCase();
}
