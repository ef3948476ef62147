/**
 * Negation on one side only: "the app does not allow the user to rewind" against "memungkinkan pengguna untuk
 * memundurkan" (allows the user to rewind). Only presence is compared, not counts, since translation moves
 * negation around freely ("never" = "tidak pernah", "nothing" = "tidak ada apa-apa"). A side without a negator
 * still counts as negative when it says so another way: a negative prefix (immoral = tidak bermoral), a word that
 * means failing, lacking or forbidding (gagal, dilarang, refuse), or an Indonesian ketidak- noun. Two negations
 * in a row cancel (bukan tidak mungkin, not impossible).
 */
import type { Difference, Lang } from '../types.js';
import type { CompareOptions } from './options.js';
import { tokenised, type Token, type Tokenised } from './tokens.js';
import { ADJECTIVE_TRANSLATIONS, NEGATED_ANTONYMS } from './antonym-table.js';
import { EN_NEGATION_EXCUSES, ID_NEGATION_EXCUSES } from './word-tables.js';

const EN_NEGATORS = new Set([
  'not', 'no', 'never', 'without', 'nor', 'neither', 'none', 'nobody', 'nothing', 'nowhere', 'cannot', 'nope',
]);
const ID_NEGATORS = new Set([
  'tidak', 'tak', 'bukan', 'belum', 'tanpa', 'jangan', 'tiada', 'takkan', 'tidaklah', 'bukanlah', 'janganlah',
  'bukankah', 'belumlah', 'bukannya', 'nggak', 'enggak', 'gak', 'ndak', 'tdk', 'bkn', 'blm',
]);

/**
 * English words that carry a negation without a negator. Kept to words whose meaning is negative; general words
 * (only, still, before) would excuse almost any sentence.
 */
const EN_NEGATIVE_WORDS = new Set([
  'fail', 'fails', 'failed', 'failing', 'failure', 'lack', 'lacks', 'lacked', 'lacking', 'refuse', 'refuses',
  'refused', 'refusal', 'deny', 'denies', 'denied', 'unable', 'hardly', 'barely', 'rarely', 'seldom', 'scarcely',
  'absence', 'absent', 'avoid', 'avoids', 'avoided', 'prevent', 'prevents', 'prevented', 'ban', 'bans', 'banned',
  'prohibit', 'prohibits', 'prohibited', 'forbid', 'forbids', 'forbidden', 'unless', 'except', 'stop', 'stops',
  'stopped', 'ignore', 'ignores', 'ignored', 'neglect', 'neglected', 'free', 'defunct', 'decline', 'declines',
  'declined', 'zero', 'nil', 'otherwise', 'less', 'fewer', 'non', 'anonymity', 'anonymous', 'beware',
  // in-, im-, il-, ir-, dis-, mis- words: too many ordinary words start so (include, image, discuss, mission)
  // for a prefix rule, so the common negative ones are listed.
  'impossible', 'impossibility', 'inability', 'incapable', 'inadequate', 'insufficient', 'incorrect',
  'inaccurate', 'invalid', 'informal', 'indirect', 'indirectly', 'indefinite', 'infinite', 'immoral', 'illegal',
  'illegitimate', 'irregular', 'irrelevant', 'irresponsible', 'injustice', 'insecure', 'insecurity',
  'instability', 'inconsistent', 'incomplete', 'inefficient', 'ineffective', 'inappropriate', 'inexpensive',
  'intolerant', 'imbalance', 'impatient', 'imperfect', 'impractical', 'improper', 'inactive', 'incompetent',
  'inequality', 'inhuman', 'insignificant', 'invisible', 'irrational', 'irreversible', 'illiterate', 'illogical',
  'inevitable', 'inevitably', 'innocent', 'independent', 'independence', 'disagree', 'disagreed', 'disappear',
  'disappeared', 'disadvantage', 'dislike', 'disabled', 'disability', 'disapprove', 'dishonest', 'disorder',
  'disconnect', 'discontinue', 'discontinued', 'distrust', 'misunderstand', 'misunderstood',
]);
/**
 * English un-, non- and -less words (minus ordinary words that merely start or end so: under, union, unit,
 * universe, unique, uniform, until, uncle), and in-/im-/il-/ir- adjectives in -able or -ible (incurable).
 */
