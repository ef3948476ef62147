/** Which versions have a column at a width, how wide the columns are, and the lines of one row's cells. Pure; the
 * reducer (to scroll) and the line builders (to draw) share it. */
import { NO_COUNTERPART } from '../shared/frame-lines.js';
import { differenceSurfaces } from '../../compare/spans.js';
import { highlightText } from '../shared/highlight.js';
import { MAX_ROW_LINES, PANE_SEPARATOR, wrapSpans, type Line, type TerminalSize } from '../shared/layout.js';
import { cellPair, type CellView, type VersionsModel } from './versions-model.js';

/** What decides the columns on screen: the versions, the width, and the first version shown. */
export interface ColumnsView {
  readonly model: VersionsModel;
  readonly size: TerminalSize;
  readonly firstShown: number;
}

/** Below this a column shows two or three words a line and sentences stop being readable; at 80 columns three
 * versions fit (23 each), at 100 four. */
export const MIN_VERSION_COLUMN_WIDTH = 22;
/** The cursor, the marker and a space before the first column. */
export const OVERVIEW_PREFIX_WIDTH = 3;
/** The second and later pivot sentences of a merge; short enough for the narrowest column. */
export const SAME_AS_ABOVE = '↑ merged with above';

/** Columns on screen, the pivot's included: as many as fit, at least two (the pivot and the chosen version). */
export function shownColumnCount(columns: number, totalVersions: number): number {
  const separator = PANE_SEPARATOR.length;
  const fit = Math.floor((columns - OVERVIEW_PREFIX_WIDTH + separator) / (MIN_VERSION_COLUMN_WIDTH + separator));
  return Math.max(Math.min(2, totalVersions), Math.min(totalVersions, fit));
}

/** How many versions other than the pivot have a column at this width. */
export function shownVersionCount(state: Pick<ColumnsView, 'model' | 'size'>): number {
  return shownColumnCount(state.size.columns, state.model.multi.versions.length + 1) - 1;
}

/** Indexes into `model.multi.versions` of the versions on screen, left to right. */
export function shownVersions(state: ColumnsView): readonly number[] {
  const count = shownVersionCount(state);
  return Array.from({ length: count }, (_, offset) => state.firstShown + offset);
}

/** Widths of `count` columns sharing the terminal; the last takes what the division leaves. */
export function overviewColumnWidths(columns: number, count: number): readonly number[] {
  const text = Math.max(count, columns - OVERVIEW_PREFIX_WIDTH - (count - 1) * PANE_SEPARATOR.length);
  const each = Math.floor(text / count);
  return Array.from({ length: count }, (_, index) => (index === count - 1 ? text - each * (count - 1) : each));
}

/** The wrapped lines of one cell, before the row is capped. */
function cellLines(cell: CellView | undefined, width: number, surfaces: readonly string[]): Line[] {
  switch (cell?.kind) {
    case 'text':
      return wrapSpans(highlightText(cell.text, { surfaces }), width);
    case 'no-counterpart':
      return [[{ text: NO_COUNTERPART, tone: 'placeholder' }]];
    case 'same-as-above':
      return [[{ text: SAME_AS_ABOVE, tone: 'placeholder' }]];
    case 'blank':
    case undefined:
      return [[]];
  }
}

/** Per column on screen: the cell's lines, the pivot's first. The pivot shows the differences with the chosen
 * version; each version shows its own differences with the pivot. */
export function rowCellLines(model: VersionsModel, row: number, shown: readonly number[], columns: number, chosen: number): Line[][] {
  const widths = overviewColumnWidths(columns, shown.length + 1);
  const cells = model.cells[row] ?? [];
  const pivotPair = cellPair(model, row, chosen);
  const pivot = cellLines(cells[0], widths[0] ?? 1, pivotPair === null ? [] : differenceSurfaces(pivotPair.differences, 'source'));
  return [
    pivot,
    ...shown.map((version, index) => {
      const pair = cellPair(model, row, version);
      return cellLines(cells[version + 1], widths[index + 1] ?? 1, pair === null ? [] : differenceSurfaces(pair.differences, 'target'));
    }),
  ];
}

/** Heights never change for a row, a width and a set of columns; scrolling asks for the same ones on every key. */
const heightCache = new WeakMap<VersionsModel, Map<string, number>>();

/** Lines one row takes with these versions on screen. */
export function overviewRowHeight(model: VersionsModel, row: number, shown: readonly number[], columns: number): number {
  let cache = heightCache.get(model);
  if (cache === undefined) {
    cache = new Map();
    heightCache.set(model, cache);
  }
  const key = `${row}:${columns}:${shown.join(',')}`;
  let height = cache.get(key);
  if (height === undefined) {
    // Highlights never change how text wraps, so any chosen version gives the same height.
    const cells = rowCellLines(model, row, shown, columns, shown[0] ?? 0);
    height = Math.min(MAX_ROW_LINES, Math.max(1, ...cells.map((lines) => lines.length)));
    cache.set(key, height);
  }
  return height;
}

