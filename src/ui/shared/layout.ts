/** Pane widths, wrapping and the screen split, as pure functions of the terminal size. Every line the UI
 * prints is built here to an exact display width, so Ink never has to wrap or cut anything itself. */
import stringWidth from 'string-width';

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** Semantic styles; the theme turns them into colours (or into nothing, under NO_COLOR). */
export type Tone =
  | 'normal'
  | 'dim'
  | 'heading'
  | 'aligned'
  | 'omitted'
  | 'added'
  | 'warning'
  | 'inserted'
  | 'deleted'
  | 'match'
  /** What differs between the two sides of a pair (a number, a name, a date, a quote, a negation). */
  | 'difference'
  | 'placeholder'
  | 'error';

export interface Span {
  readonly text: string;
  readonly tone?: Tone;
  /** Drawn in reverse video: the selected row. */
  readonly isSelected?: boolean;
}

export type Line = readonly Span[];

/** Below this the columns are too narrow to read a sentence; the app says so instead of drawing. */
export const MIN_COLUMNS = 40;
/** Header, column header, footer and at least three list lines. */
export const MIN_ROWS = 8;
/** Ink prints a newline after the frame; a frame as tall as the terminal makes it clear the screen on every
 * update (flicker), so the last terminal row stays free. */
export const RESERVED_BOTTOM_ROWS = 1;
/** Title line and counts line. */
export const HEADER_ROWS = 2;
export const COLUMN_HEADER_ROWS = 1;
export const FOOTER_ROWS = 1;
/** A pair's row in the list shows at most this many wrapped lines; the detail pane shows the full text. Four keeps
 * several pairs on an 80x24 screen even when sentences run to 50 words. */
export const MAX_ROW_LINES = 4;
/** With the detail pane open the list keeps at least this many lines, so the selection stays in context. */
export const MIN_LIST_ROWS_WITH_DETAIL = 4;

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Printable ASCII is one column a character; checking for it first skips the Unicode width tables for most
 * English and Indonesian text. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

export function lineWidth(line: Line): number {
  let width = 0;
  for (const span of line) width += displayWidth(span.text);
  return width;
}

export function lineText(line: Line): string {
  return line.map((span) => span.text).join('');
}

/** Cut `text` to at most `width` columns, never splitting a grapheme. */
function takeColumns(text: string, width: number): { readonly head: string; readonly rest: string } {
  if (PRINTABLE_ASCII.test(text)) {
    const cut = Math.max(0, width);
    return { head: text.slice(0, cut), rest: text.slice(cut) };
  }
  let used = 0;
  let head = '';
  for (const { segment } of graphemes.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width) break;
    used += w;
    head += segment;
  }
  return { head, rest: text.slice(head.length) };
}

function withText(span: Span, text: string): Span {
  return { ...span, text };
}

/** The first `width` columns of a line, cut at a grapheme boundary, no ellipsis. */
export function cutLine(line: Line, width: number): Line {
  const out: Span[] = [];
  let left = Math.max(0, width);
  for (const span of line) {
    const { head } = takeColumns(span.text, left);
    if (head.length > 0) out.push(withText(span, head));
    left -= displayWidth(head);
    if (head.length < span.text.length) break;
  }
  return out;
}

/** The line with an ellipsis after its last visible character, in at most `width` columns. */
function withEllipsis(line: Line, width: number): Line {
  const cut = cutLine(line, width - 1);
  const trimmed = [...cut];
  while (trimmed.length > 0) {
    const last = trimmed[trimmed.length - 1] as Span;
    const text = last.text.trimEnd();
    if (text.length > 0) {
      trimmed[trimmed.length - 1] = withText(last, text);
      break;
    }
    trimmed.pop();
  }
  const toneSource = trimmed[trimmed.length - 1] ?? line[0] ?? { text: '' };
  return [...trimmed, withText(toneSource, ELLIPSIS)];
}

/** Text cut to `width` columns in the middle (`/home/ana/…/story.en.bulelengpost.csv`): the start says where, the
 * end which file, and both matter more than what lies between. */
export function shortenMiddle(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return takeColumns(text, Math.max(0, width)).head;
  const tailWidth = Math.ceil((width - 1) / 2);
  const head = takeColumns(text, width - 1 - tailWidth).head;
  // The tail: the last graphemes that fit in tailWidth columns.
  const clusters = [...graphemes.segment(text)].map((part) => part.segment);
  let tail = '';
  for (let k = clusters.length - 1; k >= 0; k -= 1) {
    const candidate = clusters[k]! + tail;
    if (displayWidth(candidate) > tailWidth) break;
    tail = candidate;
  }
  return `${head}${ELLIPSIS}${tail}`;
}

/** Cut a line to `width` columns; a line that did not fit ends with an ellipsis. */
export function truncateLine(line: Line, width: number): Line {
  if (width <= 0) return [];
  if (lineWidth(line) <= width) return line;
  return withEllipsis(line, width);
}

/** Pad with spaces to exactly `width`. The padding is selected when the last span is (a selected row stays
 * highlighted to its end) but takes no tone: an underlined difference or a search match's background would
 * otherwise run on into the empty columns. */
export function padLine(line: Line, width: number): Line {
  const fitted = truncateLine(line, width);
  const gap = width - lineWidth(fitted);
  if (gap <= 0) return fitted;
  const last = fitted[fitted.length - 1];
  const filler: Span = last?.isSelected === true ? { text: ' '.repeat(gap), isSelected: true } : { text: ' '.repeat(gap) };
  return [...fitted, filler];
}

/** A word: adjacent non-space pieces, possibly of different tones, that wrap as one unit. */
type Word = Span[];