const EN_NEGATIVE_AFFIX =
  /^(?:un(?!der|ion|it|iv|iq|if|til|cles?$)|non)[a-z]{3,}|^[a-z]{3,}less(?:ly|ness)?$|^(?:in|im|il|ir)[a-z]{2,}[ai]bl[ey]$/;
/** English phrases that negate without a negator: yet to (belum), rather than (bukannya), let alone (belum lagi). */
const EN_NEGATIVE_PHRASES = /\b(?:yet to|rather than|instead of|let alone|far from|other than)\b/i;

/** Indonesian words that carry a negation without a negator. */
const ID_NEGATIVE_WORDS = new Set([
  'gagal', 'kurang', 'menolak', 'tolak', 'ditolak', 'penolakan', 'mustahil', 'larang', 'melarang', 'dilarang',
  'terlarang', 'larangan', 'mencegah', 'dicegah', 'menghindari', 'dihindari', 'hindari', 'jarang', 'bebas',
  'nihil', 'kecuali', 'membantah', 'dibantah', 'menyangkal', 'menghentikan', 'berhenti', 'mengabaikan',
  'diabaikan', 'absen', 'non',
]);
/**
 * Indonesian negated nouns and adjectives (ketidakadilan, ketaksanggupan, nonaktif), and "tidak" fused into a word;
 * not ketakutan (fear: ke-takut-an, 39 of the 43 ketak- words in the training corpora) nor nonton (to watch).
 */
const ID_NEGATIVE_AFFIX = /^(?:ketidak|ketak(?!ut)|non(?!ton))[a-z]{3,}|tidak[a-z]{3,}/;

/**
 * Negator and the word after it that together do not negate: tak pelak (undeniably), tidak lama (soon), tanpa
 * sengaja (accidentally), tidak sedikit (many), belum lagi (let alone), no doubt, no matter; and "not only" with
 * its translations (tidak hanya, bukan saja), which a translator as often renders as "selain" (besides).
 */
const NOT_ONLY = ['hanya', 'saja', 'sekedar', 'sekadar', 'cuma'];
const IDIOMS_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
  tidak: new Set(['pelak', 'lama', 'sengaja', 'sedikit', 'jarang', 'lain', 'terkecuali', 'kurang', 'terhitung', ...NOT_ONLY]),
  tak: new Set(['pelak', 'lama', 'sengaja', 'sedikit', 'jarang', 'lain', 'terkecuali', 'kurang', 'terhitung', ...NOT_ONLY]),
  bukan: new Set(NOT_ONLY),
  tanpa: new Set(['sengaja', 'terkecuali', 'kecuali']),
  belum: new Set(['lagi', 'lama']),
  not: new Set(['least', 'only', 'just', 'merely']),
  no: new Set(['doubt', 'matter', 'wonder']),
  nothing: new Set(['but']),
  none: new Set(['other']),
};
/**
 * Words after a negator that the parallel training corpora mostly render without any negation on the other side
 * (tidak jauh: near, not long: soon), counted by src/tools/corpus-tables.ts; they excuse every negator of their
 * language, as the idioms above excuse theirs.
 */
let corpusExcuses: Readonly<Record<'en' | 'id', ReadonlySet<string>>> | undefined;
const wordSet = (list: string): ReadonlySet<string> => new Set(list.split(' ').filter((word) => word !== ''));
function isCorpusExcuse(word: string, lang: Lang): boolean {
  corpusExcuses ??= { en: wordSet(EN_NEGATION_EXCUSES), id: wordSet(ID_NEGATION_EXCUSES) };
  return lang === 'und' ? corpusExcuses.en.has(word) || corpusExcuses.id.has(word) : corpusExcuses[lang].has(word);
}
/** Negator and the word before it: paling tidak (at least), why don't (a suggestion: "why don't you come"). */
const IDIOMS_BEFORE: Readonly<Record<string, ReadonlySet<string>>> = {
  tidak: new Set(['paling']),
  "don't": new Set(['why']),
};
/** Negative prefixes written with a hyphen: non-bank, un-American, anti-corruption. */
const HYPHENATED_NEGATIVE = /(?:^|[^\p{L}])(?:non|un|anti)-\p{L}/iu;

/** Words of context shown on each side of the negator in a difference. */
const CONTEXT_WORDS = 1;

