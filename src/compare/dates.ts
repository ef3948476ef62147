/**
 * Dates and times in either language, reduced to their fields so that "Saturday, July 30" meets "Sabtu, 30 Juli",
 * "22/8" meets "August 22", and "9 p.m." meets "pukul 21.00".
 */
import { isCapitalised, tokenised, touches, type Token, type Tokenised } from './tokens.js';

export interface DateFields {
  /** 0 = Sunday. */
  readonly weekday?: number;
  readonly day?: number;
  /** 1 = January. */
  readonly month?: number;
  readonly year?: number;
  /** Minutes after midnight, for times. */
  readonly minutes?: number;
  /**
   * Whether the time says which half of the day it is: a.m. or p.m., a part of the day (pagi, malam), or a
   * 24-hour clock that shows it (21.00, 09:00). "9" and "pukul 9.00" do not.
   */
  readonly halfDay?: boolean;
}

export interface DateMention {
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  /** More than one when the writing is ambiguous (8/7 is 8 July or August 7). */
  readonly readings: readonly DateFields[];
  readonly isTime: boolean;
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
  januari: 1, februari: 2, pebruari: 2, maret: 3, mei: 5, juni: 6, juli: 7, agustus: 8, oktober: 10,
  nopember: 11, desember: 12,
};
/** Abbreviations and ambiguous names (May the verb, Jan the name) count only next to a day or a year. */
const WEAK_MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, agu: 8, agt: 8, ags: 8, sep: 9, sept: 9,
  oct: 10, okt: 10, nov: 11, dec: 12, des: 12, peb: 2,
};
const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  minggu: 0, ahad: 0, senin: 1, selasa: 2, rabu: 3, kamis: 4, jumat: 5, "jum'at": 5, sabtu: 6,
};
/** "Minggu" is Sunday, but also "week": these words after it mean the week (Minggu lalu, "last week"). */
const WEEK_FOLLOWERS = new Set(['lalu', 'depan', 'ini', 'itu', 'kemarin', 'berikutnya', 'sebelumnya', 'ke', 'pertama', 'terakhir', 'kedua']);
const DAY_LEADERS = new Set(['the', 'tanggal', 'tgl']);
const TIME_LEADERS = new Set(['pukul', 'jam', 'pk']);
const TIME_ZONES = new Set(['wib', 'wita', 'wit', 'gmt', 'utc', 'et', 'est', 'pst', 'cet']);
/** Indonesian parts of the day, and the hours they move into the afternoon (jam 9 malam = 21:00). */
const DAY_PARTS: Readonly<Record<string, (hour: number) => number>> = {
  pagi: (hour) => (hour === 12 ? 0 : hour),
  siang: (hour) => (hour < 11 ? hour + 12 : hour),
  sore: (hour) => (hour < 12 ? hour + 12 : hour),
  petang: (hour) => (hour < 12 ? hour + 12 : hour),
  malam: (hour) => (hour >= 6 && hour < 12 ? hour + 12 : hour === 12 ? 0 : hour),
};
/** Month and weekday names, which the name finder leaves to the date finder. */
export function isDateWord(folded: string): boolean {
  return Object.hasOwn(MONTHS, folded) || Object.hasOwn(WEAK_MONTHS, folded) || Object.hasOwn(WEEKDAYS, folded);
}

const MINUTES_PER_HALF_DAY = 720;
const EARLIEST_YEAR = 1000;
const LATEST_YEAR = 2999;

export function findDates(input: string | Tokenised): DateMention[] {
  const { text, tokens } = tokenised(input);
  const mentions: DateMention[] = [];
  for (let index = 0; index < tokens.length; ) {
    const found = readTime(text, tokens, index) ?? readDate(text, tokens, index);
    if (found === undefined) {
      index++;
    } else {
      mentions.push(found.mention);
      index = found.next;
    }
  }
  return mentions;
}

interface Found {
  readonly mention: DateMention;
  readonly next: number;
}

function word(token: Token | undefined): string | undefined {
  return token?.kind === 'word' ? token.folded : undefined;
}

function dayNumber(token: Token | undefined): number | undefined {
  if (token?.kind !== 'number' || !/^\d{1,2}$/.test(token.text)) return undefined;
  const day = Number(token.text);
  return day >= 1 && day <= 31 ? day : undefined;
}

