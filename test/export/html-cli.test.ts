import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/args.js';
import { runCli } from '../cli-helpers.js';

const EN = 'corpus/clubhouse/jakarta-outlet.en.txt';
const ID = 'corpus/clubhouse/bulelengpost.id.txt';
const REPRINT = 'corpus/clubhouse/afp-reprint.en.txt';
const LEXICAL = ['--model', 'lexical'];
const PAGE_START = /^<!doctype html>\n<html lang="en">\n/;

const dir = mkdtempSync(join(tmpdir(), 'selaras-html-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('selaras align --format html', () => {
  it.each<[readonly string[], string | undefined]>([
    [['--format', 'html'], 'html'],
    [['--out', 'report.html'], 'html'],
    [['--out', 'REPORT.HTM'], 'html'],
    [['--format', 'text', '--out', 'report.html'], 'text'],
  ])('%j chooses %s', (args, format) => {
    const command = parseCommand(['align', EN, ID, ...args]);
    expect(command.kind === 'align' && command.format).toBe(format);
  });

  it('prints the page for two files', () => {
    const result = runCli(['align', EN, ID, '--format', 'html', ...LEXICAL]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(PAGE_START);
    expect(result.stdout).toContain('<td class="text" lang="id">');
    expect(result.stdout.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('writes the page of three versions to --out, nothing else left behind', () => {
    const out = join(dir, 'story.html');
    const result = runCli(['align', EN, ID, REPRINT, '--out', out, ...LEXICAL]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(PAGE_START);
    expect((page.match(/<th scope="col">(pivot|version):/g) ?? []).length).toBe(3);
    expect(readdirSync(dir)).toEqual(['story.html']);
  });
});
