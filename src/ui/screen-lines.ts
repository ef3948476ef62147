/** The screen as lines of styled spans, each exactly as wide as the terminal. Pure: the components only draw
 * what these return, so layout is tested without Ink. */
import type { Alignment, Difference, Document, ProgressEvent, SentencePair } from '../types.js';
import { BINDINGS, keyLabel, type KeyBinding, type KeyTables } from './key-map.js';
import {
  MAX_ROW_LINES,
  PANE_SEPARATOR,
  clampLines,
  displayWidth,
  lineWidth,
  listColumns,
  padLine,
  truncateLine,
  wrapSpans,
  type Line,
  type ListColumns,
  type Span,
  type TerminalSize,
  type Tone,
} from './layout.js';
import {
  isLowConfidence,
  pairLabel,
  sentenceTexts,
  type PairCounts,
  type ReviewModel,
} from './review-model.js';
import type { StatusMessage, ViewState } from './view-state.js';
import { differenceSurfaces } from '../compare/spans.js';
import { highlightText } from './highlight.js';

export const NO_COUNTERPART = '— no counterpart —';
const FILTER_LABELS = { all: 'all pairs', flagged: 'flagged only' } as const;

/** Short names for the two sides: the languages when they differ, else A and B. */
export function sideLabels(alignment: Pick<Alignment, 'source' | 'target'>): { source: string; target: string } {
  const { source, target } = alignment;
  if (source.lang === target.lang || source.lang === 'und' || target.lang === 'und') {
    return { source: 'A', target: 'B' };
  }
  return { source: source.lang.toUpperCase(), target: target.lang.toUpperCase() };
}

function documentName(document: Pick<Document, 'path' | 'lang'>): Span[] {
  return [{ text: document.path, tone: 'heading' }, { text: ` (${document.lang})`, tone: 'dim' }];
}