function yearNumber(token: Token | undefined): number | undefined {
  if (token?.kind !== 'number' || !/^\d{4}$/.test(token.text)) return undefined;
  const year = Number(token.text);
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR ? year : undefined;
}

/** Month names that are ordinary words in lower case (may, march, august): only capitalised they are months. */
const CASE_SENSITIVE_MONTHS = new Set(['may', 'march', 'august', 'mar', 'jan']);

/** The word folded, possessive removed (Saturday's blast, January's window). */
function dateKey(token: Token): string {
  return token.folded.endsWith("'s") ? token.folded.slice(0, -2) : token.folded;
}

function monthAt(tokens: readonly Token[], index: number): { month: number; strong: boolean; next: number } | undefined {
  const token = tokens[index];
  if (token?.kind !== 'word') return undefined;
  const key = dateKey(token);
  // Indonesian writers sometimes leave month names in lower case (pada maret).
  if (!isCapitalised(token.text) && (CASE_SENSITIVE_MONTHS.has(key) || Object.hasOwn(WEAK_MONTHS, key))) return undefined;
  let next = index + 1;
  if (tokens[next]?.text === '.' && touches(token, tokens[next]!)) next++;
  // "May" inside a sentence is the month; at its start it may be the verb (May I ask...).
  if (Object.hasOwn(MONTHS, key) && (key !== 'may' || !token.isInitial)) return { month: MONTHS[key]!, strong: true, next: index + 1 };
  if (Object.hasOwn(WEAK_MONTHS, key)) return { month: WEAK_MONTHS[key]!, strong: false, next };
  return undefined;
}

function weekdayAt(tokens: readonly Token[], index: number): number | undefined {
  const token = tokens[index];
  if (token?.kind !== 'word') return undefined;
  const key = dateKey(token);
  if (!Object.hasOwn(WEEKDAYS, key)) return undefined;
  if (key === 'minggu' && (!isCapitalised(token.text) || token.isInitial || WEEK_FOLLOWERS.has(word(tokens[index + 1]) ?? ''))) {
    return undefined;
  }
  return WEEKDAYS[key];
}

/** Words and marks between two days of one month: "7 and 8 January", "11-13 April", "7 dan 14 Juni". */
const DAY_JOINERS = new Set(['and', 'to', 'dan', 'hingga', 'sampai', 'atau', 'or', '-', '–', ',']);

/** A second day after a joiner: returns it and the index after it. */
function secondDay(tokens: readonly Token[], index: number): { day: number; next: number } | undefined {
  const joiner = tokens[index];
  if (joiner === undefined || !DAY_JOINERS.has(joiner.folded)) return undefined;
  const day = dayNumber(tokens[index + 1]);
  return day === undefined ? undefined : { day, next: index + 2 };
}

/** Skips one comma: "Saturday, July 30", "July 30, 2021". */
function skipComma(tokens: readonly Token[], index: number): number {
  return tokens[index]?.text === ',' ? index + 1 : index;
}

