/**
 * What differs inside one aligned pair: numbers, names and places, dates and times, quoted speech, negation,
 * dropped or added phrases. Pure: text
 * in, differences out. Each finder errs towards silence, because on a true translation every report is a false
 * alarm that costs a reviewer's attention.
 */
import type { Difference, Lang } from '../types.js';
import { findDates, sameDate, type DateMention } from './dates.js';
import { nameDifferences } from './names.js';
import { negationDifferences } from './negation.js';
import { boundOf, findCodes, normalizeNumbers, sameNumber, timeUnitAfter, timeUnitOf, type NumberMention } from './numbers.js';
import type { CompareOptions } from './options.js';
import { phraseDifferences } from './phrases.js';
import { quoteDifferences } from './quotes.js';
import { tokenised, type Tokenised } from './tokens.js';

export type { CompareOptions, WordVectors } from './options.js';

/** A number written in words below this value ("one", "satu") is too often a pronoun or article to report. */
const MIN_REPORTED_WORD_NUMBER = 2;
/** A bare 1 on one side is most often the other side's article ("a year" = "1 tahun"), so it is not reported. */
const ARTICLE_VALUE = 1;

export function findDifferences(sourceText: string, targetText: string, options: CompareOptions): Difference[] {
  // One tokenisation per side, shared by every finder.
  const source = tokenised(sourceText);
  const target = tokenised(targetText);
  const sourceDates = findDates(source);
  const targetDates = findDates(target);
  return withoutRepeats([
    ...numberDifferences(source, target, options, sourceDates, targetDates),
    ...nameDifferences(source, target, options.wordVectors),
    ...dateDifferences(sourceDates, targetDates),
    ...quoteDifferences(sourceText, targetText),
    ...negationDifferences(source, target, options),
    ...phraseDifferences(source, target, options),
  ]);
}

