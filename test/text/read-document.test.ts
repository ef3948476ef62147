import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadDocument, readText } from '../../src/text/index.js';

let dir: string;
const file = (name: string): string => join(dir, name);
const write = (name: string, content: string | Uint8Array): string => {
  writeFileSync(file(name), content);
  return file(name);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'selaras-read-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const TEXT = 'Judul\r\n\r\nKalimat “satu”. Kalimat dua.\n';

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const [first, second] = endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[2 + i * 2] = first;
    bytes[3 + i * 2] = second;
  }
  return bytes;
}

describe('readText: encodings and formats', () => {
  it.each([
    ['utf8.txt', () => new TextEncoder().encode(TEXT)],
    ['utf8-bom.txt', () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)])],
    ['utf16le.txt', () => utf16(TEXT, 'le')],
    ['utf16be.txt', () => utf16(TEXT, 'be')],
  ])('decodes %s with the BOM removed and CRLF kept', async (name, bytes) => {
    expect(await readText(write(name, bytes()))).toEqual({ text: TEXT, format: 'txt' });
  });

  it.each([
    ['a.md', 'md'],
    ['a.markdown', 'md'],
    ['a.TXT', 'txt'],
    ['no-extension', 'txt'],
  ] as const)('takes the format of %s from its name: %s', async (name, format) => {
    expect((await readText(write(name, '# Judul\n\nIsi.'))).format).toBe(format);
  });

  it('keeps Markdown as written, so offsets index the file', async () => {
    const markdown = '# Judul\n\n*Satu* kalimat. [Dua](http://x.id) kalimat.\n';
    expect((await readText(write('raw.md', markdown))).text).toBe(markdown);
  });

  it('extracts the visible text of an HTML page, one paragraph per block', async () => {
    const html = `<!DOCTYPE html>
<html><head><title>Judul tab</title><style>p { color: red; }</style>
<script>var x = "<p>bukan teks</p>";</script></head>
<body>
  <h1>Taliban   di
  Clubhouse</h1>
  <p>Kalimat <b>satu</b> &amp; &ldquo;dua&rdquo;.<br>Baris&nbsp;baru&#46; &#x263A;</p>
  <!-- komentar -->
  <div hidden>tersembunyi</div><div style="display: none">juga tersembunyi</div>
  <ul><li>Butir satu</li><li>Butir dua</li></ul>
  <p>Harga 5 &lt; 6 &unknown; selesai.</p>
  <noscript>Aktifkan JavaScript</noscript>
</body></html>`;
    expect(await readText(write('page.html', html))).toEqual({
      text: [
        'Taliban di Clubhouse',
        'Kalimat satu & “dua”.\nBaris\u00a0baru. ☺',
        'Butir satu',
        'Butir dua',
        'Harga 5 < 6 &unknown; selesai.',
      ].join('\n\n'),
      format: 'html',
    });
  });

  it('recognises an HTML page without an .html name by its first tag', async () => {
    const result = await readText(write('page-download', '<!doctype html><p>Halo dunia.</p>'));
    expect(result).toEqual({ text: 'Halo dunia.', format: 'html' });
  });

  it('keeps line breaks inside <pre>', async () => {
    const result = await readText(write('pre.htm', '<p>Satu.</p><pre>baris  satu\nbaris dua</pre>'));
    expect(result.text).toBe('Satu.\n\nbaris  satu\nbaris dua');
  });
});

