/**
 * Derives the negation finder's table of negated antonyms: English adjectives and the Indonesian words that, after a
 * negator, say the same ("safe" / "tak berbahaya", "dangerous" / "tidak aman"). WordNet's direct antonyms of
 * English adjectives (safe / dangerous) are carried into Indonesian through the English-Indonesian dictionary
 * (dangerous: berbahaya), so that "safe" pairs with the translations of "dangerous". The tool needs WordNet's
 * database (Debian's wordnet-base) and the dictionary beside this repository; the table is committed, so nothing
 * else does:
 *
 *     node dist/tools/antonym-table.js [WORDNET_DATA_ADJ] [DICTIONARY_TSV]   # writes src/compare/antonym-table.ts
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWordListModule } from './word-list-module.js';

const DEFAULT_WORDNET = '/usr/share/wordnet/data.adj';
const SINGLE_WORD = /^[a-z]+$/;

/** Pairs of English adjectives that WordNet gives as direct antonyms, each way, from the lines of data.adj. */
export function adjectiveAntonyms(lines: readonly string[]): Array<readonly [string, string]> {
  const words = new Map<string, string[]>();
  const pointers: Array<{ readonly from: string; readonly source: number; readonly to: string; readonly target: number }> = [];
  for (const line of lines) {
    if (line.startsWith(' ') || line.trim() === '') continue;
    const fields = line.split(' | ')[0]!.trim().split(/\s+/);
    const offset = fields[0]!;
    const count = Number.parseInt(fields[3]!, 16);
    // Words lose their syntactic marker (good(a)) and are lower case; multi-word ones are joined by underscores.
    const own = Array.from({ length: count }, (_, k) => fields[4 + 2 * k]!.replace(/\(.*\)$/, '').toLowerCase());
    words.set(offset, own);
    let at = 4 + 2 * count;
    const pointerCount = Number.parseInt(fields[at]!, 10);
    at++;
    for (let p = 0; p < pointerCount; p++, at += 4) {
      if (fields[at] !== '!') continue;
      const sourceTarget = fields[at + 3]!;
      pointers.push({ from: offset, source: Number.parseInt(sourceTarget.slice(0, 2), 16), to: fields[at + 1]!, target: Number.parseInt(sourceTarget.slice(2), 16) });
    }
  }
  const pairs: Array<readonly [string, string]> = [];
  for (const { from, source, to, target } of pointers) {
    const a = words.get(from)?.[source - 1];
    const b = words.get(to)?.[target - 1];
    if (a !== undefined && b !== undefined && SINGLE_WORD.test(a) && SINGLE_WORD.test(b)) pairs.push([a, b]);
  }
  return pairs;
}

/** Single-word Indonesian translations of each English headword of a dictionary (headword TAB a|b|c). */
export function dictionaryTranslations(lines: readonly string[]): Map<string, string[]> {
  const translations = new Map<string, string[]>();
  for (const line of lines) {
    if (line.startsWith('#')) continue;
    const [headword, list] = line.split('\t');
    if (headword === undefined || list === undefined || !SINGLE_WORD.test(headword)) continue;
    // Some translations carry a sense number ("terakhir 2.").
    const words = list.split('|').map((word) => word.replace(/\s+\d+\.?\s*$/, '').trim().toLowerCase()).filter((word) => SINGLE_WORD.test(word));
    translations.set(headword, [...(translations.get(headword) ?? []), ...words]);
  }
  return translations;
}

/** "english:indonesian" for each English word of `words` and each of its own translations, sorted. */
export function ownTranslations(words: Iterable<string>, translations: ReadonlyMap<string, readonly string[]>): string[] {
  const pairs = new Set<string>();
  for (const word of words) for (const translation of translations.get(word) ?? []) pairs.add(`${word}:${translation}`);
  return [...pairs].sort();
}

/** "english:indonesian" for each English adjective and each translation of one of its antonyms, sorted. */
export function negatedAntonyms(antonyms: Iterable<readonly [string, string]>, translations: ReadonlyMap<string, readonly string[]>): string[] {
  const pairs = new Set<string>();
  for (const [word, antonym] of antonyms) {
    // A translation that is also one of the word's own (a dictionary's loose senses) would excuse a real flip.
    const own = new Set(translations.get(word) ?? []);
    for (const translation of translations.get(antonym) ?? []) if (!own.has(translation)) pairs.add(`${word}:${translation}`);
  }
  return [...pairs].sort();
}

async function main(): Promise<void> {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const wordnet = resolve(process.argv[2] ?? DEFAULT_WORDNET);
  const dictionary = resolve(process.argv[3] ?? join(root, '..', 'shared', 'corpora', 'dict', 'freedict-eng-ind.tsv'));
  const read = (path: string, what: string): string[] => {
    try {
      return readFileSync(path, 'utf8').split(/\r?\n/);
    } catch {
      throw new Error(`${path}: cannot read ${what} — give its path (WordNet's data.adj comes with Debian's wordnet-base)`);
    }
  };
  const antonyms = adjectiveAntonyms(read(wordnet, "WordNet's adjectives"));
  const translations = dictionaryTranslations(read(dictionary, 'the dictionary'));
  const table = negatedAntonyms(antonyms, translations);
  const own = ownTranslations(new Set(antonyms.flat()), translations);
  const out = join(root, 'src', 'compare', 'antonym-table.ts');
  await writeWordListModule(
    out,
    [
      "English adjectives and the Indonesian words that, after a negator, say the same: WordNet 3.0's direct antonyms",
      '(Princeton University, WordNet 3.0 licence) carried into Indonesian by the FreeDict English-Indonesian',
      'dictionary (CC BY-SA 3.0). Generated by `npm run antonym-table` (src/tools/antonym-table.ts); do not edit by hand.',
    ],
    [
      { doc: `"english:indonesian" pairs (${table.length}): "safe:berbahaya" is "safe" / "tidak berbahaya".`, name: 'NEGATED_ANTONYMS', words: table },
      { doc: `The same adjectives with their own translations (${own.length}): "safe:aman".`, name: 'ADJECTIVE_TRANSLATIONS', words: own },
    ],
  );
  console.log(`${out}: ${table.length} pairs of antonyms, ${own.length} translations`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
