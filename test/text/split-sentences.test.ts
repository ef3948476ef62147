import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHardWrapped, splitSentences } from '../../src/text/split-sentences.js';
import type { Sentence } from '../../src/types.js';

const texts = (input: string, options?: Parameters<typeof splitSentences>[1]): string[] =>
  splitSentences(input, options).map((s) => s.text);

describe('splitSentences: Indonesian abbreviations', () => {
  it.each([
    ['Kantornya di Jl. Sudirman No. 5, Jakarta. Ia datang pukul 10.00 WIB.',
      ['Kantornya di Jl. Sudirman No. 5, Jakarta.', 'Ia datang pukul 10.00 WIB.']],
    ['Harganya Rp. 5.000 per kilo. Pembeli ramai.', ['Harganya Rp. 5.000 per kilo.', 'Pembeli ramai.']],
    ['Saham PT Astra International Tbk. (ASII) naik 3.5%. Investor senang.',
      ['Saham PT Astra International Tbk. (ASII) naik 3.5%.', 'Investor senang.']],
    ['Saham BBRI Tbk. turun. Saham lain naik.', ['Saham BBRI Tbk. turun.', 'Saham lain naik.']],
    // dll. before a capital ends the sentence; before a lower-case word it does not
    ['Mereka membawa beras, gula, dll. Semua dibagikan.', ['Mereka membawa beras, gula, dll.', 'Semua dibagikan.']],
    ['Ia membeli buku, pena, dsb. untuk sekolah.', ['Ia membeli buku, pena, dsb. untuk sekolah.']],
    ['Upacara dipimpin Jend. TNI Andika Perkasa. Acara khidmat.',
      ['Upacara dipimpin Jend. TNI Andika Perkasa.', 'Acara khidmat.']],
    ['Prof. Dr. H. Ahmad Syafii, S.H., M.Si. mengatakan hal itu.',
      ['Prof. Dr. H. Ahmad Syafii, S.H., M.Si. mengatakan hal itu.']],
    ['Hadir pula Hj. Siti Aminah dan Ir. Budi. Mereka tiba pagi.',
      ['Hadir pula Hj. Siti Aminah dan Ir. Budi.', 'Mereka tiba pagi.']],
    ['Surat a.n. Direktur u.p. Bagian Umum tiba. Surat dibalas.',
      ['Surat a.n. Direktur u.p. Bagian Umum tiba.', 'Surat dibalas.']],
    ['Menurut dr. Tirta, vaksin aman. Warga diminta tenang.', ['Menurut dr. Tirta, vaksin aman.', 'Warga diminta tenang.']],
    // "gen" is a word (gene): matching is case-sensitive, so "Gen." the title does not swallow it
    ['Terjadi perubahan gen. Para ilmuwan terkejut.', ['Terjadi perubahan gen.', 'Para ilmuwan terkejut.']],
    // all-caps titles, as in bylines and headlines
    ['DR. Mansour Fakih menjelaskan hal itu. JL. SUDIRMAN ditutup.',
      ['DR. Mansour Fakih menjelaskan hal itu.', 'JL. SUDIRMAN ditutup.']],
    ['Dia tinggal di Kab. Bogor, Kec. Cibinong. Rumahnya besar.',
      ['Dia tinggal di Kab. Bogor, Kec. Cibinong.', 'Rumahnya besar.']],
  ])('%s', (input, expected) => {
    expect(texts(input, { lang: 'id' })).toEqual(expected);
  });
});

