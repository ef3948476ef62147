import { describe, expect, it } from 'vitest';
import { countWordCase, wordCaseLists } from '../../src/tools/corpus-tables.js';

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
});
