import { describe, expect, it } from 'vitest';
import { findDifferences, summarizeDifferences } from '../../src/compare/index.js';
import type { Difference } from '../../src/types.js';
import { toyVectors } from './toy-vectors.js';

const EN_ID = { sourceLang: 'en', targetLang: 'id' } as const;

/**
 * Aligned pairs of the seed story: an English wire story and its Indonesian rewrite, which credits the New York
 * Post where the English says AFP, drops "Saturday, July 30" and "According to an AFP report", and turns "does
 * not allow the user to rewind" into "allows the user to rewind".
 */
const SEED = {
  credit: [
    'Agence France-Presse (AFP) reported that Taliban spokesmen ran an in-app chat room where they discussed their religion and plans for the future of Afghanistan, which quickly fell into the control of the extremist group amid the withdrawal of American troops,',
    'Dikutip dari New York Post, juru bicara Taliban menjalankan ruang obrolan dalam aplikasi di mana mereka membahas agama dan rencana mereka untuk masa depan Afghanistan, yang dengan cepat jatuh ke dalam kendali kelompok ekstremis di tengah penarikan pasukan Amerika.',
  ],
  date: [
    "Saturday, July 30, a Taliban spokesman once again appeared on the app, calling for better relations between Afghanistan and Iran while praising the country's theocratic system of government.",
    'Mengenai aktifitas terakhir, seorang juru bicara Taliban sekali lagi tampil di chatroom Clubhouse, menyerukan hubungan yang lebih baik antara Afghanistan dan Iran sambil memuji sistem pemerintahan teokratis negara itu, menurut media nonprofit Asia Selatan.',
  ],
  report: [
    "According to an AFP report, nearly half of the country's 37 million people have internet access, and 13 million use social media.",
    'Hampir setengah dari 37 juta penduduk negara itu memiliki akses internet dan 13 juta penduduk menggunakannya untuk media sosial.',
  ],
  rewind: [
    "Content at Clubhouse, which rose to prominence earlier this year for holding exclusive sessions with tech icons like Tesla's Elon Musk and Robinhood's Vlad Tenev, is harder to track than many other social media platforms because the chat is audio-only, and the app does not allow the user to rewind or listen to the previous session.",
    // One English sentence against two Indonesian ones, joined as the pipeline joins them.
    "Konten di Clubhouse yang menjadi terkenal awal tahun ini karena mengadakan sesi eksklusif dengan ikon teknologi seperti Tesla's Elon Musk dan Robinhood's Vlad Tenev. Konten seperti ini lebih sulit dilacak daripada banyak platform media sosial lainnya karena obrolannya hanya sebatas audio, memungkinkan pengguna untuk memundurkan atau mendengarkan sesi sebelumnya.",
  ],
  followers: [
    'Zabihullah Mujahid, a spokesman for the Taliban who also operates a Twitter account with 232.000 followers, denied threatening his opponent at the Clubhouse in a statement to AFP.',
    'Juru bicara Taliban Zabihullah Mujahid, yang juga mengoperasikan akun Twitter dengan 232.000 pengikut, membantah mengancam lawan di Clubhouse dalam sebuah pernyataan kepada AFP.',
  ],
} as const;

describe('findDifferences on the seed story', () => {
  it('reports the changed credit as names face to face', () => {
    expect(findDifferences(...SEED.credit, EN_ID)).toEqual([
      { kind: 'name', source: 'Agence France-Presse (AFP)', target: 'New York Post', detail: 'different names' },
    ]);
  });

  it('reports the dropped date, and no number for its day', () => {
    const differences = findDifferences(...SEED.date, EN_ID);
    expect(differences.filter((d) => d.kind === 'date')).toEqual([
      { kind: 'date', source: 'Saturday, July 30', target: null, detail: 'only in source' },
    ]);
    expect(differences.filter((d) => d.kind === 'number')).toEqual([]);
  });

  it('reports the dropped attribution, and no number for 37 million / 37 juta and 13 million / 13 juta', () => {
    expect(findDifferences(...SEED.report, EN_ID)).toEqual([
      { kind: 'name', source: 'AFP', target: null, detail: 'only in source' },
    ]);
  });

  it('reports the lost negation', () => {
    expect(findDifferences(...SEED.rewind, EN_ID)).toEqual([
      { kind: 'negation', source: 'does not allow', target: null, detail: 'negated only in source' },
    ]);
  });

  it('finds nothing in a faithful pair with 232.000 followers on both sides', () => {
    expect(findDifferences(...SEED.followers, EN_ID)).toEqual([]);
  });
});

