import { describe, expect, it } from 'vitest';
import { findNames, isCognate, skeleton } from '../../src/compare/index.js';

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