describe('splitSentences: English abbreviations and initials', () => {
  it.each([
    ['Mr. Smith went to Washington. He met Dr. Jones.', ['Mr. Smith went to Washington.', 'He met Dr. Jones.']],
    ['The U.S. economy grew. Apple Inc. said sales rose.', ['The U.S. economy grew.', 'Apple Inc. said sales rose.']],
    ['He moved to the U.S. The next year he returned.', ['He moved to the U.S.', 'The next year he returned.']],
    ['U.S. President Joe Biden spoke. Reporters listened.', ['U.S. President Joe Biden spoke.', 'Reporters listened.']],
    ['Apple Inc. The company grew.', ['Apple Inc.', 'The company grew.']],
    ['Bring fruit, e.g. Mangoes from Bali. Then rest.', ['Bring fruit, e.g. Mangoes from Bali.', 'Then rest.']],
    ['J. K. Rowling wrote it. B.J. Habibie was president.', ['J. K. Rowling wrote it.', 'B.J. Habibie was president.']],
    ['It was written by J. Smith in 2019. He revised it.', ['It was written by J. Smith in 2019.', 'He revised it.']],
    ['Susilo B. Yudhoyono spoke. Prabowo listened.', ['Susilo B. Yudhoyono spoke.', 'Prabowo listened.']],
    ['The meeting is at 9 a.m. on Jan. 6 in Washington.', ['The meeting is at 9 a.m. on Jan. 6 in Washington.']],
    ['See No. 5 and pp. 12-14 for details.', ['See No. 5 and pp. 12-14 for details.']],
  ])('%s', (input, expected) => {
    expect(texts(input, { lang: 'en' })).toEqual(expected);
  });
});

