/**
 * Planted changes for the differences benchmark: true translation pairs (dev-raw lines) with one change made to
 * one side, of a kind the difference finders should report: a number changed or dropped, a name dropped (whole or
 * one of its words) or replaced, a date changed or dropped, a negation removed or added, a clause or attribution
 * deleted. Deterministic for a seed. What counts as a name, a date or a clause here is decided from both sides of
 * the pair and plain patterns, not by the finders being measured, so the benchmark does not grade them on their
 * own definitions.
 */
import { seededRandom } from '../align/random.js';

export type PlantKind = 'number' | 'name' | 'date' | 'negation' | 'phrase';
export const PLANT_KINDS: readonly PlantKind[] = ['number', 'name', 'date', 'negation', 'phrase'];

export interface TextPair {
  readonly en: string;
  readonly id: string;
  /** Where the pair comes from (a dev-raw file and line: `bppt-int:308`), when known. */
  readonly where?: string;
}

export type PlantSide = 'en' | 'id';

export interface PlantedChange extends TextPair {
  readonly kind: PlantKind;
  /** The side that was edited. */
  readonly side: PlantSide;
  /** What was done, for reading the benchmark's misses ("dropped name: Gedi"). */
  readonly change: string;
  /** Index of the untouched pair in the input. */
  readonly pair: number;
}

type Random = () => number;

interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Planter {
  (pair: TextPair, side: PlantSide, random: Random, pool: NamePool): { text: string; change: string } | undefined;
}

const OTHER: Record<PlantSide, PlantSide> = { en: 'id', id: 'en' };
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*/gu;

function spans(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
}

function pick<T>(items: readonly T[], random: Random): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

/** The text with `start`..`end` removed, and the spacing and punctuation left behind tidied. */
export function removeSpan(text: string, start: number, end: number): string {
  return tidy(`${text.slice(0, start)} ${text.slice(end)}`);
}

