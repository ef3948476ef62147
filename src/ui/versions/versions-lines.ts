/** The versions overview as lines of styled spans, each exactly as wide as the terminal: one column per version
 * that fits, the pivot always first. Pure, like screen-lines.ts. */
import { composeFooter, countSpans, fitHelpLines, helpSection } from '../shared/frame-lines.js';
import { BACK_KEYS, keyLabel } from '../shared/keys.js';
import { PANE_SEPARATOR, clampLines, lineWidth, padLine, type Line, type Span, type Tone } from '../shared/layout.js';
import {
  OVERVIEW_PREFIX_WIDTH,
  overviewColumnWidths,
  overviewRowHeight,
  rowCellLines,
  shownVersions,
} from './columns.js';
import { OVERVIEW_BINDINGS, OVERVIEW_HELP_BINDINGS } from './key-map.js';
import type { RowFlag } from './versions-model.js';
import type { OverviewState } from './versions-state.js';

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
  const backKeys = ['escape', ...BACK_KEYS].map(keyLabel);
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
