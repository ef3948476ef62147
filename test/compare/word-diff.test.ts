import { describe, expect, it } from 'vitest';
import { measureFalseAlarms, wordDiff } from '../../src/compare/index.js';

describe('wordDiff', () => {
  it('marks the words one version changed', () => {
    expect(wordDiff('Only about 15 percent of Afghans', 'Only about 50 percent of Afghans')).toEqual([
      { value: 'Only about ', added: false, removed: false },
      { value: '15', added: false, removed: true },
      { value: '50', added: true, removed: false },
      { value: ' percent of Afghans', added: false, removed: false },
    ]);
  });

  it('ignores line breaks and runs of spaces', () => {
    expect(wordDiff('a senior  Taliban\nleader', 'a senior Taliban leader')).toEqual([
      { value: 'a senior Taliban leader', added: false, removed: false },
    ]);
  });

  it('rebuilds each side from its changes', () => {
    const source = 'Twitter has two important advantages over other social media platforms.';
    const target = 'According to the Taliban leader, Twitter has important advantages over other platforms.';
    const changes = wordDiff(source, target);
    expect(changes.filter((c) => !c.added).map((c) => c.value).join('')).toBe(source);
    expect(changes.filter((c) => !c.removed).map((c) => c.value).join('')).toBe(target);
  });
});

describe('measureFalseAlarms', () => {
  it('counts pairs with any difference, and pairs by kind', () => {
    const rates = measureFalseAlarms([
      { en: 'The company hired 1,500 workers.', id: 'Perusahaan itu merekrut 1.500 pekerja.' },
      { en: 'The company hired 1,500 workers in Jakarta.', id: 'Perusahaan itu merekrut 1.800 pekerja di Bandung.' },
      { en: 'It does not work.', id: 'Itu berhasil.' },
    ]);
    const { differences, ...counts } = rates;
    expect(counts).toEqual({
      pairs: 3,
      flagged: 2,
      byKind: { number: 1, name: 1, place: 0, date: 0, quote: 0, negation: 1, omission: 0, addition: 0 },
      kinds: [new Set(), new Set(['number', 'name']), new Set(['negation'])],
    });
    // The differences themselves, for checking them against a reviewer's verdicts.
    expect(differences.map((found) => found.map((d) => [d.kind, d.source, d.target]))).toEqual([
      [],
      [['number', '1,500', '1.800'], ['name', 'Jakarta', 'Bandung']],
      [['negation', expect.any(String), null]],
    ]);
  });
});

describe('wordDiff keeps numbers and contractions whole', () => {
  it.each<[string, string, Array<[string, '+' | '-' | '=']>]>([
    ['. America', '232.000 America', [['.', '-'], ['232.000', '+'], [' America', '=']]],
    ['US$ 1,5 juta', 'US$ 1,6 juta', [['US$ ', '='], ['1,5', '-'], ['1,6', '+'], [' juta', '=']]],
    ["Twitter doesn't", 'Twitter doesn’t', [['Twitter ', '='], ["doesn't", '-'], ['doesn’t', '+']]],
  ])('%s / %s', (source, target, expected) => {
    const changes = wordDiff(source, target).map((c): [string, '+' | '-' | '='] => [c.value, c.added ? '+' : c.removed ? '-' : '=']);
    expect(changes).toEqual(expected);
  });
});