describe('splitSentences: numbers', () => {
  it.each([
    ['Akun itu punya 232.000 pengikut. Harga naik menjadi Rp1.500,50 per lembar. Inflasi 3.5% tahun ini.',
      ['Akun itu punya 232.000 pengikut.', 'Harga naik menjadi Rp1.500,50 per lembar.', 'Inflasi 3.5% tahun ini.']],
    // sentence-splitter reads "2019." as a list number and would not break here
    ['He was released in a swap in 2019. He has since taken a role.',
      ['He was released in a swap in 2019.', 'He has since taken a role.']],
    ['The rate was 3.5 percent in 2021. 13 million people use it.',
      ['The rate was 3.5 percent in 2021.', '13 million people use it.']],
    ['1. Pendahuluan', ['1. Pendahuluan']],
    ['Gempa M 5.0 terjadi pukul 21.45 WIB. Tidak ada korban.', ['Gempa M 5.0 terjadi pukul 21.45 WIB.', 'Tidak ada korban.']],
  ])('%s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});

describe('splitSentences: quotes and punctuation', () => {
  it.each([
    ['"Kami tidak tahu," ujarnya. Ia lalu pergi.', ['"Kami tidak tahu," ujarnya.', 'Ia lalu pergi.']],
    ['“Kami tidak tahu,” ujarnya. Ia lalu pergi.', ['“Kami tidak tahu,” ujarnya.', 'Ia lalu pergi.']],
    ['“Kami tidak tahu.” ujarnya', ['“Kami tidak tahu.” ujarnya']],
    ['“Apa kabar?” tanya dia.', ['“Apa kabar?” tanya dia.']],
    ['“Apa kabar?” Dia tersenyum.', ['“Apa kabar?”', 'Dia tersenyum.']],
    ['She said “no.” Then she left.', ['She said “no.”', 'Then she left.']],
    // A quotation of two sentences is two sentences, as translations usually keep them
    ['"Clubhouse bans the group. We are working with experts," she said.',
      ['"Clubhouse bans the group.', 'We are working with experts," she said.']],
    ['"The Taliban called me rude", she told AFP. "They declare us infidels".',
      ['"The Taliban called me rude", she told AFP.', '"They declare us infidels".']],
    ['Dia bilang... lalu pergi.', ['Dia bilang... lalu pergi.']],
    ['Dia menunggu... Lalu pergi.', ['Dia menunggu...', 'Lalu pergi.']],
    ['Kenapa? Karena hujan! Benar.', ['Kenapa?', 'Karena hujan!', 'Benar.']],
    ['Visit example.com/?ref=home for more.', ['Visit example.com/?ref=home for more.']],
    ['Dia pergi (lihat hlm. 5. Bab 2) kemarin. Lalu pulang.', ['Dia pergi (lihat hlm. 5. Bab 2) kemarin.', 'Lalu pulang.']],
    // An unclosed bracket does not swallow the rest of the paragraph
    ['Dia pergi (kemarin. Lalu pulang. Lalu tidur.', ['Dia pergi (kemarin.', 'Lalu pulang.', 'Lalu tidur.']],
    ['iPhone sales rose. eBay fell.', ['iPhone sales rose.', 'eBay fell.']],
  ])('%s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});

describe('splitSentences: lines and paragraphs', () => {
  it('keeps headlines, related links, bylines, dates and captions as sentences of their own', () => {
    const input = [
      'Judul Berita Tanpa Titik',
      '',
      '22 Agustus 2021, 21:45 WIB',
      'Ilustrasi Taliban /Reuters',
      '',
      'JAKARTA - Taliban menang. Warga cemas.',
      '',
      'Baca Juga: Gempa M 5.0. Warga Panik',
      '',
      'Editor: Budi',
      'Sumber: Antara',
    ].join('\n');
    expect(splitSentences(input).map((s) => [s.paragraph, s.text])).toEqual([
      [0, 'Judul Berita Tanpa Titik'],
      [1, '22 Agustus 2021, 21:45 WIB'],
      [1, 'Ilustrasi Taliban /Reuters'],
      [2, 'JAKARTA - Taliban menang.'],
      [2, 'Warga cemas.'],
      [3, 'Baca Juga: Gempa M 5.0. Warga Panik'],
      [4, 'Editor: Budi'],
      [4, 'Sumber: Antara'],
    ]);
  });

  it.each([
    ['blank lines separate paragraphs', 'A satu. A dua.\nA tiga.\n\nB satu.', [0, 0, 0, 1]],
    ['without blank lines each line is a paragraph', 'Satu.\nDua.\nTiga.', [0, 1, 2]],
    ['CRLF line endings', 'Satu. Dua.\r\n\r\nTiga.\r\n', [0, 0, 1]],
    ['white space only lines are blank', 'Satu.\n\u00a0\nDua.', [0, 1]],
  ])('%s', (_name, input, paragraphs) => {
    const sentences = splitSentences(input);
    expect(sentences.map((s) => s.paragraph)).toEqual(paragraphs);
    for (const s of sentences) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps CRLF in the text and offsets exact', () => {
    const input = 'Judul\r\n\r\nSatu. Dua.\r\nTiga.';
    expect(splitSentences(input)).toEqual([
      { text: 'Judul', start: 0, end: 5, paragraph: 0 },
      { text: 'Satu.', start: 9, end: 14, paragraph: 1 },
      { text: 'Dua.', start: 15, end: 19, paragraph: 1 },
      { text: 'Tiga.', start: 21, end: 26, paragraph: 1 },
    ]);
  });

  it('makes a Markdown heading and each list item sentences of their own', () => {
    const input = '# Judul\n\nParagraf pertama. Kalimat kedua.\n\n- Butir satu\n- Butir dua';
    expect(texts(input)).toEqual(['# Judul', 'Paragraf pertama.', 'Kalimat kedua.', '- Butir satu', '- Butir dua']);
  });

  it('joins the lines of a hard-wrapped paragraph', () => {
    const input = [
      'The Taliban have rarely engaged in open discussions in the past, but',
      'they quickly joined Clubhouse to get in touch with people they usually',
      'avoid. Perhaps they see themselves on the verge of securing a military',
      'victory, said the leader of the group for the defense of the media.',
      '',
      '# A heading',
      'Next paragraph starts here and runs on for a while without any end',
      'until this line. Done.',
    ].join('\n');
    expect(isHardWrapped(input)).toBe(true);
    const sentences = splitSentences(input);
    expect(sentences.map((s) => [s.paragraph, s.text.replace(/\n/g, ' ')])).toEqual([
      [0, 'The Taliban have rarely engaged in open discussions in the past, but they quickly joined Clubhouse to get in touch with people they usually avoid.'],
      [0, 'Perhaps they see themselves on the verge of securing a military victory, said the leader of the group for the defense of the media.'],
      [1, '# A heading'],
      [2, 'Next paragraph starts here and runs on for a while without any end until this line.'],
      [2, 'Done.'],
    ]);
  });

  it.each([
    ['one sentence per line', 'First sentence here is short.\nSecond one is also short.\nThird one ends.\nFourth.'],
    ['one paragraph per long line', `${'A long line of text that goes on and on '.repeat(4)}\n`.repeat(5)],
    ['short menu lines', 'Tags\nTerkini\nTerpopuler\nKontak\nRedaksi'],
  ])('does not take %s for hard-wrapped text', (_name, input) => {
    expect(isHardWrapped(input)).toBe(false);
  });

  it('with presplit, makes every non-blank line one sentence and one paragraph', () => {
    const input = 'Dr. Smith came. He left.\n\n  Kalimat kedua tanpa titik  \r\nKetiga.';
    expect(splitSentences(input, { presplit: true }).map((s) => [s.paragraph, s.text])).toEqual([
      [0, 'Dr. Smith came. He left.'],
      [1, 'Kalimat kedua tanpa titik'],
      [2, 'Ketiga.'],
    ]);
  });

  it('splits a single line longer than one sentence-splitter call the same way, sentence by sentence', () => {
    const sentence = (i: number): string => `Kalimat nomor ${i} ada di Jl. Sudirman No. ${i}, kata Dr. Budi.`;
    const line = Array.from({ length: 600 }, (_, i) => sentence(i)).join(' ');
    expect(line.length).toBeGreaterThan(30_000);
    expect(texts(line)).toEqual(Array.from({ length: 600 }, (_, i) => sentence(i)));
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\r\n\t\u00a0')).toEqual([]);
  });
});

/** Text made of the pieces that stress the rules: abbreviations, quotes, brackets, numbers, line breaks. */
const trickyText = fc
  .array(
    fc.constantFrom(
      'Satu', 'dua', 'The', 'U.S.', 'Jl.', 'Dr.', 'dll.', 'J.', '2019.', '232.000', 'Rp1.500,50', '3.5%', '.', '. ',
      '!', '?', '…', '"', '“', '”', '‘', '’', '(', ')', '[', ']', ' ', ' ', ' ', '\n', '\n\n', '\r\n', '\u00a0',
      '# ', '- ', '1. ', 'Baca Juga: ', 'Editor: ', '-', '*', 'é', '🇮🇩',
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

function checkInvariants(text: string, sentences: readonly Sentence[]): void {
  let previousEnd = 0;
  let previousParagraph = 0;
  let covered = '';
  for (const s of sentences) {
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.text.trim()).toBe(s.text);
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    expect(s.paragraph).toBeGreaterThanOrEqual(previousParagraph);
    previousEnd = s.end;
    previousParagraph = s.paragraph;
    covered += s.text;
  }
  // No character is lost: every non-space character of the text is in exactly one sentence.
  expect(covered.replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
}

describe('splitSentences: properties', () => {
  it('offsets are exact, sentences ordered, non-overlapping, trimmed, non-empty and cover the text', () => {
    fc.assert(
      fc.property(trickyText, (text) => checkInvariants(text, splitSentences(text))),
      { numRuns: 500 },
    );
  });

  it('holds for arbitrary Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => checkInvariants(text, splitSentences(text))),
      { numRuns: 300 },
    );
  });

  it('holds with presplit, one sentence per non-blank line', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const sentences = splitSentences(text, { presplit: true });
        checkInvariants(text, sentences);
        const lines = text.split(/\r\n|\r|\n/u).filter((line) => /\S/u.test(line));
        expect(sentences).toHaveLength(lines.length);
      }),
      { numRuns: 300 },
    );
  });
});
