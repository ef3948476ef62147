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
    ...unitDifferences(
      { text: source, numbers: sourceNumbers.filter(reportable(sourceDates)) },
      { text: target, numbers: targetNumbers.filter(reportable(targetDates)) },
    ),
    ...boundDifferences(
      { text: source, numbers: sourceNumbers.filter(reportable(sourceDates)), lang: options.sourceLang },
      { text: target, numbers: targetNumbers.filter(reportable(targetDates)), lang: options.targetLang },
    ),
  ];
}

/**
 * The same number bounded the other way: "up to 33 minutes" / "lebih dari 33 menit" (more than 33). Only where every
 * mention of the value on the other side is bounded, and the other way, so a bound one side leaves out is no
 * difference.
 */
function boundDifferences(source: NumbersOf & { readonly lang: Lang }, target: NumbersOf & { readonly lang: Lang }): Difference[] {
  const differences: Difference[] = [];
  for (const mention of source.numbers) {
    const bound = boundOf(source.text.text, mention, source.lang);
    if (bound === undefined) continue;
    const same = target.numbers.filter((other) => sameNumber(mention, other));
    const bounds = same.map((other) => boundOf(target.text.text, other, target.lang));
    if (same.length === 0 || bounds.some((other) => other === undefined || other.kind === bound.kind)) continue;
    differences.push({
      kind: 'number',
      source: source.text.text.slice(bound.start, mention.end),
      target: target.text.text.slice(bounds[0]!.start, same[0]!.end),
      detail: 'different bound',
    });
  }
  return differences;
}

interface NumbersOf {
  readonly text: Tokenised;
  readonly numbers: readonly NumberMention[];
}

/**
 * The same number of another span of time: "three weeks" / "tiga bulan". Where a number followed by a span word has
 * its value on the other side only before other span words, and the other side names its span nowhere ("sehari"
 * and "a day" name one without a number), the two are face to face as a `number` difference, "different unit".
 */
function unitDifferences(source: NumbersOf, target: NumbersOf): Difference[] {
  const differences: Difference[] = [];
  let targetSpans: Set<string | undefined> | undefined;
  for (const mention of source.numbers) {
    const own = timeUnitAfter(source.text.text, mention);
    if (own === undefined) continue;
    const same = target.numbers.filter((other) => sameNumber(mention, other));
    const units = same.map((other) => timeUnitAfter(target.text.text, other));
    if (units.length === 0 || units.some((unit) => unit === undefined || unit.unit === own.unit)) continue;
    targetSpans ??= new Set(target.text.tokens.map((token) => (token.kind === 'word' ? timeUnitOf(token.folded) : undefined)));
    if (targetSpans.has(own.unit)) continue;
    const surface = (text: string, number: NumberMention, word: string) => text.slice(number.start, text.indexOf(word, number.end) + word.length);
    differences.push({ kind: 'number', source: surface(source.text.text, mention, own.word), target: surface(target.text.text, same[0]!, units[0]!.word), detail: 'different unit' });
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
