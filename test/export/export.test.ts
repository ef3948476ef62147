import { parse } from 'csv-parse/sync';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamFormat } from '../../src/batch/formats.js';
import { CSV_COLUMNS, neutraliseFormula, toCsv } from '../../src/export/csv.js';
import type { Alignment } from '../../src/types.js';
import { toJson } from '../../src/export/json.js';
import { toText, wrapText } from '../../src/export/text.js';
import { toTmx } from '../../src/export/tmx.js';
import { toVecalign } from '../../src/export/vecalign.js';
import { multiToText } from '../../src/export/versions.js';
import { toMultiAlignment } from '../../src/versions.js';
import { writeFileAtomic } from '../../src/export/write-file.js';
import { alignment, document } from './fixture.js';

describe('json', () => {
  it('follows the contract: documents with offsets, model, pairs in order', () => {
    const value = JSON.parse(toJson(alignment));
    expect(Object.keys(value)).toEqual(['source', 'target', 'model', 'pairs', 'moves']);
    expect(value.source).toMatchObject({ path: 'a.en.txt', lang: 'en' });
    expect(value.source.sentences[1]).toEqual({
      text: 'He said "no", then <left> & went.',
      start: 31,
      end: 64,
      paragraph: 0,
    });
    expect(value.pairs[2]).toEqual({ source: [2], target: [], status: 'omitted', score: 0.8, differences: [] });
    expect(value.pairs[1].differences[0]).toEqual({ kind: 'name', source: 'AFP', target: null, detail: 'only in the source' });
  });
});

describe('csv', () => {
  it('writes one RFC 4180 row per pair that a CSV parser reads back', () => {
    const text = toCsv(alignment);
    expect(text).toContain('\r\n');
    const rows = parse(text) as string[][];
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(alignment.pairs.length + 1);
    expect(rows[2]![3]).toBe('He said "no", then <left> & went.');
    expect(rows[2]![7]).toBe('name: AFP ≠ —');
    expect(rows[5]!.slice(1, 3)).toEqual(['3 4', '3']);
    expect(rows[5]![5]).toBe('aligned 2-1');
  });

  it('adds a byte-order mark only when asked', () => {
    expect(toCsv(alignment).startsWith('\uFEFF')).toBe(false);
    expect(toCsv(alignment, { bom: true }).startsWith('\uFEFFpair,')).toBe(true);
  });

  describe('cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    const formulas = ['=HYPERLINK("http://x.test","klik")', '+62 812 555', '-5 derajat', '@SUM(A1:A9)', '\tTab first', '\rCR first'];
    const harmless = ['Rp1.500 naik', "'quoted already", 'a = b', ' =spaced'];
    const texts = [...formulas, ...harmless];
    const withFormulas: Alignment = {
      source: document('=cmd.en.txt', 'en', texts),
      target: document('b.id.txt', 'id', texts),
      model: 'test',
      pairs: texts.map((_, k) => ({ source: [k], target: [k], status: 'aligned', score: 0.9, differences: [] })),
    };
    const column = (csv: string, index: number): string[] => (parse(csv.replace(/^\uFEFF/, '')) as string[][]).slice(1).map((row) => row[index]!);

    it('with --bom (the spreadsheet mode) get a leading apostrophe', () => {
      const csv = toCsv(withFormulas, { bom: true });
      expect(column(csv, 3)).toEqual([...formulas.map((text) => `'${text}`), ...harmless]);
      expect(column(csv, 4)).toEqual(column(csv, 3));
      expect(column(csv, 0)[0]).toBe("'=cmd.en.txt | b.id.txt");
    });

    it('in a batch CSV with --bom too, written pair by pair', () => {
      const csv = streamFormat('csv', { bom: true });
      const text = [...csv.header(), ...csv.unit(withFormulas, '=pair', texts.map((_, k) => k))].join('');
      expect(column(text, 3)).toEqual([...formulas.map((cell) => `'${cell}`), ...harmless]);
      expect(column(text, 0)[0]).toBe("'=pair");
      const plain = streamFormat('csv');
      expect(column([...plain.header(), ...plain.unit(withFormulas, '=pair', [0])].join(''), 3)).toEqual([formulas[0]]);
    });

    it('without it are exact', () => {
      const csv = toCsv(withFormulas);
      expect(column(csv, 3)).toEqual(texts);
      expect(column(csv, 0)[0]).toBe('=cmd.en.txt | b.id.txt');
    });

    it.each([
      ['=1+1', "'=1+1"],
      ['-', "'-"],
      ['', ''],
      ['0.9500', '0.9500'],
    ])('neutraliseFormula(%j) is %j', (cell, expected) => {
      expect(neutraliseFormula(cell)).toBe(expected);
    });
  });
});

