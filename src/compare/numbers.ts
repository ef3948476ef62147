/**
 * Numbers as values, whichever language and convention wrote them: 232.000 = 232,000 = 232 ribu;
 * 1,5 miliar = 1.5 billion; Rp1.500 = IDR 1,500; dua puluh lima = twenty-five = 25.
 */
import type { Lang } from '../types.js';
import { fold, tokenised, touches, type Token, type Tokenised } from './tokens.js';

export interface NumberMention {
  /** The text as written, unit and scale words included ("1,5 miliar", "Rp1.500", "37 million"). */
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  /** The most likely reading. */
  readonly value: number;
  /** Every reading the surface allows: a lone separator before three digits (1.500, 1,500) may group thousands
   * (the Indonesian and the English habit) or mark decimals (the other language's habit), so both are kept. */
  readonly values: readonly number[];
  readonly isPercent: boolean;
  /** ISO code of the currency written with the number, or null. */
  readonly currency: string | null;
  /** Written in words (three, tiga): such a mention of 0 or 1 is too often a pronoun or article to report. */
  readonly isWords: boolean;
  /** A word that implies a number without stating it (both, twice, kedua "the two", selusin "a dozen",
   * ordinals): it may match a number on the other side but is never reported missing. */
  readonly isWeak: boolean;
}

/**
 * Words of time spans, by the span they name (w: week), in both languages; the Indonesian "se-" forms (sehari: a
 * day) name a span without a number. Minggu is also Sunday: only right after a number is it read as a span.
 */
const TIME_UNITS: Readonly<Record<string, string>> = {
  minute: 'min', minutes: 'min', hour: 'h', hours: 'h', day: 'd', days: 'd', week: 'w', weeks: 'w', month: 'mo',
  months: 'mo', year: 'y', years: 'y', decade: 'dec', decades: 'dec', century: 'c', centuries: 'c',
  menit: 'min', jam: 'h', hari: 'd', minggu: 'w', pekan: 'w', bulan: 'mo', tahun: 'y', dekade: 'dec', dasawarsa: 'dec',
  abad: 'c', semenit: 'min', sejam: 'h', sehari: 'd', seminggu: 'w', sepekan: 'w', sebulan: 'mo', setahun: 'y',
};

/** The time span a folded word names (weeks, bulan, setahun), if any. */
export function timeUnitOf(folded: string): string | undefined {
  return Object.hasOwn(TIME_UNITS, folded) ? TIME_UNITS[folded] : undefined;
}

/** The time span named by the word right after a number ("three weeks", "tiga-tahun"), and where that word ends. */
export function timeUnitAfter(text: string, mention: NumberMention): { readonly unit: string; readonly end: number } | undefined {
  const next = /^[\s-]*(\p{L}+)/u.exec(text.slice(mention.end));
  const unit = next ? timeUnitOf(fold(next[1]!)) : undefined;
  return next && unit ? { unit, end: mention.end + next[0].length } : undefined;
}

/**
 * Words before a number that bound it from above (up to, kurang dari) or below (more than, lebih dari). Hingga and
 * sampai also mean "until", which bounds nothing, but before a number they are as often "up to".
 */
const BOUNDS: Readonly<Record<'en' | 'id', { readonly upper: RegExp; readonly lower: RegExp }>> = {
  en: {
    upper: /\b(?:up to|at most|no more than|not more than|less than|fewer than|under|below|a maximum of)\s*$/i,
    lower: /\b(?:more than|over|at least|above|in excess of|a minimum of)\s*$/i,
  },
  id: {
    upper: /\b(?:hingga|sampai|paling banyak|kurang dari|di bawah|maksimal|maksimum|tidak lebih dari)\s*$/i,
    lower: /\b(?:lebih dari|di atas|sedikitnya|paling sedikit|setidaknya|minimal|sekurangnya|sekurang-kurangnya)\s*$/i,
  },
};
/** Characters before a number looked at for its bound. */
const BOUND_REACH = 24;