describe('findDifferences', () => {
  it.each<[string, string, string]>([
    // number
    ['The company hired 1,500 workers.', 'Perusahaan itu merekrut 1.500 pekerja.', ''],
    ['The company hired 1,500 workers.', 'Perusahaan itu merekrut 1.800 pekerja.', 'number: 1,500 ≠ 1.800'],
    ['Prices rose 5 percent.', 'Harga naik lima persen.', ''],
    ['The fund holds $2.5 billion.', 'Dana itu memegang US$ 2,5 miliar.', ''],
    ['Three people died.', 'Tiga orang tewas.', ''],
    ['Three people died.', 'Empat orang tewas.', 'number: Three ≠ Empat'],
    ['It costs Rp 1,500 a cup.', 'Harganya Rp1.500 per cangkir.', ''],
    ['He has been there for 20 years.', 'Dia sudah di sana.', 'number: 20 ≠ —'],
    ['It cost 37 million, yes, 37 million.', 'Biayanya mahal sekali.', 'number: 37 million ≠ —'],
    ['Both men were released.', 'Kedua pria itu dibebaskan.', ''],
    ['One of them was injured.', 'Salah satu dari mereka terluka.', ''],
    ['They came a year later.', 'Mereka datang 1 tahun kemudian.', ''],
    // name
    ['The talks involved China and Japan.', 'Perundingan itu melibatkan Cina dan Jepang.', ''],
    ['He flew to the Netherlands.', 'Dia terbang ke Belanda.', ''],
    ['The United Nations sent aid.', 'PBB mengirim bantuan.', ''],
    ['She lives in Afghanistan.', 'Dia tinggal di Afganistan.', ''],
    ['The attack was reported by Reuters.', 'Serangan itu dilaporkan.', 'name: Reuters ≠ —'],
    // A lone capitalised word starting a sentence is not taken for a name: it may be any word.
    // A sentence's first word is a name when the corpora write it capitalised nearly always.
    ['Reuters reported the attack.', 'Serangan itu dilaporkan.', 'name: Reuters ≠ —'],
    ['Stocks fell sharply.', 'Saham turun tajam.', ''],
    // A dateline in capitals is no mention of the city.
    ['JAKARTA - As the Taliban took Kabul.', 'BULELENGPOST.COM - Saat Taliban merebut Kabul.', ''],
    ['The minister met Joko Widodo.', 'Menteri itu bertemu Presiden Joko Widodo.', ''],
    ['Officials in Jakarta said so.', 'Pejabat di Bandung mengatakan demikian.', 'name: Jakarta ≠ Bandung'],
    // A country on one side only is often context a translator added: a milder kind; against another name it is a
    // change of name.
    ['Officials in Kabul said so.', 'Pejabat di Kabul, ibukota Afghanistan, mengatakan demikian.', 'place: — ≠ Afghanistan'],
    ['He flew to Japan.', 'Dia terbang ke Korea.', 'name: Japan ≠ Korea'],
    // One word of a name dropped while the rest is kept; a given name dropped before a kept surname is style.
    ['Look at them, said Hamdan bin Musaileh, a Yemeni.', 'Lihat mereka, kata Hamdan bin, warga Yaman.', 'name: Musaileh ≠ —'],
    ['Federer lost to Andy Murray.', 'Federer kalah dari Andy.', 'name: Murray ≠ —'],
    ['Prime Minister Tony Blair said so.', 'Perdana Menteri Blair berkata demikian.', ''],
    // Capitalised ordinary words: alone ("Cuma"), or a name made of them only, which translation renders.
    ['He only wanted to go home.', 'Dia Cuma ingin pulang.', ''],
    ['The New Forces rebels hold the north.', 'Pemberontak Pasukan Baru menguasai utara.', ''],
    // Initials with a number word as its digit.
    ['He drives in Formula One.', 'Dia membalap di F1.', ''],
    // Two acronyms left face to face are one name abbreviated in each language.
    ['The CBS figures came out.', 'Data BPS keluar.', ''],
    ['The MFI law was passed.', 'Undang-undang LKM disahkan.', ''],
    // An acronym its own side spells out restates words the other side translates; one that stands alone is a name.
    ['Take the privatization of state universities.', 'Misalnya privatisasi perguruan tinggi negeri PTN.', ''],
    ['The report came from AFP.', 'Laporan itu datang kemarin.', 'name: AFP ≠ —'],
    // Demonyms dropped in translation lose little.
    ['The French agency AFP reported it.', 'Kantor berita AFP melaporkannya.', ''],
    // number: compounds, words of two or more, shapes, scorelines, codes, names written in number words
    ['The three-year plan was approved.', 'Rencana tiga-tahun itu disetujui.', ''],
    ['The dual role suits him.', 'Peran dua itu cocok baginya.', ''],
    ['The octagon building stands.', 'Gedung segi delapan itu berdiri.', ''],
    ['He won 7-5, 6-2.', 'Dia menang 7-5,6-2.', ''],
    ['He won 7-5, 6-2.', 'Dia menang 7-5,6-3.', 'number: 2 ≠ 3'],
    ['The BO-105 helicopter crashed.', 'Helikopter BO-105 jatuh.', ''],
    ['The BO-105 helicopter crashed.', 'Helikopter BO-505 jatuh.', 'number: BO-105 ≠ BO-505'],
    ['The Covid-19 rules ended.', 'Aturan Covid berakhir.', ''],
    ['I worked at Seventeen magazine.', 'Saya bekerja di majalah Seventeen.', ''],
    ['He achieved a century of appearances.', 'Dia tampil 100 kali.', ''],
    ['The 21st century began.', 'Abad ke-22 dimulai.', 'number: 21st ≠ 22'],
    // date
    ['The vote is on Saturday, July 30.', 'Pemungutan suara pada Sabtu, 30 Juli.', ''],
    ['The vote is on Saturday, July 30.', 'Pemungutan suara pada Minggu, 31 Juli.', 'date: Saturday, July 30 ≠ Minggu, 31 Juli'],
    ['The strike is on January 7 and 8.', 'Pemogokan pada 7 dan 8 Januari.', ''],
    ['It starts at 9 p.m.', 'Acara dimulai pukul 21.00 WIB.', ''],
    ['Last week prices fell.', 'Minggu lalu harga turun.', ''],
    // quote
    ['"We will not give up," he said.', '"Kami tidak akan menyerah," katanya.', ''],
    ['"We will keep fighting to the end," he said.', 'Dia mengatakan akan terus berjuang.', 'quote: We will keep fighting to the end, ≠ —'],
    // negation
    ['The app does not allow rewinding.', 'Aplikasi itu tidak mengizinkan pemutaran ulang.', ''],
    ['The app allows rewinding.', 'Aplikasi itu tidak mengizinkan pemutaran ulang.', 'negation: — ≠ itu tidak mengizinkan'],
    ['The behaviour is immoral.', 'Perilaku itu tidak bermoral.', ''],
    ['He joined soon after.', 'Dia bergabung tidak lama kemudian.', ''],
    // Double negation says the positive; a negated word negative by meaning only does not cancel.
    ['It may well happen again.', 'Bukan tidak mungkin hal itu terjadi lagi.', ''],
    ['A deal is not impossible.', 'Kesepakatan masih mungkin.', ''],
    ['The streak was not stopped at 11.', 'Rentetan itu terhenti di angka 11.', 'negation: was not stopped ≠ —'],
    // Fear (ketakutan) is no negated word, so it does not answer a negator on the other side.
    ['I was not living in fear.', 'Saya hidup dalam ketakutan.', 'negation: was not living ≠ —'],
    // A word the corpora render without negation after a negator (tidak jauh: near) raises nothing alone, and
    // still answers a negator on the other side.
    ['The school is near the river.', 'Sekolah itu tidak jauh dari sungai.', ''],
    ['The school is not far from the river.', 'Sekolah itu tidak jauh dari sungai.', ''],
    // A negated antonym says the same ("safe" / "tak berbahaya"); a flip keeps the word and drops the negator.
    ['The material is safe.', 'Bahan itu tak berbahaya.', ''],
    ['The material is not safe.', 'Bahan itu berbahaya.', ''],
    ['The material is safe.', 'Bahan itu tidak aman.', 'negation: — ≠ itu tidak aman'],
    ['He was not last beaten in the first round.', 'Dia terakhir kalah di babak pertama.', 'negation: was not last ≠ —'],
  ])('%s | %s', (source, target, summary) => {
    expect(summarizeDifferences(findDifferences(source, target, EN_ID))).toBe(summary);
  });

  it('compares two versions in the same language', () => {
    const differences = findDifferences(
      'Only about 15 percent of Afghans have access to the internet.',
      'Only about 50 percent of Afghans have access to the internet.',
      { sourceLang: 'en', targetLang: 'en' },
    );
    expect(differences).toEqual([{ kind: 'number', source: '15 percent', target: '50 percent', detail: 'different value' }]);
  });
});