function splitWords(spans: readonly Span[]): { readonly words: Word[]; readonly spaceBefore: (Span | null)[] } {
  const words: Word[] = [];
  const spaceBefore: (Span | null)[] = [];
  let current: Word | null = null;
  let pendingSpace: Span | null = null;
  for (const span of spans) {
    for (const piece of span.text.match(/\s+|\S+/g) ?? []) {
      if (/^\s/.test(piece)) {
        current = null;
        pendingSpace ??= withText(span, ' ');
      } else if (current === null) {
        current = [withText(span, piece)];
        words.push(current);
        spaceBefore.push(pendingSpace);
        pendingSpace = null;
      } else {
        current.push(withText(span, piece));
      }
    }
  }
  return { words, spaceBefore };
}

/** Greedy word wrap of styled text to `width` columns; words longer than a line are broken by grapheme.
 * Always returns at least one line (empty text gives one empty line). */
export function wrapSpans(spans: readonly Span[], width: number): Line[] {
  const safeWidth = Math.max(1, width);
  const { words, spaceBefore } = splitWords(spans);
  const lines: Span[][] = [];
  let line: Span[] = [];
  let used = 0;
  const newLine = (): void => {
    lines.push(line);
    line = [];
    used = 0;
  };
  words.forEach((word, index) => {
    const space = spaceBefore[index] ?? null;
    const spaceWidth = used > 0 && space !== null ? 1 : 0;
    const wordWidth = lineWidth(word);
    if (used > 0 && used + spaceWidth + wordWidth > safeWidth) {
      if (wordWidth <= safeWidth || used + spaceWidth >= safeWidth) newLine();
    }
    if (used > 0 && space !== null) {
      line.push(space);
      used += 1;
    }
    for (const piece of word) {
      let rest = piece.text;
      while (rest.length > 0) {
        if (used >= safeWidth) newLine();
        const taken = takeColumns(rest, safeWidth - used);
        if (taken.head.length === 0) {
          // A grapheme wider than the whole line (width 1, a wide character): give it a line of its own.
          const first = [...graphemes.segment(rest)][0]?.segment ?? rest;
          if (used > 0) newLine();
          line.push(withText(piece, first));
          used += displayWidth(first);
          rest = rest.slice(first.length);
          continue;
        }
        line.push(withText(piece, taken.head));
        used += displayWidth(taken.head);
        rest = taken.rest;
      }
    }
  });
  lines.push(line);
  return lines;
}

export function wrapText(text: string, width: number): string[] {
  return wrapSpans([{ text }], width).map(lineText);
}

/** Keep at most `max` lines; when some were cut, the last kept line ends with an ellipsis. */
export function clampLines(lines: readonly Line[], max: number, width: number): Line[] {
  if (lines.length <= max) return [...lines];
  if (max <= 0) return [];
  const kept = lines.slice(0, max);
  kept[max - 1] = withEllipsis(kept[max - 1] ?? [], width);
  return kept;
}

/** One space between cells; ` │ ` between two text panes. */
export const CELL_GAP = 1;
export const PANE_SEPARATOR = ' │ ';

export interface ScreenLayout {
  readonly header: number;
  readonly columnHeader: number;
  readonly list: number;
  readonly detail: number;
  readonly footer: number;
}

/** Lines available between the column header and the footer, shared by the list and the detail pane. */
export function bodyRows(size: TerminalSize): number {
  return Math.max(0, size.rows - RESERVED_BOTTOM_ROWS - HEADER_ROWS - COLUMN_HEADER_ROWS - FOOTER_ROWS);
}

/** Split the screen; `detailWanted` is how many lines the open detail pane would like (null when closed). */
export function screenLayout(size: TerminalSize, detailWanted: number | null): ScreenLayout {
  const body = bodyRows(size);
  const detail =
    detailWanted === null ? 0 : Math.max(0, Math.min(detailWanted, body - MIN_LIST_ROWS_WITH_DETAIL));
  return {
    header: HEADER_ROWS,
    columnHeader: COLUMN_HEADER_ROWS,
    list: body - detail,
    detail,
    footer: FOOTER_ROWS,
  };
}

export function isTooSmall(size: TerminalSize): boolean {
  return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
}

/** The first row to draw so that `cursor` is on screen, moving the view as little as possible from `top`.
 * Only the heights between the two are asked for, so a long list costs nothing. */
export function scrollToCursor(
  top: number,
  cursor: number,
  listRows: number,
  heightAt: (position: number) => number,
): number {
  if (cursor <= top) return Math.max(0, cursor);
  // Walk up from the cursor: a jump to the end of a long list measures one screenful, not the whole list.
  let used = 0;
  for (let position = cursor; position >= top; position -= 1) {
    used += heightAt(position);
    if (used > listRows) return Math.min(position + 1, cursor);
  }
  return top;
}

/** Move `top` up while the rows below it leave part of the list empty (after a resize, a filter, or paging to
 * the end), so the last page is a full page. Only a screenful of heights is asked for. */
export function fillViewport(top: number, count: number, listRows: number, heightAt: (position: number) => number): number {
  let used = 0;
  for (let position = top; position < count; position += 1) {
    used += heightAt(position);
    if (used >= listRows) return top;
  }
  let newTop = top;
  while (newTop > 0 && used + heightAt(newTop - 1) <= listRows) {
    newTop -= 1;
    used += heightAt(newTop);
  }
  return newTop;
}

/** How many rows, starting at `top`, fit entirely in `listRows` lines (at least one, so paging always moves). */
export function rowsThatFit(top: number, count: number, listRows: number, heightAt: (position: number) => number): number {
  let used = 0;
  let fitted = 0;
  for (let position = top; position < count; position += 1) {
    used += heightAt(position);
    if (used > listRows) break;
    fitted += 1;
  }
  return Math.max(1, fitted);
}