/** How the words right before a number bound it ('upper': up to 33, 'lower': more than 33), and where they start. */
export function boundOf(text: string, mention: NumberMention, lang: Lang): { readonly kind: 'upper' | 'lower'; readonly start: number } | undefined {
  const from = Math.max(0, mention.start - BOUND_REACH);
  const before = text.slice(from, mention.start);
  for (const language of lang === 'und' ? (['en', 'id'] as const) : [lang]) {
    for (const kind of ['upper', 'lower'] as const) {
      const found = BOUNDS[language][kind].exec(before);
      if (found) return { kind, start: from + found.index };
    }
  }
  return undefined;
}

/** Relative tolerance when comparing two readings: floating-point products such as 1.5 * 1e9 are not exact. */
const VALUE_TOLERANCE = 1e-9;

/** Scale words after digits; the plurals are common in translated English ("US$ 10 billions"). */
const SCALE_WORDS: Readonly<Record<string, number>> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12,
  ribu: 1e3, juta: 1e6, miliar: 1e9, milyar: 1e9, triliun: 1e12, trilyun: 1e12,
};
/** Scale abbreviations that count only when glued to the digits (5bn, 10rb): spaced, they are ordinary words. */
const GLUED_SCALES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, rb: 1e3, jt: 1e6 };
/** Plural scales make a number vague ("dua ribuan", "thousands"): the run is then no number at all. */
const VAGUE_WORDS = new Set([
  'hundreds', 'thousands', 'millions', 'billions', 'dozens', 'tens',
  'puluhan', 'belasan', 'ratusan', 'ribuan', 'jutaan', 'miliaran', 'milyaran',
]);

const CURRENCY_PREFIXES: Readonly<Record<string, string>> = {
  rp: 'IDR', idr: 'IDR', usd: 'USD', eur: 'EUR', sgd: 'SGD', gbp: 'GBP', jpy: 'JPY', rm: 'MYR',
};
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  rupiah: 'IDR', dollar: 'USD', dollars: 'USD', dolar: 'USD', euro: 'EUR', euros: 'EUR', yen: 'JPY',
  ringgit: 'MYR',
};
const PERCENT_WORDS = new Set(['percent', 'persen', 'prosen']);

type WordRole =
  | { readonly type: 'small'; readonly value: number }
  | { readonly type: 'tens-of' } // Indonesian "puluh": the unit before it times ten
  | { readonly type: 'teen-of' } // Indonesian "belas": the unit before it plus ten
  | { readonly type: 'hundred'; readonly implied: number } // "hundred" (x100), "seratus" (adds 100)
  | { readonly type: 'scale'; readonly value: number; readonly implied: boolean };

const EN_WORDS: Readonly<Record<string, WordRole>> = {
  zero: { type: 'small', value: 0 }, one: { type: 'small', value: 1 }, two: { type: 'small', value: 2 },
  three: { type: 'small', value: 3 }, four: { type: 'small', value: 4 }, five: { type: 'small', value: 5 },
  six: { type: 'small', value: 6 }, seven: { type: 'small', value: 7 }, eight: { type: 'small', value: 8 },
  nine: { type: 'small', value: 9 }, ten: { type: 'small', value: 10 }, eleven: { type: 'small', value: 11 },
  twelve: { type: 'small', value: 12 }, thirteen: { type: 'small', value: 13 },
  fourteen: { type: 'small', value: 14 }, fifteen: { type: 'small', value: 15 },
  sixteen: { type: 'small', value: 16 }, seventeen: { type: 'small', value: 17 },
  eighteen: { type: 'small', value: 18 }, nineteen: { type: 'small', value: 19 },
  twenty: { type: 'small', value: 20 }, thirty: { type: 'small', value: 30 }, forty: { type: 'small', value: 40 },
  fifty: { type: 'small', value: 50 }, sixty: { type: 'small', value: 60 }, seventy: { type: 'small', value: 70 },
  eighty: { type: 'small', value: 80 }, ninety: { type: 'small', value: 90 },
  hundred: { type: 'hundred', implied: 0 },
  thousand: { type: 'scale', value: 1e3, implied: false }, million: { type: 'scale', value: 1e6, implied: false },
  billion: { type: 'scale', value: 1e9, implied: false }, trillion: { type: 'scale', value: 1e12, implied: false },
};

