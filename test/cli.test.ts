import { parse } from 'csv-parse/sync';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';

const EN = 'corpus/clubhouse/jakarta-outlet.en.txt';
const ID = 'corpus/clubhouse/bulelengpost.id.txt';
const LEXICAL = ['--model', 'lexical'];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'selaras-cli-'));
});

describe('selaras align', () => {
  it('prints the JSON contract for the seed pair', () => {
    const result = runCli(['align', EN, ID, '--format', 'json', ...LEXICAL]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const value = JSON.parse(result.stdout);
    expect(value.source.lang).toBe('en');
    expect(value.target.lang).toBe('id');
    expect(value.model).toBe('lexical');
    const sourceIndexes = value.pairs.flatMap((p: { source: number[] }) => p.source);
    const targetIndexes = value.pairs.flatMap((p: { target: number[] }) => p.target);
    expect(sourceIndexes).toEqual(value.source.sentences.map((_: unknown, k: number) => k));
    expect(targetIndexes).toEqual(value.target.sentences.map((_: unknown, k: number) => k));
  });

  it('defaults to text without a terminal', () => {
    const result = runCli(['align', EN, ID, ...LEXICAL]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^source: corpus\/clubhouse\/jakarta-outlet\.en\.txt \(en, \d+ sentences\)/);
    expect(result.stdout).toContain('(no counterpart)');
  });

  it.each([
    ['vecalign', /^\[0(, \d+)*\]:\[[\d, ]*\]:\d\.\d{6}$/m],
    ['tmx', /<tmx version="1.4">/],
    ['csv', /^pair,source_index,target_index,source_text,target_text,status,score,differences,pair_index,note\r$/m],
    ['jsonl', /^\{"name":"corpus\/clubhouse\/jakarta-outlet\.en\.txt \| corpus\/clubhouse\/bulelengpost\.id\.txt","source":\{"path":[^\n]*\}\n$/],
  ])('prints %s', (format, pattern) => {
    const result = runCli(['align', EN, ID, '--format', format, ...LEXICAL]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(pattern);
  });

  it('writes --out through a temporary file, format from the extension, BOM on request', async () => {
    const out = join(dir, 'seed.csv');
    const result = runCli(['align', EN, ID, '--out', out, '--bom', ...LEXICAL]);
    expect(result.status).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('\uFEFFpair,')).toBe(true);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('aligns identical files one to one', () => {
    const result = runCli(['align', EN, EN, '--format', 'json', ...LEXICAL]);
    expect(result.status).toBe(0);
    const value = JSON.parse(result.stdout);
    for (const [k, pair] of value.pairs.entries()) expect(pair).toMatchObject({ source: [k], target: [k], status: 'aligned' });
  });

  it('takes presplit input line by line', async () => {
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    await writeFile(a, 'First line. Still the first.\nSecond line with 232,000 people.\n');
    await writeFile(b, 'Baris pertama. Masih yang pertama.\nBaris kedua dengan 232.000 orang.\n');
    const result = runCli(['align', a, b, '--presplit', '--format', 'vecalign', ...LEXICAL]);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').map((l) => l.replace(/:[\d.]+$/, ''))).toEqual(['[0]:[0]', '[1]:[1]']);
  });
});

describe('bad input', () => {
  const cases: Array<[string, (d: string) => Promise<string>, RegExp]> = [
    ['a missing file', async (d) => join(d, 'nope.txt'), /nope\.txt/],
    ['a directory', async (d) => d, /director|folder/i],
    ['an empty file', async (d) => { const p = join(d, 'empty.txt'); await writeFile(p, ''); return p; }, /empty\.txt.*empty/],
    ['a whitespace-only file', async (d) => { const p = join(d, 'blank.txt'); await writeFile(p, ' \n\t\n'); return p; }, /blank\.txt/],
    ['a binary file', async (d) => { const p = join(d, 'bin.txt'); await writeFile(p, Buffer.from([0, 1, 2, 0, 255, 0, 3])); return p; }, /bin\.txt/],
    ['undecodable bytes', async (d) => { const p = join(d, 'latin1.txt'); await writeFile(p, Buffer.from('caf\xe9 cr\xe8me br\xfbl\xe9e.', 'latin1')); return p; }, /latin1\.txt/],
  ];
  it.each(cases)('%s gets one line naming the file, exit 1', async (_name, make, pattern) => {
    const path = await make(dir);
    const result = runCli(['align', path, ID, ...LEXICAL]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('prints a file name holding a line break or an escape sequence as escapes, on one line', () => {
    const path = join(dir, 'bad\nname\u001b[2J.txt');
    const result = runCli(['align', path, ID, ...LEXICAL]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('bad\\nname\\x1b[2J.txt');
    expect(result.stderr).not.toContain('\u001b');
  });

  it.each([
    [['align', EN]],
    [['align', EN, ID, '--format', 'pdf']],
    [['align', EN, ID, '--colour']],
    [['frobnicate']],
    [['batch', 'corpus']],
  ])('usage error %j exits 2 with one line', (args) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints help and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('selaras align SOURCE TARGET');
  });
});

describe('selaras batch', () => {
  it('exports every pair of a folder to one CSV, reports a failing pair and exits 1', async () => {
    const folder = join(dir, 'batch');
    await mkdir(join(folder, 'sub'), { recursive: true });
    await writeFile(join(folder, 'one.en.txt'), 'The minister visited Jakarta on Monday. He met 12 mayors.');
    await writeFile(join(folder, 'one.id.txt'), 'Menteri mengunjungi Jakarta pada hari Senin. Dia bertemu 12 wali kota.');
    await writeFile(join(folder, 'sub', 'two.en.md'), '# Title\n\nPrices rose 3.5% in May.');
    await writeFile(join(folder, 'sub', 'two.id.md'), '# Judul\n\nHarga naik 3,5% pada bulan Mei.');
    await writeFile(join(folder, 'broken.en.txt'), 'A sentence.');
    await writeFile(join(folder, 'broken.id.txt'), '');
    await writeFile(join(folder, 'lonely.en.txt'), 'No partner.');
    const out = join(dir, 'batch.csv');
    const result = runCli(['batch', folder, '--out', out, ...LEXICAL]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/broken: failed: .*broken\.id\.txt/);
    expect(result.stderr).toMatch(/lonely\.en\.txt: no partner/);
    expect(result.stderr).toMatch(/2 of 3 pairs aligned/);
    const rows = parse(await readFile(out, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(new Set(rows.map((r) => r['pair']))).toEqual(new Set(['one', join('sub', 'two')]));
    expect(rows.filter((r) => r['pair'] === 'one')).toHaveLength(2);
  });

  it('reads a manifest of source,target paths relative to it', async () => {
    const folder = join(dir, 'manifest');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'a.txt'), 'Hello world from Bandung. Goodbye.');
    await writeFile(join(folder, 'b.txt'), 'Halo dunia dari Bandung. Selamat tinggal.');
    await writeFile(join(folder, 'pairs.csv'), 'source,target\na.txt,b.txt\n');
    const out = join(dir, 'manifest.csv');
    const result = runCli(['batch', join(folder, 'pairs.csv'), '--out', out, ...LEXICAL]);
    expect(result.status).toBe(0);
    expect(parse(await readFile(out, 'utf8'), { columns: true })).toHaveLength(2);
  });
});

describe('selaras eval', () => {
  it('scores predictions against gold and writes them', async () => {
    const cases = join(dir, 'cases');
    await mkdir(join(cases, 'toy-clean-000'), { recursive: true });
    await writeFile(join(cases, 'toy-clean-000', 'en.txt'), 'The president spoke in Jakarta.\nPrices rose 12 percent.\nThe end.\n');
    await writeFile(join(cases, 'toy-clean-000', 'id.txt'), 'Presiden berbicara di Jakarta.\nHarga naik 12 persen.\n');
    await writeFile(join(cases, 'toy-clean-000', 'gold.txt'), '[0]:[0]\n[1]:[1]\n[2]:[]\n');
    const predictions = join(dir, 'predictions');
    const result = runCli(['eval', cases, '--predictions', predictions, '--json', ...LEXICAL]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.cases).toBe(1);
    expect(report.overall.links.f1).toBe(1);
    expect(Object.keys(report.groups)).toEqual(['clean']);
    expect(await readFile(join(predictions, 'toy-clean-000.txt'), 'utf8')).toMatch(/^\[0\]:\[0\]:/);
  });

  it('fails with a clear message on a folder without cases', () => {
    const result = runCli(['eval', 'src', ...LEXICAL]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no benchmark cases/);
  });
});