interface Lexicon {
  readonly isNegator: (word: string) => boolean;
  readonly isNegative: (word: string) => boolean;
  /** A word negated by its own prefix (impossible, unlikely, ketidakpastian): a negator before it cancels. */
  readonly isNegatedWord: (word: string) => boolean;
}

const ENGLISH: Lexicon = {
  isNegator: (word) => EN_NEGATORS.has(word) || /n't$/.test(word),
  isNegative: (word) => EN_NEGATIVE_WORDS.has(word) || EN_NEGATIVE_AFFIX.test(word),
  isNegatedWord: (word) => EN_NEGATIVE_AFFIX.test(word),
};
const INDONESIAN: Lexicon = {
  isNegator: (word) => ID_NEGATORS.has(word),
  isNegative: (word) => ID_NEGATIVE_WORDS.has(word) || ID_NEGATIVE_AFFIX.test(word),
  isNegatedWord: (word) => ID_NEGATIVE_AFFIX.test(word),
};

function lexicon(lang: Lang): Lexicon {
  if (lang === 'en') return ENGLISH;
  if (lang === 'id') return INDONESIAN;
  return {
    isNegator: (word) => ENGLISH.isNegator(word) || INDONESIAN.isNegator(word),
    isNegative: (word) => ENGLISH.isNegative(word) || INDONESIAN.isNegative(word),
    isNegatedWord: (word) => ENGLISH.isNegatedWord(word) || INDONESIAN.isNegatedWord(word),
  };
}

/** Words after a negator that may be the word it negates ("tidak berbahaya", "is not very safe"). */
const NEGATED_REACH = 2;

let antonymPairs: ReadonlySet<string> | undefined;
let translationPairs: ReadonlySet<string> | undefined;
/** Whether, after a negator, Indonesian `indonesian` says what English `english` says (safe / tidak berbahaya). */
function isNegatedAntonym(english: string, indonesian: string): boolean {
  antonymPairs ??= wordSet(NEGATED_ANTONYMS);
  return antonymPairs.has(`${english}:${indonesian}`);
}
/** Whether the dictionary translates English `english` as `indonesian` (safe / aman), for the adjectives above. */
function isTranslation(english: string, indonesian: string): boolean {
  translationPairs ??= wordSet(ADJECTIVE_TRANSLATIONS);
  return translationPairs.has(`${english}:${indonesian}`);
}

/** A negator in a text, as it reads with a word of context either side. */
interface NegatorMention {
  readonly surface: string;
  /** The words after it, folded, up to NEGATED_REACH: what it may negate. */
  readonly negated: readonly string[];
  /**
   * Followed by a word that makes an idiom with it (IDIOMS_AFTER) or that the corpora excuse it after
   * (isCorpusExcuse): it raises no difference of its own, but still answers a negator on the other side ("not far" /
   * "tidak jauh", "not simply" / "bukan hanya").
   */
  readonly isExcused: boolean;
}

function negatorMentions(input: string | Tokenised, lang: Lang): NegatorMention[] {
  const { text, tokens } = tokenised(input);
  const { isNegator, isNegatedWord } = lexicon(lang);
  const words = tokens.filter((token) => token.kind === 'word');
  const found: NegatorMention[] = [];
  words.forEach((token, index) => {
    const key = token.folded;
    if (!isNegatorToken(text, token, isNegator)) return;
    const next = words[index + 1]?.folded ?? '';
    const previous = words[index - 1]?.folded ?? '';
    if (IDIOMS_BEFORE[key]?.has(previous)) return;
    // Two negations in a row say the positive: "bukan tidak mungkin" (it may well be), "not impossible", "not
    // unlike". Neither negator counts. Words negative by meaning only stay negated ("not stopped" is no double
    // negation: it says the thing went on).
    if (isNegator(next) || isNegatedWord(next) || isNegator(previous)) return;
    const from = words[Math.max(0, index - CONTEXT_WORDS)]!;
    const to = words[Math.min(words.length - 1, index + CONTEXT_WORDS)]!;
    const negated = words.slice(index + 1, index + 1 + NEGATED_REACH).map((word) => word.folded);
    // An idiom ("tidak hanya", "no doubt") excuses its negator as the corpus words do: it may still render a negator.
    found.push({ surface: text.slice(from.start, to.end), negated, isExcused: IDIOMS_AFTER[key]?.has(next) === true || isCorpusExcuse(next, lang) });
  });
  return found;
}

