/** The review screen as lines of styled spans, each exactly as wide as the terminal. Pure: the screen component
 * only hands what `reviewFrame` returns to the terminal, so layout is tested without Ink. */
import type { Document } from '../../types.js';
import { composeFooter, countSpans, tooSmallLines } from '../shared/frame-lines.js';
import { PANE_SEPARATOR, isTooSmall, lineWidth, padLine, type Line, type Span } from '../shared/layout.js';
import { SORT_LABELS } from './filters.js';
import { helpLines } from './help-lines.js';
import { detailLines, pairRowLines, sideLabels } from './pair-lines.js';
import type { ReviewModel } from './review-model.js';
import { listColumns } from './row-layout.js';
import { EDITED_MARK, REVIEWED_MARK } from './statuses.js';
import {
  isDirty,
  keyTablesOf,
  pairKey,
  pairNumberWidth,
  paneRows,
  selectedPair,
  type ViewState,
} from './view-state.js';

function documentName(document: Pick<Document, 'path' | 'lang'>): Span[] {
  return [{ text: document.path, tone: 'heading' }, { text: ` (${document.lang})`, tone: 'dim' }];
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The title (files, model, and whether edits are unwritten) and the counts with the review progress. */
export function headerLines(model: ReviewModel, columns: number, hasUnsavedEdits = false): Line[] {
  const { source, target, model: modelName } = model.alignment;
  const title = (shorten: boolean): Span[] => [
    { text: 'selaras ', tone: 'heading' },
    // First, so that a narrow terminal cuts the model name, not this.
    ...(hasUnsavedEdits ? [{ text: '[not written: w] ', tone: 'warning' as const }] : []),
    ...documentName(shorten ? { ...source, path: baseName(source.path) } : source),
    { text: ' ⇄ ', tone: 'dim' },
    ...documentName(shorten ? { ...target, path: baseName(target.path) } : target),
    { text: '  model ', tone: 'dim' },
    { text: modelName, tone: 'normal' },
  ];
  const fullTitle = title(false);
  const titleLine = lineWidth(fullTitle) <= columns ? fullTitle : title(true);
  const { counts } = model;
  const progress = (isShort: boolean): Span[] => [
    { text: ' · ', tone: 'dim' },
    { text: isShort ? `${counts.reviewed}/${counts.pairs}` : `${counts.reviewed} of ${counts.pairs}`, tone: counts.reviewed === 0 ? 'dim' : 'aligned' },
    { text: isShort ? ' rev' : ' reviewed' },
  ];
  // Moves are rare: counted only when there are some, after the pairs they are made of; a move one of whose halves
  // was edited away is no longer one.
  const moves = [...model.moveHalves.values()].filter((halves) => halves.source.length > 0 && halves.target.length > 0).length;
  const moved: Span[] = moves === 0 ? [] : [{ text: ' · ', tone: 'dim' }, { text: String(moves), tone: 'heading' }, { text: moves === 1 ? ' move' : ' moves' }];
  const longCounts = [...countSpans(counts, false), ...moved, ...progress(false)];
  const countsLine = lineWidth(longCounts) <= columns ? longCounts : [...countSpans(counts, true), ...moved, ...progress(true)];
  return [padLine(titleLine, columns), padLine(countsLine, columns)];
}

export function columnHeaderLine(state: Pick<ViewState, 'model' | 'size'>): Line {
  const { columns } = state.size;
  const layout = listColumns(columns, pairNumberWidth(state));
  const labels = sideLabels(state.model.alignment);
  const cell = (text: string, width: number): Span[] => [...padLine([{ text, tone: 'dim' }], width)];
  return padLine(
    [
      { text: '  ' },
      { text: `${REVIEWED_MARK}${EDITED_MARK}`, tone: 'dim' },
      { text: ' ' },
      ...cell('#'.padStart(layout.number), layout.number),
      { text: ' ' },
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

/** Why the list is empty, in words. */
function emptyListReason(state: ViewState): string {
  if (state.model.rows.length === 0) return 'no sentences in either file';
  if (state.search !== null) return `no pair contains "${state.search.query}"${state.filter.id === 'all' ? '' : ` among ${state.filter.label}`}`;
  return `no pairs: ${state.filter.label} (Tab shows others)`;
}

/** Exactly `rows` lines of the list, drawing only the pairs that are on screen. */
export function listLines(state: ViewState, rows: number): Line[] {
  const { columns } = state.size;
  const lines: Line[] = [];
  if (state.visible.length === 0) lines.push(padLine([{ text: `   ${emptyListReason(state)}`, tone: 'dim' }], columns));
  const numberWidth = pairNumberWidth(state);
  for (let position = state.top; position < state.visible.length && lines.length < rows; position += 1) {
    const pairIndex = state.visible[position];
    if (pairIndex === undefined) break;
    const rowLines = pairRowLines(state.model, pairIndex, {
      columns,
      numberWidth,
      isExpanded: state.expanded.has(pairKey(state, pairIndex)),
      isSelected: position === state.cursor,
      search: state.search,
    });
    lines.push(...rowLines.slice(0, rows - lines.length));
  }
  while (lines.length < rows) lines.push(padLine([], columns));
  return lines;
}

const SCOPE_LABELS = { both: '', source: 'source: ', target: 'target: ' } as const;

/** What the left of the footer says about the list: the filter, the order, the search, the position. */
function listSpans(state: ViewState): Span[] {
  const { search, filter } = state;
  const label = search === null ? filter.label : filter.id === 'all' ? 'matches' : `${filter.label} · matches`;
  const selected = selectedPair(state);
  const position = state.visible.length === 0 ? '0 of 0' : `pair ${selected} · ${state.cursor + 1} of ${state.visible.length}`;
  const spans: Span[] = [
    { text: ` ${label}`, tone: search === null && filter.id === 'all' ? 'heading' : 'warning' },
    ...(state.order === 'document' ? [] : [{ text: ` · ${SORT_LABELS[state.order]}`, tone: 'warning' as const }]),
    { text: ` · ${position}`, tone: 'dim' },
  ];
  if (search !== null && state.prompt?.kind !== 'search') {
    spans.push({ text: `  /${SCOPE_LABELS[search.scope]}`, tone: 'dim' }, { text: search.query, tone: 'match' });
  }
  return spans;
}

/** The footer: the prompt being answered, else the list's state, the message, and key hints. */
export function footerLine(state: ViewState): Line {
  const { columns } = state.size;
  const { prompt } = state;
  const cursor: Span = { text: '▏', tone: 'heading' };
  switch (prompt?.kind) {
    case 'search':
      return composeFooter(
        [...listSpans(state), { text: `  /${SCOPE_LABELS[prompt.scope]}`, tone: 'heading' }, { text: prompt.text, tone: 'match' }, cursor],
        state.message,
        'Enter keep · Tab side · Esc clear ',
        columns,
      );
    case 'goto':
      return composeFooter([{ text: ' go to pair ', tone: 'heading' }, { text: prompt.text }, cursor], state.message, 'Enter go · Esc cancel ', columns);
    case 'note':
      return composeFooter([{ text: ` note on pair ${prompt.pairIndex}: `, tone: 'heading' }, { text: prompt.text }, cursor], state.message, 'Enter keep · Esc cancel ', columns);
    case 'confirm':
      return padLine([{ text: ` ${prompt.question}`, tone: 'warning' }], columns);
    case undefined:
      break;
  }
  const left = listSpans(state);
  if (state.pending !== null) left.push({ text: `  ${state.pending}…`, tone: 'warning' });
  let hints = '? help · q quit ';
  if (state.focus === 'detail' && state.isDetailOpen) hints = 'j/k scroll · ← list ';
  else if (state.canGoBack) hints = '? help · v back · q quit ';
  return composeFooter(left, state.message, hints, columns);
}

/** Every line of the review screen for a state: header, column titles, list (and detail pane, or the help), footer. */
export function reviewFrame(state: ViewState): Line[] {
  const { size, model } = state;
  if (isTooSmall(size)) return tooSmallLines(size);
  const pairIndex = selectedPair(state);
  const rows = paneRows(state);
  const body = state.isHelpOpen
    ? helpLines(size.columns, rows.list + rows.detail, keyTablesOf(state), state.helpTop)
    : [
        ...listLines(state, rows.list),
        ...(pairIndex !== null && rows.detail > 0
          ? detailLines(model, pairIndex, size.columns, rows.detail, state.detailTop, state.focus === 'detail')
          : []),
      ];
  return [...headerLines(model, size.columns, isDirty(state)), columnHeaderLine(state), ...body, footerLine(state)];
}
