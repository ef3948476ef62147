import { describe, expect, it } from 'vitest';
import { findDifferences, findNegations, findQuotes } from '../../src/compare/index.js';
import type { Lang } from '../../src/types.js';

describe('findNegations', () => {
  it.each<[string, Lang, string[]]>([
    ['the app does not allow the user', 'en', ['does not allow']],
    ["they didn't come", 'en', ["they didn't come"]],
    ['No one came', 'en', ['No one']],
    ['aplikasi itu tidak memungkinkan', 'id', ['itu tidak memungkinkan']],
    ['hidup tanpa listrik', 'id', ['hidup tanpa listrik']],
    ['jangan pergi', 'id', ['jangan pergi']],
    // Idioms that do not negate.
    ['tak pelak lagi', 'id', []],
    ['tidak lama kemudian', 'id', []],
    ['jatuh tanpa sengaja', 'id', []],
    ['paling tidak tiga', 'id', []],
    // Two negations in a row cancel.
    ['bukan tidak mungkin', 'id', []],
    ['it is not impossible', 'en', []],
    ['not unlike the others', 'en', []],
    ['no doubt about it', 'en', []],
    ['room No. 5', 'en', []],
    // Negators of the other language do not count.
    ['not', 'id', []],
    ['tidak', 'en', []],
  ])('%s (%s)', (text, lang, expected) => {
    expect(findNegations(text, lang)).toEqual(expected);
  });
});

describe('findQuotes', () => {
  it.each<[string, string[]]>([
    ['"The Taliban called me rude", she told AFP.', ['The Taliban called me rude']],
    ['“Kami bekerja dengan mereka,” ujarnya.', ['Kami bekerja dengan mereka,']],
    // Scare quotes and titles are too short to be speech.
    ['Anggota Taliban punya "Chatroom" Resmi', []],
    // Apostrophes are not quotation marks.
    ["It didn’t work and the Afghans’ rights were lost", []],
    ['He said ‘we will come back tomorrow’ and left.', ['we will come back tomorrow']],
    // A quotation cut by the sentence splitter runs to the end of the text.
    ['“They want to chain women and restrict their rights.', ['They want to chain women and restrict their rights.']],
  ])('%s', (text, expected) => {
    expect(findQuotes(text).map((quote) => quote.text)).toEqual(expected);
  });
});

describe('a negator in an idiom', () => {
  const negations = (source: string, target: string) => findDifferences(source, target, { sourceLang: 'en', targetLang: 'id' }).filter((d) => d.kind === 'negation');

  it('raises nothing alone, but renders a negator of the other side', () => {
    // "bukan hanya" (not only) for "not simply": both sides negate.
    expect(negations('They are not simply prone to pain.', 'Mereka bukan hanya mudah merasa nyeri.')).toEqual([]);
    expect(negations('It should not be understood as a shift.', 'Itu bukan hanya dipahami sebagai pergeseran.')).toEqual([]);
    // "tidak hanya" against no negation at all: the idiom says "besides".
    expect(negations('Besides rice, they grow corn.', 'Tidak hanya padi, mereka menanam jagung.')).toEqual([]);
  });

  it('leaves a real flip to be found', () => {
    expect(negations('They are simply prone to pain.', 'Mereka tidak mudah merasa nyeri.')).toEqual([
      { kind: 'negation', source: null, target: 'Mereka tidak mudah', detail: 'negated only in target' },
    ]);
  });
});
