import { describe, expect, it } from 'vitest';
import { countWordCase, negationExcuses, wilsonLower, wordCaseLists } from '../../src/tools/corpus-tables.js';

describe('corpus tables', () => {
  it('counts lower case and mid-sentence capitals, not first words or capitals-only words', () => {
    const counts = countWordCase(['Bank rates rose at the Bank.', 'The bank said so. NEWS from BANK today.']);
    expect(counts.get('bank')).toEqual({ lower: 1, capitalised: 1 });
    expect(counts.get('the')).toEqual({ lower: 1, capitalised: 0 });
    expect(counts.has('news')).toBe(false);
  });

  it('sorts words into ordinary, also in lower case, and names by the thresholds', () => {
    const lists = wordCaseLists(
      new Map([
        ['cuma', { lower: 30, capitalised: 2 }],
        ['terbuka', { lower: 90, capitalised: 112 }],
        ['kenya', { lower: 0, capitalised: 17 }],
        ['rare', { lower: 2, capitalised: 0 }],
        ['once', { lower: 0, capitalised: 1 }],
      ]),
    );
    expect(lists).toEqual({ ordinary: ['cuma'], alsoLower: ['terbuka'], names: ['kenya'] });
  });

  it('bounds a share from below, more tightly the more sightings there are', () => {
    expect(wilsonLower(5, 5)).toBeCloseTo(0.753, 2);
    expect(wilsonLower(15, 23)).toBeGreaterThan(0.5);
    expect(wilsonLower(7, 13)).toBeLessThan(0.5);
    expect(wilsonLower(0, 0)).toBe(0);
    expect(wilsonLower(50, 100)).toBeGreaterThan(wilsonLower(5, 10));
  });

  it('excuses a word after a negator that the other side mostly renders with no negation at all', () => {
    const near = Array.from({ length: 6 }, (_, k) => ['The school is near the river ' + k + '.', 'Sekolah itu tidak jauh dari sungai ' + k + '.'] as const);
    const far = Array.from({ length: 6 }, (_, k) => ['The school is not far from it ' + k + '.', 'Sekolah itu tidak jauh darinya ' + k + '.'] as const);
    const flips = Array.from({ length: 6 }, (_, k) => ['They do not allow it ' + k + '.', 'Mereka tidak mengizinkannya ' + k + '.'] as const);
    // Near, not far: "tidak jauh" is rendered without negation in 6 of 12 pairs, too few to excuse it.
    expect(negationExcuses([...near, ...far])).toEqual({ en: [], id: [] });
    expect(negationExcuses([...near, ...near, ...far.slice(0, 1)])).toEqual({ en: [], id: ['jauh'] });
    // A negator the other side also has is never excused, however often.
    expect(negationExcuses([...flips, ...flips])).toEqual({ en: [], id: [] });
    // Fewer than five sightings say nothing.
    expect(negationExcuses(near.slice(0, 4))).toEqual({ en: [], id: [] });
  });
});

describe('word list modules', () => {
  it('writes a header comment, then each list as a documented constant of space-separated words', async () => {
    const { wordListModule } = await import('../../src/tools/word-list-module.js');
    expect(wordListModule(['Made by a test.'], [{ doc: 'Two words.', name: 'PAIR', words: ['a', 'b'] }])).toBe(
      '/**\n * Made by a test.\n */\n\n/** Two words. */\nexport const PAIR = "a b";\n',
    );
  });
});
