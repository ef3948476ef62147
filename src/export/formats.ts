/**
 * The formats one alignment can be written in, as one table: `align --format`, `export --format`, the review UI's
 * `e` (by the file's extension) and the extension check of `--out` all dispatch through it. A new writer is one
 * more entry here (JSON Lines and the HTML report are added by their own writers the same way).
 */
import type { Alignment } from '../types.js';
import { toCsv } from './csv.js';
import { toJson } from './json.js';
import { toText } from './text.js';
import { tmxWarnings, toTmx } from './tmx.js';
import { toVecalign } from './vecalign.js';

export interface WriteOptions {
  /** CSV: the spreadsheet mode (a byte-order mark, formula cells neutralised). */
  readonly bom?: boolean;
  /** Text: the width of the listing. */
  readonly width?: number;
}

export interface ExportFormat {
  /** File name endings that ask for this format, lower case, with the dot. */
  readonly extensions: readonly string[];
  readonly write: (alignment: Alignment, options: WriteOptions) => string;
  /** What the user should know about this alignment in this format (said on standard error, or in the UI). */
  readonly warnings?: (alignment: Alignment) => string[];
}

/** Text listings default to this width when the output is not a terminal. */
export const DEFAULT_TEXT_WIDTH = 100;

export const EXPORT_FORMATS = {
  text: { extensions: ['.txt'], write: (alignment, options) => toText(alignment, options.width ?? DEFAULT_TEXT_WIDTH) },
  json: { extensions: ['.json'], write: (alignment) => toJson(alignment) },
  csv: { extensions: ['.csv'], write: (alignment, options) => toCsv(alignment, { bom: options.bom }) },
  tmx: { extensions: ['.tmx'], write: (alignment) => toTmx(alignment), warnings: tmxWarnings },
  vecalign: { extensions: ['.vecalign'], write: (alignment) => toVecalign(alignment) },
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

/** The alignment in a format; with `reviewedOnly`, only the pairs a reviewer marked (a memory of checked pairs). */
export function writeAlignment(
  alignment: Alignment,
  format: ExportFormatName,
  options: WriteOptions & { readonly reviewedOnly?: boolean } = {},
): Written {
  const spec: ExportFormat = EXPORT_FORMATS[format];
  const kept = options.reviewedOnly === true ? { ...alignment, pairs: alignment.pairs.filter((pair) => pair.reviewed === true) } : alignment;
  return { text: spec.write(kept, options), warnings: spec.warnings?.(kept) ?? [] };
}
