import { describe, expect, it } from 'vitest';
import { buildVersionsModel, cellPair, pairForRow, rowForPair, type CellView } from '../../../src/ui/versions/versions-model.js';
import { toMultiAlignment } from '../../../src/versions.js';
import { uniformAlignment, versionsFixture } from '../fixtures/make-alignment.js';

const model = buildVersionsModel(versionsFixture());

/** A cell as a short string: its text, `—` for no counterpart, `↑` for same as above, `` for blank. */
function show(cell: CellView | undefined): string {
  switch (cell?.kind) {
    case 'text':
      return cell.text.split(' ').slice(0, 2).join(' ');
    case 'no-counterpart':
      return '—';
    case 'same-as-above':
      return '↑';
    default:
      return '';
  }
}

describe('buildVersionsModel', () => {
  it('labels the versions by file name, pivot first', () => {
    expect(model.labels).toEqual(['news.en.txt', 'news.id.txt', 'wire.en.txt', 'copy.en.txt']);
  });

  it.each<[number, readonly string[]]>([
    [0, ['The minister', 'Menteri tiba', 'The minister', 'The minister']],
    [1, ['—', 'Baca Juga:', '', '']],
    [2, ['He met', '—', 'He met', 'He met']],
    [3, ['About 232,000', 'Sekitar 23.000', 'About 232,000', 'About 232,000']],
    [4, ['Officials said', 'Pejabat mengatakan', '↑', '↑']],
    [5, ['The minister', 'Menteri kembali', 'The minister', 'The minister']],
    [6, ['—', '', 'Editor: Budi', '']],
    [7, ['—', '', '', 'Editor: Budi']],
  ])('row %i shows %j', (row, expected) => {
    expect(model.cells[row]?.map(show)).toEqual(expected);
  });

  it('joins the sentences of a merge in one cell', () => {
    expect(model.cells[4]?.[1]).toEqual({
      kind: 'text',
      text: 'Pejabat mengatakan bendungan akan diperbaiki. Pekerjaan dimulai minggu depan.',
    });
  });

  it.each<[number, readonly (number | null)[]]>([
    [0, [0, 0, 0]],
    [1, [1, null, null]],
    [2, [2, 1, 1]],
    [3, [3, 2, 2]],
    [4, [4, 2, 2]],
    [5, [5, 3, 3]],
    [6, [null, 4, null]],
    [7, [null, null, 4]],
  ])('row %i belongs to pairs %j', (row, expected) => {
    expect(model.pairOf[row]).toEqual(expected);
  });

  it('flags the rows where the versions differ, most telling first', () => {
    expect(model.flags).toEqual([null, 'added', 'omitted', 'differences', null, 'low-confidence', 'added', 'added']);
  });

  it('counts each version against the pivot', () => {
    expect(model.counts.map((counts) => [counts.pairs, counts.aligned, counts.omitted, counts.added])).toEqual([
      [6, 4, 1, 1],
      [5, 4, 0, 1],
      [5, 4, 0, 1],
    ]);
  });
});

describe('rows and pairs', () => {
  it.each<[number, number, number | null]>([
    [0, 0, 0],
    [3, 0, 3],
    [4, 1, 2],
    // Row 1 is a line only version 2 has; version 3 opens at the nearest row above that it has a pair for.
    [1, 1, 0],
    [6, 0, 5],
    [7, 1, 4],
  ])('row %i of version %i opens pair %s', (row, version, pairIndex) => {
    expect(pairForRow(model, row, version)).toBe(pairIndex);
  });

  it.each<[number, number, number | null]>([
    [0, 1, 1],
    [0, 3, 3],
    [1, 2, 3],
    [1, 4, 6],
    [2, 4, 7],
    [0, 99, null],
  ])('version %i pair %i is on row %s', (version, pairIndex, row) => {
    expect(rowForPair(model, version, pairIndex)).toBe(row);
  });

  it('finds the pair behind a cell, for its differences', () => {
    expect(cellPair(model, 3, 0)?.differences).toHaveLength(1);
    expect(cellPair(model, 6, 0)).toBeNull();
  });

  it('has no pair to open in an empty alignment', () => {
    const empty = buildVersionsModel(toMultiAlignment([uniformAlignment(0), uniformAlignment(0)]));
    expect(empty.cells).toEqual([]);
    expect(pairForRow(empty, 0, 0)).toBeNull();
  });
});
