import { describe, expect, it } from 'vitest';
import { adjectiveAntonyms, dictionaryTranslations, negatedAntonyms, ownTranslations } from '../../src/tools/antonym-table.js';

/** Three synsets of WordNet's data.adj format: safe and dangerous point at each other, good(a) at bad. */
const DATA_ADJ = [
  '  1 This software and database is being provided to you, the LICENSEE, by',
  '02057830 00 a 01 safe 1 002 ! 02058795 a 0101 & 02058149 a 0000 | free from danger',
  '02058795 00 a 02 dangerous 0 unsafe 0 001 ! 02057830 a 0101 | involving or causing danger',
  '01123148 00 a 02 good(a) 0 well_made 0 001 ! 01125429 a 0101 | having desirable qualities',
  '01125429 00 a 01 bad 0 001 ! 01123148 a 0101 | having undesirable qualities',
];
const DICTIONARY = ['# a comment', 'safe\taman|selamat', 'dangerous\tberbahaya|bahaya 2.', 'good\tbaik|aman', 'bad\tburuk|jahat', 'well made\tbagus'];

describe('antonym table', () => {
  it("reads WordNet's direct antonyms of single-word adjectives, markers removed", () => {
    expect(adjectiveAntonyms(DATA_ADJ)).toEqual([
      ['safe', 'dangerous'],
      ['dangerous', 'safe'],
      ['good', 'bad'],
      ['bad', 'good'],
    ]);
  });

  it('reads single-word translations, sense numbers removed', () => {
    const translations = dictionaryTranslations(DICTIONARY);
    expect(translations.get('dangerous')).toEqual(['berbahaya', 'bahaya']);
    expect(translations.has('well made')).toBe(false);
  });

  it("pairs each adjective with its antonyms' translations, never with one of its own", () => {
    const translations = dictionaryTranslations(DICTIONARY);
    // "aman" translates both safe and good: "bad" / "tidak aman" is kept, "dangerous" / "tidak aman" too, but no
    // word pairs with its own translation.
    expect(negatedAntonyms(adjectiveAntonyms(DATA_ADJ), translations)).toEqual([
      'bad:aman',
      'bad:baik',
      'dangerous:aman',
      'dangerous:selamat',
      'good:buruk',
      'good:jahat',
      'safe:bahaya',
      'safe:berbahaya',
    ]);
    expect(ownTranslations(['safe'], translations)).toEqual(['safe:aman', 'safe:selamat']);
  });
});
