import { describe, expect, it } from 'vitest';
import { normalizeNumbers, readDigits, sameNumber } from '../../src/compare/index.js';
import { findCodes } from '../../src/compare/numbers.js';
import type { Lang } from '../../src/types.js';

describe('readDigits', () => {
  it.each([
    ['232', [232]],
    ['232.000', [232000, 232]],
    ['232,000', [232000, 232]],
    ['1,5', [1.5]],
    ['1.5', [1.5]],
    ['0.125', [0.125]],
    ['0,500', [0.5]],
    ['1.234.567', [1234567]],
    ['1,234,567', [1234567]],
    ['1,234,567.89', [1234567.89]],
    ['1.234.567,89', [1234567.89]],
    ['3,14', [3.14]],
    ['12.5000', [12.5]],
    ['21.08.2021', []],
    ['1,2,3', []],
    ['1.234,567.8', []],
  ])('%s reads as %j', (digits, readings) => {
    expect(readDigits(digits)).toEqual(readings);
  });
});

describe('normalizeNumbers', () => {
  it.each<[string, Lang, Array<{ surface: string; value: number }>]>([
    ['232.000 followers', 'en', [{ surface: '232.000', value: 232000 }]],
    ['232,000 followers', 'en', [{ surface: '232,000', value: 232000 }]],
    ['232.000 pengikut', 'id', [{ surface: '232.000', value: 232000 }]],
    ['232 ribu pengikut', 'id', [{ surface: '232 ribu', value: 232000 }]],
    ['37 juta penduduk', 'id', [{ surface: '37 juta', value: 37e6 }]],
    ['37 million people', 'en', [{ surface: '37 million', value: 37e6 }]],
    ['1,5 miliar', 'id', [{ surface: '1,5 miliar', value: 1.5e9 }]],
    ['1.5 billion', 'en', [{ surface: '1.5 billion', value: 1.5e9 }]],
    ['1,2 milyar', 'id', [{ surface: '1,2 milyar', value: 1.2e9 }]],
    ['US$ 10 billions', 'en', [{ surface: 'US$ 10 billions', value: 1e10 }]],
    ['$5m', 'en', [{ surface: '$5m', value: 5e6 }]],
    ['5bn', 'en', [{ surface: '5bn', value: 5e9 }]],
    ['Rp1.500', 'id', [{ surface: 'Rp1.500', value: 1500 }]],
    ['Rp. 1.500', 'id', [{ surface: 'Rp. 1.500', value: 1500 }]],
    ['IDR 1,500', 'en', [{ surface: 'IDR 1,500', value: 1500 }]],
    ['dua puluh lima', 'id', [{ surface: 'dua puluh lima', value: 25 }]],
    ['Duapuluh-lima orang', 'id', [{ surface: 'Duapuluh-lima', value: 25 }]],
    ['twenty-five', 'en', [{ surface: 'twenty-five', value: 25 }]],
    ['two hundred and fifty', 'en', [{ surface: 'two hundred and fifty', value: 250 }]],
    ['dua ratus lima puluh', 'id', [{ surface: 'dua ratus lima puluh', value: 250 }]],
    ['tiga belas', 'id', [{ surface: 'tiga belas', value: 13 }]],
    ['seratus ribu', 'id', [{ surface: 'seratus ribu', value: 1e5 }]],
    ['one hundred thousand', 'en', [{ surface: 'one hundred thousand', value: 1e5 }]],
    ['seribu orang', 'id', [{ surface: 'seribu', value: 1000 }]],
    ['a thousand people', 'en', [{ surface: 'a thousand', value: 1000 }]],
    ['three million', 'en', [{ surface: 'three million', value: 3e6 }]],
    ['abad ke-21', 'id', [{ surface: '21', value: 21 }]],
    ['the 21st century', 'en', [{ surface: '21st', value: 21 }]],
    ['tahun 1990-an', 'id', [{ surface: '1990-an', value: 1990 }]],
    // A compound with another word counts; a scoreline without spaces is two scores, not a decimal.
    ['rencana tiga-tahun', 'id', [{ surface: 'tiga', value: 3 }]],
    ['menang 7-5,6-2', 'id', [{ surface: '7', value: 7 }, { surface: '5', value: 5 }, { surface: '6', value: 6 }, { surface: '2', value: 2 }]],
    ['harganya 5,6 euro', 'id', [{ surface: '5,6 euro', value: 5.6 }]],
    ['the 1990s', 'en', [{ surface: '1990s', value: 1990 }]],
    // Not numbers: articles, se- words, vague plurals, codes and names.
    ['a house', 'en', []],
    ['sebuah rumah dan seorang anak', 'id', []],
    ['satu-satunya jalan', 'id', []],
    ['ribuan orang', 'id', []],
    ['thousands of people', 'en', []],
    ['dua ribuan', 'id', []],
    ['Covid-19 and the G20 summit', 'en', []],
    ['flight MH17', 'en', []],
    // Number words of the other language are not read.
    ['lima', 'en', []],
    ['five', 'id', []],
  ])('%s (%s)', (text, lang, expected) => {
    const mentions = normalizeNumbers(text, lang).filter((mention) => !mention.isWeak);
    expect(mentions.map(({ surface, value }) => ({ surface, value }))).toEqual(expected);
  });

  it.each<[string, Lang, boolean, string | null]>([
    ['naik 5 persen', 'id', true, null],
    ['up 5%', 'en', true, null],
    ['5 per cent', 'en', true, null],
    ['Rp1.500', 'id', false, 'IDR'],
    ['20 dollars', 'en', false, 'USD'],
    ['€30', 'en', false, 'EUR'],
  ])('%s has percent %s and currency %s', (text, lang, isPercent, currency) => {
    const [mention] = normalizeNumbers(text, lang);
    expect(mention?.isPercent).toBe(isPercent);
    expect(mention?.currency).toBe(currency);
  });

  it('marks words that only imply a number as weak', () => {
    expect(normalizeNumbers('kedua orang itu', 'id').map((m) => [m.surface, m.value, m.isWeak])).toEqual([['kedua', 2, true]]);
    expect(normalizeNumbers('both men', 'en').map((m) => [m.surface, m.value, m.isWeak])).toEqual([['both', 2, true]]);
    expect(normalizeNumbers('a dual role in the octagon', 'en').map((m) => [m.surface, m.value, m.isWeak])).toEqual([
      ['dual', 2, true],
      ['octagon', 8, true],
    ]);
  });

  it('finds codes by their letters and digits, not Indonesian ordinals', () => {
    expect(findCodes('The BO-105, flight MH17, the G20, abad ke-21 and Covid-19').map(({ surface, letters, digits }) => [surface, letters, digits])).toEqual([
      ['BO-105', 'bo', '105'],
      ['MH17', 'mh', '17'],
      ['G20', 'g', '20'],
      ['Covid-19', 'covid', '19'],
    ]);
  });
});