function readDate(text: string, tokens: readonly Token[], index: number): Found | undefined {
  let cursor = index;
  const weekday = weekdayAt(tokens, cursor);
  if (weekday !== undefined) cursor = skipComma(tokens, cursor + 1);
  let end = weekday !== undefined ? tokens[index]!.end : undefined;

  const numeric = readNumericDate(tokens, tokens[cursor]?.text === '(' ? cursor + 1 : cursor);
  if (numeric !== undefined) {
    const closing = tokens[numeric.next]?.text === ')' && tokens[cursor]?.text === '(' ? 1 : 0;
    const last = tokens[numeric.next - 1 + closing]!;
    const readings = numeric.readings.map((fields) => ({ ...fields, ...(weekday !== undefined && { weekday }) }));
    return { mention: mention(text, tokens[index]!.start, last.end, readings, false), next: numeric.next + closing };
  }

  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let strong = false;
  const leader = DAY_LEADERS.has(word(tokens[cursor]) ?? '') ? cursor + 1 : cursor;
  const dayFirst = dayNumber(tokens[leader]);
  const days: number[] = [];
  if (dayFirst !== undefined) {
    let after = leader + 1;
    if (word(tokens[after]) !== undefined && /^(st|nd|rd|th)$/.test(word(tokens[after])!) && touches(tokens[leader]!, tokens[after]!)) after++;
    const listed = secondDay(tokens, after);
    if (listed !== undefined && monthAt(tokens, listed.next) !== undefined) {
      days.push(listed.day);
      after = listed.next;
    }
    if (word(tokens[after]) === 'of') after++;
    const found = monthAt(tokens, after);
    if (found !== undefined) {
      day = dayFirst;
      month = found.month;
      strong = true;
      cursor = found.next;
      end = tokens[cursor - 1]!.end;
    }
  }
  if (month === undefined) {
    const found = monthAt(tokens, cursor);
    if (found !== undefined) {
      let after = found.next;
      const dayAfter = dayNumber(tokens[after]);
      if (dayAfter !== undefined && yearNumber(tokens[after]) === undefined) {
        day = dayAfter;
        after++;
        if (word(tokens[after]) !== undefined && /^(st|nd|rd|th)$/.test(word(tokens[after])!) && touches(tokens[after - 1]!, tokens[after]!)) after++;
        const listed = secondDay(tokens, after);
        if (listed !== undefined && yearNumber(tokens[listed.next - 1]) === undefined) {
          days.push(listed.day);
          after = listed.next;
        }
      }
      if (day !== undefined || found.strong || yearNumber(tokens[skipComma(tokens, after)]) !== undefined) {
        month = found.month;
        strong = true;
        cursor = after;
        end = tokens[cursor - 1]!.end;
      }
    }
  }
  if (month !== undefined && strong) {
    const yearAt = skipComma(tokens, cursor);
    year = yearNumber(tokens[yearAt]);
    if (year !== undefined) {
      cursor = yearAt + 1;
      end = tokens[yearAt]!.end;
    }
  }
  if (end === undefined) return undefined;
  const fields: DateFields = {
    ...(weekday !== undefined && { weekday }),
    ...(day !== undefined && { day }),
    ...(month !== undefined && { month }),
    ...(year !== undefined && { year }),
  };
  const next = month === undefined ? index + 1 : cursor;
  // A list or range of days is one mention that any of its days can match.
  const readings = [fields, ...days.map((other) => ({ ...fields, day: other }))];
  return { mention: mention(text, tokens[index]!.start, end, readings, false), next };
}

/** 22/8, 22/8/2021, 8/22/21: day and month in either order when both fit. */
function readNumericDate(
  tokens: readonly Token[],
  index: number,
): { readings: DateFields[]; next: number } | undefined {
  const parts: number[] = [];
  let cursor = index;
  while (tokens[cursor]?.kind === 'number' && /^\d{1,4}$/.test(tokens[cursor]!.text)) {
    parts.push(Number(tokens[cursor]!.text));
    const slash = tokens[cursor + 1];
    if (slash?.text !== '/' || !touches(tokens[cursor]!, slash) || !touches(slash, tokens[cursor + 2] ?? slash)) {
      cursor++;
      break;
    }
    cursor += 2;
  }
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [first, second, third] = parts as [number, number, number | undefined];
  const year = third === undefined ? undefined : third < 100 ? 2000 + third : third;
  const readings: DateFields[] = [];
  for (const [day, month] of [[first, second], [second, first]] as const) {
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
      readings.push({ day, month, ...(year !== undefined && { year }) });
    }
  }
  return readings.length === 0 ? undefined : { readings, next: cursor };
}

function readTime(text: string, tokens: readonly Token[], index: number): Found | undefined {
  let cursor = index;
  const led = TIME_LEADERS.has(word(tokens[cursor]) ?? '');
  if (led) cursor++;
  const token = tokens[cursor];
  if (token?.kind !== 'number') return undefined;
  let hour: number;
  let minute = 0;
  let next = cursor + 1;
  let isClock = false;
  const colon = tokens[next];
  const colonMinutes = tokens[next + 1];
  if (/^\d{1,2}$/.test(token.text) && colon?.text === ':' && touches(token, colon)
      && colonMinutes?.kind === 'number' && /^\d{2}$/.test(colonMinutes.text) && touches(colon, colonMinutes)) {
    hour = Number(token.text);
    minute = Number(colonMinutes.text);
    next += 2;
    isClock = true;
  } else if (/^\d{1,2}[.]\d{2}$/.test(token.text)) {
    [hour, minute] = token.text.split('.').map(Number) as [number, number];
  } else if (/^\d{1,2}$/.test(token.text)) {
    hour = Number(token.text);
  } else {
    return undefined;
  }
  const marker = readTimeMarker(tokens, next, led);
  if (!led && marker === undefined && !isClock) return undefined;
  if (hour > 24 || minute > 59) return undefined;
  // A 24-hour clock shows the half of the day past noon, or by a leading zero (09:00, 09.00).
  const halfDay = marker?.fixesHalfDay === true || hour >= 13 || /^0\d/.test(token.text);
  if (marker !== undefined) hour = marker.adjust(hour);
  const end = marker?.end ?? tokens[next - 1]!.end;
  return {
    mention: mention(text, tokens[index]!.start, end, [{ minutes: hour * 60 + minute, ...(halfDay && { halfDay }) }], true),
    next: marker?.next ?? next,
  };
}

