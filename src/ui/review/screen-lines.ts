/** The screen as lines of styled spans, each exactly as wide as the terminal. Pure: the components only draw
 * what these return, so layout is tested without Ink. */
import type { Alignment, Document } from '../../types.js';
import { composeFooter, countSpans, fitHelpLines, helpSection } from '../shared/frame-lines.js';
import { PANE_SEPARATOR, lineWidth, listColumns, padLine, type Line, type Span } from '../shared/layout.js';
import { BINDINGS, type KeyBinding, type KeyTables } from './key-map.js';
import { pairRowLines, sideLabels } from './pair-lines.js';
import type { ReviewModel } from './review-model.js';
import type { ViewState } from './view-state.js';

const FILTER_LABELS = { all: 'all pairs', flagged: 'flagged only' } as const;

function documentName(document: Pick<Document, 'path' | 'lang'>): Span[] {
  return [{ text: document.path, tone: 'heading' }, { text: ` (${document.lang})`, tone: 'dim' }];
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function headerLines(model: ReviewModel, columns: number): Line[] {
  const { source, target, model: modelName } = model.alignment;
  const title = (shorten: boolean): Span[] => [
    { text: 'selaras ', tone: 'heading' },
    ...documentName(shorten ? { ...source, path: baseName(source.path) } : source),
    { text: ' ⇄ ', tone: 'dim' },
    ...documentName(shorten ? { ...target, path: baseName(target.path) } : target),
    { text: '  model ', tone: 'dim' },
    { text: modelName, tone: 'normal' },
  ];
  const fullTitle = title(false);
  const titleLine = lineWidth(fullTitle) <= columns ? fullTitle : title(true);
  const longCounts = countSpans(model.counts, false);
  const counts = lineWidth(longCounts) <= columns ? longCounts : countSpans(model.counts, true);
  return [padLine(titleLine, columns), padLine(counts, columns)];
}

export function columnHeaderLine(alignment: Alignment, columns: number): Line {
  const layout = listColumns(columns);
  const labels = sideLabels(alignment);
  const cell = (text: string, width: number): Span[] => [...padLine([{ text, tone: 'dim' }], width)];
  return padLine(
    [
      { text: '   ' },
      ...cell('status', layout.status),
      { text: ' ' },
      ...cell('score', layout.score),
      { text: ' ' },
      ...cell(`source · ${labels.source}`, layout.source),
      { text: PANE_SEPARATOR, tone: 'dim' },
      ...cell(`target · ${labels.target}`, layout.target),
    ],
    columns,
  );
}

/** Exactly `rows` lines of the list, drawing only the pairs that are on screen. */
export function listLines(state: ViewState, rows: number): Line[] {
  const { columns } = state.size;
  const lines: Line[] = [];
  if (state.visible.length === 0) {
    let why = 'no sentences in either file';
    if (state.query.length > 0) why = `no pair contains "${state.query}"`;
    else if (state.filter === 'flagged') why = 'no flagged pairs (Tab shows all pairs)';
    lines.push(padLine([{ text: `   ${why}`, tone: 'dim' }], columns));
  }
  for (let position = state.top; position < state.visible.length && lines.length < rows; position += 1) {
    const pairIndex = state.visible[position];
    if (pairIndex === undefined) break;
    const rowLines = pairRowLines(state.model, pairIndex, columns, {
      isSelected: position === state.cursor,
      query: state.query,
    });
    lines.push(...rowLines.slice(0, rows - lines.length));
  }
  while (lines.length < rows) lines.push(padLine([], columns));
  return lines;
}

export function footerLine(state: ViewState): Line {
  const { columns } = state.size;
  const total = state.model.alignment.pairs.length;
  const selected = state.visible[state.cursor];
  const position =
    state.visible.length === 0
      ? `0 of ${state.visible.length}`
      : `${state.cursor + 1} of ${state.visible.length}${state.visible.length === total ? '' : ` (pair ${(selected ?? 0) + 1} of ${total})`}`;
  const left: Span[] = [
    { text: ` ${FILTER_LABELS[state.filter]}`, tone: state.filter === 'flagged' ? 'warning' : 'heading' },
    { text: ` · ${position}`, tone: 'dim' },
  ];
  if (state.isEditingSearch) {
    left.push({ text: '  /', tone: 'heading' }, { text: state.query, tone: 'match' }, { text: '▏', tone: 'heading' });
  } else if (state.query.length > 0) {
    left.push({ text: '  /', tone: 'dim' }, { text: state.query, tone: 'match' });
  }
  let hints = '? help · q quit ';
  if (state.isEditingSearch) hints = 'Enter keep · Esc clear ';
  else if (state.canGoBack) hints = '? help · v back · q quit ';
  return composeFooter(left, state.message, hints, columns);
}

export function helpContentLines(columns: number, tables: KeyTables = BINDINGS): Line[] {
  const section = (title: string, bindings: readonly KeyBinding[]): Line[] => helpSection(title, bindings, columns);
  return [
    padLine(
      [
        { text: 'markers  ', tone: 'dim' },
        { text: '-', tone: 'omitted' },
        { text: ' omitted  ' },
        { text: '+', tone: 'added' },
        { text: ' added  ' },
        { text: '?', tone: 'warning' },
        { text: ' low confidence  ' },
        { text: '*', tone: 'warning' },
        { text: ' differences   ' },
        { text: '(? or Esc closes this help)', tone: 'dim' },
      ],
      columns,
    ),
    padLine(
      [
        { text: '         ' },
        { text: 'underlined', tone: 'difference' },
        { text: ' what differs between the sides (listed under Enter)' },
      ],
      columns,
    ),
    ...section('keys', tables.browse),
    padLine([], columns),
    ...section('while typing a search', tables.search),
  ];
}

export function helpLines(columns: number, rows: number, tables: KeyTables = BINDINGS): Line[] {
  return fitHelpLines(helpContentLines(columns, tables), columns, rows);
}
