/**
 * Negation on one side only: "the app does not allow the user to rewind" against "memungkinkan pengguna untuk
 * memundurkan" (allows the user to rewind). Only presence is compared, not counts, since translation moves
 * negation around freely ("never" = "tidak pernah", "nothing" = "tidak ada apa-apa"). A side without a negator
 * still counts as negative when it says so another way: a negative prefix (immoral = tidak bermoral), a word that
 * means failing, lacking or forbidding (gagal, dilarang, refuse), or an Indonesian ketidak- noun.
 */
import type { Difference, Lang } from '../types.js';
import { tokenised, type Token, type Tokenised } from './tokens.js';

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
/** Indonesian negated nouns and adjectives (ketidakadilan, nonaktif), and "tidak" fused into a word. */
const ID_NEGATIVE_AFFIX = /^(?:ketidak|ketak|non)[a-z]{3,}|tidak[a-z]{3,}/;

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
}

const ENGLISH: Lexicon = {
  isNegator: (word) => EN_NEGATORS.has(word) || /n't$/.test(word),
  isNegative: (word) => EN_NEGATIVE_WORDS.has(word) || EN_NEGATIVE_AFFIX.test(word),
};
const INDONESIAN: Lexicon = {
  isNegator: (word) => ID_NEGATORS.has(word),
  isNegative: (word) => ID_NEGATIVE_WORDS.has(word) || ID_NEGATIVE_AFFIX.test(word),
};

function lexicon(lang: Lang): Lexicon {
  if (lang === 'en') return ENGLISH;
  if (lang === 'id') return INDONESIAN;
  return {
    isNegator: (word) => ENGLISH.isNegator(word) || INDONESIAN.isNegator(word),
    isNegative: (word) => ENGLISH.isNegative(word) || INDONESIAN.isNegative(word),
  };
}

/** The negators of a text, each with a word of context either side ("does not allow"). */
export function findNegations(input: string | Tokenised, lang: Lang): string[] {
  const { text, tokens } = tokenised(input);
  const { isNegator } = lexicon(lang);
  const words = tokens.filter((token) => token.kind === 'word');
  const found: string[] = [];
  words.forEach((token, index) => {
    const key = token.folded;
    if (!isNegator(key) || isNumberAbbreviation(text, token)) return;
    if (IDIOMS_AFTER[key]?.has(words[index + 1]?.folded ?? '')) return;
    if (IDIOMS_BEFORE[key]?.has(words[index - 1]?.folded ?? '')) return;
    const from = words[Math.max(0, index - CONTEXT_WORDS)]!;
    const to = words[Math.min(words.length - 1, index + CONTEXT_WORDS)]!;
    found.push(text.slice(from.start, to.end));
  });
  return found;
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

export function negationDifferences(
  source: Tokenised,
  target: Tokenised,
  options: { readonly sourceLang: Lang; readonly targetLang: Lang },
): Difference[] {
  const sourceNegations = findNegations(source, options.sourceLang);
  const targetNegations = findNegations(target, options.targetLang);
  if (sourceNegations.length > 0 && targetNegations.length === 0 && !isNegativeOtherwise(target, options.targetLang)) {
    return [{ kind: 'negation', source: sourceNegations.join(', '), target: null, detail: 'negated only in source' }];
  }
  if (targetNegations.length > 0 && sourceNegations.length === 0 && !isNegativeOtherwise(source, options.sourceLang)) {
    return [{ kind: 'negation', source: null, target: targetNegations.join(', '), detail: 'negated only in target' }];
  }
  return [];
}