describe('summarizeDifferences', () => {
  it.each<[Difference[], string]>([
    [[], ''],
    [[{ kind: 'number', source: '232.000', target: null }], 'number: 232.000 ≠ —'],
    [
      [
        { kind: 'number', source: '232.000', target: null },
        { kind: 'name', source: 'AFP', target: 'New York Post' },
      ],
      'number: 232.000 ≠ —; name: AFP ≠ New York Post',
    ],
    [[{ kind: 'quote', source: null, target: 'two\nlines' }], 'quote: — ≠ two lines'],
  ])('%j', (differences, summary) => {
    expect(summarizeDifferences(differences)).toBe(summary);
  });
});

describe('a word dropped before the part of a name the other side keeps, with the model\'s word vectors', () => {
  const options = { ...EN_ID, wordVectors: toyVectors([['briton', 'inggris'], ['frenchman', 'prancis'], ['said', 'berkata']]) };
  it.each([
    // A given name dropped is reported (without word vectors it passes for style, above).
    ['Prime Minister Tony Blair said so.', 'Perdana Menteri Blair berkata demikian.', 'name: Tony ≠ —'],
    ['Federer lost to Andy Murray.', 'Federer kalah dari Murray.', 'name: Andy ≠ —'],
    // A title or people the other side translates is not dropped.
    ['Federer lost to Briton Andy Murray.', 'Federer kalah dari petenis Inggris Andy Murray.', ''],
    ['He beat Frenchman Sebastien Grosjean.', 'Dia mengalahkan petenis Prancis Sebastien Grosjean.', ''],
  ])('%s | %s', (source, target, summary) => {
    expect(summarizeDifferences(findDifferences(source, target, options))).toBe(summary);
  });
});

