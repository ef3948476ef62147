import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvRows, toCsv } from '../../src/export/csv.js';
import { toJson, toJsonLine } from '../../src/export/json.js';
import { mosesLines } from '../../src/export/moses.js';
import { TMX_FOOTER, tmxHeader, tmxUnits, toTmx } from '../../src/export/tmx.js';
import type { Alignment } from '../../src/types.js';
import { alignment } from './fixture.js';

describe('csv pair_index', () => {
  it('follows the differences: the 0-based index of the row in the alignment, also for a subset of rows', () => {
    const rows = parse(toCsv(alignment), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r['pair_index'])).toEqual(['0', '1', '2', '3', '4']);
    expect(rows[0]!['pair']).toBe('a.en.txt | a.id.txt');
    const at = CSV_COLUMNS.indexOf('pair_index');
    expect(csvRows(alignment, 'story', [1, 4]).map((row) => [row[0], row[at]])).toEqual([
      ['story', '1'],
      ['story', '4'],
    ]);
  });
});

describe('jsonl', () => {
  it('is the JSON contract plus the pair name, on one line', () => {
    const line = toJsonLine(alignment, 'sub/story');
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    const { name, ...contract } = JSON.parse(line);
    expect(name).toBe('sub/story');
    expect(contract).toEqual(JSON.parse(toJson(alignment)));
  });

  it('keeps only the pairs asked for, in order', () => {
    const value = JSON.parse(toJsonLine(alignment, 'x', [0, 4]));
    expect(value.pairs.map((p: { source: number[] }) => p.source)).toEqual([[0], [3, 4]]);
    expect(value.source.sentences).toHaveLength(alignment.source.sentences.length);
  });
});

describe('tmx pieces', () => {
  it('compose to toTmx; a header without a date has no creationdate', () => {
    const date = new Date('2026-01-02T03:04:05Z');
    expect(tmxHeader('en', date) + tmxUnits(alignment) + TMX_FOOTER).toBe(toTmx(alignment, date));
    expect(tmxHeader('*all*')).not.toContain('creationdate');
    expect(tmxHeader('*all*')).toContain('srclang="*all*"');
  });

  it('names the article pair of each unit when asked, escaped', () => {
    const units = tmxUnits(alignment, [0, 2], 'a & b');
    expect(units.match(/<tu>/g)).toHaveLength(1); // pair 2 is omitted: no unit
    expect(units).toContain('<prop type="x-pair">a &amp; b</prop>');
    expect(units.endsWith('    </tu>\n')).toBe(true);
  });
});

describe('moses', () => {
  it('writes aligned pairs only, line for line, with where each line came from', () => {
    const lines = mosesLines(alignment, 'story');
    expect(lines.en.split('\n')).toEqual(['The app has 232,000 followers.', 'He said "no", then <left> & went.', 'Second, part one. Part two.', '']);
    expect(lines.id.split('\n')).toHaveLength(4);
    expect(lines.ids.split('\n')[2]).toBe('story\t4\t3 4\t3\t0.6000');
  });

  it('puts English in .en when the source is Indonesian, and keeps every segment on one line', () => {
    const swapped: Alignment = {
      ...alignment,
      source: { ...alignment.target, sentences: alignment.target.sentences.map((s) => ({ ...s, text: `${s.text}\nlanjut` })) },
      target: alignment.source,
      pairs: [{ source: [0], target: [0], status: 'aligned', score: 0.9, differences: [] }],
    };
    const lines = mosesLines(swapped, 'tab\tname');
    expect(lines.en).toBe('The app has 232,000 followers.\n');
    expect(lines.id).toBe('Aplikasi itu punya 232.000 pengikut. lanjut\n');
    expect(lines.ids).toBe('tab name\t0\t0\t0\t0.9000\n');
  });
});