describe('vecalign', () => {
  it('prints one bead per line with its score', () => {
    expect(toVecalign(alignment).split('\n')).toEqual([
      '[0]:[0]:0.910000',
      '[1]:[1]:0.700000',
      '[2]:[]:0.800000',
      '[]:[2]:0.950000',
      '[3, 4]:[3]:0.600000',
      '',
    ]);
  });
});

describe('tmx', () => {
  it('writes a TMX 1.4 unit per aligned pair with escaped text and both languages', () => {
    const tmx = toTmx(alignment, new Date('2026-01-02T03:04:05Z'));
    expect(tmx).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">/);
    expect(tmx).toContain('srclang="en"');
    expect(tmx).toContain('creationdate="20260102T030405Z"');
    expect(tmx.match(/<tu>/g)).toHaveLength(3);
    expect(tmx).toContain('<tuv xml:lang="en"><seg>He said &quot;no&quot;, then &lt;left&gt; &amp; went.</seg></tuv>');
    expect(tmx).toContain('<tuv xml:lang="id"><seg>Bagian kedua, satu dan dua.</seg></tuv>');
    expect(tmx).not.toContain('Baca Juga');
  });
});

describe('text', () => {
  it('shows both sides, placeholders for missing counterparts, and differences', () => {
    const text = toText(alignment, 80);
    expect(text).toContain('omitted: 1  added: 1');
    expect(text).toContain('(no counterpart)');
    expect(text).toContain('differences: name: AFP');
    for (const line of text.split('\n').slice(3)) expect(line.length).toBeLessThanOrEqual(80);
  });

  describe('terminal control sequences from the input never reach the terminal', () => {
    const hostile = 'Clear\u001B[2J title\u001B]0;owned\u0007 red\u001B[31m text\u009B1m bell\u0007 back\u0008space.';
    const withControls: Alignment = {
      source: document('a\u001B[1m.en.txt', 'en', [hostile]),
      target: document('b.id.txt', 'id', ['Biasa saja.', hostile]),
      model: 'test',
      pairs: [
        { source: [0], target: [0], status: 'aligned', score: 0.9, differences: [{ kind: 'quote', source: `"${hostile}"`, target: null }] },
        { source: [], target: [1], status: 'added', score: 0.9, differences: [] },
      ],
    };
    /** Any C0 or C1 control but the line feed that ends each line. */
    const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u;

    it.each([
      ['text', () => toText(withControls, 200)],
      ['versions text', () => multiToText(toMultiAlignment([withControls, withControls]), 200)],
    ])('%s', (_, render) => {
      const text = render();
      expect(text).not.toMatch(CONTROL);
      expect(text).toContain('Clear title red text bell backspace.');
      expect(text).not.toContain('[31m');
      expect(text).not.toContain('owned');
    });

    it('while JSON and CSV keep the text exact', () => {
      expect(JSON.parse(toJson(withControls)).source.sentences[0].text).toBe(hostile);
      expect((parse(toCsv(withControls)) as string[][])[1]![3]).toBe(hostile);
    });
  });

  it.each([
    ['one two three', 7, ['one two', 'three']],
    ['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['', 5, ['']],
  ])('wraps %j at %i', (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selaras-'));
    const path = join(dir, 'out.csv');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['out.csv']);
  });

  it('keeps the old file when the write fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selaras-'));
    await expect(writeFileAtomic(join(dir, 'missing-folder', 'out.csv'), 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});
