import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDifferences, normalizeNumbers, wordDiff } from '../../src/compare/index.js';

/** Words and marks the finders react to, so that random texts exercise them. */
const PIECES = [
  'the', 'not', 'tidak', 'AFP', 'New', 'York', 'Post', 'Jakarta', 'Sabtu', 'Saturday', 'July', 'Juli', '30',
  '232.000', '1,5', 'juta', 'million', 'Rp1.500', 'US$', '5', '%', 'persen', 'dua', 'puluh', 'twenty-five', '"', '“',
  '”', '(', ')', '.', ',', '-', ':', 'pukul', '21.00', 'WIB', 'p.m.', 'Minggu', 'lalu', 'U.S.', 'kedua', 'both',
  "Tesla's", 'Bank', 'of', 'America', 'PBB', 'United', 'Nations', 'ke-21', '1990-an', 'a', 'hundred', 'seribu',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((words) => words.join(' '));
const anyText = fc.oneof(text, fc.string({ maxLength: 80 }));

describe('properties', () => {
  it('a text compared with itself has no differences', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('en', 'id', 'und') as fc.Arbitrary<'en' | 'id' | 'und'>, (sample, lang) => {
        expect(findDifferences(sample, sample, { sourceLang: lang, targetLang: lang })).toEqual([]);
      }),
    );
  });

  it('never throws, and every difference has one side at least', () => {
    fc.assert(
      fc.property(anyText, anyText, (source, target) => {
        for (const difference of findDifferences(source, target, { sourceLang: 'en', targetLang: 'id' })) {
          expect(difference.source !== null || difference.target !== null).toBe(true);
        }
      }),
    );
  });

  it('number mentions point at their surface in the text', () => {
    fc.assert(
      fc.property(anyText, (sample) => {
        for (const mention of normalizeNumbers(sample, 'id')) {
          expect(sample.slice(mention.start, mention.end)).toBe(mention.surface);
          expect(mention.values).toContain(mention.value);
        }
      }),
    );
  });

  // The diff package keeps the new version's spacing around words both versions share, so the old version comes
  // back character for character but not space for space.
  it('the word diff rebuilds both versions, up to spacing', () => {
    fc.assert(
      fc.property(anyText, anyText, (source, target) => {
        const changes = wordDiff(source, target);
        const unspaced = (value: string) => value.replace(/\s+/g, '');
        expect(unspaced(changes.filter((c) => !c.added).map((c) => c.value).join(''))).toBe(unspaced(source));
        expect(changes.filter((c) => !c.removed).map((c) => c.value).join('')).toBe(target.replace(/\s+/g, ' ').trim());
      }),
    );
  });
});