describe("a translated institution's ordinary words, with the model's word vectors", () => {
  const wordVectors = toyVectors([['group', 'kelompok'], ['count', 'penghitung'], ['casualty', 'korban'], ['coalition', 'sekutu']]);
  const source = 'The group Iraq Coalition Casualty Count reports 2,989 deaths.';
  const target = 'Kelompok Penghitung Korban Sekutu Iraq melaporkan 2.989 kematian.';
  it('counts them present where the other side has their translations', () => {
    expect(summarizeDifferences(findDifferences(source, target, { ...EN_ID, wordVectors }))).toBe('');
  });

  it('reports the name where nothing tells its words are translated', () => {
    expect(summarizeDifferences(findDifferences(source, target, EN_ID))).toBe('name: — ≠ Kelompok Penghitung Korban Sekutu Iraq');
    const unrelated = toyVectors([['group', 'kelompok']]);
    expect(summarizeDifferences(findDifferences(source, target, { ...EN_ID, wordVectors: unrelated }))).toBe('name: — ≠ Kelompok Penghitung Korban Sekutu Iraq');
  });
});

describe('a number split in two by a typo', () => {
  const numbers = (source: string, target: string) => findDifferences(source, target, EN_ID).filter((d) => d.kind === 'number');

  it.each<[string, string]>([
    ['The crowd of 61,482 saw it.', 'Sebanyak 61, 482 penonton menyaksikannya.'],
    ['Sebanyak 61, 482 penonton menyaksikannya.', 'The crowd of 61,482 saw it.'],
    ['It has 1,001 rooms.', "Ada 1'001 kamar."],
    // A list both sides keep is no split number.
    ['Scores of 61, 482 and 500.', 'Skor 61, 482 dan 500.'],
  ])('%s / %s: the same number', (source, target) => {
    expect(numbers(source, target)).toEqual([]);
  });

  it('is still a difference where the halves make another number, or where the other side lists them', () => {
    expect(numbers('The crowd of 61,482 saw it.', 'Sebanyak 61, 483 penonton.')).toEqual([
      { kind: 'number', source: '61,482', target: '61', detail: 'different value' },
      { kind: 'number', source: null, target: '483', detail: 'only in target' },
    ]);
    expect(numbers('Scores of 61 and 482.', 'Skor 61,482.')).not.toEqual([]);
  });
});

