/**
 * Names and other proper nouns (capitalised runs, acronyms) that one side of a pair mentions and the other does
 * not. A name counts as present on the other side when most of its words appear there in any case, spelt the
 * same or as a cognate (Afghanistan / Afganistan, American / Amerika), as a known translation (Netherlands /
 * Belanda), or as an acronym of it (Agence France-Presse / AFP). Looking in the whole other text, not only in its
 * names, keeps translations that lower-case a word or move it to the start of a sentence from raising alarms.
 */
import { skeleton } from '../text/cognate.js';
import { skeletonOf } from './skeletons.js';
import type { Difference } from '../types.js';
import { isDateWord } from './dates.js';
import { isNumberWord, smallNumberValue } from './numbers.js';
import {
  DEMONYM_SUFFIX,
  GENERIC_NAME_WORDS,
  LEADING_FUNCTION_WORDS,
  NAME_CONNECTORS,
  NAME_GROUPS,
  PLACE_GROUPS,
} from './name-lexicon.js';
import { fold, isCapitalised, tokenised, tokenize, touches, type Token, type Tokenised } from './tokens.js';
import { isAlsoOrdinaryWord, isKnownName, isOrdinaryWord } from './word-case.js';
import type { WordVectors } from './options.js';
import { areTranslations, isFunctionWord, STRONG_MATCH } from './phrases.js';

export interface NameWord {
  /** As written, possessive removed (Tesla's -> Tesla). */
  readonly text: string;
  readonly folded: string;
  readonly isAcronym: boolean;
  /** Offsets of the word as written in the text. */
  readonly start: number;
  readonly end: number;
}

export interface NameMention {
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  /** Every word of the run, connectors included (Bank of America). */
  readonly words: readonly NameWord[];
  /** The words that identify it: not titles, places kinds, connectors or dates (for "Presiden Joko Widodo":
   * Joko, Widodo). */
  readonly content: readonly NameWord[];
}

/** Share of a name's identifying words that must appear on the other side for it to count as present there:
 * a third lets a translated institution keep its one untranslatable word ("Iraq Coalition Casualty Count" /
 * "Kelompok Penghitung Korban Sekutu Iraq"), while "New York Post" still misses "Agence France-Presse (AFP)".
 * Tuned on the dev translations: a half flagged 0.3% more pairs, all of them translated names. */
const NAME_MATCH_SHARE = 1 / 3;
/** Longest all-capital word read as an acronym (ASEAN, UNHCR); longer ones (JAKARTA, MAKING) are shouted. */
const MAX_ACRONYM_LENGTH = 5;
/** Shortest acronym looked for among the initials of lower-case words. */
const MIN_LOWER_CASE_INITIALS = 3;
/** A unit (sentence, headline) without final punctuation is in title case when this share of its longer
 * non-initial words is capitalised; names there say nothing, since every word is capitalised. */
const TITLE_CASE_SHARE = 0.7;
/** ... and a unit that ends like a sentence only from this share: sentences can be dense with names. */
const TITLE_CASE_SHARE_IN_SENTENCE = 0.9;
/** ... counted over at least this many words, so that a short sentence full of names is not taken for one. */
const TITLE_CASE_MIN_WORDS = 4;
/** Words shorter than this do not vote on title case (articles and prepositions stay lower case in titles). */
const TITLE_CASE_MIN_LENGTH = 4;
/** Words shorter than this must match exactly: cognate rules on short words match almost anything. */
const COGNATE_MIN_LENGTH = 4;
/** Two words share a stem when their common prefix covers this share of the shorter (Afghan / Afghanistan). */
const COGNATE_PREFIX_SHARE = 0.8;
/** One edit is allowed from this length (Nasional / National after spelling rules), two from the next. */
const ONE_EDIT_MIN_LENGTH = 5;
/** A capitalised word glued to the lower-case word before it by a missing space: the tail is the name. */
const GLUED_TAIL = /^\p{Ll}{2,}(\p{Lu}[\p{L}\d]*)$/u;
const TWO_EDITS_MIN_LENGTH = 8;

