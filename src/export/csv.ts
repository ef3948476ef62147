import { stringify } from 'csv-stringify/sync';
import { summarizeDifferences } from '../compare/index.js';
import type { Alignment } from '../types.js';
import { pairLabel, sideText } from './pair-text.js';

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
] as const;

export interface CsvOptions {
  /** Prefix a byte-order mark for spreadsheet programs. */
  readonly bom?: boolean;
  /** Write the header row (batch mode writes it once). */
  readonly header?: boolean;
}

/** One row per pair; `pairName` fills the first column (the file pair in batch mode). */
export function csvRows(alignment: Alignment, pairName: string): string[][] {
  return alignment.pairs.map((pair) => [
    pairName,
    pair.source.join(' '),
    pair.target.join(' '),
    sideText(alignment, pair, 'source'),
    sideText(alignment, pair, 'target'),
    pairLabel(pair),
    pair.score.toFixed(4),
    summarizeDifferences(pair.differences),
  ]);
}

/** RFC 4180: CRLF line ends, fields quoted where needed. */
export function formatCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const header = options.header ?? true;
  const body = stringify(header ? [[...CSV_COLUMNS], ...rows] : [...rows], { record_delimiter: 'windows' });
  return (options.bom ? UTF8_BOM : '') + body;
}

export function toCsv(alignment: Alignment, options: CsvOptions = {}): string {
  return formatCsv(csvRows(alignment, `${alignment.source.path} | ${alignment.target.path}`), options);
}