describe('the same number of another span of time', () => {
  const numbers = (source: string, target: string) => findDifferences(source, target, EN_ID).filter((d) => d.kind === 'number');

  it('is a difference: three weeks are not three months', () => {
    expect(numbers('He was sidelined for three weeks last month.', 'Ia absen selama tiga bulan, bulan lalu.')).toEqual([
      { kind: 'number', source: 'three weeks', target: 'tiga bulan', detail: 'different unit' },
    ]);
    expect(numbers('It took 3 hours.', 'Butuh 3 hari.')).toEqual([{ kind: 'number', source: '3 hours', target: '3 hari', detail: 'different unit' }]);
  });

  it('is none where the spans agree, or where the other side names the span elsewhere', () => {
    expect(numbers('He was sidelined for three weeks.', 'Ia absen selama tiga minggu.')).toEqual([]);
    expect(numbers('The 26-year-old won.', 'Petenis berusia 26 tahun itu menang.')).toEqual([]);
    // The other side says a week ("seminggu") elsewhere: the weeks may be told there.
    expect(numbers('He was out for three weeks.', 'Ia absen tiga bulan, sejak seminggu lalu.')).toEqual([]);
    expect(numbers('He was out for three weeks.', 'Ia absen tiga bulan.')).not.toEqual([]);
    expect(numbers('Two days later, three years on, it works.', 'Dua hari kemudian, tiga tahun berselang, itu berhasil.')).toEqual([]);
  });
});

describe('the same number bounded the other way', () => {
  const numbers = (source: string, target: string) => findDifferences(source, target, EN_ID).filter((d) => d.kind === 'number');

  it('is a difference: up to 33 is not more than 33', () => {
    expect(numbers('Trains were delayed by up to 33 minutes.', 'Kereta tertunda lebih dari 33 menit.')).toEqual([
      { kind: 'number', source: 'up to 33', target: 'lebih dari 33', detail: 'different bound' },
    ]);
    expect(numbers('More than 100 people died.', 'Hingga 100 orang tewas.')).toEqual([
      { kind: 'number', source: 'More than 100', target: 'Hingga 100', detail: 'different bound' },
    ]);
  });

  it('is none where the bounds agree or one side leaves the bound out', () => {
    expect(numbers('More than 100 people died.', 'Sedikitnya 100 orang tewas.')).toEqual([]);
    expect(numbers('More than 100 people died.', '100 orang tewas.')).toEqual([]);
    expect(numbers('It fell below 5 percent.', 'Turun di bawah 5 persen.')).toEqual([]);
  });
});