const ID_WORDS: Readonly<Record<string, WordRole>> = {
  nol: { type: 'small', value: 0 }, satu: { type: 'small', value: 1 }, dua: { type: 'small', value: 2 },
  tiga: { type: 'small', value: 3 }, empat: { type: 'small', value: 4 }, lima: { type: 'small', value: 5 },
  enam: { type: 'small', value: 6 }, tujuh: { type: 'small', value: 7 }, delapan: { type: 'small', value: 8 },
  sembilan: { type: 'small', value: 9 }, sepuluh: { type: 'small', value: 10 },
  sebelas: { type: 'small', value: 11 },
  puluh: { type: 'tens-of' }, belas: { type: 'teen-of' },
  ratus: { type: 'hundred', implied: 0 }, seratus: { type: 'hundred', implied: 100 },
  ribu: { type: 'scale', value: 1e3, implied: false }, juta: { type: 'scale', value: 1e6, implied: false },
  miliar: { type: 'scale', value: 1e9, implied: false }, milyar: { type: 'scale', value: 1e9, implied: false },
  triliun: { type: 'scale', value: 1e12, implied: false },
  // The "se-" forms that are numerals (one thousand...), unlike sebuah, seorang, sekali ("a", "once").
  seribu: { type: 'scale', value: 1e3, implied: true }, sejuta: { type: 'scale', value: 1e6, implied: true },
  semiliar: { type: 'scale', value: 1e9, implied: true },
};

/** Number words of either language, and ordinals (Group One, Rukun Islam Kelima), which names leave aside. */
export function isNumberWord(folded: string): boolean {
  return (
    Object.hasOwn(EN_WORDS, folded) ||
    Object.hasOwn(ID_WORDS, folded) ||
    ORDINALS.has(folded) ||
    (folded.startsWith('ke') && Object.hasOwn(ID_WORDS, folded.slice(2)))
  );
}

/** The value of a number word below a hundred in either language (one, satu, twenty), or undefined. */
export function smallNumberValue(folded: string): number | undefined {
  const role = wordRole(folded, 'und');
  return role?.type === 'small' ? role.value : undefined;
}

const ORDINALS = new Set([
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'pertama',
]);

/** `key` is a folded word. */
function wordRole(key: string, lang: Lang): WordRole | undefined {
  if (lang !== 'id' && Object.hasOwn(EN_WORDS, key)) return EN_WORDS[key];
  if (lang !== 'en' && Object.hasOwn(ID_WORDS, key)) return ID_WORDS[key];
  return undefined;
}

/** Indonesian multipliers that are sometimes fused to the unit before them (duapuluh, tigaratus). */
const FUSED_MULTIPLIERS = ['puluh', 'belas', 'ratus', 'ribu', 'juta'];

/** The roles of one word: usually one, two for fused Indonesian forms (duapuluh = dua puluh). */
function wordRoles(key: string, lang: Lang): WordRole[] | undefined {
  const role = wordRole(key, lang);
  if (role !== undefined) return [role];
  if (lang === 'en') return undefined;
  for (const multiplier of FUSED_MULTIPLIERS) {
    if (!key.endsWith(multiplier) || key.length === multiplier.length) continue;
    const unit = wordRole(key.slice(0, -multiplier.length), 'id');
    if (unit?.type === 'small' && unit.value < 10) return [unit, wordRole(multiplier, 'id')!];
  }
  return undefined;
}

