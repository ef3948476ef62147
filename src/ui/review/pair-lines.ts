/** The lines of one pair: its row in the list and its detail pane, each exactly as wide as asked. Pure; the reducer
 * (to size the list) and the screen (to draw) share it. Both are kept per row object and width: a key press asks
 * for the same lines again and gets them back without wrapping a sentence anew. */
import { differenceSurfaces } from '../../compare/spans.js';
import { isLowConfidence, sentenceTexts } from '../../review.js';
import type { Alignment, Difference, Document, SentencePair } from '../../types.js';
import { NO_COUNTERPART } from '../shared/frame-lines.js';
import { highlightText } from '../shared/highlight.js';
import {
  MAX_ROW_LINES,
  PANE_SEPARATOR,
  clampLines,
  displayWidth,
  padLine,
  truncateLine,
  wrapSpans,
  type Line,
  type Span,
  type Tone,
} from '../shared/layout.js';
import type { Search } from './filters.js';
import { otherHalf, pairLabel, type PairRow, type ReviewModel } from './review-model.js';
import { listColumns, prefixWidth, rowHeight, type ListColumns } from './row-layout.js';
import { reviewMarks, rowStatus } from './statuses.js';

/** Short names for the two sides: the languages when they differ, else A and B. */
export function sideLabels(alignment: Pick<Alignment, 'source' | 'target'>): { source: string; target: string } {
  const { source, target } = alignment;
  if (source.lang === target.lang || source.lang === 'und' || target.lang === 'und') {
    return { source: 'A', target: 'B' };
  }
  return { source: source.lang.toUpperCase(), target: target.lang.toUpperCase() };
}

/** The search's query for one side ('' where the search is limited to the other side). */
export function queryFor(search: Search | null, side: 'source' | 'target'): string {
  if (search === null || (search.scope !== 'both' && search.scope !== side)) return '';
  return search.query;
}

/** Wrapped text of one side of a row, or the placeholder. Search matches and differences are highlighted. */
export function paneLines(text: string, width: number, query: string, surfaces: readonly string[] = [], placeholder = NO_COUNTERPART): Line[] {
  if (text.length === 0) return wrapSpans([{ text: placeholder, tone: 'placeholder' }], width);
  return wrapSpans(highlightText(text, { query, surfaces }), width);
}

export function highlightMatches(text: string, query: string): Span[] {
  return highlightText(text, { query });
}

export function formatScore(score: number): string {
  return Math.min(1, Math.max(0, score)).toFixed(2);
}

/** A small cache per row object: rows are remade only when their pair changes, so what hangs off them stays right. */
function cached<T>(store: WeakMap<object, Map<string, T>>, owner: object, key: string, make: () => T): T {
  let entries = store.get(owner);
  if (entries === undefined) {
    entries = new Map();
    store.set(owner, entries);
  }
  let value = entries.get(key);
  if (value === undefined) {
    // A row is asked for a handful of variants (selected or not, a search typed letter by letter): keep a few.
    if (entries.size >= ROW_CACHE_ENTRIES) entries.clear();
    value = make();
    entries.set(key, value);
  }
  return value;
}

/** Variants kept per row: selected and not, at two widths, a few search queries. */
const ROW_CACHE_ENTRIES = 8;
const heights = new WeakMap<object, Map<string, number>>();
const rowLines = new WeakMap<object, Map<string, Line[]>>();

export interface RowView {
  readonly columns: number;
  /** Digits of the pair-number column. */
  readonly numberWidth: number;
  readonly isExpanded: boolean;
}

export function pairRowHeight(row: PairRow, view: RowView): number {
  const key = `${view.columns}:${view.numberWidth}:${view.isExpanded}`;
  return cached(heights, row, key, () => rowHeight(row.sourceText, row.targetText, listColumns(view.columns, view.numberWidth), view.isExpanded));
}

export interface RowOptions extends RowView {
  readonly isSelected: boolean;
  readonly search: Search | null;
}

/** The lines of one pair's row in the list (at most MAX_ROW_LINES unless expanded, the last cut with an ellipsis). */
export function pairRowLines(model: ReviewModel, pairIndex: number, options: RowOptions): Line[] {
  const row = model.rows[pairIndex];
  if (row === undefined) return [];
  // The other half of a move can shift with edits elsewhere, the row staying the same: it is part of the key.
  const other = otherHalf(model, pairIndex);
  const key = `${pairIndex}:${options.columns}:${options.numberWidth}:${options.isExpanded}:${options.isSelected}:${options.search?.scope ?? ''}:${options.search?.query ?? ''}:${other ?? ''}`;
  return cached(rowLines, row, key, () => buildRowLines(row, pairIndex, options, placeholderFor(other)));
}

/** What the empty side of a row says: no counterpart, or where the moved sentence's counterpart stands. */
export function placeholderFor(otherHalfPair: number | null): string {
  return otherHalfPair === null ? NO_COUNTERPART : `— moved: see pair ${otherHalfPair} (m) —`;
}

