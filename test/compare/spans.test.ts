import { describe, expect, it } from 'vitest';
import { differenceSurfaces, mergeRanges, surfaceRanges } from '../../src/compare/spans.js';
import type { Difference } from '../../src/types.js';

/** The highlighted pieces of a text, as the strings a reader would see underlined. */
function marked(text: string, surfaces: readonly string[]): string[] {
  return surfaceRanges(text, surfaces).map((range) => text.slice(range.start, range.end));
}

describe('surfaceRanges', () => {
  it.each<[string, string, readonly string[], readonly string[]]>([
    ['a number', 'Sekitar 23.000 orang dievakuasi.', ['23.000'], ['23.000']],
    ['every occurrence of a repeated number', 'Rp1.500 naik, lalu Rp1.500 lagi.', ['Rp1.500'], ['Rp1.500', 'Rp1.500']],
    ['not inside a longer number', 'In 2021, 2 people and 12 dogs.', ['2'], ['2']],
    ['not inside a longer word', 'AFPI said; AFP reported.', ['AFP'], ['AFP']],
    ['a name with punctuation', 'Agence France-Presse (AFP) reported.', ['Agence France-Presse (AFP)'], ['Agence France-Presse (AFP)']],
    ['a date with a comma', 'on Saturday, July 30 in Kabul', ['Saturday, July 30'], ['Saturday, July 30']],
    ['names joined by the compare module', 'Ali met Budi in Bali.', ['Ali, Budi'], ['Ali', 'Budi']],
    [
      'a quote shortened with an ellipsis',
      'It bans "race, ethnicity, national origin, caste, sexual orientation, gender, religion" talk.',
      ['race, ethnicity, national origin, caste, sexual orientation, gender,…'],
      ['race, ethnicity, national origin, caste, sexual orientation, gender,'],
    ],
    ['whitespace of the raw text made one space', 'does not allow rewinding', ['does\n not  allow'], ['does not allow']],
    ['a surface that is not there', 'Nothing to see.', ['232.000'], []],
    ['an empty surface', 'Nothing to see.', [''], []],
    ['overlapping surfaces as one range', 'New York Post', ['New York', 'York Post'], ['New York Post']],
    ['a surface ending in punctuation next to a letter', 'gender,religion', ['gender,'], ['gender,']],
  ])('%s', (_name, text, surfaces, expected) => {
    expect(marked(text, surfaces)).toEqual(expected);
  });
});

describe('mergeRanges', () => {
  it.each([
    [[], []],
    [[{ start: 5, end: 7 }, { start: 0, end: 2 }], [{ start: 0, end: 2 }, { start: 5, end: 7 }]],
    [[{ start: 0, end: 3 }, { start: 3, end: 5 }], [{ start: 0, end: 5 }]],
    [[{ start: 0, end: 9 }, { start: 2, end: 4 }], [{ start: 0, end: 9 }]],
  ])('%j -> %j', (ranges, expected) => {
    expect(mergeRanges(ranges)).toEqual(expected);
  });
});

describe('differenceSurfaces', () => {
  const differences: Difference[] = [
    { kind: 'number', source: '232,000', target: '23.000' },
    { kind: 'name', source: 'AFP', target: null },
    { kind: 'negation', source: null, target: 'tidak boleh' },
    { kind: 'quote', source: '  ', target: null },
  ];
  it.each([
    ['source', ['232,000', 'AFP']],
    ['target', ['23.000', 'tidak boleh']],
  ] as const)('%s side', (side, expected) => {
    expect(differenceSurfaces(differences, side)).toEqual(expected);
  });
});