const EN_WEAK_WORDS: Readonly<Record<string, number>> = {
  both: 2, twice: 2, double: 2, doubled: 2, doubles: 2, pair: 2, couple: 2, dozen: 12, half: 0.5, once: 1,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12,
  // Words of two or more that Indonesian writes with the number (peran ganda or dua peran, segi delapan).
  dual: 2, twin: 2, twins: 2, triple: 3, tripled: 3, trio: 3, quadruple: 4, quadrupled: 4, quartet: 4,
  triangle: 3, triangular: 3, rectangle: 4, rectangular: 4, quadrilateral: 4, pentagon: 5, hexagon: 6,
  hexagonal: 6, heptagon: 7, octagon: 8, octagonal: 8, nonagon: 9, decagon: 10,
  // "A century of appearances" is 100 caps (tampil 100 kali); a century of years is abad, no number either.
  century: 100, centuries: 100,
};
const ID_WEAK_WORDS: Readonly<Record<string, number>> = {
  pertama: 1, selusin: 12, setengah: 0.5, separuh: 0.5, sepasang: 2, lusin: 12,
};

/** Words that imply a number (see NumberMention.isWeak), including Indonesian ke- forms: kedua, ketiganya. */
function weakValue(key: string, lang: Lang): number | undefined {
  if (lang !== 'id' && Object.hasOwn(EN_WEAK_WORDS, key)) return EN_WEAK_WORDS[key];
  if (lang === 'en') return undefined;
  if (Object.hasOwn(ID_WEAK_WORDS, key)) return ID_WEAK_WORDS[key];
  const ordinal = /^ke(.+?)(?:nya)?$/.exec(key);
  const role = ordinal === null ? undefined : wordRole(ordinal[1]!, 'id');
  return role?.type === 'small' && role.value >= 2 ? role.value : undefined;
}

/**
 * Every reading of a run of digits and separators. One kind of separator repeated before groups of three
 * digits groups thousands (1.234.567); two kinds mean the last one is the decimal mark (1,234.56 or 1.234,56);
 * a lone separator before exactly three digits is ambiguous (thousands first, since 232.000 followers and
 * 232,000 followers both occur in English text); before other counts of digits it is a decimal mark (1,5 = 1.5).
 * A run that fits none of these (21.08.2021, 1.2.3) yields no reading.
 */
export function readDigits(digits: string): number[] {
  const separators = digits.replace(/\d/g, '');
  const groups = digits.split(/[.,]/);
  if (separators.length === 0) return [Number(digits)];
  const integer = groups[0]!;
  const last = groups.at(-1)!;
  const uniform = new Set(separators).size === 1;
  if (separators.length === 1) {
    const decimal = Number(`${integer}.${last}`);
    if (last.length === 3 && integer !== '0') return [Number(integer + last), decimal];
    return [decimal];
  }
  const middleAreTriples = groups.slice(1, -1).every((group) => group.length === 3);
  if (uniform) {
    return middleAreTriples && last.length === 3 ? [Number(groups.join(''))] : [];
  }
  const decimalMark = separators.at(-1)!;
  const thousandsMarks = separators.slice(0, -1);
  if (thousandsMarks.includes(decimalMark) || !middleAreTriples) return [];
  return [Number(`${groups.slice(0, -1).join('')}.${last}`)];
}

/** Every number mentioned in the text, with its readings; numbers inside codes (G20, MH17, Covid-19) are not. */
export function normalizeNumbers(input: string | Tokenised, lang: Lang): NumberMention[] {
  const { text, tokens } = tokenised(input);
  const mentions: NumberMention[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    const scores = token.kind === 'number' ? scorelineParts(tokens, index) : undefined;
    if (scores !== undefined) {
      mentions.push(...scores);
      index++;
      continue;
    }
    const found =
      token.kind === 'number'
        ? readDigitMention(text, tokens, index)
        : token.kind === 'word'
          ? readWordMention(text, tokens, index, lang)
          : undefined;
    if (found === undefined) {
      index++;
    } else {
      if (found.mention !== undefined) mentions.push(found.mention);
      index = found.next;
    }
  }
  return mentions;
}

