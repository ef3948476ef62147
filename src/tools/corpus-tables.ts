/**
 * Derives the compare module's corpus tables from the training corpora, so that what counts as an ordinary word
 * comes from counts, not intuition. The tool must run without the corpora, so the tables are committed; this
 * rebuilds them:
 *
 *     npm run corpus-tables            # reads ../shared/corpora/train, writes src/compare/word-tables.ts
 *     npm run corpus-tables -- DIR     # another folder of *.en / *.id files
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { negationEvidence } from '../compare/negation.js';
import { tokenize } from '../compare/tokens.js';
import { writeWordListModule } from './word-list-module.js';

/** A word in lower case at least this share of the times capitals would mean something is an ordinary word... */
const ORDINARY_LOWER_SHARE = 0.5;
/** ... when seen in lower case at least this often (rarer words add length to the table and little else). */
const ORDINARY_LOWER_SIGHTINGS = 3;
/** A word this rarely in lower case, seen capitalised mid-sentence at least NAME_SIGHTINGS times, is a name. */
const NAME_LOWER_SHARE = 0.1;
const NAME_SIGHTINGS = 2;
/** A function word is among this many most frequent words of every training file of its language (news,
 * science, sport, talks, scripture): frequent everywhere, about nothing in particular. */
const FUNCTION_WORD_RANK = 300;

/**
 * A word after a negator excuses it when the other side of the parallel lines renders that negator with no negation
 * at all in most of the word's sightings: at least NEGATION_EXCUSE_SIGHTINGS of them, and the share's lower
 * confidence bound (Wilson, z = NEGATION_EXCUSE_Z, one-sided 90%) at least NEGATION_EXCUSE_SHARE. So 5 of 5 (bound
 * 0.75) and 15 of 23 (0.52) excuse, 7 of 13 (0.36) and 5 of 10 (0.30) do not.
 */
const NEGATION_EXCUSE_SIGHTINGS = 5;
const NEGATION_EXCUSE_SHARE = 0.5;
const NEGATION_EXCUSE_Z = 1.2816;

/** Lower bound of the Wilson score interval of `hits` in `n`. */
export function wilsonLower(hits: number, n: number, z = NEGATION_EXCUSE_Z): number {
  if (n === 0) return 0;
  const p = hits / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return (centre - spread) / (1 + (z * z) / n);
}

/** Per language, the words after a negator that excuse it (see NEGATION_EXCUSE_SHARE), from line-aligned pairs. */
export function negationExcuses(pairs: Iterable<readonly [string, string]>): { en: string[]; id: string[] } {
  const counts = { en: new Map<string, [number, number]>(), id: new Map<string, [number, number]>() };
  for (const [en, id] of pairs) {
    const evidence = { en: negationEvidence(en, 'en'), id: negationEvidence(id, 'id') };
    for (const [lang, other] of [['en', 'id'], ['id', 'en']] as const) {
      for (const word of new Set(evidence[lang].next)) {
        const entry = counts[lang].get(word) ?? [0, 0];
        entry[0]++;
        if (!evidence[other].isNegated) entry[1]++;
        counts[lang].set(word, entry);
      }
    }
  }
  const excuses = (lang: 'en' | 'id') =>
    [...counts[lang]]
      .filter(([, [n, unnegated]]) => n >= NEGATION_EXCUSE_SIGHTINGS && wilsonLower(unnegated, n) >= NEGATION_EXCUSE_SHARE)
      .map(([word]) => word)
      .sort();
  return { en: excuses('en'), id: excuses('id') };
}

/** The line pairs of the training files: line k of each .en file with line k of its .id file. */
function parallelLines(files: ReadonlyMap<string, readonly string[]>): Array<readonly [string, string]> {
  const pairs: Array<readonly [string, string]> = [];
  for (const [name, en] of files) {
    if (!name.endsWith('.en')) continue;
    const id = files.get(name.replace(/\.en$/, '.id'));
    if (id === undefined) continue;
    for (let k = 0; k < Math.min(en.length, id.length); k++) if (en[k]!.trim() && id[k]!.trim()) pairs.push([en[k]!, id[k]!]);
  }
  return pairs;
}

export interface WordCaseCounts {
  /** Sightings in lower case. */
  lower: number;
  /** Sightings capitalised mid-sentence (not as the first word of a unit, not in capitals only). */
  capitalised: number;
}

/** The lines of each training file, by file name. */
function trainingFiles(folder: string): Map<string, string[]> {
  const files = readdirSync(folder).filter((name) => /\.(en|id)$/.test(name)).sort();
  if (files.length === 0) throw new Error(`${folder}: no .en or .id files — give the folder of training corpora`);
  return new Map(files.map((name) => [name, readFileSync(join(folder, name), 'utf8').split(/\r?\n/)]));
}

