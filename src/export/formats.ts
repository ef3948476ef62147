/**
 * The formats one alignment can be written in, as one table: `align --format`, `export --format`, the review UI's
 * `e` (by the file's extension) and the extension check of `--out` all dispatch through it. A new writer is one
 * more entry here. Formats written as several line-aligned files from one prefix (Moses) are the second table,
 * FILE_SET_FORMATS, which `align` and `export` share in the same way.
 */
import type { Alignment } from '../types.js';
import { alignmentName, formatCsv, csvRows } from './csv.js';
import { toJson, toJsonLine } from './json.js';
import { mosesFiles, mosesLines } from './moses.js';
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

/** A format written as several files from one prefix (`--out PREFIX`), line for line. */
export interface FileSetFormat {
  /** The files `--out PREFIX` stands for, in the order `write` returns their texts. */
  readonly files: (prefix: string) => string[];
  /** The text of each file; `indexes` (0-based, default all) keep each pair's number in the whole. */
  readonly write: (alignment: Alignment, indexes?: readonly number[]) => string[];
}

export const FILE_SET_FORMATS = {
  moses: {
    files: mosesFiles,
    write: (alignment, indexes) => {
      const lines = mosesLines(alignment, alignmentName(alignment), indexes);
      return [lines.en, lines.id, lines.ids];
    },
  },
} as const satisfies Readonly<Record<string, FileSetFormat>>;

export type FileSetFormatName = keyof typeof FILE_SET_FORMATS;

export function isFileSetFormat(name: string): name is FileSetFormatName {
  return Object.hasOwn(FILE_SET_FORMATS, name);
}

/** The pairs a reviewer marked (0-based): what `reviewedOnly` keeps. */
export function reviewedIndexes(alignment: Alignment): number[] {
  return allPairIndexes(alignment).filter((index) => alignment.pairs[index]?.reviewed === true);
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
  const indexes = reviewedIndexes(alignment);
  const kept = { ...alignment, pairs: indexes.map((index) => alignment.pairs[index]!) };
  return { text: await spec.write(kept, { ...options, indexes }, alignment), warnings: spec.warnings?.(kept) ?? [] };
}