function buildRowLines(row: PairRow, pairIndex: number, options: RowOptions, placeholder: string): Line[] {
  const { pair } = row;
  const layout: ListColumns = listColumns(options.columns, options.numberWidth);
  const source = paneLines(row.sourceText, layout.source, queryFor(options.search, 'source'), differenceSurfaces(pair.differences, 'source'), placeholder);
  const target = paneLines(row.targetText, layout.target, queryFor(options.search, 'target'), differenceSurfaces(pair.differences, 'target'), placeholder);
  const height = options.isExpanded ? Math.max(source.length, target.length) : Math.min(Math.max(source.length, target.length), MAX_ROW_LINES);
  const sourceShown = clampLines(source, height, layout.source);
  const targetShown = clampLines(target, height, layout.target);
  const status = rowStatus(pair);
  const lines: Line[] = [];
  for (let lineIndex = 0; lineIndex < height; lineIndex += 1) {
    const prefix: Span[] =
      lineIndex === 0
        ? [
            { text: options.isSelected ? '>' : ' ', tone: 'heading' },
            { text: status.marker, tone: status.tone },
            { text: reviewMarks(pair), tone: 'aligned' },
            { text: ' ' },
            { text: String(pairIndex).padStart(layout.number), tone: 'dim' },
            { text: ' ' },
            ...padLine([{ text: pairLabel(pair), tone: pair.status }], layout.status),
            { text: ' ' },
            ...padLine([{ text: formatScore(pair.score), tone: isLowConfidence(pair) ? 'warning' : 'dim' }], layout.score),
            { text: ' ' },
          ]
        : [{ text: ' '.repeat(prefixWidth(layout)) }];
    const line: Span[] = [
      ...prefix,
      ...padLine(sourceShown[lineIndex] ?? [], layout.source),
      { text: PANE_SEPARATOR, tone: 'dim' },
      ...padLine(targetShown[lineIndex] ?? [], layout.target),
    ];
    lines.push(options.isSelected ? line.map((span) => ({ ...span, isSelected: true })) : line);
  }
  return lines;
}

const DIFFERENCE_KIND_WIDTH = 9;

function labelledLines(label: string, spans: readonly Span[], columns: number, labelWidth: number, tone: Tone): Line[] {
  const textWidth = Math.max(1, columns - labelWidth);
  return wrapSpans(spans, textWidth).map((line, index) => [...padLine(index === 0 ? [{ text: label, tone }] : [], labelWidth), ...line]);
}

/** One line of a neighbouring sentence, dim: the context before and after the pair. */
function contextLine(label: string, text: string, columns: number, labelWidth: number): Line {
  return truncateLine([...padLine([{ text: label, tone: 'dim' }], labelWidth), { text, tone: 'dim' }], columns);
}

/** A sentence's label: its side, its 0-based number, its paragraph. */
function sentenceLabel(side: string, document: Document, index: number): string {
  const paragraph = document.sentences[index]?.paragraph;
  return `${side} ${index}${paragraph === undefined ? '' : ` ¶${paragraph}`}`;
}

function sideLines(document: Document, indexes: readonly number[], label: string, columns: number, labelWidth: number, surfaces: readonly string[]): Line[] {
  if (indexes.length === 0) return labelledLines(label, [{ text: NO_COUNTERPART, tone: 'placeholder' }], columns, labelWidth, 'heading');
  const texts = sentenceTexts(document, indexes);
  return indexes.flatMap((sentenceIndex, i) =>
    labelledLines(sentenceLabel(label, document, sentenceIndex), highlightText(texts[i] ?? '', { surfaces }), columns, labelWidth, 'heading'),
  );
}