/**
 * The two scores a scoreline written without a space hides in one run of digits: "7-5,6-2" is 7-5 and 6-2, not
 * 7, 5.6 and 2. Only between two hyphens that touch it, where a decimal would make no sense.
 */
function scorelineParts(tokens: readonly Token[], index: number): NumberMention[] | undefined {
  const token = tokens[index]!;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  const parts = /^(\d+)[.,](\d+)$/.exec(token.text);
  if (parts === null || before?.text !== '-' || after?.text !== '-' || !touches(before, token) || !touches(token, after)) return undefined;
  if (tokens[index - 2]?.kind !== 'number' || tokens[index + 2]?.kind !== 'number') return undefined;
  const [first, second] = [parts[1]!, parts[2]!];
  const mention = (digits: string, start: number): NumberMention => ({
    surface: digits, start, end: start + digits.length, value: Number(digits), values: [Number(digits)],
    isPercent: false, currency: null, isWords: false, isWeak: false,
  });
  return [mention(first, token.start), mention(second, token.end - second.length)];
}

/** A code: letters glued to digits (G20, MH17, Covid-19, BO-105), by its letters and its digits. */
export interface CodeMention {
  readonly surface: string;
  /** The letters, folded, and the digits without separators. */
  readonly letters: string;
  readonly digits: string;
}

/** The codes of a text: the runs of digits normalizeNumbers leaves aside because letters are glued to them. */
export function findCodes(input: string | Tokenised): CodeMention[] {
  const { text, tokens } = tokenised(input);
  const codes: CodeMention[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'number' || readCurrencyPrefix(tokens, index) !== 'code') return;
    const word = tokens[index - 1]!.kind === 'word' ? tokens[index - 1]! : tokens[index - 2]!;
    if (word.folded === 'ke') return;
    codes.push({ surface: text.slice(word.start, token.end), letters: word.folded, digits: token.text.replace(/[.,]/g, '') });
  });
  return codes;
}

interface Found {
  readonly mention?: NumberMention;
  /** Index of the first token after what was read. */
  readonly next: number;
}

function readDigitMention(text: string, tokens: readonly Token[], index: number): Found | undefined {
  const token = tokens[index]!;
  const prefix = readCurrencyPrefix(tokens, index);
  if (prefix === 'code') return { next: index + 1 };
  let readings = readDigits(token.text);
  if (readings.length === 0) return { next: index + 1 };
  let currency = prefix?.currency ?? null;
  let start = prefix?.start ?? token.start;
  let end = token.end;
  let next = index + 1;
  // Glued suffixes: a scale (5bn, 10rb), "-an" (1990-an), an ordinal or plural (21st, 1990s), a unit (10km).
  const glued = tokens[next];
  if (glued !== undefined && glued.kind === 'word' && touches(token, glued)) {
    const scale = GLUED_SCALES[glued.folded];
    if (scale !== undefined) readings = readings.map((value) => value * scale);
    end = glued.end;
    next++;
  } else if (glued?.text === '-' && touches(token, glued) && (tokens[next + 1]?.folded ?? '') === 'an') {
    end = tokens[next + 1]!.end;
    next += 2;
  }
  if (start === token.start && isSymbol(tokens[index - 1], token)) {
    currency = CURRENCY_SYMBOLS[tokens[index - 1]!.text] ?? null;
    start = tokens[index - 1]!.start;
  }
  const tail = readTail(tokens, next, readings);
  return {
    mention: {
      surface: text.slice(start, tail.end ?? end),
      start,
      end: tail.end ?? end,
      value: tail.readings[0]!,
      values: tail.readings,
      isPercent: tail.isPercent,
      currency: tail.currency ?? currency,
      isWords: false,
      isWeak: false,
    },
    next: tail.next,
  };
}

function isSymbol(before: Token | undefined, token: Token): boolean {
  return before !== undefined && Object.hasOwn(CURRENCY_SYMBOLS, before.text) && before.end >= token.start - 1;
}

