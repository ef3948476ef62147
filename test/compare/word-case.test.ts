import { describe, expect, it } from 'vitest';
import { isAlsoOrdinaryWord, isKnownName, isOrdinaryWord } from '../../src/compare/word-case.js';

describe('word case, from the corpus table', () => {
  it.each<[string, boolean, boolean, boolean]>([
    // word, ordinary, also ordinary, known name
    ['cuma', true, true, false],
    ['pasukan', true, true, false],
    ['forces', true, true, false],
    ['terbuka', false, true, false],
    ['jakarta', false, false, true],
    ['kenya', false, false, true],
    ['reuters', false, false, true],
    ['zzyzx', false, false, false],
  ])('%s: ordinary %s, also ordinary %s, name %s', (word, ordinary, alsoOrdinary, name) => {
    expect([isOrdinaryWord(word), isAlsoOrdinaryWord(word), isKnownName(word)]).toEqual([ordinary, alsoOrdinary, name]);
  });
});