/** The sentences just before and after the pair on one side, a line each. */
function contextLines(document: Document, label: string, columns: number, labelWidth: number, around: { readonly before: number | null; readonly after: number | null }): Line[] {
  return [around.before, around.after].flatMap((index): Line[] => {
    const text = index === null ? undefined : sentenceTexts(document, [index])[0];
    return index === null || text === undefined ? [] : [contextLine(sentenceLabel(label, document, index), text, columns, labelWidth)];
  });
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
  return [kind, value, note(` only in ${isSource ? labels.source : labels.target}`), ...(detail === undefined ? [] : [note(` (${detail})`)])];
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

/** The sentences just before and after a pair's own on one side (null at the ends, or for an empty side: the
 * neighbours of a missing sentence are those of the pair's place, found from the other pairs). */
function neighbours(alignment: Alignment, pairIndex: number, side: 'source' | 'target'): { before: number | null; after: number | null } {
  const own = alignment.pairs[pairIndex]?.[side] ?? [];
  const count = alignment[side].sentences.length;
  let before: number | null = own.length > 0 ? own[0]! - 1 : null;
  let after: number | null = own.length > 0 ? own[own.length - 1]! + 1 : null;
  if (own.length === 0) {
    for (let k = pairIndex - 1; k >= 0 && before === null; k -= 1) before = alignment.pairs[k]?.[side].at(-1) ?? null;
    for (let k = pairIndex + 1; k < alignment.pairs.length && after === null; k += 1) after = alignment.pairs[k]?.[side][0] ?? null;
  }
  return { before: before !== null && before >= 0 ? before : null, after: after !== null && after < count ? after : null };
}

const details = new WeakMap<object, Map<string, readonly Line[]>>();

/** Every line of the detail pane for one pair, before it is fitted to the screen. */
export function detailContentLines(model: ReviewModel, pairIndex: number, columns: number): readonly Line[] {
  const row = model.rows[pairIndex];
  if (row === undefined) return [];
  const other = otherHalf(model, pairIndex);
  return cached(details, row, `${pairIndex}:${columns}:${other ?? ''}`, () => buildDetailLines(model.alignment, row.pair, pairIndex, columns, other));
}

function buildDetailLines(alignment: Alignment, pair: SentencePair, pairIndex: number, columns: number, otherHalfPair: number | null): Line[] {
  const labels = sideLabels(alignment);
  const flags: string[] = [];
  if (otherHalfPair !== null) flags.push(`moved: its counterpart is pair ${otherHalfPair} (m jumps there)`);
  if (isLowConfidence(pair)) flags.push('low score');
  if (pair.reviewed === true) flags.push('reviewed');
  if (pair.edited === true) flags.push('edited');
  const titleText = ` pair ${pairIndex} · ${pairLabel(pair)} · score ${formatScore(pair.score)}${flags.map((f) => ` · ${f}`).join('')} `;
  const title: Span[] = [{ text: '─', tone: 'dim' }, { text: titleText, tone: 'heading' }];
  const rest = columns - displayWidth(titleText) - 1;
  const lines: Line[] = [truncateLine([...title, { text: '─'.repeat(Math.max(0, rest)), tone: 'dim' }], columns)];
  // Labels such as `EN 12 ¶3`: wide enough for the largest sentence and paragraph numbers of both documents.
  const widest = (document: Document, label: string) => sentenceLabel(label, document, Math.max(0, document.sentences.length - 1)).length;
  const labelWidth = Math.max(8, widest(alignment.source, labels.source) + 3, widest(alignment.target, labels.target) + 3);
  if (pair.note !== undefined) lines.push(...labelledLines('note', [{ text: pair.note, tone: 'heading' }], columns, labelWidth, 'warning'));
  // The word diff says the most about two versions of one text, so it comes first and is the last to be cut.
  if (pair.wordDiff !== undefined && pair.wordDiff.length > 0) {
    lines.push(...labelledLines('changes', wordDiffSpans(pair.wordDiff), columns, labelWidth, 'dim'));
  }
  for (const side of ['source', 'target'] as const) {
    lines.push(...sideLines(alignment[side], pair[side], labels[side], columns, labelWidth, differenceSurfaces(pair.differences, side)));
  }
  if (pair.differences.length === 0) {
    lines.push(padLine([{ text: 'no differences found', tone: 'dim' }], columns));
  } else {
    lines.push(padLine([{ text: `differences (${pair.differences.length})`, tone: 'dim' }], columns));
    for (const difference of pair.differences) lines.push(...labelledLines('', differenceSpans(difference, labels), columns, labelWidth, 'dim'));
  }
  // Last, so that a short pane cuts the context before what the pair itself says (the pane scrolls to it).
  const context = (['source', 'target'] as const).flatMap((side) => contextLines(alignment[side], labels[side], columns, labelWidth, neighbours(alignment, pairIndex, side)));
  if (context.length > 0) lines.push(padLine([{ text: 'context: the sentences before and after', tone: 'dim' }], columns), ...context);
  return lines.map((line) => padLine(line, columns));
}

export function detailLineCount(model: ReviewModel, pairIndex: number, columns: number): number {
  return detailContentLines(model, pairIndex, columns).length;
}

/** The first line shown when the pane scrolls to `top`, kept so that the last screenful stays full. */
export function clampScroll(top: number, contentLines: number, rows: number): number {
  return Math.max(0, Math.min(top, contentLines - rows));
}

/**
 * The detail pane fitted to `rows` lines, from line `top` of its content. When not everything fits, the last line
 * says where the view is and how to move it (→ first, when the focus is still in the list).
 */
export function detailLines(model: ReviewModel, pairIndex: number, columns: number, rows: number, top = 0, isFocused = false): readonly Line[] {
  const content = detailContentLines(model, pairIndex, columns);
  if (rows <= 0) return [];
  if (content.length <= rows) return content;
  const shown = rows - 1;
  const first = clampScroll(top, content.length, shown);
  const last = first + shown;
  const how = isFocused ? 'j/k · ← back' : '→ to scroll';
  const where = `── lines ${first + 1}-${last} of ${content.length} · ${how} `;
  return [...content.slice(first, last), padLine([{ text: where, tone: 'dim' }, { text: '─'.repeat(Math.max(0, columns - displayWidth(where))), tone: 'dim' }], columns)];
}
