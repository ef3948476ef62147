import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Alignment, Document, SentencePair } from '../src/types.js';
import { buildVersionRows } from '../src/versions.js';
import { runCli } from './cli-helpers.js';

function doc(path: string, count: number): Document {
  return {
    path,
    lang: 'en',
    text: '',
    sentences: Array.from({ length: count }, (_, k) => ({ text: `${path} ${k}`, start: 0, end: 0, paragraph: 0 })),
  };
}

function pair(source: number[], target: number[]): SentencePair {
  const status = source.length === 0 ? 'added' : target.length === 0 ? 'omitted' : 'aligned';
  return { source, target, status, score: 0.9, differences: [] };
}

const pivot = doc('pivot', 3);
const b: Alignment = { source: pivot, target: doc('b', 3), model: 'm', pairs: [pair([0], [0]), pair([], [1]), pair([1, 2], [2])] };
const c: Alignment = { source: pivot, target: doc('c', 2), model: 'm', pairs: [pair([0], [0]), pair([1], []), pair([2], [1])] };

describe('buildVersionRows', () => {
  it('gives each pivot sentence a row with every version, and sentences found elsewhere rows where they occur', () => {
    const rows = buildVersionRows([b, c]);
    const summary = rows.map((row) => [
      row.pivot,
      ...row.cells.map((cell) => (cell ? `${cell.status}:${cell.sentences.join(',')}${cell.continued ? '^' : ''}` : '-')),
    ]);
    expect(summary).toEqual([
      [0, 'aligned:0', 'aligned:0'],
      [null, 'added:1', '-'],
      [1, 'aligned:2', 'omitted:'],
      [2, 'aligned:2^', 'aligned:1'],
    ]);
    // Each cell names the pair it shows in its version's alignment.
    expect(rows.map((row) => row.cells.map((cell) => cell?.pair ?? null))).toEqual([
      [0, 0],
      [1, null],
      [2, 1],
      [2, 2],
    ]);
  });
});

describe('selaras align with three versions', () => {
  it('writes one CSV row per pivot sentence plus rows for sentences found only elsewhere', () => {
    const result = runCli([
      'align',
      'corpus/clubhouse/jakarta-outlet.en.txt',
      'corpus/clubhouse/bulelengpost.id.txt',
      'corpus/clubhouse/afp-reprint.en.txt',
      '--format',
      'csv',
      '--model',
      'lexical',
    ]);
    expect(result.status).toBe(0);
    const rows = parse(result.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([
      'pivot_index',
      'jakarta-outlet.en.txt text',
      'bulelengpost.id.txt index',
      'bulelengpost.id.txt text',
      'bulelengpost.id.txt status',
      'bulelengpost.id.txt score',
      // Each version's differences against the pivot, whole.
      'bulelengpost.id.txt differences',
      'afp-reprint.en.txt index',
      'afp-reprint.en.txt text',
      'afp-reprint.en.txt status',
      'afp-reprint.en.txt score',
      'afp-reprint.en.txt differences',
    ]);
    const pivotRows = rows.filter((r) => r['pivot_index'] !== '');
    expect(pivotRows.map((r) => Number(r['pivot_index']))).toEqual(pivotRows.map((_, k) => k));
    const baca = rows.find((r) => r['bulelengpost.id.txt text']!.startsWith('Baca Juga: Demi Keamanan'));
    expect(baca).toMatchObject({ pivot_index: '', 'bulelengpost.id.txt status': 'added' });
  });

  it('refuses formats that only pair two files', () => {
    const result = runCli(['align', 'a', 'b', 'c', '--format', 'tmx']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/takes two files/);
  });
});