/** Words among the FUNCTION_WORD_RANK most frequent of every one of the files (of one language). */
export function functionWords(files: readonly (readonly string[])[]): string[] {
  let common: Set<string> | undefined;
  for (const lines of files) {
    const counts = new Map<string, number>();
    for (const line of lines) for (const token of tokenize(line)) if (token.kind === 'word') counts.set(token.folded, (counts.get(token.folded) ?? 0) + 1);
    const top = new Set([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, FUNCTION_WORD_RANK).map(([word]) => word));
    common = common === undefined ? top : new Set([...common].filter((word) => top.has(word)));
  }
  return [...(common ?? [])].sort();
}

/** How often each word is written in lower case and how often capitalised where capitals say something. */
export function countWordCase(lines: readonly string[]): Map<string, WordCaseCounts> {
  const counts = new Map<string, WordCaseCounts>();
  for (const line of lines) {
    for (const token of tokenize(line)) {
      if (token.kind !== 'word' || (token.text.length > 1 && token.text === token.text.toUpperCase())) continue;
      const isLower = token.text[0] === token.text[0]!.toLowerCase();
      if (!isLower && token.isInitial) continue;
      const entry = counts.get(token.folded) ?? { lower: 0, capitalised: 0 };
      if (isLower) entry.lower++;
      else entry.capitalised++;
      counts.set(token.folded, entry);
    }
  }
  return counts;
}

/** Ordinary words, words also written in lower case, and names, as the thresholds above define them. */
export function wordCaseLists(counts: ReadonlyMap<string, WordCaseCounts>): { ordinary: string[]; alsoLower: string[]; names: string[] } {
  const ordinary: string[] = [];
  const alsoLower: string[] = [];
  const names: string[] = [];
  for (const [word, { lower, capitalised }] of counts) {
    const total = lower + capitalised;
    if (lower >= ORDINARY_LOWER_SIGHTINGS) (lower >= ORDINARY_LOWER_SHARE * total ? ordinary : alsoLower).push(word);
    if (capitalised >= NAME_SIGHTINGS && lower <= NAME_LOWER_SHARE * total) names.push(word);
  }
  return { ordinary: ordinary.sort(), alsoLower: alsoLower.sort(), names: names.sort() };
}

async function main(): Promise<void> {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const folder = resolve(process.argv[2] ?? join(root, '..', 'shared', 'corpora', 'train'));
  const files = trainingFiles(folder);
  const { ordinary, alsoLower, names } = wordCaseLists(countWordCase([...files.values()].flat()));
  const ofLanguage = (lang: string) => [...files].filter(([name]) => name.endsWith(`.${lang}`)).map(([, lines]) => lines);
  const english = functionWords(ofLanguage('en'));
  const indonesian = functionWords(ofLanguage('id'));
  const excuses = negationExcuses(parallelLines(files));
  const out = join(root, 'src', 'compare', 'word-tables.ts');
  await writeWordListModule(
    out,
    [
      'Word lists counted in the training corpora (BPPT, TED, Guntara et al.): how they write each word where',
      'capitals mean something (not as the first word of a unit; both languages together), and which words are',
      'frequent in every file. Generated by `npm run corpus-tables` (src/tools/corpus-tables.ts, which holds the',
      'thresholds); do not edit by hand.',
    ],
    [
      { doc: 'In lower case at least half the time where capitals mean something, and at least 3 times.', name: 'ORDINARY_WORDS', words: ordinary },
      { doc: 'In lower case at least 3 times, but capitalised more often (Bank, Terbuka, King): names made of words.', name: 'ALSO_LOWER_WORDS', words: alsoLower },
      { doc: `Among the ${FUNCTION_WORD_RANK} most frequent words of every English training file: function words.`, name: 'EN_FUNCTION_WORDS', words: english },
      { doc: `Among the ${FUNCTION_WORD_RANK} most frequent words of every Indonesian training file: function words.`, name: 'ID_FUNCTION_WORDS', words: indonesian },
      { doc: 'Capitalised mid-sentence at least twice, and in lower case at most a tenth of the time.', name: 'NAME_WORDS', words: names },
      {
        doc: `After an English negator, rendered without negation on the Indonesian side (at least ${NEGATION_EXCUSE_SIGHTINGS} sightings, lower bound of the share ${NEGATION_EXCUSE_SHARE}).`,
        name: 'EN_NEGATION_EXCUSES',
        words: excuses.en,
      },
      { doc: 'After an Indonesian negator, rendered without negation on the English side (the same rule).', name: 'ID_NEGATION_EXCUSES', words: excuses.id },
    ],
  );
  console.log(
    `${out}: ${ordinary.length} ordinary words, ${alsoLower.length} also in lower case, ${names.length} names, ` +
      `${english.length} + ${indonesian.length} function words, ${excuses.en.length} + ${excuses.id.length} words that excuse a negator`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
