/** The commands around sessions and help, through the real command: `export`, per-command help, `selaras` alone,
 * extensions of --out, `models list`. */
import { parse } from 'csv-parse/sync';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';

const EN = 'corpus/clubhouse/jakarta-outlet.en.txt';
const ID = 'corpus/clubhouse/bulelengpost.id.txt';
const LEXICAL = ['--model', 'lexical'];

let dir: string;
let session: string;
let pairCount: number;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'selaras-cli-export-'));
  const aligned = runCli(['align', EN, ID, '--format', 'json', ...LEXICAL]);
  expect(aligned.status).toBe(0);
  const value = JSON.parse(aligned.stdout);
  pairCount = value.pairs.length;
  // What a reviewer did: pairs 0 and 2 checked, one with a query for the translator.
  value.pairs[0].reviewed = true;
  value.pairs[0].note = 'headline: keep "Clubhouse"?';
  value.pairs[2].reviewed = true;
  session = join(dir, 'review.json');
  await writeFile(session, JSON.stringify(value));
});

describe('selaras export', () => {
  it('converts a session to CSV without realigning, notes included', async () => {
    const out = join(dir, 'all.csv');
    const result = runCli(['export', session, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const rows = parse(await readFile(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(pairCount);
    expect(rows[0]?.['note']).toBe('headline: keep "Clubhouse"?');
  });

  it('--format html --out r.html writes the report of the session', async () => {
    const out = join(dir, 'r.html');
    const result = runCli(['export', session, '--format', 'html', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('Clubhouse');
    // The extension alone picks it too.
    expect(runCli(['export', session, '--out', join(dir, 'r2.htm')]).status).toBe(0);
    expect(await readFile(join(dir, 'r2.htm'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });

  it('--reviewed-only with jsonl keeps the reviewed pairs as they are numbered in the session', () => {
    const result = runCli(['export', session, '--format', 'jsonl', '--reviewed-only']);
    expect(result.status).toBe(0);
    const line = JSON.parse(result.stdout) as { name: string; pairs: { reviewed?: boolean }[] };
    expect(line.pairs).toHaveLength(2);
    expect(line.pairs.every((pair) => pair.reviewed === true)).toBe(true);
  });

  it('--reviewed-only writes the reviewed pairs alone', () => {
    const result = runCli(['export', session, '--format', 'vecalign', '--reviewed-only']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('--format moses --out PREFIX writes the line-aligned files align writes, from the session', async () => {
    const prefix = join(dir, 'corpus');
    const result = runCli(['export', session, '--format', 'moses', '--out', prefix]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const aligned = runCli(['align', EN, ID, '--format', 'moses', '--out', join(dir, 'direct'), ...LEXICAL]);
    expect(aligned.status).toBe(0);
    for (const suffix of ['.en', '.id', '.ids']) {
      expect(await readFile(`${prefix}${suffix}`, 'utf8')).toBe(await readFile(join(dir, `direct${suffix}`), 'utf8'));
    }
    const en = (await readFile(`${prefix}.en`, 'utf8')).trimEnd().split('\n');
    expect(en.length).toBe((await readFile(`${prefix}.id`, 'utf8')).trimEnd().split('\n').length);
    expect(en[0]).toContain('Clubhouse');
    // --reviewed-only: of pairs 0 and 2, those aligned (Moses has no line for an omission), each with its own number.
    const pairs = (JSON.parse(await readFile(session, 'utf8')) as { pairs: { status: string }[] }).pairs;
    const reviewed = join(dir, 'checked');
    expect(runCli(['export', session, '--format', 'moses', '--out', reviewed, '--reviewed-only']).status).toBe(0);
    const ids = (await readFile(`${reviewed}.ids`, 'utf8')).trimEnd().split('\n');
    expect(ids.map((line) => line.split('\t')[1])).toEqual(['0', '2'].filter((k) => pairs[Number(k)]?.status === 'aligned'));
    expect(ids[0]).toMatch(/\t0\t/);
  });

  it('says when nothing is reviewed', async () => {
    const plain = join(dir, 'plain.json');
    await writeFile(plain, runCli(['align', EN, ID, '--format', 'json', ...LEXICAL]).stdout);
    const result = runCli(['export', plain, '--format', 'csv', '--reviewed-only']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^selaras: warning: .*plain\.json: no pair is marked reviewed/);
  });

  it.each<[string, string[], number, RegExp]>([
    ['a file that is not a session', ['export', 'package.json'], 1, /^selaras: package\.json: is not a selaras alignment: the file has no "source" — give a file written by selaras align --session/],
    ['a missing file', ['export', 'nowhere.json'], 1, /^selaras: nowhere\.json: cannot read the session \(ENOENT\)/],
    ['an unknown format', ['export', 'x.json', '--format', 'docx'], 2, /^selaras: unknown format "docx" — export writes text, json, jsonl, csv, tmx, vecalign, html/],
    ['an --out of no known format', ['export', 'x.json', '--out', 'x.docx'], 2, /^selaras: --out x\.docx ends in "\.docx", which is no format: .* — name it \.txt, \.json, \.jsonl, \.csv, \.tmx, \.vecalign, \.html, \.htm, or say --format/],
    ['no session', ['export'], 2, /^selaras: export needs one session file/],
    ['moses without a prefix', ['export', 'x.json', '--format', 'moses'], 2, /^selaras: --format moses writes line-aligned files: give --out PREFIX/],
  ])('refuses %s with one line and the right exit code', (_name, args, status, message) => {
    const result = runCli(args);
    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('help', () => {
  it('`selaras` alone prints the help on standard error and exits 2', () => {
    const result = runCli([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^selaras — align an article/);
    expect(result.stderr).toContain('selaras export SESSION.json');
  });

  it.each([
    ['align', /^selaras align SOURCE TARGET \[VERSION\.\.\.\].*--session F\.json/s],
    ['export', /^selaras export SESSION\.json .*--reviewed-only/s],
    ['batch', /^selaras batch DIR\|MANIFEST/],
    ['eval', /^selaras eval CASES_DIR/],
    ['models', /^selaras models \[list\]/],
  ])('`selaras %s --help` prints that command\'s help and exits 0', (command, page) => {
    for (const args of [[command, '--help'], ['help', command]]) {
      const result = runCli(args);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(page);
    }
  });

  it('`selaras help nothing` is a usage error', () => {
    const result = runCli(['help', 'nothing']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no help for "nothing" — the commands are align, export, batch, merge, eval, models/);
  });
});

describe('--out and its extension', () => {
  it('an extension of no format is a usage error', () => {
    const result = runCli(['align', EN, ID, '--out', join(dir, 'r.docx'), ...LEXICAL]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/r\.docx ends in "\.docx", which is no format/);
  });

  it('--format tui needs an --out the e key can write', () => {
    const result = runCli(['align', EN, ID, '--format', 'tui', '--out', join(dir, 'r.xyz'), ...LEXICAL]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/the UI's e exports in the format of the extension/);
  });

  it('.vecalign asks for beads', async () => {
    const out = join(dir, 'beads.vecalign');
    expect(runCli(['align', EN, ID, '--out', out, ...LEXICAL]).status).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^\[0\]:\[0\]:\d\.\d{6}\n/);
  });

  it('a TMX of two versions in one language warns about the target tag', () => {
    const result = runCli(['align', EN, EN, '--format', 'tmx', ...LEXICAL]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^selaras: warning: both files are in one language \(en\): the TMX tags the target side en-x-target/);
    expect(result.stdout).toContain('xml:lang="en-x-target"');
  });
});

describe('models list', () => {
  it('lists the model-free lexical embedder beside the bundled model', () => {
    const result = runCli(['models']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^lexical +- +1024 +any \(hashed character n-grams, no files\) +\(built in\)$/m);
  });
});
