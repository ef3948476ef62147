import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/export/csv.js';
import { toJson } from '../../src/export/json.js';
import { toText } from '../../src/export/text.js';
import { toTmx } from '../../src/export/tmx.js';
import { otherHalf } from '../../src/moved-passages.js';
import { alignment, movedAlignment } from './fixture.js';

describe('moved passages in the outputs', () => {
  it('json: pairs keep the contract, halves carry "move", and a top-level "moves" list', () => {
    const value = JSON.parse(toJson(movedAlignment));
    expect(value.pairs.map((pair: { source: number[]; target: number[]; status: string; move?: number }) => [pair.source, pair.target, pair.status, pair.move])).toEqual([
      [[0], [0], 'aligned', undefined],
      [[1], [], 'omitted', 0],
      [[2], [1], 'aligned', undefined],
      [[], [2], 'added', 0],
    ]);
    expect(value.moves).toEqual([
      {
        source: [1],
        target: [2],
        score: 0.88,
        differences: [{ kind: 'name', source: 'Police', target: null, detail: 'only in source' }],
        pairs: [{ source: [1], target: [2], score: 0.88 }],
      },
    ]);
    expect(JSON.parse(toJson(alignment)).moves).toEqual([]);
  });

  it('csv: a moved sentence shows at both of its positions, status moved, with the other position and its text', () => {
    const rows = parse(toCsv(movedAlignment), { columns: true }) as Array<Record<string, string>>;
    const moved = rows.filter((row) => row['status'] === 'moved');
    expect(moved.map((row) => [row['source_index'], row['target_index'], row['target_text'], row['differences']])).toEqual([
      ['1', '2', 'Polisi mengatakan jalan ditutup.', 'name: Police ≠ —'],
      ['1', '2', 'Polisi mengatakan jalan ditutup.', 'name: Police ≠ —'],
    ]);
    expect(rows.map((row) => row['status'])).toEqual(['aligned', 'moved', 'aligned', 'moved']);
  });

  it('text: moved rows are marked, name the move and the position, and the counts line counts moves', () => {
    const text = toText(movedAlignment, 80);
    expect(text).toContain('moved: 1');
    expect(text).toContain('~ moved [1]:[2] score 0.88 (move 0, source position)');
    expect(text).toContain('~ moved [1]:[2] score 0.88 (move 0, target position)');
  });

  it('tmx: a moved pair is one translation unit', () => {
    const tmx = toTmx(movedAlignment, new Date('2024-01-01T00:00:00Z'));
    expect(tmx.match(/<tu>/g)).toHaveLength(3);
    expect(tmx).toContain('<seg>Police said the road was closed.</seg>');
  });
});

describe('otherHalf', () => {
  it.each<[string, number, number | undefined]>([
    ['from the omitted half to the added one', 1, 3],
    ['from the added half back', 3, 1],
    ['nothing for a pair in place', 0, undefined],
    ['nothing past the end', 9, undefined],
  ])('%s', (_, index, expected) => {
    expect(otherHalf(movedAlignment, index)).toBe(expected);
  });

  it('nothing in an alignment without moves', () => {
    expect(alignment.pairs.map((_, index) => otherHalf(alignment, index)).filter((index) => index !== undefined)).toEqual([]);
  });
});