describe('readText: bad input', () => {
  beforeAll(() => {
    mkdirSync(file('folder'));
    write('empty.txt', '');
    write('bom-only.txt', new Uint8Array([0xef, 0xbb, 0xbf]));
    write('blank.txt', ' \n\t\r\n\u00a0\n');
    write('binary.bin', new Uint8Array([0x01, 0x02, 0x00, 0x9c, 0xff, 0x00, 0x10, 0x20, 0x7f, 0x80]));
    write('latin1.txt', new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, 0x20, 0x6f, 0x6b]));
    write('doc.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj');
    write('no-bom-utf16.txt', utf16('Kalimat satu. Kalimat dua.', 'le').subarray(2));
    write('utf32.txt', new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]));
    write('odd-utf16.txt', new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]));
    write('scripts-only.html', '<html><head><title>x</title></head><body><script>go()</script></body></html>');
    write('controls.txt', 'a\u0001b\u0002c\u0003d\u0004e\u0005f');
    // A real program: its zeros fall on both byte parities, which UTF-16 text never does.
    const program = readFileSync('/bin/ls').subarray(0, 65_536);
    write('program', program);
    write('program-no-magic.dat', Uint8Array.from(program, (byte, index) => (index < 4 ? 0x41 : byte)));
    write('no-bom-utf16be.txt', utf16('Kalimat satu. Kalimat dua.', 'be').subarray(2));
  });

  it.each([
    ['missing.txt', /missing\.txt: file not found — check the path/u],
    ['folder', /folder: is a directory — give a text \(\.txt\), Markdown \(\.md\) or HTML \(\.html\) file/u],
    ['empty.txt', /empty\.txt: file is empty — give an article with at least one sentence$/u],
    ['bom-only.txt', /bom-only\.txt: file is empty — give an article/u],
    ['blank.txt', /blank\.txt: file contains only white space — give an article with at least one sentence$/u],
    ['binary.bin', /binary\.bin: is a binary file, not text — give a text/u],
    ['latin1.txt', /latin1\.txt: is not valid UTF-8 \(byte 0xE9 at offset 3; .*\) — re-save it as UTF-8/u],
    ['doc.pdf', /doc\.pdf: is a PDF file — copy its text into a \.txt file/u],
    ['no-bom-utf16.txt', /no-bom-utf16\.txt: looks like UTF-16 without a byte-order mark — re-save it as UTF-8/u],
    ['utf32.txt', /utf32\.txt: is UTF-32, which is not supported — re-save it as UTF-8/u],
    ['odd-utf16.txt', /odd-utf16\.txt: is not valid UTF-16LE/u],
    ['scripts-only.html', /scripts-only\.html: the page has no visible text .* — give an article/u],
    ['controls.txt', /controls\.txt: is a binary file, not text/u],
    ['program', /program: is a binary file \(an ELF program or library\), not text — give a text/u],
    ['program-no-magic.dat', /program-no-magic\.dat: is a binary file, not text — give a text/u],
    ['no-bom-utf16be.txt', /no-bom-utf16be\.txt: looks like UTF-16 without a byte-order mark/u],
  ])('%s: one line naming the file and the fix', async (name, message) => {
    const error = await readText(file(name)).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputError);
    const text = (error as InputError).message;
    expect(text).toMatch(message);
    expect(text.startsWith(file(name))).toBe(true);
    expect(text).not.toContain('\n');
  });
});

describe('loadDocument', () => {
  it('reads, guesses the language and splits', async () => {
    const path = write('artikel.txt', 'Judul Berita\n\nDia mengatakan bahwa itu benar. Mereka tidak setuju dengan dia.\n');
    const document = await loadDocument(path);
    expect(document.path).toBe(path);
    expect(document.lang).toBe('id');
    expect(document.sentences.map((s) => [s.paragraph, s.text])).toEqual([
      [0, 'Judul Berita'],
      [1, 'Dia mengatakan bahwa itu benar.'],
      [1, 'Mereka tidak setuju dengan dia.'],
    ]);
    for (const s of document.sentences) expect(document.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps each line whole with presplit', async () => {
    const path = write('presplit.txt', 'He said it was over. He left.\nThe end.\n');
    const document = await loadDocument(path, { presplit: true });
    expect(document.lang).toBe('en');
    expect(document.sentences.map((s) => s.text)).toEqual(['He said it was over. He left.', 'The end.']);
  });

  it('offsets index the extracted text of an HTML page', async () => {
    const path = write('artikel.html', '<h1>Judul</h1><p>Kalimat <i>satu</i>. Kalimat dua.</p>');
    const document = await loadDocument(path);
    expect(document.text).toBe('Judul\n\nKalimat satu. Kalimat dua.');
    expect(document.sentences.map((s) => [s.start, s.end, s.text])).toEqual([
      [0, 5, 'Judul'],
      [7, 20, 'Kalimat satu.'],
      [21, 33, 'Kalimat dua.'],
    ]);
  });
});
