/**
 * Whether a capitalised word is a name or an ordinary word of its language, from how often the training corpora
 * write it in lower case (src/tools/corpus-tables.ts builds the lists in word-tables.ts). "Cuma", "Pasukan"
 * and "Forces" are mostly lower case there, so a capital says little; "Jakarta", "Kenya" and "Mosley" never are.
 */
import { ALSO_LOWER_WORDS, NAME_WORDS, ORDINARY_WORDS } from './word-tables.js';

let ordinary: ReadonlySet<string> | undefined;
let names: ReadonlySet<string> | undefined;
let alsoLower: ReadonlySet<string> | undefined;

/** A word that the corpora mostly write in lower case, even where capitals mean something: Cuma, Forces, Bank. */
export function isOrdinaryWord(folded: string): boolean {
  ordinary ??= new Set(ORDINARY_WORDS.split(' '));
  return ordinary.has(folded);
}

/** A word of the language as well as a name part: written in lower case often, if not mostly (Bank, Terbuka). */
export function isAlsoOrdinaryWord(folded: string): boolean {
  alsoLower ??= new Set(ALSO_LOWER_WORDS.split(' '));
  return isOrdinaryWord(folded) || alsoLower.has(folded);
}

/** A word that the corpora write capitalised nearly always: a name even as the first word of a sentence. */
export function isKnownName(folded: string): boolean {
  names ??= new Set(NAME_WORDS.split(' '));
  return names.has(folded);
}
