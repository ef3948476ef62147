/**
 * What sentence-splitter gets wrong, as rules. `isFalseBreak` is the one arbiter: it vetoes the splitter's
 * breaks that are not sentence ends, and `findBreaks` uses it to judge the sentence ends the splitter missed
 * (inside straight quotes, after a year such as "in 2019. He", before a closing quote). Pure functions.
 */
import type { Lang } from '../types.js';
import { isAmbiguousAbbreviation, isPrepositiveAbbreviation } from './abbreviations.js';

/** Words that open a sentence: after "U.S." or "J." they mean the period did end a sentence. */
const ENGLISH_STARTERS: readonly string[] = [
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You', 'His',
  'Her', 'Their', 'Our', 'But', 'And', 'Or', 'So', 'Yet', 'In', 'On', 'At', 'For', 'As', 'After', 'Before',
  'When', 'While', 'If', 'However', 'Meanwhile', 'There', 'Here', 'Some', 'Many', 'Most', 'According', 'Both',
  'Also', 'Other', 'Such', 'Then', 'Since', 'Despite', 'Although', 'With', 'By', 'From', 'To', 'Of', 'What',
  'Who', 'Why', 'How', 'Last', 'Earlier', 'Later', 'Now', 'Still', 'Not', 'No',
];

const INDONESIAN_STARTERS: readonly string[] = [
  'Ia', 'Dia', 'Mereka', 'Kami', 'Kita', 'Saya', 'Aku', 'Ini', 'Itu', 'Hal', 'Namun', 'Tetapi', 'Tapi', 'Akan',
  'Sementara', 'Selain', 'Sebelumnya', 'Kemudian', 'Lalu', 'Saat', 'Ketika', 'Pada', 'Di', 'Dalam', 'Dari',
  'Untuk', 'Dengan', 'Menurut', 'Sedangkan', 'Adapun', 'Bahkan', 'Meski', 'Meskipun', 'Walaupun', 'Jika',
  'Kalau', 'Oleh', 'Karena', 'Sebab', 'Setelah', 'Sebelum', 'Sejak', 'Hingga', 'Sampai', 'Yang', 'Para',
  'Sebagian', 'Beberapa', 'Banyak', 'Semua', 'Seluruh', 'Hampir', 'Juga', 'Selanjutnya', 'Akibatnya',
  'Sehingga', 'Sebagai', 'Apa', 'Siapa', 'Mengapa', 'Bagaimana', 'Tidak', 'Sudah', 'Kini', 'Sekarang',
];

const STARTERS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  en: new Set(ENGLISH_STARTERS),
  id: new Set(INDONESIAN_STARTERS),
  // Unknown language: either list may apply, and a quote in the other language is common in news.
  und: new Set([...ENGLISH_STARTERS, ...INDONESIAN_STARTERS]),
};

export function sentenceStarters(lang: Lang | undefined): ReadonlySet<string> {
  return STARTERS[lang ?? 'und'];
}

/** Opening quotes and brackets, skipped to find a word's first letter. */
const OPENERS = /^[“‘"'«„(\[{]+/u;
/** A break before one of these is no break: the text continues the sentence ("?” tanya dia", "crypto. -coins"). */
const CONTINUATION_START = /^[,;:)\]}”’»…\-–—*/.!?]/u;
/** A straight quote followed by a space, punctuation or nothing closes a quotation rather than opening one. */
const CLOSING_STRAIGHT_QUOTE = /^["'](?:$|[\s,.;:!?])/u;
/** Lower-case letter, but not a brand such as "iPhone" or "eBay" that starts sentences in lower case. */
const LOWER_START = /^\p{Ll}(?!\p{Lu})/u;
/** Initials and initialisms: "J.", "B.J.", "U.S.", "A.S." (Amerika Serikat). */
const INITIALISM = /^(?:\p{Lu}\.){1,4}$/u;
/** A list item's number or letter alone: "1.", "a)", "(2)", "iv." */
const LIST_MARKER = /^\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]$/u;

/** Enough characters either side of a break to see the last word before it and the first word after it. */
const WORD_CONTEXT = 64;