describe('sameNumber', () => {
  const first = (text: string, lang: Lang) => normalizeNumbers(text, lang)[0]!;
  it.each<[string, Lang, string, Lang, boolean]>([
    ['232.000', 'en', '232.000', 'id', true],
    ['232,000', 'en', '232 ribu', 'id', true],
    ['37 million', 'en', '37 juta', 'id', true],
    ['1.5 billion', 'en', '1,5 miliar', 'id', true],
    ['1.500', 'en', '1,5', 'id', true],
    ['IDR 1,500', 'en', 'Rp1.500', 'id', true],
    ['5 percent', 'en', '5 persen', 'id', true],
    ['three', 'en', '3', 'id', true],
    ['twenty-five', 'en', 'dua puluh lima', 'id', true],
    ['37 million', 'en', '36 juta', 'id', false],
    ['1.5 billion', 'en', '1,5 juta', 'id', false],
    ['$1,500', 'en', 'Rp1.500', 'id', false],
    ['13 million', 'en', '31 juta', 'id', false],
  ])('%s (%s) vs %s (%s): %s', (a, aLang, b, bLang, same) => {
    expect(sameNumber(first(a, aLang), first(b, bLang))).toBe(same);
    expect(sameNumber(first(b, bLang), first(a, aLang))).toBe(same);
  });
});
