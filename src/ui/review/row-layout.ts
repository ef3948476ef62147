/** The review list's row: which columns it has, how wide each is, how many lines a pair takes. Pure. */
import { CELL_GAP, MAX_ROW_LINES, PANE_SEPARATOR, wrapText } from '../shared/layout.js';

/** A cursor, the status marker, the review marks (✓ reviewed, ✎ edited), the pair number, the status, the score,
 * then the two text panes. */
export interface ListColumns {
  readonly cursor: number;
  readonly marker: number;
  readonly marks: number;
  readonly number: number;
  readonly status: number;
  readonly score: number;
  readonly source: number;
  readonly target: number;
}

/** Wide enough for `omitted`, the longest status label; merges read `1-2`, `2-1`, `3-1`. */
export const STATUS_WIDTH = 7;
/** `score` heads the column; the values read `0.81`. */
export const SCORE_WIDTH = 5;
/** ✓ and ✎. */
export const MARKS_WIDTH = 2;

/** Digits of the largest pair number (0-based), so numbers line up. */
export function numberWidth(pairCount: number): number {
  return String(Math.max(0, pairCount - 1)).length;
}

/** Columns before the text panes. */
export function prefixWidth(columns: Pick<ListColumns, 'number'>): number {
  return 1 + 1 + MARKS_WIDTH + CELL_GAP + columns.number + CELL_GAP + STATUS_WIDTH + CELL_GAP + SCORE_WIDTH + CELL_GAP;
}

export function listColumns(columns: number, pairNumberWidth = 1): ListColumns {
  const fixed = prefixWidth({ number: pairNumberWidth }) + PANE_SEPARATOR.length;
  const textWidth = Math.max(2, columns - fixed);
  const source = Math.floor(textWidth / 2);
  return {
    cursor: 1,
    marker: 1,
    marks: MARKS_WIDTH,
    number: pairNumberWidth,
    status: STATUS_WIDTH,
    score: SCORE_WIDTH,
    source,
    target: textWidth - source,
  };
}

/** Lines one pair takes in the list at this width: at most MAX_ROW_LINES, unless the row is expanded (z). */
export function rowHeight(sourceText: string, targetText: string, columns: ListColumns, isExpanded = false): number {
  const sourceLines = sourceText.length === 0 ? 1 : wrapText(sourceText, columns.source).length;
  const targetLines = targetText.length === 0 ? 1 : wrapText(targetText, columns.target).length;
  const lines = Math.max(sourceLines, targetLines);
  return isExpanded ? lines : Math.min(MAX_ROW_LINES, lines);
}
