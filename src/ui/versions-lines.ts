/** The versions overview as lines of styled spans, each exactly as wide as the terminal: one column per version
 * that fits, the pivot always first. Pure, like screen-lines.ts. */
import { NESTED_BINDINGS, OVERVIEW_BINDINGS, OVERVIEW_HELP_BINDINGS, keyLabel } from './key-map.js';
import {
  MAX_ROW_LINES,
  PANE_SEPARATOR,
  clampLines,
  lineWidth,
  padLine,
  wrapSpans,
  type Line,
  type Span,
  type Tone,
} from './layout.js';
import { differenceSurfaces } from '../compare/spans.js';
import { highlightText } from './highlight.js';
import { NO_COUNTERPART, composeFooter, countSpans, fitHelpLines, helpSection } from './screen-lines.js';
import { cellPair, type CellView, type RowFlag, type VersionsModel } from './versions-model.js';
import type { OverviewState } from './versions-state.js';

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
export function shownVersionCount(state: Pick<OverviewState, 'model' | 'size'>): number {
  return shownColumnCount(state.size.columns, state.model.multi.versions.length + 1) - 1;
}

/** Indexes into `model.multi.versions` of the versions on screen, left to right. */
export function shownVersions(state: Pick<OverviewState, 'model' | 'size' | 'firstShown'>): readonly number[] {
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
function rowCellLines(model: VersionsModel, row: number, shown: readonly number[], columns: number, chosen: number): Line[][] {
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

const FLAG_MARKERS: Readonly<Record<RowFlag, { readonly char: string; readonly tone: Tone }>> = {
  added: { char: '+', tone: 'added' },
  omitted: { char: '-', tone: 'omitted' },
  'low-confidence': { char: '?', tone: 'warning' },
  differences: { char: '*', tone: 'warning' },
};

/** The lines of one row (at most MAX_ROW_LINES, the last cut with an ellipsis). */
export function overviewRowLines(state: OverviewState, row: number, isSelected: boolean): Line[] {
  const { model, size, chosen } = state;
  const shown = shownVersions(state);
  const widths = overviewColumnWidths(size.columns, shown.length + 1);
  const cells = rowCellLines(model, row, shown, size.columns, chosen);
  const height = overviewRowHeight(model, row, shown, size.columns);
  const clamped = cells.map((lines, index) => clampLines(lines, height, widths[index] ?? 1));
  const flag = model.flags[row] ?? null;
  const marker = flag === null ? { char: ' ', tone: 'normal' as const } : FLAG_MARKERS[flag];
  const lines: Line[] = [];
  for (let lineIndex = 0; lineIndex < height; lineIndex += 1) {
    const prefix: Span[] =
      lineIndex === 0
        ? [{ text: isSelected ? '>' : ' ', tone: 'heading' }, { text: marker.char, tone: marker.tone }, { text: ' ' }]
        : [{ text: ' '.repeat(OVERVIEW_PREFIX_WIDTH) }];
    const line: Span[] = [...prefix];
    clamped.forEach((cellLinesShown, index) => {
      if (index > 0) line.push({ text: PANE_SEPARATOR, tone: 'dim' });
      line.push(...padLine(cellLinesShown[lineIndex] ?? [], widths[index] ?? 1));
    });
    const fitted = padLine(line, size.columns);
    lines.push(isSelected ? fitted.map((span) => ({ ...span, isSelected: true })) : fitted);
  }
  return lines;
}

/** Exactly `rows` lines of the list, drawing only the rows on screen. */
export function overviewListLines(state: OverviewState, rows: number): Line[] {
  const { columns } = state.size;
  const count = state.model.multi.rows.length;
  const lines: Line[] = [];
  if (count === 0) lines.push(padLine([{ text: '   no sentences in any of the files', tone: 'dim' }], columns));
  for (let row = state.top; row < count && lines.length < rows; row += 1) {
    lines.push(...overviewRowLines(state, row, row === state.cursor).slice(0, rows - lines.length));
  }
  while (lines.length < rows) lines.push(padLine([], columns));
  return lines;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Version numbers as the user sees them: the pivot is 1. */
export function versionNumber(version: number): number {
  return version + 2;
}

export function overviewHeaderLines(state: OverviewState): Line[] {
  const { model, size, chosen } = state;
  const { multi } = model;
  const title = (path: string): Span[] => [
    { text: 'selaras ', tone: 'heading' },
    { text: `${multi.versions.length + 1} versions`, tone: 'heading' },
    { text: ' · pivot ', tone: 'dim' },
    { text: path, tone: 'heading' },
    { text: ` (${multi.pivot.lang})`, tone: 'dim' },
    { text: '  model ', tone: 'dim' },
    { text: multi.model },
  ];
  const full = title(multi.pivot.path);
  const titleLine = lineWidth(full) <= size.columns ? full : title(baseName(multi.pivot.path));
  const counts = model.counts[chosen];
  const compared: Span[] = [{ text: `1 ⇄ ${versionNumber(chosen)}  `, tone: 'heading' }];
  const longCounts = counts === undefined ? [] : [...compared, ...countSpans(counts, false)];
  const countsLine = lineWidth(longCounts) <= size.columns || counts === undefined ? longCounts : [...compared, ...countSpans(counts, true)];
  return [padLine(titleLine, size.columns), padLine(countsLine, size.columns)];
}

/** Column titles: the version's number and file name; the chosen version is marked ⇄ (and bold). */
export function overviewColumnHeaderLine(state: OverviewState): Line {
  const { model, size, chosen } = state;
  const shown = shownVersions(state);
  const widths = overviewColumnWidths(size.columns, shown.length + 1);
  const line: Span[] = [{ text: ' '.repeat(OVERVIEW_PREFIX_WIDTH) }];
  const pivotLabel = `1 ${model.labels[0] ?? ''}`;
  const pivotWidth = widths[0] ?? 1;
  // The header line names the pivot too, so the note goes first when the column is narrow.
  const pivotTitle = lineWidth([{ text: `${pivotLabel} (pivot)` }]) <= pivotWidth ? `${pivotLabel} (pivot)` : pivotLabel;
  line.push(...padLine([{ text: pivotTitle, tone: 'dim' }], pivotWidth));
  shown.forEach((version, index) => {
    const label = `${versionNumber(version)} ${model.labels[version + 1] ?? ''}`;
    const cell: Span = version === chosen ? { text: `⇄ ${label}`, tone: 'heading' } : { text: `  ${label}`, tone: 'dim' };
    line.push({ text: PANE_SEPARATOR, tone: 'dim' }, ...padLine([cell], widths[index + 1] ?? 1));
  });
  return padLine(line, size.columns);
}

export function overviewFooterLine(state: OverviewState): Line {
  const { model, size, chosen, cursor } = state;
  const count = model.multi.rows.length;
  const shown = shownVersions(state);
  const left: Span[] = [
    { text: ` row ${count === 0 ? 0 : cursor + 1} of ${count}`, tone: 'heading' },
    { text: ` · 1 ⇄ ${versionNumber(chosen)}`, tone: 'dim' },
  ];
  if (shown.length < model.multi.versions.length) {
    left.push({ text: ` · ${shown.length + 1} of ${model.multi.versions.length + 1} shown`, tone: 'warning' });
  }
  return composeFooter(left, state.message, '←→ version · Enter open · ? help · q quit ', size.columns);
}

/** The help, short enough for an 80x24 terminal (19 lines): the review opened with Enter has a help of its own. */
export function overviewHelpContentLines(columns: number): Line[] {
  const legend = (spans: readonly Span[]): Line => padLine(spans, columns);
  const backKeys = NESTED_BINDINGS.browse
    .filter((binding) => binding.command.type === 'back' || binding.command.type === 'cancel')
    .flatMap((binding) => binding.keys.map(keyLabel));
  const closeKeys = (OVERVIEW_HELP_BINDINGS[0]?.keys ?? []).slice(0, 2).map(keyLabel).join(' or ');
  return [
    legend([
      { text: 'markers  ', tone: 'dim' },
      { text: '+', tone: 'added' },
      { text: ' only in a version  ' },
      { text: '-', tone: 'omitted' },
      { text: ' missing from a version  ' },
      { text: '?', tone: 'warning' },
      { text: ' low confidence  ' },
      { text: '*', tone: 'warning' },
      { text: ' differences' },
    ]),
    legend([
      { text: '         ' },
      { text: 'underlined', tone: 'difference' },
      { text: ' differs from the pivot · blank: not compared (versions align to 1 only)' },
    ]),
    ...helpSection(`keys  (${closeKeys} closes this help)`, OVERVIEW_BINDINGS, columns),
    legend([{ text: `in the side-by-side review, ${backKeys.join(' or ')} comes back here`, tone: 'dim' }]),
  ];
}

export function overviewHelpLines(columns: number, rows: number): Line[] {
  return fitHelpLines(overviewHelpContentLines(columns), columns, rows);
}