/**
 * What stands before the digits: a currency (Rp1.500, Rp. 1.500, IDR 1,500, US$5), 'code' when the digits are
 * glued to letters that make them part of a name or code (G20, MH17, Covid-19), or nothing.
 */
function readCurrencyPrefix(
  tokens: readonly Token[],
  index: number,
): { readonly currency: string; readonly start: number } | 'code' | undefined {
  const token = tokens[index]!;
  let before = index - 1;
  let previous = tokens[before];
  if (previous === undefined) return undefined;
  // "Rp. 1.500": skip the abbreviation's dot.
  if (previous.text === '.' && tokens[before - 1]?.kind === 'word' && tokens[before - 1]!.folded === 'rp') {
    before--;
    previous = tokens[before]!;
  }
  if (previous.text === '$' && token.start - previous.end <= 1) {
    const country = tokens[before - 1];
    if (country?.kind === 'word' && touches(country, previous) && /^[A-Z]{1,2}$/.test(country.text)) {
      return { currency: 'USD', start: country.start };
    }
  }
  if (previous.kind === 'word') {
    const currency = CURRENCY_PREFIXES[previous.folded];
    if (currency !== undefined && token.start - previous.end <= 2) return { currency, start: previous.start };
    if (touches(previous, token)) return 'code';
  }
  if (previous.text === '-' && touches(previous, token)) {
    const word = tokens[before - 1];
    // Indonesian ordinals (abad ke-21) are numbers; Covid-19 and F-16 are names.
    if (word?.kind === 'word' && touches(word, previous)) return word.folded === 'ke' ? undefined : 'code';
  }
  return undefined;
}

interface Tail {
  readonly readings: number[];
  readonly isPercent: boolean;
  readonly currency: string | null;
  readonly end: number | undefined;
  readonly next: number;
}

/** Scale words, then a percent sign or word, then a currency word: "1,5 miliar", "5 persen", "20 dollars". */
function readTail(tokens: readonly Token[], from: number, readings: number[]): Tail {
  let next = from;
  let end: number | undefined;
  let scaled = readings;
  for (let token = tokens[next]; token?.kind === 'word' && Object.hasOwn(SCALE_WORDS, token.folded); ) {
    const scale = SCALE_WORDS[token.folded]!;
    scaled = scaled.map((value) => value * scale);
    end = token.end;
    token = tokens[++next];
  }
  let isPercent = false;
  const after = tokens[next];
  if (after?.text === '%') {
    isPercent = true;
    end = after.end;
    next++;
  } else if (after?.kind === 'word' && PERCENT_WORDS.has(after.folded)) {
    isPercent = true;
    end = after.end;
    next++;
  } else if (after?.kind === 'word' && after.folded === 'per' && (tokens[next + 1]?.folded ?? '') === 'cent') {
    isPercent = true;
    end = tokens[next + 1]!.end;
    next += 2;
  }
  let currency: string | null = null;
  const unit = tokens[next];
  if (!isPercent && unit?.kind === 'word' && Object.hasOwn(CURRENCY_WORDS, unit.folded)) {
    currency = CURRENCY_WORDS[unit.folded]!;
    end = unit.end;
    next++;
  }
  return { readings: scaled, isPercent, currency, end, next };
}