/** A number or date that one side repeats is one difference, not two. */
function withoutRepeats(differences: readonly Difference[]): Difference[] {
  const seen = new Set<string>();
  return differences.filter((difference) => {
    const key = JSON.stringify([difference.kind, difference.source, difference.target]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Unmatched<T> {
  readonly source: readonly T[];
  readonly target: readonly T[];
}

/**
 * What each side mentions that nothing on the other side can be. Counts are not compared: a number or date
 * repeated on one side (a score restated, "Selasa 9/9" against "Tuesday ... 9/9") is no change of content.
 */
function unmatched<T>(source: readonly T[], target: readonly T[], same: (a: T, b: T) => boolean): Unmatched<T> {
  return {
    source: source.filter((a) => !target.some((b) => same(a, b))),
    target: target.filter((b) => !source.some((a) => same(a, b))),
  };
}

/** Left-overs face to face as "different", in order, then the rest as one-sided. */
function report<T>(
  kind: Difference['kind'],
  left: Unmatched<T>,
  surface: (item: T) => string,
  different: string,
): Difference[] {
  const differences: Difference[] = [];
  const paired = Math.min(left.source.length, left.target.length);
  for (let i = 0; i < paired; i++) {
    differences.push({ kind, source: surface(left.source[i]!), target: surface(left.target[i]!), detail: different });
  }
  for (const item of left.source.slice(paired)) {
    differences.push({ kind, source: surface(item), target: null, detail: 'only in source' });
  }
  for (const item of left.target.slice(paired)) {
    differences.push({ kind, source: null, target: surface(item), detail: 'only in target' });
  }
  return differences;
}

/** What may stand between the two halves of a number split by a typo: a separator and a stray space ("61, 482"),
 * or an apostrophe grouping thousands ("1'001"). */
const SPLIT_SEPARATOR = /^(?:[.,] |['’])$/;

/**
 * A number one side writes whole (61,482) and the other splits by a typo into two unmatched mentions ("61, 482",
 * "1'001": up to three digits, the separator, exactly three digits) is the same number: the three mentions are
 * matched. Only where the whole number is itself left unmatched, so a list ("61, 482 and 500") that the other side
 * also lists is not touched.
 */
function rejoinSplitNumbers(left: Unmatched<NumberMention>, sourceText: string, targetText: string): Unmatched<NumberMention> {
  const rejoin = (split: readonly NumberMention[], text: string, whole: readonly NumberMention[]) => {
    const used = new Set<NumberMention>();
    const joined = new Set<NumberMention>();
    for (let k = 0; k + 1 < split.length; k++) {
      const [head, tail] = [split[k]!, split[k + 1]!];
      if (!/^\d{1,3}$/.test(head.surface) || !/^\d{3}$/.test(tail.surface) || !SPLIT_SEPARATOR.test(text.slice(head.end, tail.start))) continue;
      const value = Number(head.surface + tail.surface);
      const match = whole.find((mention) => !used.has(mention) && mention.values.includes(value));
      if (match === undefined) continue;
      used.add(match);
      joined.add(head).add(tail);
      k++;
    }
    return { used, joined };
  };
  const inTarget = rejoin(left.target, targetText, left.source);
  const inSource = rejoin(
    left.source.filter((mention) => !inTarget.used.has(mention)),
    sourceText,
    left.target.filter((mention) => !inTarget.joined.has(mention)),
  );
  const gone = new Set([...inTarget.used, ...inTarget.joined, ...inSource.used, ...inSource.joined]);
  return { source: left.source.filter((mention) => !gone.has(mention)), target: left.target.filter((mention) => !gone.has(mention)) };
}

function numberDifferences(
  source: Tokenised,
  target: Tokenised,
  options: CompareOptions,
  sourceDates: readonly DateMention[],
  targetDates: readonly DateMention[],
): Difference[] {
  const sourceNumbers = normalizeNumbers(source, options.sourceLang);
  const targetNumbers = normalizeNumbers(target, options.targetLang);
  const left = rejoinSplitNumbers(unmatched(sourceNumbers, targetNumbers, sameNumber), source.text, target.text);
  // A number in words that the other side writes the same, word for word, is a name both keep ("Seventeen"
  // magazine in an Indonesian sentence, whose English number words the Indonesian reading does not parse).
  const keptVerbatim = (other: Tokenised) => {
    let words: Set<string> | undefined;
    return (mention: NumberMention) => {
      if (!mention.isWords) return false;
      words ??= new Set(other.tokens.filter((token) => token.kind === 'word').map((token) => token.folded));
      return tokenised(mention.surface).tokens.every((token) => token.kind !== 'word' || words!.has(token.folded));
    };
  };
  const keptInTarget = keptVerbatim(target);
  const keptInSource = keptVerbatim(source);
  // Numbers inside dates and times still match numbers on the other side (Agustus 2021 / in 2021), but when
  // unmatched they are the date finder's to report.
  const reportable = (dates: readonly DateMention[]) => (mention: NumberMention) =>
    !dates.some((date) => mention.start < date.end && date.start < mention.end) &&
    !mention.isWeak &&
    !(mention.isWords && mention.value < MIN_REPORTED_WORD_NUMBER) &&
    !(mention.value === ARTICLE_VALUE && !mention.isPercent && mention.currency === null);
  const reportableSource = sourceNumbers.filter(reportable(sourceDates));
  const reportableTarget = targetNumbers.filter(reportable(targetDates));
  return [
    ...report(
      'number',
      {
        source: left.source.filter((mention) => reportable(sourceDates)(mention) && !keptInTarget(mention)),
        target: left.target.filter((mention) => reportable(targetDates)(mention) && !keptInSource(mention)),
      },
      (mention) => mention.surface,
      'different value',
    ),
    ...codeDifferences(source, target),
    ...qualifierDifferences(
      { text: source, numbers: reportableSource, lang: options.sourceLang },
      { text: target, numbers: reportableTarget, lang: options.targetLang },
    ),
  ];
}

interface NumbersOf {
  readonly text: Tokenised;
  readonly numbers: readonly NumberMention[];
  readonly lang: Lang;
}

/**
 * What a word next to a number says of it: the span of time it counts ("three weeks") or how it bounds it ("up to
 * 33"); the key two qualifiers compare by, and the stretch the number and its qualifier take in the text.
 */
interface Qualifier {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** How a number is qualified, and which difference a change of that qualifier is. */
interface QualifierKind {
  readonly of: (side: NumbersOf, mention: NumberMention) => Qualifier | undefined;
  readonly detail: string;
  /** Whether the side says this qualifier elsewhere, where the number's own may be told: no difference then. */
  readonly saysElsewhere?: (side: NumbersOf, key: string) => boolean;
}

const QUALIFIER_KINDS: readonly QualifierKind[] = [
  // The same number of another span of time: "three weeks" / "tiga bulan". Not where the other side names the span
  // anywhere ("sehari" and "a day" name one without a number).
  {
    of: ({ text }, mention) => {
      const unit = timeUnitAfter(text.text, mention);
      return unit && { key: unit.unit, start: mention.start, end: unit.end };
    },
    detail: 'different unit',
    saysElsewhere: ({ text }, key) => text.tokens.some((token) => token.kind === 'word' && timeUnitOf(token.folded) === key),
  },
  // The same number bounded the other way: "up to 33 minutes" / "lebih dari 33 menit" (more than 33).
  {
    of: ({ text, lang }, mention) => {
      const bound = boundOf(text.text, mention, lang);
      return bound && { key: bound.kind, start: bound.start, end: mention.end };
    },
    detail: 'different bound',
  },
];

/**
 * The same number qualified otherwise on the two sides (QUALIFIER_KINDS): face to face as a `number` difference.
 * Only where every mention of the value on the other side is qualified, and otherwise, so a qualifier one side
 * leaves out is no difference.
 */
function qualifierDifferences(source: NumbersOf, target: NumbersOf): Difference[] {
  const differences: Difference[] = [];
  for (const kind of QUALIFIER_KINDS) {
    for (const mention of source.numbers) {
      const own = kind.of(source, mention);
      if (own === undefined) continue;
      const others = target.numbers.filter((other) => sameNumber(mention, other)).map((other) => kind.of(target, other));
      if (others.length === 0 || others.some((other) => other === undefined || other.key === own.key)) continue;
      if (kind.saysElsewhere?.(target, own.key)) continue;
      const other = others[0]!;
      differences.push({ kind: 'number', source: source.text.text.slice(own.start, own.end), target: target.text.text.slice(other.start, other.end), detail: kind.detail });
    }
  }
  return differences;
}

/**
 * A code whose digits changed: the same letters with other digits on the other side (BO-105 / BO-505, MH17 /
 * MH370), and no code there with the same letters and digits. A code on one side only is left alone: translators
 * write a model or a flight as often in words.
 */
function codeDifferences(source: Tokenised, target: Tokenised): Difference[] {
  const sourceCodes = findCodes(source);
  const targetCodes = findCodes(target);
  const differences: Difference[] = [];
  for (const code of sourceCodes) {
    const sameLetters = targetCodes.filter((other) => other.letters === code.letters);
    if (sameLetters.length === 0 || sameLetters.some((other) => other.digits === code.digits)) continue;
    const changed = sameLetters.find((other) => !sourceCodes.some((own) => own.letters === other.letters && own.digits === other.digits));
    if (changed !== undefined) differences.push({ kind: 'number', source: code.surface, target: changed.surface, detail: 'different code' });
  }
  return differences;
}

function dateDifferences(sourceDates: readonly DateMention[], targetDates: readonly DateMention[]): Difference[] {
  const left = unmatched(sourceDates, targetDates, sameDate);
  const dates = report('date', { source: left.source.filter((d) => !d.isTime), target: left.target.filter((d) => !d.isTime) }, (d) => d.surface, 'different date');
  const times = report('date', { source: left.source.filter((d) => d.isTime), target: left.target.filter((d) => d.isTime) }, (d) => d.surface, 'different time');
  return [...dates, ...times];
}