export function countSpans(counts: PairCounts, isShort: boolean): Span[] {
  const parts: { count: number; long: string; short: string; tone: Tone }[] = [
    { count: counts.pairs, long: 'pairs', short: 'pairs', tone: 'heading' },
    { count: counts.aligned, long: 'aligned', short: 'aligned', tone: 'aligned' },
    { count: counts.omitted, long: 'omitted', short: 'omit', tone: 'omitted' },
    { count: counts.added, long: 'added', short: 'add', tone: 'added' },
    { count: counts.withDifferences, long: 'with differences', short: 'diff', tone: 'warning' },
    { count: counts.lowConfidence, long: 'low confidence', short: 'low', tone: 'warning' },
  ];
  return parts.flatMap((part, index) => [
    ...(index === 0 ? [] : [{ text: ' · ', tone: 'dim' as const }]),
    { text: String(part.count), tone: part.count === 0 ? ('dim' as const) : part.tone },
    { text: ` ${isShort ? part.short : part.long}`, tone: 'normal' as const },
  ]);
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

/** Wrapped text of one side of a row, or the placeholder. Search matches and differences are highlighted. */
export function paneLines(text: string, width: number, query: string, surfaces: readonly string[] = []): Line[] {
  if (text.length === 0) return [[{ text: NO_COUNTERPART, tone: 'placeholder' }]];
  return wrapSpans(highlightText(text, { query, surfaces }), width);
}

export function highlightMatches(text: string, query: string): Span[] {
  return highlightText(text, { query });
}

interface RowMarker {
  readonly char: string;
  readonly tone: Tone;
}

/** One character that still reads without colour: - omitted, + added, ? low confidence, * differences. */
export function rowMarker(pair: SentencePair): RowMarker {
  if (pair.status === 'omitted') return { char: '-', tone: 'omitted' };
  if (pair.status === 'added') return { char: '+', tone: 'added' };
  if (isLowConfidence(pair)) return { char: '?', tone: 'warning' };
  if (pair.differences.length > 0) return { char: '*', tone: 'warning' };
  return { char: ' ', tone: 'normal' };
}

function statusTone(pair: SentencePair): Tone {
  return pair.status;
}

export function formatScore(score: number): string {
  return Math.min(1, Math.max(0, score)).toFixed(2);
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

/** The lines of one pair's row in the list (at most MAX_ROW_LINES, the last cut with an ellipsis). */
export function pairRowLines(
  model: ReviewModel,
  pairIndex: number,
  columns: number,
  options: { readonly isSelected: boolean; readonly query: string },
): Line[] {
  const pair = model.alignment.pairs[pairIndex];
  if (pair === undefined) return [];
  const layout: ListColumns = listColumns(columns);
  const source = paneLines(model.sourceTexts[pairIndex] ?? '', layout.source, options.query, differenceSurfaces(pair.differences, 'source'));
  const target = paneLines(model.targetTexts[pairIndex] ?? '', layout.target, options.query, differenceSurfaces(pair.differences, 'target'));
  const height = Math.min(Math.max(source.length, target.length), MAX_ROW_LINES);
  const sourceShown = clampLines(source, height, layout.source);
  const targetShown = clampLines(target, height, layout.target);
  const marker = rowMarker(pair);
  const lines: Line[] = [];
  for (let row = 0; row < height; row += 1) {
    const isFirst = row === 0;
    const prefix: Span[] = isFirst
      ? [
          { text: options.isSelected ? '>' : ' ', tone: 'heading' },
          { text: marker.char, tone: marker.tone },
          { text: ' ' },
          ...padLine([{ text: pairLabel(pair), tone: statusTone(pair) }], layout.status),
          { text: ' ' },
          ...padLine([{ text: formatScore(pair.score), tone: isLowConfidence(pair) ? 'warning' : 'dim' }], layout.score),
          { text: ' ' },
        ]
      : [{ text: ' '.repeat(3 + layout.status + 1 + layout.score + 1) }];
    const line: Span[] = [
      ...prefix,
      ...padLine(sourceShown[row] ?? [], layout.source),
      { text: PANE_SEPARATOR, tone: 'dim' },
      ...padLine(targetShown[row] ?? [], layout.target),
    ];
    lines.push(options.isSelected ? line.map((span) => ({ ...span, isSelected: true })) : line);
  }
  return lines;
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

/** Width of the `EN 12 ` label column of the detail pane. */
const DETAIL_LABEL_WIDTH = 8;
const DIFFERENCE_KIND_WIDTH = 9;

function labelledLines(label: string, spans: readonly Span[], columns: number, tone: Tone): Line[] {
  const textWidth = Math.max(1, columns - DETAIL_LABEL_WIDTH);
  return wrapSpans(spans, textWidth).map((line, index) => [
    ...padLine(index === 0 ? [{ text: label, tone }] : [], DETAIL_LABEL_WIDTH),
    ...line,
  ]);
}

function sideLines(
  document: Document,
  indexes: readonly number[],
  label: string,
  columns: number,
  tone: Tone,
  surfaces: readonly string[],
): Line[] {
  if (indexes.length === 0) return labelledLines(label, [{ text: NO_COUNTERPART, tone: 'placeholder' }], columns, tone);
  const texts = sentenceTexts(document, indexes);
  return indexes.flatMap((sentenceIndex, i) =>
    labelledLines(`${label} ${sentenceIndex + 1}`, highlightText(texts[i] ?? '', { surfaces }), columns, tone),
  );
}

/** One difference: its kind, what each side says, and the compare module's detail. A detail that already says which
 * side ("only in target") is used with the side's label instead of repeating it. */
export function differenceSpans(difference: Difference, labels: { source: string; target: string }): Span[] {
  const kind: Span = { text: difference.kind.padEnd(DIFFERENCE_KIND_WIDTH), tone: 'warning' };
  const quoted = (text: string): Span => ({ text: `“${text}”`, tone: 'heading' });
  const detail = difference.detail?.replace(/\bonly in (source|target)\b/g, (_match, side: string) =>
    `only in ${side === 'source' ? labels.source : labels.target}`,
  );
  const saysSide = detail !== undefined && detail !== difference.detail;
  const note = (text: string): Span => ({ text, tone: 'dim' });
  if (difference.source !== null && difference.target !== null) {
    return [
      kind,
      note(`${labels.source} `),
      quoted(difference.source),
      note(`  ${labels.target} `),
      quoted(difference.target),
      ...(detail === undefined ? [] : [note(` (${detail})`)]),
    ];
  }
  const isSource = difference.source !== null;
  const value = quoted(difference.source ?? difference.target ?? '');
  if (saysSide) return [kind, value, note(` ${detail}`)];
  return [
    kind,
    value,
    note(` only in ${isSource ? labels.source : labels.target}`),
    ...(detail === undefined ? [] : [note(` (${detail})`)]),
  ];
}

/** Word diff of a same-language pair; the [- -] and {+ +} marks read without colour. */
export function wordDiffSpans(changes: NonNullable<SentencePair['wordDiff']>): Span[] {
  return changes.flatMap((change): Span[] => {
    const value = change.value.replace(/\s+/g, ' ');
    if (change.removed === true) return [{ text: `[-${value}-]`, tone: 'deleted' }];
    if (change.added === true) return [{ text: `{+${value}+}`, tone: 'inserted' }];
    return [{ text: value }];
  });
}

/** The reducer (to size the list) and the view both ask for the selected pair's detail on every key. */
let lastDetail: { model: ReviewModel; pairIndex: number; columns: number; lines: readonly Line[] } | null = null;

/** Every line of the detail pane for one pair, before it is fitted to the screen. */
export function detailContentLines(model: ReviewModel, pairIndex: number, columns: number): readonly Line[] {
  if (lastDetail?.model === model && lastDetail.pairIndex === pairIndex && lastDetail.columns === columns) {
    return lastDetail.lines;
  }
  const lines = buildDetailLines(model, pairIndex, columns);
  lastDetail = { model, pairIndex, columns, lines };
  return lines;
}

function buildDetailLines(model: ReviewModel, pairIndex: number, columns: number): Line[] {
  const { alignment } = model;
  const pair = alignment.pairs[pairIndex];
  if (pair === undefined) return [];
  const labels = sideLabels(alignment);
  const flags: string[] = [];
  if (isLowConfidence(pair)) flags.push('low confidence');
  const titleText = ` pair ${pairIndex + 1} of ${alignment.pairs.length} · ${pairLabel(pair)} · score ${formatScore(pair.score)}${flags.map((f) => ` · ${f}`).join('')} `;
  const title: Span[] = [{ text: '─', tone: 'dim' }, { text: titleText, tone: 'heading' }];
  const rest = columns - displayWidth(titleText) - 1;
  const lines: Line[] = [truncateLine([...title, { text: '─'.repeat(Math.max(0, rest)), tone: 'dim' }], columns)];
  // The word diff says the most about two versions of one text, so it comes first and is the last to be cut.
  if (pair.wordDiff !== undefined && pair.wordDiff.length > 0) {
    lines.push(...labelledLines('changes', wordDiffSpans(pair.wordDiff), columns, 'dim'));
  }
  lines.push(...sideLines(alignment.source, pair.source, labels.source, columns, 'heading', differenceSurfaces(pair.differences, 'source')));
  lines.push(...sideLines(alignment.target, pair.target, labels.target, columns, 'heading', differenceSurfaces(pair.differences, 'target')));
  if (pair.differences.length === 0) {
    lines.push(padLine([{ text: 'no differences found', tone: 'dim' }], columns));
  } else {
    lines.push(padLine([{ text: `differences (${pair.differences.length})`, tone: 'dim' }], columns));
    for (const difference of pair.differences) {
      lines.push(...labelledLines('', differenceSpans(difference, labels), columns, 'dim'));
    }
  }
  return lines.map((line) => padLine(line, columns));
}

export function detailLineCount(model: ReviewModel, pairIndex: number, columns: number): number {
  return detailContentLines(model, pairIndex, columns).length;
}

/** The detail pane cut to `rows` lines; the last says how much did not fit. */
export function detailLines(model: ReviewModel, pairIndex: number, columns: number, rows: number): readonly Line[] {
  const content = detailContentLines(model, pairIndex, columns);
  if (content.length <= rows) return content;
  if (rows <= 0) return [];
  const hidden = content.length - rows + 1;
  return [
    ...content.slice(0, rows - 1),
    padLine([{ text: `… ${hidden} more line${hidden === 1 ? '' : 's'} (a taller terminal shows them)`, tone: 'dim' }], columns),
  ];
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

/** The footer: what and where on the left, then the status message, and key hints on the right when they fit. */
export function composeFooter(left: readonly Span[], message: StatusMessage | null, hints: string, columns: number): Line {
  const messageSpans: Span[] =
    message === null ? [] : [{ text: '  ' }, { text: message.text, tone: message.tone === 'error' ? 'error' : 'aligned' }];
  const hintWidth = displayWidth(hints);
  const leftLine = [...left, ...messageSpans];
  const room = columns - hintWidth - 1;
  if (lineWidth(leftLine) <= room) {
    return padLine([...padLine(leftLine, room + 1), { text: hints, tone: 'dim' }], columns);
  }
  // Too narrow for everything: the message matters more than the hints.
  return padLine(leftLine, columns);
}

/** Width of the keys column of the help. */
const HELP_KEYS_WIDTH = 22;

function bindingLine<C>(binding: KeyBinding<C>, columns: number): Line {
  const keys = binding.keys.map(keyLabel).join(' ');
  return padLine([{ text: '  ' }, ...padLine([{ text: keys, tone: 'heading' }], HELP_KEYS_WIDTH), { text: binding.help }], columns);
}

/** A titled list of key bindings, one line each. */
export function helpSection<C>(title: string, bindings: readonly KeyBinding<C>[], columns: number): Line[] {
  return [padLine([{ text: title, tone: 'dim' }], columns), ...bindings.map((binding) => bindingLine(binding, columns))];
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

/** Help content fitted to exactly `rows` lines. */
export function fitHelpLines(content: readonly Line[], columns: number, rows: number): Line[] {
  const lines = clampLines(content, rows, columns).map((line) => padLine(line, columns));
  while (lines.length < rows) lines.push(padLine([], columns));
  return lines;
}

export function helpLines(columns: number, rows: number, tables: KeyTables = BINDINGS): Line[] {
  return fitHelpLines(helpContentLines(columns, tables), columns, rows);
}

const STAGE_LABELS = {
  'load-model': 'Loading the model',
  embed: 'Embedding sentences',
  align: 'Aligning',
} as const;
/** The bar never gets wider than this, even on a wide terminal. */
const MAX_PROGRESS_BAR = 50;

export function progressBar(done: number, total: number, width: number): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(fraction * width);
  return '█'.repeat(filled) + '░'.repeat(Math.max(0, width - filled));
}

/** Braille spinner: it moves even while a stage reports nothing (a model loading), so the screen never looks frozen. */
export const SPINNER_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

export interface ProgressClock {
  /** Advances on a timer while loading. */
  readonly tick: number;
  readonly elapsedMs: number;
}

export function progressLines(
  sourcePath: string,
  targetPath: string,
  progress: ProgressEvent | null,
  columns: number,
  clock: ProgressClock = { tick: 0, elapsedMs: 0 },
): Line[] {
  return progressLinesFor([sourcePath, targetPath], progress, columns, clock);
}

/** The progress screen for two files or more (the versions overview loads several). */
export function progressLinesFor(
  paths: readonly string[],
  progress: ProgressEvent | null,
  columns: number,
  clock: ProgressClock = { tick: 0, elapsedMs: 0 },
): Line[] {
  const spinner = SPINNER_FRAMES[clock.tick % SPINNER_FRAMES.length] ?? ' ';
  const elapsed = ` ${Math.floor(clock.elapsedMs / 1000)}s`;
  const title: Span[] = paths.flatMap((path, index): Span[] => [...(index === 0 ? [] : [{ text: ' ⇄ ', tone: 'dim' as const }]), { text: path }]);
  const lines: Line[] = [padLine([{ text: 'selaras ', tone: 'heading' }, ...title], columns), padLine([], columns)];
  const stageLine = (label: string): Line =>
    padLine([{ text: ` ${spinner} `, tone: 'aligned' }, { text: `${label}…` }, { text: elapsed, tone: 'dim' }], columns);
  if (progress === null) {
    lines.push(stageLine('Reading and splitting the files'));
    return lines;
  }
  const label = progress.stage === 'load-model' ? `${STAGE_LABELS[progress.stage]} ${progress.model}` : STAGE_LABELS[progress.stage];
  const counts = `${progress.done}/${progress.total}`;
  const percent = progress.total > 0 ? `${Math.floor((100 * Math.min(progress.done, progress.total)) / progress.total)}%` : '';
  const barWidth = Math.max(5, Math.min(MAX_PROGRESS_BAR, columns - displayWidth(counts) - displayWidth(percent) - 6));
  lines.push(stageLine(label));
  lines.push(
    padLine(
      [
        { text: '   ' },
        { text: progressBar(progress.done, progress.total, barWidth), tone: 'aligned' },
        { text: ` ${counts} ${percent}`, tone: 'dim' },
      ],
      columns,
    ),
  );
  return lines;
}

export function errorLines(message: string, columns: number): Line[] {
  return [
    padLine([{ text: 'selaras could not align these files', tone: 'error' }], columns),
    padLine([], columns),
    ...wrapSpans([{ text: message }], columns - 2).map((line) => padLine([{ text: '  ' }, ...line], columns)),
    padLine([], columns),
    padLine([{ text: 'press q to quit', tone: 'dim' }], columns),
  ];
}

export function tooSmallLines(size: TerminalSize): Line[] {
  return [truncateLine([{ text: `terminal too small (${size.columns}x${size.rows}); q quits`, tone: 'warning' }], size.columns)];
}
