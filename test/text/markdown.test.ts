import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadDocument } from '../../src/text/index.js';
import { splitMarkdown } from '../../src/text/markdown.js';
import type { Sentence } from '../../src/types.js';

const ARTICLE = `---
title: Harga cabai. Sebuah judul.
---
# Harga cabai naik

Harga **cabai** di pasar naik tajam. Lihat [laporan](http://x.id/a?b "t") ini. Dan https://example.com/?q=1 juga.

![Foto pasar. Sebuah gambar.](http://x.id/pasar.png)

Foto: ![ikon](i.png) Pedagang di Pasar Badung.

\`\`\`python
print("Ini kode. Bukan kalimat.")
\`\`\`

    indented code. Also not prose.

| Kota | Harga |
|------|------:|
| Denpasar | Rp50.000 |

> Kami tidak tahu. Kata dia.
> Harga akan turun.

- Butir pertama.
- Butir kedua.

<div class="iklan">Iklan. Beli sekarang.</div>

***

Catatan kaki[^1].

[^1]: Sumber: BPS.

[ref]: http://x.id/referensi "Bukan kalimat."

`;

/** The contract every sentence list keeps: exact slices, in order, not overlapping. */
function expectExactSlices(text: string, sentences: readonly Sentence[]): void {
  let previousEnd = 0;
  let previousParagraph = 0;
  for (const sentence of sentences) {
    expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
    expect(sentence.end).toBeGreaterThan(sentence.start);
    expect(sentence.text.trim()).toBe(sentence.text);
    expect(sentence.paragraph).toBeGreaterThanOrEqual(previousParagraph);
    previousEnd = sentence.end;
    previousParagraph = sentence.paragraph;
  }
}

describe('splitMarkdown', () => {
  it('splits only the prose: no code, front matter, HTML, rules of tables, images or link definitions', () => {
    const sentences = splitMarkdown(ARTICLE);
    expectExactSlices(ARTICLE, sentences);
    expect(sentences.map((s) => [s.paragraph, s.text])).toEqual([
      [0, 'Harga cabai naik'],
      [1, 'Harga **cabai** di pasar naik tajam.'],
      [1, 'Lihat [laporan](http://x.id/a?b "t") ini.'],
      [1, 'Dan https://example.com/?q=1 juga.'],
      [2, 'Foto: ![ikon](i.png) Pedagang di Pasar Badung.'],
      [3, 'Kota'],
      [4, 'Harga'],
      [5, 'Denpasar'],
      [6, 'Rp50.000'],
      [7, 'Kami tidak tahu.'],
      [7, 'Kata dia.'],
      [7, 'Harga akan turun.'],
      [8, 'Butir pertama.'],
      [9, 'Butir kedua.'],
      [10, 'Catatan kaki[^1].'],
      [11, 'Sumber: BPS.'],
    ]);
  });

  it.each([
    ['CRLF line ends', '# Judul\r\n\r\nKalimat satu. Kalimat dua.\r\n', ['Judul', 'Kalimat satu.', 'Kalimat dua.']],
    ['characters outside the BMP', '# Cabai 🌶️ naik\n\nHarga 🌶️ naik. Lagi.\n', ['Cabai 🌶️ naik', 'Harga 🌶️ naik.', 'Lagi.']],
    ['a hard-wrapped paragraph', 'Harga cabai di pasar tradisional Denpasar naik tajam\nminggu ini menurut para pedagang di sana yang\nmengeluh sepi pembeli sejak awal bulan lalu. Kata mereka.\n', ['Harga cabai di pasar tradisional Denpasar naik tajam\nminggu ini menurut para pedagang di sana yang\nmengeluh sepi pembeli sejak awal bulan lalu.', 'Kata mereka.']],
    ['a label line inside a paragraph', 'Harga naik\nBaca Juga: Harga beras. Turun lagi\n', ['Harga naik', 'Baca Juga: Harga beras. Turun lagi']],
    ['lines of one paragraph are one text, as Markdown renders them', 'Jakarta, 5 Mei\nHarga cabai naik. Lagi.\n', ['Jakarta, 5 Mei\nHarga cabai naik.', 'Lagi.']],
    ['a nested quote', '> > Kutipan dalam. Dua.\n> > Tiga.\n', ['Kutipan dalam.', 'Dua.', 'Tiga.']],
  ])('%s', (_, text, expected) => {
    const sentences = splitMarkdown(text);
    expectExactSlices(text, sentences);
    expect(sentences.map((s) => s.text)).toEqual(expected);
  });

  it('with presplit, each line of prose is one sentence and one paragraph', () => {
    const text = '# Judul\n\nSatu. Masih satu.\nDua.\n\n```\nkode\n```\n';
    expect(splitMarkdown(text, { presplit: true }).map((s) => [s.paragraph, s.text])).toEqual([
      [0, 'Judul'],
      [1, 'Satu. Masih satu.'],
      [2, 'Dua.'],
    ]);
  });

  it('keeps the contract on random Markdown soups, and never takes code or a table rule as prose', () => {
    const fragment = fc.constantFrom(
      '# Judul berita\n',
      'Kalimat biasa. Kalimat kedua!\n',
      '**Tebal** dan _miring_ di sini.\n',
      '[tautan](http://x.id/?a=1) lalu titik.\n',
      '![gambar](data:image/png;base64,iVBORw0KGgo=)\n',
      '```\nKODE. RAHASIA.\n```\n',
      '| a | b |\n|---|---|\n| c | d |\n',
      '> kutipan. satu\n> dua.\n',
      '- butir.\n  lanjut\n',
      '<!-- komentar. -->\n',
      '\n',
      '\r\n',
      '---\n',
      'Baca Juga: sesuatu\n',
      '🌶️ pedas. \t Tab.\n',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), fc.boolean(), (parts, presplit) => {
        const text = parts.join('\n');
        const sentences = splitMarkdown(text, { presplit });
        expectExactSlices(text, sentences);
        for (const sentence of sentences) {
          expect(sentence.text).not.toMatch(/KODE|RAHASIA|\|---|base64/u);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('loadDocument with Markdown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'selaras-md-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a .md file through the parser, offsets into the file text', async () => {
    const path = join(dir, 'a.id.md');
    writeFileSync(path, ARTICLE);
    const document = await loadDocument(path);
    expect(document.text).toBe(ARTICLE);
    expect(document.lang).toBe('id');
    expect(document.sentences.map((s) => s.text)).not.toContain('print("Ini kode. Bukan kalimat.")');
    expectExactSlices(document.text, document.sentences);
  });

  it('a Markdown file with no prose is an InputError naming it', async () => {
    const path = join(dir, 'code-only.md');
    writeFileSync(path, '```\nconst a = 1;\n```\n\n![x](y.png)\n');
    const error = await loadDocument(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/code-only\.md: the Markdown file has no prose/);
  });
});