/**
 * a.m., p.m., AM, PM, a time zone, or (after "pukul" or "jam" only: "2 malam" alone is "two nights") an
 * Indonesian part of the day, after the digits of a time.
 */
function readTimeMarker(
  tokens: readonly Token[],
  index: number,
  isLed: boolean,
): { adjust: (hour: number) => number; fixesHalfDay: boolean; end: number; next: number } | undefined {
  const first = tokens[index];
  if (first === undefined) return undefined;
  const compact = first.folded.replace(/\./g, '');
  if (first.kind === 'word' && (compact === 'am' || compact === 'pm')) {
    const dot = tokens[index + 1]?.text === '.' && touches(first, tokens[index + 1]!) ? 1 : 0;
    return { adjust: meridiem(compact), fixesHalfDay: true, end: tokens[index + dot]!.end, next: index + 1 + dot };
  }
  // a.m. and p.m. split into letters and dots.
  const letters = [0, 1, 2, 3].map((offset) => tokens[index + offset]?.text ?? '');
  if (/^[ap]$/i.test(letters[0]!) && letters[1] === '.' && /^m$/i.test(letters[2]!)) {
    const dot = letters[3] === '.' ? 1 : 0;
    return {
      adjust: meridiem(`${letters[0]!.toLowerCase()}m`),
      fixesHalfDay: true,
      end: tokens[index + 2 + dot]!.end,
      next: index + 3 + dot,
    };
  }
  if (first.kind === 'word' && TIME_ZONES.has(first.folded) && first.text === first.text.toUpperCase()) {
    return { adjust: (hour) => hour, fixesHalfDay: false, end: first.end, next: index + 1 };
  }
  const part = isLed && first.kind === 'word' ? DAY_PARTS[first.folded] : undefined;
  if (part !== undefined) return { adjust: part, fixesHalfDay: true, end: first.end, next: index + 1 };
  return undefined;
}

function meridiem(marker: string): (hour: number) => number {
  return marker === 'pm' ? (hour) => (hour < 12 ? hour + 12 : hour) : (hour) => (hour === 12 ? 0 : hour);
}

function mention(text: string, start: number, end: number, readings: DateFields[], isTime: boolean): DateMention {
  return { surface: text.slice(start, end), start, end, readings, isTime };
}

const FIELDS = ['weekday', 'day', 'month', 'year'] as const;

/**
 * Two mentions can name the same moment: some reading of each shares a field, and no field both give differs.
 * Times compare on the twelve-hour clock, since "9" and "21.00" are often the same time, unless both say the half
 * of the day ("9 p.m." / "pukul 09:00").
 */
export function sameDate(a: DateMention, b: DateMention): boolean {
  if (a.isTime !== b.isTime) return false;
  return a.readings.some((x) => b.readings.some((y) => compatible(x, y)));
}

function compatible(a: DateFields, b: DateFields): boolean {
  if (a.minutes !== undefined && b.minutes !== undefined) {
    // Where both say the half of the day, 9 p.m. and 09:00 differ; otherwise "9" may be 21.00.
    if (a.halfDay && b.halfDay) return a.minutes === b.minutes;
    return a.minutes % MINUTES_PER_HALF_DAY === b.minutes % MINUTES_PER_HALF_DAY;
  }
  let shared = 0;
  for (const field of FIELDS) {
    const x = a[field];
    const y = b[field];
    if (x === undefined || y === undefined) continue;
    if (x !== y) return false;
    shared++;
  }
  return shared > 0;
}
