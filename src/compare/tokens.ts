/**
 * The tokens every difference finder works on: runs of digits (with their separators), words (with inner
 * apostrophes: don't, Jum'at, Tesla's), dotted acronyms (U.S.), and single other characters. Offsets point into
 * the text, so a finder can tell whether two tokens touch (Rp1.500, 1990-an, twenty-five) and quote the surface.
 *
 * A text is tokenised once per pair side (`tokenised`) and the result shared by all finders: tokenising was the
 * largest single cost of comparing a pair when each finder did its own.
 */

export interface Token {
  readonly text: string;
  /** `fold(text)`, computed once: the finders compare words folded. */
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'number' | 'word' | 'other';
  /** First word of a sentence (or of a heading, a dateline, a "Label:" line), where capitals say nothing. */
  readonly isInitial: boolean;
}

/** A text with its tokens: what the finders take, so that one tokenisation serves them all. */
export interface Tokenised {
  readonly text: string;
  readonly tokens: readonly Token[];
}

/** Groups: 1 dotted acronym, 2 digits, 3 word; else one other character. */
const TOKEN = /((?:\p{Lu}\.){2,})|(\d+(?:[.,]\d+)*)|([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)|\S/gu;
const STARTS_WITH_LETTER = /^\p{L}/u;

/** Characters that may stand between the end of a sentence and the first word of the next. */
const OPENERS = new Set(['(', '[', '*', '•', '#']);
/** Quotation marks: the first word of a quotation is capitalised whatever it is ("Cool," he said). */
const QUOTE_MARKS = new Set(['"', '“', '”', '‘', '’', "'", '«', '»', '„']);
/** Characters after which the next word starts a new sentence or a new unit (headline, dateline, label, or the
 * sentence after a bracketed stage direction such as "(Applause)"). */
const BOUNDARIES = new Set(['.', '!', '?', '…', ':', ';', '-', '–', '—', '|', ')']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const value = match[0];
    const start = match.index;
    const kind =
      match[2] !== undefined ? 'number' : match[1] !== undefined || (match[3] !== undefined && STARTS_WITH_LETTER.test(value)) ? 'word' : 'other';
    const isInitial = kind === 'word' && startsUnit(tokens, start);
    tokens.push({ text: value, folded: kind === 'number' ? value : fold(value), start, end: start + value.length, kind, isInitial });
  }
  return tokens;
}

/** A text tokenised, or the tokens it already has. */
export function tokenised(input: string | Tokenised): Tokenised {
  return typeof input === 'string' ? { text: input, tokens: tokenize(input) } : input;
}

/** Whether a word starting at `start` after `tokens` (the tokens before it) begins a new unit. */
function startsUnit(tokens: readonly Token[], start: number): boolean {
  let before = tokens.length - 1;
  while (before >= 0 && OPENERS.has(tokens[before]!.text)) before--;
  if (before < 0 || QUOTE_MARKS.has(tokens[before]!.text)) return true;
  const previous = tokens[before]!;
  if (!BOUNDARIES.has(previous.text)) return false;
  // A hyphen inside a word (France-Presse, Bangsa-Bangsa) is no boundary; a spaced dash (JAKARTA - As) is.
  if (previous.text === '-') return previous.end < (tokens[before + 1]?.start ?? start);
  return true;
}

/** True when `b` starts exactly where `a` ends. */
export function touches(a: { readonly end: number }, b: { readonly start: number }): boolean {
  return a.end === b.start;
}

const CAPITALISED = /^\p{Lu}/u;

export function isCapitalised(word: string): boolean {
  return CAPITALISED.test(word);
}

const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}/gu;
const CURLY_APOSTROPHE = /’/g;

/** Lower case without diacritics: "Jum'at" and "jum’at" meet, and so do "Zürich" and "Zurich". */
export function fold(word: string): string {
  // Most words are plain ASCII, where folding is lower-casing.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(MARKS, '').replace(CURLY_APOSTROPHE, "'").toLowerCase();
}