function tidy(text: string): string {
  return text
    .replace(/\(\s*\)/g, '')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/([,;])(?:\s*[,;])+/g, '$1')
    .replace(/([(])\s+/g, '$1')
    .replace(/^[\s,;:]+/, '')
    .replace(/,(\s*[.!?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function replaceSpan(text: string, span: Span, replacement: string): string {
  return text.slice(0, span.start) + replacement + text.slice(span.end);
}

function wordSet(text: string): Set<string> {
  return new Set(spans(text, WORD).map((span) => span.text));
}

// ---- numbers ----------------------------------------------------------------------------------------------

const DIGITS = /\d+(?:[.,]\d+)*/g;
/** Scale and unit words that go with a number when it is dropped. */
const NUMBER_TAIL = /^\s*(?:%|percent|per cent|persen|thousand|million|billion|trillion|ribu|juta|miliar|triliun)\b/i;
const CODE = /\b\p{Lu}{1,4}-?\d+\b/gu;

function digitsOf(text: string): string {
  return text.replace(/[.,]/g, '');
}

/** One digit changed, never into a leading zero: 1,500 -> 1,800. */
function changeDigit(number: string, random: Random): string {
  const positions = [...number].flatMap((c, k) => (/\d/.test(c) ? [k] : []));
  const at = positions[Math.floor(random() * positions.length)]!;
  const old = Number(number[at]);
  let digit = (old + 1 + Math.floor(random() * 8)) % 10;
  if (at === 0 && digit === 0) digit = old === 1 ? 2 : 1;
  return number.slice(0, at) + String(digit) + number.slice(at + 1);
}

const plantNumber: Planter = (pair, side, random) => {
  const text = pair[side];
  const otherDigits = new Set(spans(pair[OTHER[side]], DIGITS).map((span) => digitsOf(span.text)));
  const codes = spans(text, CODE).filter((span) => pair[OTHER[side]].includes(span.text));
  const shared = spans(text, DIGITS).filter((span) => otherDigits.has(digitsOf(span.text)) && !codes.some((c) => c.start <= span.start && span.end <= c.end));
  if (codes.length > 0 && random() < 0.2) {
    const code = pick(codes, random)!;
    const digits = /\d+/.exec(code.text)!;
    const changed = code.text.slice(0, digits.index) + changeDigit(digits[0], random);
    return { text: replaceSpan(text, code, changed), change: `changed code: ${code.text} -> ${changed}` };
  }
  const number = pick(shared, random);
  if (number === undefined) return undefined;
  if (random() < 0.7) {
    const changed = changeDigit(number.text, random);
    return { text: replaceSpan(text, number, changed), change: `changed number: ${number.text} -> ${changed}` };
  }
  const tail = NUMBER_TAIL.exec(text.slice(number.end))?.[0].length ?? 0;
  return { text: removeSpan(text, number.start, number.end + tail), change: `dropped number: ${text.slice(number.start, number.end + tail)}` };
};

const MONTHS: Record<PlantSide, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
};
const WEEKDAYS: Record<PlantSide, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
};

// ---- names ------------------------------------------------------------------------------------------------

/** Names (runs of capitalised words) of each pair that both sides spell the same, for substitutions. */
export interface NamePool {
  readonly names: readonly string[];
}

const CAPITALISED_RUN = /\p{Lu}[\p{L}\p{M}'’]+(?:[ -]\p{Lu}[\p{L}\p{M}'’]+)*/gu;

/**
 * Runs of capitalised words that the other side also has, word for word: across English and Indonesian, a
 * capitalised word both sides spell the same is a name (a person, place, organisation or title).
 */
function sharedNames(pair: TextPair, side: PlantSide): Span[] {
  // Month and weekday names are the date plants'.
  const dateWords = new Set([...MONTHS.en, ...MONTHS.id, ...WEEKDAYS.en, ...WEEKDAYS.id]);
  const other = new Set([...wordSet(pair[OTHER[side]])].filter((word) => !dateWords.has(word)));
  const found: Span[] = [];
  for (const run of spans(pair[side], CAPITALISED_RUN)) {
    // Split the run where a word is missing on the other side: "Perdana Menteri Somalia Ali" -> "Somalia Ali".
    let from: number | undefined;
    let last = run.start;
    for (const word of spans(run.text, /[^ -]+/g)) {
      const isShared = other.has(word.text);
      if (isShared && from === undefined) from = run.start + word.start;
      if (!isShared && from !== undefined) {
        found.push({ start: from, end: last, text: pair[side].slice(from, last) });
        from = undefined;
      }
      last = run.start + word.end;
    }
    if (from !== undefined) found.push({ start: from, end: last, text: pair[side].slice(from, last) });
  }
  return found;
}

export function namePool(pairs: readonly TextPair[]): NamePool {
  const names = new Set<string>();
  for (const pair of pairs) for (const name of sharedNames(pair, 'en')) names.add(name.text);
  return { names: [...names].sort() };
}

const plantName: Planter = (pair, side, random, pool) => {
  const text = pair[side];
  const name = pick(sharedNames(pair, side), random);
  if (name === undefined) return undefined;
  const words = spans(name.text, /[^ -]+/g);
  const mode = random();
  if (words.length >= 2 && mode < 0.35) {
    const word = random() < 0.5 ? words[0]! : words.at(-1)!;
    return { text: removeSpan(text, name.start + word.start, name.start + word.end), change: `dropped name word: ${word.text} of ${name.text}` };
  }
  if (mode < 0.8) return { text: removeSpan(text, name.start, name.end), change: `dropped name: ${name.text}` };
  const present = `${pair.en} ${pair.id}`;
  const others = pool.names.filter((other) => !present.includes(other) && !other.split(/[ -]/).some((w) => present.includes(w)));
  const replacement = pick(others, random);
  if (replacement === undefined) return undefined;
  return { text: replaceSpan(text, name, replacement), change: `replaced name: ${name.text} -> ${replacement}` };
};

// ---- dates ------------------------------------------------------------------------------------------------

/** Month and weekday names of one side whose counterpart the other side names too. */
function sharedDateWords(pair: TextPair, side: PlantSide): Array<Span & { list: readonly string[]; index: number }> {
  const found: Array<Span & { list: readonly string[]; index: number }> = [];
  const other = wordSet(pair[OTHER[side]]);
  for (const lists of [MONTHS, WEEKDAYS]) {
    const own = lists[side];
    for (const word of spans(pair[side], WORD)) {
      const index = own.indexOf(word.text);
      if (index >= 0 && other.has(lists[OTHER[side]][index]!)) found.push({ ...word, list: own, index });
    }
  }
  return found;
}

const plantDate: Planter = (pair, side, random) => {
  const text = pair[side];
  const word = pick(sharedDateWords(pair, side), random);
  if (word === undefined) return undefined;
  if (random() < 0.6) {
    const shift = 1 + Math.floor(random() * (word.list.length - 1));
    const changed = word.list[(word.index + shift) % word.list.length]!;
    return { text: replaceSpan(text, word, changed), change: `changed date: ${word.text} -> ${changed}` };
  }
  // Dropped with the day and year written next to it: "July 30, 2021", "30 Juli 2021", "(on) Saturday".
  const before = /(?:\b(?:on|pada|hari|tanggal)\s+)?(?:\d{1,2}\s+)?$/i.exec(text.slice(0, word.start))![0];
  const after = /^(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?/.exec(text.slice(word.end))![0];
  const start = word.start - before.length;
  const end = word.end + after.length;
  return { text: removeSpan(text, start, end), change: `dropped date: ${text.slice(start, end).trim()}` };
};

// ---- negation ---------------------------------------------------------------------------------------------

const NEGATORS: Record<PlantSide, RegExp> = {
  en: /\b(?:not|never|no)\b|n't\b/gi,
  id: /\b(?:tidak|tak|bukan|belum|jangan)\b/gi,
};
/** Where a negator can be added: after an English auxiliary, before an Indonesian modal. */
const NEGATABLE: Record<PlantSide, RegExp> = {
  en: /\b(?:is|are|was|were|will|can|could|would|should|has|have|had|does|did|must)\b/g,
  id: /\b(?:akan|dapat|bisa|harus|sudah|telah|mau|ingin|perlu|boleh|pernah|mampu)\b/g,
};
const CONTRACTIONS: Readonly<Record<string, string>> = { "won't": 'will', "can't": 'can', "shan't": 'shall' };

const plantNegation: Planter = (pair, side, random) => {
  const text = pair[side];
  const negators = spans(text, NEGATORS[side]);
  const otherNegated = spans(pair[OTHER[side]], NEGATORS[OTHER[side]]).length > 0;
  if (negators.length > 0 && otherNegated) {
    const negator = pick(negators, random)!;
    if (negator.text.toLowerCase() === "n't") {
      const word = /[\w']+$/.exec(text.slice(0, negator.end))![0];
      const plain = CONTRACTIONS[word.toLowerCase()] ?? word.slice(0, -3);
      const start = negator.end - word.length;
      return { text: text.slice(0, start) + plain + text.slice(negator.end), change: `removed negation: ${word}` };
    }
    return { text: removeSpan(text, negator.start, negator.end), change: `removed negation: ${negator.text}` };
  }
  if (negators.length > 0 || otherNegated) return undefined;
  const place = pick(spans(text, NEGATABLE[side]), random);
  if (place === undefined) return undefined;
  const changed = side === 'en' ? `${place.text} not` : `tidak ${place.text}`;
  return { text: replaceSpan(text, place, changed), change: `added negation: ${changed}` };
};

// ---- phrases ----------------------------------------------------------------------------------------------

/** Words that open a clause or an attribution, which runs to the next comma or the end of the sentence. */
const CLAUSE_OPENERS: Record<PlantSide, RegExp> = {
  en: /\b(?:according to|which|who|where|while|said|says|told|after|before|because|although)\b/gi,
  id: /\b(?:menurut|yang|di mana|sementara|kata|ujar|ungkap|jelas|tutur|setelah|sebelum|karena|meskipun)\b/gi,
};
/** Fewest words a deleted clause has; and the least of the sentence that must stay. */
const MIN_CLAUSE_WORDS = 3;
const MIN_WORDS_LEFT = 4;
/** The most of a sentence a clause may take: more and the pair is no longer a translation with a phrase missing. */
const MAX_CLAUSE_SHARE = 0.6;

function clauses(text: string, side: PlantSide): Span[] {
  const found: Span[] = [];
  // Comma-separated stretches, brackets, and clauses from an opener to the next comma or the end.
  const bounds = [-1, ...spans(text, /[,;]/g).map((s) => s.start), text.replace(/[.!?"”]+\s*$/, '').length];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k]! + 1;
    found.push({ start, end: bounds[k + 1]!, text: text.slice(start, bounds[k + 1]) });
  }
  for (const bracket of spans(text, /\([^()]+\)/g)) found.push(bracket);
  for (const opener of spans(text, CLAUSE_OPENERS[side])) {
    const end = bounds.find((bound) => bound > opener.start) ?? text.length;
    found.push({ start: opener.start, end, text: text.slice(opener.start, end) });
  }
  const total = spans(text, WORD).length;
  return found.filter((clause) => {
    const words = spans(clause.text, WORD).length;
    const content = spans(clause.text, /[\p{L}]{4,}/gu).length;
    return words >= MIN_CLAUSE_WORDS && content >= 2 && total - words >= MIN_WORDS_LEFT && words <= MAX_CLAUSE_SHARE * total;
  });
}

/** How a clause deletion's `change` begins; the deleted clause follows. */
export const DELETED_CLAUSE = 'deleted clause: ';

const plantPhrase: Planter = (pair, side, random) => {
  const text = pair[side];
  const clause = pick(clauses(text, side), random);
  if (clause === undefined) return undefined;
  return { text: removeSpan(text, clause.start, clause.end), change: `${DELETED_CLAUSE}${clause.text.trim()}` };
};

const PLANTERS: Record<PlantKind, Planter> = {
  number: plantNumber,
  name: plantName,
  date: plantDate,
  negation: plantNegation,
  phrase: plantPhrase,
};

/**
 * Up to `perKind` changes of each kind, each in a different pair chosen at random (seeded), on a side chosen at
 * random. A planted pair differs from its untouched pair in exactly one change.
 */
export function plantChanges(pairs: readonly TextPair[], options: { readonly seed: number; readonly perKind: number }): PlantedChange[] {
  const random = seededRandom(options.seed);
  const pool = namePool(pairs);
  const planted: PlantedChange[] = [];
  for (const kind of PLANT_KINDS) {
    const order = shuffled(pairs.length, random);
    let count = 0;
    for (const index of order) {
      if (count >= options.perKind) break;
      const pair = pairs[index]!;
      const side: PlantSide = random() < 0.5 ? 'en' : 'id';
      const result = PLANTERS[kind](pair, side, random, pool);
      if (result === undefined || result.text === pair[side]) continue;
      planted.push({ ...pair, [side]: result.text, kind, side, change: result.change, pair: index });
      count++;
    }
  }
  return planted;
}

function shuffled(length: number, random: Random): number[] {
  const order = Array.from({ length }, (_, k) => k);
  for (let k = length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  return order;
}