function readWordMention(text: string, tokens: readonly Token[], index: number, lang: Lang): Found | undefined {
  const first = tokens[index]!;
  let cursor = index;
  // "a hundred", "a million": the article counts as one only before such a word.
  let impliedOne = false;
  if (lang !== 'id' && /^an?$/i.test(first.text)) {
    const roles = tokens[index + 1]?.kind === 'word' ? wordRoles(tokens[index + 1]!.folded, lang) : undefined;
    const role = roles?.[0];
    if (role === undefined || (role.type !== 'hundred' && role.type !== 'scale')) return undefined;
    impliedOne = true;
    cursor++;
  }
  if (!impliedOne && wordRoles(first.folded, lang) === undefined) {
    const weak = weakValue(first.folded, lang);
    if (weak === undefined) return undefined;
    return {
      mention: {
        surface: first.text, start: first.start, end: first.end, value: weak, values: [weak],
        isPercent: false, currency: null, isWords: true, isWeak: true,
      },
      next: index + 1,
    };
  }

  let total = 0;
  let group = 0;
  let unit = impliedOne ? 1 : 0;
  let lastSmall: number | undefined;
  let lastIndex = cursor - 1;
  runLoop: for (let i = cursor; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') {
      // Compounds may be hyphenated (twenty-five, dua-puluh); any other mark ends the run.
      if (token.text === '-' && touches(tokens[i - 1]!, token) && tokens[i + 1]?.kind === 'word'
          && touches(token, tokens[i + 1]!) && wordRoles(tokens[i + 1]!.folded, lang) !== undefined) continue;
      break;
    }
    if (lang !== 'id' && token.folded === 'and' && i > cursor) {
      const following = tokens[i + 1];
      if (following?.kind === 'word' && wordRoles(following.folded, lang)?.[0]?.type === 'small') continue;
      break;
    }
    const roles = wordRoles(token.folded, lang);
    if (roles === undefined) break;
    for (const role of roles) {
      if (role.type === 'small') {
        // "twenty five" is one number; "dua tiga" (two or three) and "one two" are not.
        if (lastSmall !== undefined && !(lastSmall >= 20 && lastSmall % 10 === 0 && role.value < 10)) break runLoop;
        unit += role.value;
        lastSmall = role.value;
        continue;
      }
      if (role.type === 'tens-of') {
        if (unit === 0) break runLoop;
        group += unit * 10;
      } else if (role.type === 'teen-of') {
        if (unit === 0 || unit >= 10) break runLoop;
        group += unit + 10;
      } else if (role.type === 'hundred') {
        group += role.implied > 0 ? role.implied : (unit === 0 ? 1 : unit) * 100;
      } else {
        const multiplier = group + unit;
        if (role.implied ? multiplier > 0 : multiplier === 0) break runLoop;
        total += (role.implied ? 1 : multiplier) * role.value;
        group = 0;
      }
      unit = 0;
      lastSmall = undefined;
    }
    lastIndex = i;
  }
  if (lastIndex < cursor) return { next: index + 1 };
  const last = tokens[lastIndex]!;
  const following = tokens[lastIndex + 1];
  // Reduplicated Indonesian forms (satu-satunya "the only", dua-duanya "both") are not counts, and a plural scale
  // after the run (dua ribuan, five hundreds) makes it vague. A compound with another word counts (tiga-tahun,
  // three-year).
  const afterHyphen = tokens[lastIndex + 2];
  if (
    following !== undefined && following.text === '-' && touches(last, following) && lang !== 'en' &&
    afterHyphen?.kind === 'word' && touches(following, afterHyphen) && afterHyphen.folded.startsWith(last.folded)
  ) {
    return { next: lastIndex + 2 };
  }
  if (following?.kind === 'word' && VAGUE_WORDS.has(following.folded)) return { next: lastIndex + 2 };
  const value = total + group + unit;
  const tail = readTail(tokens, lastIndex + 1, [value]);
  const end = tail.end ?? last.end;
  return {
    mention: {
      surface: text.slice(first.start, end),
      start: first.start,
      end,
      value: tail.readings[0]!,
      values: tail.readings,
      isPercent: tail.isPercent,
      currency: tail.currency,
      isWords: true,
      isWeak: false,
    },
    next: tail.next,
  };
}

/** Two mentions can be the same number: a reading in common and no conflicting currency (a percent sign is
 * often dropped or added in translation, so it does not count against a match). */
export function sameNumber(a: NumberMention, b: NumberMention): boolean {
  if (a.currency !== null && b.currency !== null && a.currency !== b.currency) return false;
  return a.values.some((x) => b.values.some((y) => closeEnough(x, y)));
}

function closeEnough(a: number, b: number): boolean {
  return Math.abs(a - b) <= VALUE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 1);
}
