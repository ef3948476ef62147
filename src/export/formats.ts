/**
 * The formats one alignment can be written in, as one table: `align --format`, `export --format`, the review UI's
 * `e` (by the file's extension) and the extension check of `--out` all dispatch through it. A new writer is one
 * more entry here. (Moses is not: it writes three files from a prefix, see export/moses.ts.)
 */
import type { Alignment } from '../types.js';
import { alignmentName, formatCsv, csvRows } from './csv.js';
import { toJson, toJsonLine } from './json.js';
import { allPairIndexes } from './pair-text.js';
import { toText } from './text.js';
import { tmxWarnings, toTmx } from './tmx.js';
import { toVecalign } from './vecalign.js';

export interface WriteOptions {
  /** CSV: the spreadsheet mode (a byte-order mark, formula cells neutralised). */
  readonly bom?: boolean;
  /** Text: the width of the listing. */
  readonly width?: number;
  /** The pairs to write (0-based, default all): formats that number pairs keep each pair's number in the whole. */
  readonly indexes?: readonly number[];
}

export interface ExportFormat {
  /** File name endings that ask for this format, lower case, with the dot. */
  readonly extensions: readonly string[];
  /** `alignment` holds only the pairs of `options.indexes`; a format that numbers pairs writes from `whole`. */
  readonly write: (alignment: Alignment, options: WriteOptions, whole: Alignment) => string | Promise<string>;
  /** What the user should know about this alignment in this format (said on standard error, or in the UI). */
  readonly warnings?: (alignment: Alignment) => string[];
}

/** Text listings default to this width when the output is not a terminal. */
export const DEFAULT_TEXT_WIDTH = 100;

export const EXPORT_FORMATS = {
  text: { extensions: ['.txt'], write: (alignment, options) => toText(alignment, options.width ?? DEFAULT_TEXT_WIDTH) },
  json: { extensions: ['.json'], write: (alignment) => toJson(alignment) },
  jsonl: { extensions: ['.jsonl'], write: (_, options, whole) => toJsonLine(whole, alignmentName(whole), options.indexes) },
  csv: {
    extensions: ['.csv'],
    write: (_, options, whole) => formatCsv(csvRows(whole, alignmentName(whole), options.indexes ?? allPairIndexes(whole)), { bom: options.bom }),
  },
  tmx: {
    extensions: ['.tmx'],
    write: (_, options, whole) => toTmx(whole, new Date(), options.indexes),
    warnings: tmxWarnings,
  },
  vecalign: { extensions: ['.vecalign'], write: (alignment) => toVecalign(alignment) },
  // Loaded when asked for: the report's writer is large, and every command reads this table at start-up.
  html: {
    extensions: ['.html', '.htm'],
    write: async (alignment) => (await import('./html/page.js')).toHtml(alignment, { generated: new Date() }),
  },
} as const satisfies Readonly<Record<string, ExportFormat>>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as readonly ExportFormatName[];

export function isExportFormat(name: string): name is ExportFormatName {
  return Object.hasOwn(EXPORT_FORMATS, name);
}

/** The file's extension, lower case with its dot ('' for none). */
export function extensionOf(path: string): string {
  return /\.[^./\\]+$/.exec(path)?.[0]?.toLowerCase() ?? '';
}

/** The format a file name asks for by its extension, or undefined. */
export function formatOfPath(path: string): ExportFormatName | undefined {
  const extension = extensionOf(path);
  return EXPORT_FORMAT_NAMES.find((name) => (EXPORT_FORMATS[name].extensions as readonly string[]).includes(extension));
}

/** `.csv, .json, ...`: what to tell a user whose file name ends otherwise. */
export function knownExtensions(): string {
  return EXPORT_FORMAT_NAMES.flatMap((name) => EXPORT_FORMATS[name].extensions).join(', ');
}

export interface Written {
  readonly text: string;
  readonly warnings: readonly string[];
}

/** The alignment in a format; with `reviewedOnly`, only the pairs a reviewer marked (a memory of checked pairs),
 * each keeping its number where the format carries one (CSV pair_index). */
export async function writeAlignment(
  alignment: Alignment,
  format: ExportFormatName,
  options: WriteOptions & { readonly reviewedOnly?: boolean } = {},
): Promise<Written> {
  const spec: ExportFormat = EXPORT_FORMATS[format];
  if (options.reviewedOnly !== true) return { text: await spec.write(alignment, options, alignment), warnings: spec.warnings?.(alignment) ?? [] };
  const indexes = allPairIndexes(alignment).filter((index) => alignment.pairs[index]?.reviewed === true);
  const kept = { ...alignment, pairs: indexes.map((index) => alignment.pairs[index]!) };
  return { text: await spec.write(kept, { ...options, indexes }, alignment), warnings: spec.warnings?.(kept) ?? [] };
}