export function findNames(input: string | Tokenised): NameMention[] {
  const { text, tokens } = tokenised(input);
  const inTitle = titleCaseTokens(tokens);
  const mentions: NameMention[] = [];
  const seen = new Set<string>();
  let covered = 0;
  for (let index = 0; index < tokens.length; ) {
    const run = readRun(tokens, index);
    if (run === undefined) {
      index++;
      continue;
    }
    index = run.next;
    if (inTitle[run.first] || isDomainPart(tokens, run.first) || isShouted(tokens, run) || isCurrency(tokens, run)
        || tokens[run.first]!.start < covered) {
      continue;
    }
    const mention = toMention(text, tokens, run);
    if (mention === undefined) continue;
    covered = mention.end;
    const key = mention.content.map((word) => word.folded).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    mentions.push(mention);
  }
  return mentions;
}

interface Run {
  /** Token indexes of the run's words, connectors included. */
  readonly indexes: readonly number[];
  readonly first: number;
  /** Index of the first token after the run. */
  readonly next: number;
}

function isNameStart(token: Token | undefined): token is Token {
  // Single letters (A, I) and the pronoun's contractions (I'm) are no names.
  return token?.kind === 'word' && isCapitalised(token.text) && token.text.length > 1 && !/^I['’]/.test(token.text);
}

/** A heading in capitals (MAKING IT HAPPEN): two or more capitals-only words too long to be acronyms. */
function isShouted(tokens: readonly Token[], run: Run): boolean {
  const shouted = run.indexes.filter((i) => /^\p{Lu}{2,}$/u.test(tokens[i]!.text) && tokens[i]!.text.length > MAX_ACRONYM_LENGTH);
  return shouted.length >= 2;
}

/** The US of US$ and S of S$: a currency, which the number finder reads. */
function isCurrency(tokens: readonly Token[], run: Run): boolean {
  const last = tokens[run.next - 1]!;
  const after = tokens[run.next];
  return run.indexes.length === 1 && after?.text === '$' && touches(last, after);
}

/** The COM of BULELENGPOST.COM: a word glued after a dot glued to a word, part of a web address. */
function isDomainPart(tokens: readonly Token[], index: number): boolean {
  const dot = tokens[index - 1];
  const before = tokens[index - 2];
  return dot?.text === '.' && before !== undefined && touches(before, dot) && touches(dot, tokens[index]!);
}

function isPossessive(word: string): boolean {
  return /['’]s$/i.test(word);
}

/** A run of capitalised words, joined by spaces, hyphens (France-Presse) or connectors (Bank of America). */
function readRun(tokens: readonly Token[], index: number): Run | undefined {
  if (!isNameStart(tokens[index])) return undefined;
  const indexes = [index];
  let last = index;
  while (!isPossessive(tokens[last]!.text)) {
    const next = tokens[last + 1];
    if (next === undefined) break;
    if (next.text === '-' && touches(tokens[last]!, next) && isNameStart(tokens[last + 2]) && touches(next, tokens[last + 2]!)) {
      indexes.push(last + 2);
      last += 2;
      continue;
    }
    if (isNameStart(next) && !next.isInitial) {
      indexes.push(last + 1);
      last += 1;
      continue;
    }
    if (next.kind === 'word' && NAME_CONNECTORS.has(next.text) && isNameStart(tokens[last + 2])) {
      indexes.push(last + 1, last + 2);
      last += 2;
      continue;
    }
    break;
  }
  return { indexes, first: index, next: last + 1 };
}

const POSSESSIVE_OR_DOTS = /['’]s$|\./i;
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;
const ACRONYM = /^\p{Lu}{2,}$/u;
const GLUED_ACRONYM = /^\p{Lu}{1,3}\d{1,2}$/u;
/** Capitals only, longer than an acronym: a heading or a dateline. */
const SHOUTED = new RegExp(`^\\p{Lu}{${MAX_ACRONYM_LENGTH + 1},}$`, 'u');

function toWord(token: Token): NameWord {
  let text = POSSESSIVE_OR_DOTS.test(token.text) ? token.text.replace(/['’]s$/i, '').replace(/\./g, '') : token.text;
  // Plural acronyms (CRTs, MPs, SOEs) are the acronym.
  if (PLURAL_ACRONYM.test(text)) text = text.slice(0, -1);
  const isAcronym = text.length <= MAX_ACRONYM_LENGTH && ACRONYM.test(text);
  return { text, folded: text === token.text ? token.folded : fold(text), isAcronym, start: token.start, end: token.end };
}

function toMention(text: string, tokens: readonly Token[], run: Run): NameMention | undefined {
  let indexes = [...run.indexes];
  if (tokens[run.first]!.isInitial) {
    // "The Taliban": a capitalised function word only starts the sentence.
    while (indexes.length > 0 && LEADING_FUNCTION_WORDS.has(tokens[indexes[0]!]!.folded)) indexes.shift();
    // A lone capitalised word at the start of a sentence may be any word, unless it is an acronym or a word the
    // corpora write capitalised nearly always (Kenya, Mosley).
    // A dateline in capitals (JAKARTA - ...) is no mention of the city.
    const first = toWord(tokens[run.first]!);
    const isKnown = isKnownName(first.folded) && !SHOUTED.test(first.text);
    if (indexes.length === 1 && indexes[0] === run.first && !first.isAcronym && !isKnown) return undefined;
  }
  while (indexes.length > 0 && NAME_CONNECTORS.has(tokens[indexes.at(-1)!]!.text)) indexes.pop();
  if (indexes.length === 0) return undefined;
  const words = indexes.map((i) => toWord(tokens[i]!));
  // The first word of a sentence is capitalised anyway: it counts only as part of what follows it
  // ("Zabihullah Mujahid" is compared on "Mujahid"; "Peran Negara" is no name at all), unless it is a known name.
  const content = words.filter(
    (word, k) => isIdentifying(word) && (indexes[k] !== run.first || !tokens[run.first]!.isInitial || word.isAcronym || (isKnownName(word.folded) && !SHOUTED.test(word.text))),
  );
  // A capitalised ordinary word alone ("Cuma" mid-sentence) is no name.
  if (content.length === 0 || (content.length === 1 && !content[0]!.isAcronym && isOrdinaryWord(content[0]!.folded))) return undefined;
  const start = tokens[indexes[0]!]!.start;
  let end = tokens[indexes.at(-1)!]!.end;
  // "Agence France-Presse (AFP)": the acronym in brackets is the same name.
  const after = indexes.at(-1)! + 1;
  const bracketed = tokens[after + 1];
  if (tokens[after]?.text === '(' && bracketed !== undefined && tokens[after + 2]?.text === ')' && toWord(bracketed).isAcronym) {
    end = tokens[after + 2]!.end;
    const acronym = toWord(bracketed);
    return { surface: text.slice(start, end), start, end, words: [...words, acronym], content: [...content, acronym] };
  }
  return { surface: text.slice(start, end), start, end, words, content };
}

function isIdentifying(word: NameWord): boolean {
  return (
    word.folded.length > 1 &&
    !isNumberWord(word.folded) &&
    // Indonesian "-nya" (his, its: Cederanya "his injury") marks a common noun capitalised by mistake.
    !(word.folded.length > 5 && word.folded.endsWith('nya')) &&
    !/^[ivxl]+$/.test(word.folded) &&
    !GENERIC_NAME_WORDS.has(word.folded) &&
    !NAME_CONNECTORS.has(word.folded) &&
    !LEADING_FUNCTION_WORDS.has(word.folded) &&
    !isDateWord(word.folded)
  );
}

/** Marks the tokens of units (from one initial word to the next) written in title case. */
function titleCaseTokens(tokens: readonly Token[]): boolean[] {
  const flags = tokens.map(() => false);
  let unitStart = 0;
  const close = (end: number): void => {
    let capitalised = 0;
    let counted = 0;
    for (let i = unitStart + 1; i < end; i++) {
      const token = tokens[i]!;
      if (token.kind !== 'word' || token.text.length < TITLE_CASE_MIN_LENGTH) continue;
      counted++;
      if (isCapitalised(token.text)) capitalised++;
    }
    const endsSentence = tokens.slice(unitStart, end).some((token) => /^[.!?]$/.test(token.text));
    const share = endsSentence ? TITLE_CASE_SHARE_IN_SENTENCE : TITLE_CASE_SHARE;
    const isTitle = counted >= TITLE_CASE_MIN_WORDS && capitalised / counted >= share;
    for (let i = unitStart; i < end; i++) flags[i] = isTitle;
  };
  tokens.forEach((token, index) => {
    if (token.isInitial && index > unitStart) {
      close(index);
      unitStart = index;
    }
  });
  close(tokens.length);
  return flags;
}

/** What a text offers to find a name in. */
interface Haystack {
  readonly words: ReadonlySet<string>;
  /** Cognate skeletons of its longer words, made on first use (most names are found spelt the same). */
  readonly skeletons: () => readonly string[];
  readonly acronyms: ReadonlySet<string>;
  /** Initials of its runs of words (Agence France-Presse -> AFP), with and without connectors, made on first use. */
  readonly initials: () => ReadonlySet<string>;
  readonly capitalised: ReadonlySet<string>;
  /** Its folded words between single spaces, padded, for phrase look-ups. */
  readonly phrase: string;
  /** Whether two or three adjacent words of it, written as one, spell `letters`: "You Tube" is YouTube. */
  readonly joins: (letters: string) => boolean;
  /** Words glued to the word before by a missing space ("duaQueens", "atauTMDS"): queens, tmds. */
  readonly glued: ReadonlySet<string>;
  /** Whether some alias of a name group occurs in it, by group index, as looked up. */
  readonly groups: Map<number, boolean>;
  /** The model's word vectors (none without a model), to tell a word translated from a word dropped. */
  readonly vectors: WordVectors | undefined;
}

function haystack({ tokens }: Tokenised, vectors: WordVectors | undefined): Haystack {
  const words = new Set<string>();
  const acronyms = new Set<string>();
  const capitalised = new Set<string>();
  const glued = new Set<string>();
  const folded: string[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'word') return;
    const word = toWord(token);
    const tail = GLUED_TAIL.exec(token.text);
    if (tail) glued.add(fold(tail[1]!));
    // Capitals glued to a number make one acronym: F1, G20.
    const next = tokens[index + 1];
    if (next?.kind === 'number' && touches(token, next) && GLUED_ACRONYM.test(token.text + next.text)) acronyms.add(token.text + next.text);
    words.add(word.folded);
    folded.push(word.folded);
    if (word.isAcronym) acronyms.add(word.text);
    if (isCapitalised(token.text)) capitalised.add(word.folded);
  });
  let skeletons: string[] | undefined;
  let initials: Set<string> | undefined;
  // No set of every join is built (most pairs never ask): each ask walks the words, allocating nothing.
  const joins = (letters: string): boolean => {
    for (let k = 0; k + 1 < folded.length; k++) {
      const first = folded[k]!;
      if (first.length >= letters.length || !letters.startsWith(first)) continue;
      const second = folded[k + 1]!;
      if (!letters.startsWith(second, first.length)) continue;
      const length = first.length + second.length;
      if (length === letters.length) return true;
      const third = folded[k + 2];
      if (third !== undefined && length + third.length === letters.length && letters.startsWith(third, length)) return true;
    }
    return false;
  };
  return {
    words,
    skeletons: () => (skeletons ??= [...new Set([...words].filter((word) => word.length >= COGNATE_MIN_LENGTH).map(skeletonOf))]),
    acronyms,
    initials: () => (initials ??= runInitials(tokens)),
    capitalised,
    phrase: ` ${folded.join(' ')} `,
    joins,
    glued,
    groups: new Map(),
    vectors,
  };
}

/**
 * Initials of every run of up to MAX_ACRONYM_LENGTH words, connectors skipped or not: an acronym on one side may
 * be spelt out on the other (AFP / Agence France-Presse, IPO / initial public offering). Runs in lower case count
 * from three letters, since two-letter initials turn up by chance.
 */
function runInitials(tokens: readonly Token[]): Set<string> {
  const initials = new Set<string>();
  for (let first = 0; first < tokens.length; first++) {
    let withConnectors = '';
    let withoutConnectors = '';
    let isCapitalisedRun = true;
    for (let i = first; i < tokens.length && withConnectors.length < MAX_ACRONYM_LENGTH + 2; i++) {
      const token = tokens[i]!;
      if (token.kind !== 'word') {
        if (token.text === '-' && i > first && touches(tokens[i - 1]!, token)) continue;
        break;
      }
      const isConnector = NAME_CONNECTORS.has(token.folded);
      if (!isConnector && !isCapitalised(token.text)) isCapitalisedRun = false;
      const letter = token.text[0]!.toUpperCase();
      withConnectors += letter;
      if (!isConnector) withoutConnectors += letter;
      const minimum = isCapitalisedRun ? 2 : MIN_LOWER_CASE_INITIALS;
      if (withConnectors.length >= minimum) initials.add(withConnectors);
      if (withoutConnectors.length >= minimum) initials.add(withoutConnectors);
    }
  }
  return initials;
}

interface Alias {
  readonly words: readonly string[];
  /** Acronym text, when the alias is one (matches case-sensitively). */
  readonly acronym?: string;
}

const GROUPS: readonly (readonly Alias[])[] = [...NAME_GROUPS, ...PLACE_GROUPS].map((group) =>
  group.map((alias): Alias => {
    const compact = alias.replace(/\./g, '');
    if (/^\p{Lu}{2,}$/u.test(compact)) return { words: [fold(compact)], acronym: compact };
    return { words: tokenize(alias).filter((token) => token.kind === 'word').map((token) => toWord(token).folded) };
  }),
);

/** Every alias by its first folded word, with the index of its group: a name is looked up word by word. */
const ALIASES_BY_FIRST_WORD: ReadonlyMap<string, ReadonlyArray<{ readonly alias: Alias; readonly group: number }>> = (() => {
  const index = new Map<string, Array<{ alias: Alias; group: number }>>();
  GROUPS.forEach((group, groupIndex) => {
    for (const alias of group) {
      const first = alias.words[0]!;
      const entries = index.get(first) ?? [];
      entries.push({ alias, group: groupIndex });
      index.set(first, entries);
    }
  });
  return index;
})();

function aliasIn(alias: Alias, hay: Haystack): boolean {
  if (alias.acronym !== undefined) return hay.acronyms.has(alias.acronym);
  return hay.phrase.includes(` ${alias.words.join(' ')} `);
}

function groupIn(group: number, hay: Haystack): boolean {
  let found = hay.groups.get(group);
  if (found === undefined) {
    found = GROUPS[group]!.some((alias) => aliasIn(alias, hay));
    hay.groups.set(group, found);
  }
  return found;
}

/** Whether the alias occurs in `words` from `start`. */
function aliasAt(alias: Alias, words: readonly NameWord[], start: number): boolean {
  if (start + alias.words.length > words.length) return false;
  return alias.words.every((word, offset) => {
    const candidate = words[start + offset]!;
    return alias.acronym !== undefined ? candidate.text === alias.acronym : candidate.folded === word;
  });
}

/** The words of a mention that belong to a known name whose group the haystack mentions in any of its forms. */
function foundThroughGroups(mention: NameMention, hay: Haystack): Set<NameWord> {
  const found = new Set<NameWord>();
  // Only the first occurrence of each alias counts.
  const matched = new Set<Alias>();
  mention.words.forEach((word, start) => {
    for (const { alias, group } of ALIASES_BY_FIRST_WORD.get(word.folded) ?? []) {
      if (matched.has(alias) || !aliasAt(alias, mention.words, start)) continue;
      matched.add(alias);
      if (groupIn(group, hay)) for (const inside of mention.words.slice(start, start + alias.words.length)) found.add(inside);
    }
  });
  return found;
}

interface MentionMatch {
  /** Enough of its identifying words are on the other side for the name to count as mentioned there. */
  readonly isPresent: boolean;
  /** Its identifying words that the other side lacks. */
  readonly missing: readonly NameWord[];
}

function matchMention(mention: NameMention, hay: Haystack): MentionMatch {
  // "You Tube" and "YouTube", either way round ("SO DIMM": a function word may be part of the name written as one).
  for (const words of [mention.content, mention.words]) {
    const together = words.map((word) => word.folded).join('');
    if ((words.length >= 2 && hay.words.has(together)) || hay.joins(together)) return { isPresent: true, missing: [] };
  }
  if (mention.words.length >= 2) {
    // Initials, a number word as its digits: Formula One / F1.
    const letters = mention.words
      .filter((word) => !NAME_CONNECTORS.has(word.folded))
      .map((word) => String(smallNumberValue(word.folded) ?? word.text[0]!.toUpperCase()));
    if (hay.acronyms.has(letters.join(''))) return { isPresent: true, missing: [] };
  }
  const found = foundThroughGroups(mention, hay);
  const missing = mention.content.filter((word) => !found.has(word) && !isWordPresent(word, hay) && !isRenderedWord(word, hay));
  // A name made of ordinary words only (Joint Task Force, Temuan Pribadi) is as often translated as kept: its
  // words say nothing about whether the other side names it.
  if (missing.every((word) => !word.isAcronym && isOrdinaryWord(word.folded))) return { isPresent: true, missing };
  return { isPresent: (mention.content.length - missing.length) / mention.content.length >= NAME_MATCH_SHARE, missing };
}

function isWordPresent(word: NameWord, hay: Haystack): boolean {
  if (hay.glued.has(word.folded)) return true;
  if (word.isAcronym) {
    return hay.acronyms.has(word.text) || hay.initials().has(word.text) || hay.capitalised.has(word.folded);
  }
  if (hay.words.has(word.folded)) return true;
  if (word.folded.length < COGNATE_MIN_LENGTH) return false;
  const own = skeletonOf(word.folded);
  return hay.skeletons().some((other) => isCognate(own, other));
}

export { skeleton };

export function isCognate(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < COGNATE_MIN_LENGTH) return false;
  let prefix = 0;
  while (prefix < shorter && a[prefix] === b[prefix]) prefix++;
  if (prefix >= Math.ceil(COGNATE_PREFIX_SHARE * shorter)) return true;
  if (shorter < ONE_EDIT_MIN_LENGTH) return false;
  return editDistanceAtMost(a, b, shorter >= TWO_EDITS_MIN_LENGTH ? 2 : 1);
}

function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return false;
    previous = current;
  }
  return previous[b.length]! <= limit;
}