function lastToken(left: string): string {
  const trimmed = left.slice(-WORD_CONTEXT).trimEnd();
  const space = trimmed.search(/\S+$/u);
  return trimmed.slice(Math.max(space, 0)).replace(OPENERS, '');
}

function firstWord(right: string): string {
  const match = /^[\p{L}\p{M}'’-]+/u.exec(right.replace(OPENERS, ''));
  return match ? match[0] : '';
}

/** Starts with a capital, perhaps after an opening quote; "(ASII)" after "Tbk." does not start a sentence. */
function startsUpper(right: string): boolean {
  return /^[“‘"'«„]*\p{Lu}/u.test(right);
}

/**
 * True when the break between `left` (a sentence so far) and `right` (what follows, whitespace trimmed) is not a
 * sentence end. Rules in order, each with an example it exists for.
 */
export function isFalseBreak(left: string, right: string, starters: ReadonlySet<string>): boolean {
  const head = right.slice(0, WORD_CONTEXT).trimStart();
  if (head.length === 0) return false;
  // "kata dia. kemudian", "the group. defense of", a URL cut at "?"
  if (LOWER_START.test(head)) return true;
  // "Apa?” tanya dia": the splitter breaks after "?" and leaves the closing quote to the next sentence
  if (CONTINUATION_START.test(head) || CLOSING_STRAIGHT_QUOTE.test(head)) return true;
  const token = lastToken(left);
  // "Jl. Sudirman", "Rp. 5.000", "Dr. Terawan", "e.g. Jakarta"
  if (isPrepositiveAbbreviation(token)) return true;
  // "No. 5", "Tbk. (BBRI)", "Jan. 6" — but "etc. The" ends the sentence
  if (isAmbiguousAbbreviation(token) && !startsUpper(head)) return true;
  // "J. K. Rowling", "Susilo B. Yudhoyono", "U.S. President" — but "in the U.S. The" ends it
  if (INITIALISM.test(token) && startsUpper(head) && !starters.has(firstWord(head))) return true;
  // "1. Pendahuluan": a list number is not a sentence
  if (left.length <= WORD_CONTEXT && LIST_MARKER.test(left.trim())) return true;
  return false;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Sentence-final punctuation, then closing quotes or brackets, then whitespace. */
const CANDIDATE_BREAK = /[.!?…]+[”’"'»)\]]*(?=\s)/gu;
const SPACES = /\s*/uy;

/** Marks the characters inside balanced round or square brackets, where the splitter does not break and neither
 * do we. An unbalanced bracket protects nothing (the splitter would swallow the rest of the paragraph). */
function insideBrackets(text: string): Uint8Array {
  const inside = new Uint8Array(text.length);
  const open: { char: string; at: number }[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '(' || char === '[') {
      open.push({ char, at: i });
    } else if (char === ')' || char === ']') {
      const top = open[open.length - 1];
      if (top?.char === (char === ')' ? '(' : '[')) {
        open.pop();
        inside.fill(1, top.at + 1, i);
      }
    }
  }
  return inside;
}

/**
 * Offsets in `text` (relative to it) where a sentence ends and the next begins, judged by `isFalseBreak`
 * alone. Each returned offset is the end of a sentence; the next starts at the first non-space after it.
 */
export function findBreaks(text: string, starters: ReadonlySet<string>): number[] {
  const breaks: number[] = [];
  let sentenceStart = 0;
  let bracketed: Uint8Array | undefined;
  for (const match of text.matchAll(CANDIDATE_BREAK)) {
    const end = match.index + match[0].length;
    SPACES.lastIndex = end;
    SPACES.exec(text);
    const rightStart = SPACES.lastIndex;
    if (rightStart >= text.length) break;
    bracketed ??= insideBrackets(text);
    if (bracketed[match.index] === 1) continue;
    const right = text.slice(rightStart, rightStart + WORD_CONTEXT);
    if (isFalseBreak(text.slice(sentenceStart, end), right, starters)) continue;
    breaks.push(end);
    sentenceStart = rightStart;
  }
  return breaks;
}
