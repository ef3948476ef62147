import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differenceSurfaces, markDifferences, mergeRanges, surfaceRanges } from '../../src/compare/spans.js';
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

describe('markDifferences', () => {
  const number = (source: string | null, target: string | null): Difference => ({ kind: 'number', source, target });
  const name = (source: string | null, target: string | null): Difference => ({ kind: 'name', source, target });
  it.each<[string, string, readonly Difference[], 'source' | 'target', readonly [string, string][]]>([
    ['no differences: one plain piece', 'Hujan turun.', [], 'source', [['Hujan turun.', '']]],
    ['a difference of the other side marks nothing', 'Hujan turun.', [name(null, 'Hujan')], 'source', [['Hujan turun.', '']]],
    [
      'each kind where it stands',
      'AFP counted 232,000 people.',
      [name('AFP', null), number('232,000', '23.000')],
      'source',
      [
        ['AFP', 'name'],
        [' counted ', ''],
        ['232,000', 'number'],
        [' people.', ''],
      ],
    ],
    [
      'overlapping kinds cut where the cover changes',
      'New York Post',
      [name('New York Post', null), { kind: 'date', source: 'York', target: null }],
      'source',
      [
        ['New ', 'name'],
        ['York', 'date name'],
        [' Post', 'name'],
      ],
    ],
    ['the target side', 'Sekitar 23.000 orang.', [number('232,000', '23.000')], 'target', [['Sekitar ', ''], ['23.000', 'number'], [' orang.', '']]],
    ['an empty text', '', [name('AFP', null)], 'source', []],
  ])('%s', (_name, text, differences, side, expected) => {
    expect(markDifferences(text, differences, side).map((segment) => [segment.text, segment.kinds.join(' ')])).toEqual(expected);
  });

  const words = fc.array(fc.constantFrom('AFP', 'New', 'York', 'Post', '232.000', '2', '2021', ',', 'gender,', 'tidak', 'boleh', '…'), { maxLength: 12 });
  const difference = fc.record({
    kind: fc.constantFrom('number', 'name', 'date', 'quote', 'negation') as fc.Arbitrary<Difference['kind']>,
    source: fc.option(words.map((list) => list.join(' '))),
    target: fc.option(words.map((list) => list.join(', '))),
  });

  it('marks exactly the characters the terminal UI underlines, and the pieces join to the text', () => {
    fc.assert(
      fc.property(words.map((list) => list.join(' ')), fc.array(difference, { maxLength: 4 }), fc.constantFrom('source', 'target') as fc.Arbitrary<'source' | 'target'>, (text, differences, side) => {
        const segments = markDifferences(text, differences, side);
        expect(segments.map((segment) => segment.text).join('')).toBe(text);
        const underlined = new Array<boolean>(text.length).fill(false);
        for (const range of surfaceRanges(text, differenceSurfaces(differences, side))) underlined.fill(true, range.start, range.end);
        const markedByIndex: boolean[] = [];
        for (const segment of segments) markedByIndex.push(...new Array<boolean>(segment.text.length).fill(segment.kinds.length > 0));
        expect(markedByIndex).toEqual(underlined);
      }),
    );
  });
});
