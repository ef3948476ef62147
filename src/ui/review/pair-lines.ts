/** The lines of one pair: its row in the list and its detail pane, each exactly as wide as asked. Pure; the
 * reducer (to size the list) and the screen (to draw) share it. */
import type { Alignment, Difference, Document, SentencePair } from '../../types.js';
import { NO_COUNTERPART } from '../shared/frame-lines.js';
import { differenceSurfaces } from '../../compare/spans.js';
import { highlightText } from '../shared/highlight.js';
import {
  MAX_ROW_LINES,
  PANE_SEPARATOR,
  clampLines,
  displayWidth,
  listColumns,
  padLine,
  truncateLine,
  wrapSpans,
  type Line,
  type ListColumns,
  type Span,
  type Tone,
} from '../shared/layout.js';
import { isLowConfidence, sentenceTexts } from '../../review.js';
import { pairLabel, type ReviewModel } from './review-model.js';

/** Short names for the two sides: the languages when they differ, else A and B. */
export function sideLabels(alignment: Pick<Alignment, 'source' | 'target'>): { source: string; target: string } {
  const { source, target } = alignment;
  if (source.lang === target.lang || source.lang === 'und' || target.lang === 'und') {
    return { source: 'A', target: 'B' };
  }
  return { source: source.lang.toUpperCase(), target: target.lang.toUpperCase() };
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