/**
 * For the corpus tables: the word after each negator of a text, and whether the text says a negation at all (a
 * negator, or a word or prefix that negates), both before any idiom or corpus excuse, so that a rebuilt table does
 * not feed on the one it replaces.
 */
export function negationEvidence(input: string | Tokenised, lang: Lang): { readonly next: string[]; readonly isNegated: boolean } {
  const side = tokenised(input);
  const { isNegator } = lexicon(lang);
  const words = side.tokens.filter((token) => token.kind === 'word');
  const next: string[] = [];
  let hasNegator = false;
  words.forEach((token, index) => {
    if (!isNegatorToken(side.text, token, isNegator)) return;
    hasNegator = true;
    const after = words[index + 1];
    if (after !== undefined) next.push(after.folded);
  });
  return { next, isNegated: hasNegator || isNegativeOtherwise(side, lang) };
}

/** The negators of a text that negate (not those of an idiom or a corpus excuse), each with a word of context either
 * side ("does not allow"). */
export function findNegations(input: string | Tokenised, lang: Lang): string[] {
  return negatorMentions(input, lang).filter((mention) => !mention.isExcused).map((mention) => mention.surface);
}

/** Whether a word of the text is a negator: one of its language's, and not "No." before a number. */
function isNegatorToken(text: string, token: Token, isNegator: Lexicon['isNegator']): boolean {
  return isNegator(token.folded) && !isNumberAbbreviation(text, token);
}

/** "No. 5" is a number, not a negation. */
function isNumberAbbreviation(text: string, token: Token): boolean {
  return token.text === 'No' && /^\.\s*\d/.test(text.slice(token.end));
}

function isNegativeOtherwise({ text, tokens }: Tokenised, lang: Lang): boolean {
  const { isNegative } = lexicon(lang);
  if (HYPHENATED_NEGATIVE.test(text)) return true;
  if (lang !== 'id' && EN_NEGATIVE_PHRASES.test(text)) return true;
  return tokens.some((token) => token.kind === 'word' && isNegative(token.folded));
}

/**
 * Whether a negator negates a word whose antonym the other side says ("safe" / "tak berbahaya", "not safe" /
 * "berbahaya"): the same meaning, worded the other way. English against Indonesian only.
 */
function saysAntonym(mention: NegatorMention, lang: Lang, other: Tokenised, otherLang: Lang): boolean {
  if (!((lang === 'en' && otherLang === 'id') || (lang === 'id' && otherLang === 'en'))) return false;
  const words = other.tokens.filter((token) => token.kind === 'word').map((token) => token.folded);
  // English first in each pair, whichever side negates.
  const pair = (negated: string, word: string): [string, string] => (lang === 'en' ? [negated, word] : [word, negated]);
  return mention.negated.some(
    (negated) =>
      words.some((word) => isNegatedAntonym(...pair(negated, word))) &&
      // A flip keeps the word and drops the negator ("not last" / "terakhir", "bukan besar" / "big or small"): the
      // other side must not also say the negated word itself.
      !words.some((word) => isTranslation(...pair(negated, word))),
  );
}

export function negationDifferences(source: Tokenised, target: Tokenised, options: CompareOptions): Difference[] {
  const sourceNegations = negatorMentions(source, options.sourceLang);
  const targetNegations = negatorMentions(target, options.targetLang);
  const surfaces = (mentions: readonly NegatorMention[]) => mentions.map((mention) => mention.surface).join(', ');
  /** Whether one side's negations, against another side that has none, raise a difference. */
  const raises = (mentions: readonly NegatorMention[], lang: Lang, other: Tokenised, otherLang: Lang) =>
    mentions.some((mention) => !mention.isExcused && !saysAntonym(mention, lang, other, otherLang)) && !isNegativeOtherwise(other, otherLang);
  if (targetNegations.length === 0 && raises(sourceNegations, options.sourceLang, target, options.targetLang)) {
    return [{ kind: 'negation', source: surfaces(sourceNegations), target: null, detail: 'negated only in source' }];
  }
  if (sourceNegations.length === 0 && raises(targetNegations, options.targetLang, source, options.sourceLang)) {
    return [{ kind: 'negation', source: null, target: surfaces(targetNegations), detail: 'negated only in target' }];
  }
  return [];
}