/** What one side's names lack on the other side: whole names, and words dropped from names otherwise kept. */
interface Missing {
  readonly mentions: NameMention[];
  readonly words: Array<{ readonly mention: NameMention; readonly words: readonly NameWord[] }>;
}

function missingFrom(mentions: readonly NameMention[], hay: Haystack): Missing {
  const missing: Missing = { mentions: [], words: [] };
  for (const mention of mentions) {
    const match = matchMention(mention, hay);
    if (!match.isPresent) {
      missing.mentions.push(mention);
      continue;
    }
    // One word of a name dropped while the rest matches ("said Hamdan bin Musaileh" / "kata Hamdan bin"), unless
    // it is an acronym repeating the name, a place or people, or a word of the language a translation may render
    // (Stadion, Terbuka). Before the part the other side keeps stand given names (Jimmy Carter / Carter: reported)
    // and titles or peoples (Briton Andy Murray / petenis Inggris Andy Murray, Syeikh Hasina / Hasina): a word
    // there counts as dropped only when the model's word vectors find no translation of it on the other side;
    // without them, none does.
    const firstKept = mention.content.find((word) => !match.missing.includes(word))!;
    const keepsSurname = !match.missing.includes(mention.content.at(-1)!);
    const dropped = match.missing.filter(
      (word) =>
        !word.isAcronym && !isAlsoOrdinaryWord(word.folded) && !PLACE_WORDS.has(word.folded) && !DEMONYMS.has(word.folded) &&
        !(keepsSurname && word.start < firstKept.start && (hay.vectors === undefined || isTranslated(word, hay, hay.vectors))),
    );
    if (dropped.length > 0) missing.words.push({ mention, words: dropped });
  }
  return missing;
}

