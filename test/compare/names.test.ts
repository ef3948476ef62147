import { describe, expect, it } from 'vitest';
import { findDifferences, findNames, isCognate, skeleton } from '../../src/compare/index.js';

describe('findNames', () => {
  it.each<[string, string[]]>([
    ['Agence France-Presse (AFP) reported that Taliban spokesmen ran a room.', ['Agence France-Presse (AFP)', 'Taliban']],
    ['Dikutip dari New York Post, juru bicara Taliban menjalankan ruang obrolan.', ['New York Post', 'Taliban']],
    // The first word of a sentence says nothing by its capital; function words before a name are dropped.
    ['Content at Clubhouse grew.', ['Clubhouse']],
    ['The Taliban called me rude.', ['Taliban']],
    ['Peran Negara harus dikurangi.', []],
    // Possessives end a name; connectors join one.
    ["Tech icons like Tesla's Elon Musk and Robinhood's Vlad Tenev.", ["Tesla's", 'Elon Musk', "Robinhood's", 'Vlad Tenev']],
    ['He banks with the Bank of America.', ['Bank of America']],
    // Headlines, shouted headings, web addresses and currencies are no names.
    ['Taliban Terrorist Group Uses Clubhouse To Threat Political Opponents', []],
    ['BULELENGPOST.COM - Saat Taliban meraih kekuasaan.', ['Taliban']],
    ['It costs US$ 5.', []],
    // Words capitalised at the start of a quotation or after a stage direction.
    ['And I said, "Cool. I can do it."', []],
    ['(Applause) Thank you.', []],
  ])('%s', (text, surfaces) => {
    expect(findNames(text).map((name) => name.surface)).toEqual(surfaces);
  });

  it('keeps apart the words that identify a name from titles and kinds of place', () => {
    const [name] = findNames('Kemarin Presiden Joko Widodo meresmikan Taman Nasional Nairobi.');
    expect(name?.content.map((word) => word.text)).toEqual(['Joko', 'Widodo']);
  });
});

describe('cognates', () => {
  it.each<[string, string, boolean]>([
    ['afghanistan', 'afganistan', true],
    ['american', 'amerika', true],
    ['afghan', 'afghanistan', true],
    ['philippines', 'filipina', true],
    ['national', 'nasional', true],
    ['coordination', 'koordinasi', true],
    ['cooperative', 'koperasi', true],
    ['china', 'cina', true],
    ['iran', 'irak', false],
    ['post', 'times', false],
    ['york', 'yoga', false],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(isCognate(skeleton(a), skeleton(b))).toBe(expected);
  });
});

describe('names written with a space more or less', () => {
  const names = (source: string, target: string) => findDifferences(source, target, { sourceLang: 'en', targetLang: 'id' }).filter((d) => d.kind === 'name');

  it.each<[string, string]>([
    // One word on one side, two adjacent ones on the other, either way round.
    ['He posted the video on YouTube.', 'Ia mengunggah video itu di You Tube.'],
    ['He posted the video on You Tube.', 'Ia mengunggah video itu di YouTube.'],
    ['The laptop takes SO DIMM memory.', 'Laptop itu memakai memori SODIMM.'],
    // A space lost before a capital: the tail is the name.
    ['He joined Queens Park Rangers on loan.', 'Ia bergabung dengan klub duaQueens Park Rangers.'],
    ['The trial uses Ikonos or TMDS images.', 'Uji coba itu memakai citra Ikonos atauTMDS.'],
  ])('%s / %s', (source, target) => {
    expect(names(source, target)).toEqual([]);
  });

  it('still reports a name the other side lacks', () => {
    expect(names('He posted the video on YouTube.', 'Ia mengunggah video itu di internet.')).toEqual([
      { kind: 'name', source: 'YouTube', target: null, detail: 'only in source' },
    ]);
    expect(names('He joined Queens Park Rangers on loan.', 'Ia bergabung dengan klub Chelsea.')).not.toEqual([]);
  });
});
