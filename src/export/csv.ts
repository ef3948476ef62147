import { stringify } from 'csv-stringify/sync';
import { summarizeDifferences } from '../compare/index.js';
import type { Alignment } from '../types.js';
import { allPairIndexes, pairLabel, shownPair, sideText } from './pair-text.js';

/** Excel and LibreOffice read UTF-8 CSV correctly only with a byte-order mark. */
const UTF8_BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'pair',
  'source_index',
  'target_index',
  'source_text',
  'target_text',
  'status',
  'score',
  'differences',
  'pair_index',
  // The reviewer's note (the review UI's c), after the columns that were there first.
  'note',
] as const;

export interface CsvOptions {
  /** The spreadsheet mode: prefix a byte-order mark, and neutralise cells a spreadsheet would run as formulas. */
  readonly bom?: boolean;
  /** Neutralise cells a spreadsheet would run as formulas; default: `bom`. A CSV written in pieces (batch) passes it
   * for the pieces after the first, which carry no byte-order mark of their own. */
  readonly neutralise?: boolean;
  /** Write the header row (batch mode writes it once). */
  readonly header?: boolean;
}

/**
 * One row per pair (those of `indexes`, default all); `pairName` fills the first column: the article pair's name
 * (batch mode), and `pair_index` is the pair's 0-based index in the alignment (the JSON's `pairs[pair_index]`).
 */
export function csvRows(alignment: Alignment, pairName: string, indexes: readonly number[] = allPairIndexes(alignment)): string[][] {
  return indexes.map((index) => {
    const pair = alignment.pairs[index]!;
    // A moved sentence's row names the counterpart at the other position, so it shows at both.
    const shown = shownPair(alignment, pair);
    return [
      pairName,
      shown.source.join(' '),
      shown.target.join(' '),
      sideText(alignment, shown, 'source'),
      sideText(alignment, shown, 'target'),
      pairLabel(pair),
      shown.score.toFixed(4),
      summarizeDifferences(shown.differences),
      String(index),
      pair.note ?? '',
    ];
  });
}

/** How a cell starts when a spreadsheet would take it as a formula (OWASP "CSV injection"): =, +, -, @, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/u;

/** A cell a spreadsheet shows as text: a leading apostrophe, which spreadsheets hide, stops a formula from running. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: CRLF line ends, fields quoted where needed. Cells are exact, except in the spreadsheet mode (`bom`),
 * where cells that would run as formulas are neutralised. */
export function formatCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const header = options.header ?? true;
  const all = header ? [[...CSV_COLUMNS], ...rows] : [...rows];
  const cells = (options.neutralise ?? options.bom) ? all.map((row) => row.map(neutraliseFormula)) : all;
  const body = stringify(cells, { record_delimiter: 'windows' });
  return (options.bom ? UTF8_BOM : '') + body;
}

/** The name of the pair of files an `align` run compares: what the CSV's pair column and JSON Lines' name say. */
export function alignmentName(alignment: Alignment): string {
  return `${alignment.source.path} | ${alignment.target.path}`;
}

export function toCsv(alignment: Alignment, options: CsvOptions = {}): string {
  return formatCsv(csvRows(alignment, alignmentName(alignment)), options);
}