/**
 * Whether an ordinary word of a name (Kelompok, Korban, House, Law) stands translated on the other side, by a sure
 * match of the model's word vectors with a word there that is no function word: translated institutions keep
 * their names' ordinary words as words of the other language ("Iraq Coalition Casualty Count" / "Kelompok
 * Penghitung Korban Sekutu Iraq": group, count, casualty). Names proper (Widodo, Gading) never count so.
 */
function isRenderedWord(word: NameWord, hay: Haystack): boolean {
  return hay.vectors !== undefined && !word.isAcronym && isOrdinaryWord(word.folded) && isTranslated(word, hay, hay.vectors, true);
}

/**
 * Whether some word of the haystack translates the word, by the model's word vectors; `surely`: by a sure match
 * (STRONG_MATCH) with a word that is no function word.
 */
function isTranslated(word: NameWord, hay: Haystack, vectors: WordVectors, surely = false): boolean {
  for (const other of hay.words) {
    if (surely ? !isFunctionWord(other, 'und') && areTranslations(vectors, word.folded, other, STRONG_MATCH) : areTranslations(vectors, word.folded, other)) return true;
  }
  return false;
}

/** Names each side has that the other lacks; when both sides lack some, one difference puts them face to face. */
export function nameDifferences(source: Tokenised, target: Tokenised, vectors?: WordVectors): Difference[] {
  const sourceHay = haystack(source, vectors);
  const targetHay = haystack(target, vectors);
  const inTarget = missingFrom(findNames(source), targetHay);
  const inSource = missingFrom(findNames(target), sourceHay);
  // An acronym its own side spells out ("perguruan tinggi negeri PTN") restates words the other side translates: its
  // side's initials, which that side's haystack works out only when asked.
  const restates = (own: Haystack) => (m: NameMention) => isAcronymOnly(m) && m.content.length === 1 && own.initials().has(m.content[0]!.text);
  let missingInTarget = inTarget.mentions.filter((m) => !isDemonymOnly(m) && !restates(sourceHay)(m));
  let missingInSource = inSource.mentions.filter((m) => !isDemonymOnly(m) && !restates(targetHay)(m));
  // An acronym left on each side is most often one name abbreviated in each language (SOE / BUMN, MFI / LKM).
  const sourceAcronyms = missingInTarget.filter(isAcronymOnly);
  const targetAcronyms = missingInSource.filter(isAcronymOnly);
  const translated = Math.min(sourceAcronyms.length, targetAcronyms.length);
  if (translated > 0) {
    const dropped = new Set([...sourceAcronyms.slice(0, translated), ...targetAcronyms.slice(0, translated)]);
    missingInTarget = missingInTarget.filter((mention) => !dropped.has(mention));
    missingInSource = missingInSource.filter((mention) => !dropped.has(mention));
  }
  const droppedWords = [
    ...inTarget.words.map(({ mention, words }): Difference => ({ kind: 'name', source: wordsSurface(source.text, words), target: null, detail: `only in source (of ${mention.surface})` })),
    ...inSource.words.map(({ mention, words }): Difference => ({ kind: 'name', source: null, target: wordsSurface(target.text, words), detail: `only in target (of ${mention.surface})` })),
  ];
  if (missingInTarget.length > 0 && missingInSource.length > 0) {
    return [{
      kind: 'name',
      source: missingInTarget.map((mention) => mention.surface).join(', '),
      target: missingInSource.map((mention) => mention.surface).join(', '),
      detail: 'different names',
    }, ...droppedWords];
  }
  // A country or region on one side only is often context a translator added or dropped: a milder kind.
  const kind = (mention: NameMention) => (isPlaceOnly(mention) ? 'place' : 'name');
  return [
    ...missingInTarget.map((m): Difference => ({ kind: kind(m), source: m.surface, target: null, detail: 'only in source' })),
    ...missingInSource.map((m): Difference => ({ kind: kind(m), source: null, target: m.surface, detail: 'only in target' })),
    ...droppedWords,
  ];
}

/** The words as written: one stretch of the text when they are adjacent, else listed. */
function wordsSurface(text: string, words: readonly NameWord[]): string {
  const stretch = text.slice(words[0]!.start, words.at(-1)!.end);
  const isOneStretch = words.every((word, k) => k === 0 || /^[\s-]*$/.test(text.slice(words[k - 1]!.end, word.start)));
  return isOneStretch ? stretch : words.map((word) => text.slice(word.start, word.end)).join(', ');
}

/** Demonyms from the name groups: every single-word alias after the first that ends like one. */
const DEMONYMS: ReadonlySet<string> = new Set(
  [...NAME_GROUPS, ...PLACE_GROUPS].flatMap((group) =>
    group.slice(1).filter((alias) => /^\p{L}+$/u.test(alias) && DEMONYM_SUFFIX.test(alias)).map((alias) => fold(alias)),
  ),
);

function isDemonymOnly(mention: NameMention): boolean {
  return mention.content.every((word) => DEMONYMS.has(word.folded));
}

/** Every word of every place alias (Korea Utara -> korea, utara). */
const PLACE_WORDS: ReadonlySet<string> = new Set(
  PLACE_GROUPS.flat().flatMap((alias) => tokenize(alias).filter((t) => t.kind === 'word').map((t) => toWord(t).folded)),
);

function isPlaceOnly(mention: NameMention): boolean {
  return mention.content.every((word) => PLACE_WORDS.has(word.folded) || DEMONYMS.has(word.folded));
}

function isAcronymOnly(mention: NameMention): boolean {
  return mention.content.every((word) => word.isAcronym);
}

