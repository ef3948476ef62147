/**
 * The formats a batch streams: what goes into each output file before the first pair, for each pair (one unit,
 * written whole), and after the last. Built on the export writers, so `align` and `batch` write the same rows.
 */
import { formatCsv, csvRows } from '../export/csv.js';
import { toJsonLine } from '../export/json.js';
import { mosesFiles, mosesLines } from '../export/moses.js';
import { TMX_FOOTER, tmxHeader, tmxUnits } from '../export/tmx.js';
import type { Alignment } from '../types.js';
import type { BatchFormat } from './format-names.js';

export { BATCH_FORMATS, batchFormatFor, type BatchFormat } from './format-names.js';

export interface StreamFormat {
  readonly name: BatchFormat;
  /** The files `--out OUT` stands for (moses: OUT.en, OUT.id, OUT.ids). */
  files(out: string): string[];
  /** One string per file. */
  header(): string[];
  /** The unit of one article pair, one string per file; `indexes` are the pairs kept by the filters. */
  unit(alignment: Alignment, name: string, indexes: readonly number[]): string[];
  footer(): string[];
  /** Whether the format shows differences (when not, the pipeline need not find them). */
  readonly showsDifferences: boolean;
  /** The format holds aligned pairs only (omitted and added sentences have no place in it). */
  readonly isAlignedOnly: boolean;
}

/** A batch TMX mixes pairs of any languages: "*all*" is TMX 1.4's source language for that. */
const TMX_ANY_SOURCE = '*all*';

export function streamFormat(format: BatchFormat, options: { bom?: boolean } = {}): StreamFormat {
  switch (format) {
    case 'csv':
      return {
        name: format,
        files: (out) => [out],
        header: () => [formatCsv([], { bom: options.bom })],
        unit: (alignment, name, indexes) => [formatCsv(csvRows(alignment, name, indexes), { header: false, neutralise: options.bom })],
        footer: () => [''],
        showsDifferences: true,
        isAlignedOnly: false,
      };
    case 'jsonl':
      return {
        name: format,
        files: (out) => [out],
        header: () => [''],
        unit: (alignment, name, indexes) => [toJsonLine(alignment, name, indexes)],
        footer: () => [''],
        showsDifferences: true,
        isAlignedOnly: false,
      };
    case 'tmx':
      return {
        name: format,
        files: (out) => [out],
        // No creation date: a resumed run and merged shards write exactly what one uninterrupted run does.
        header: () => [tmxHeader(TMX_ANY_SOURCE)],
        unit: (alignment, name, indexes) => [tmxUnits(alignment, indexes, name)],
        footer: () => [TMX_FOOTER],
        showsDifferences: false,
        isAlignedOnly: true,
      };
    case 'moses':
      return {
        name: format,
        files: mosesFiles,
        header: () => ['', '', ''],
        unit: (alignment, name, indexes) => {
          const lines = mosesLines(alignment, name, indexes);
          return [lines.en, lines.id, lines.ids];
        },
        footer: () => ['', '', ''],
        showsDifferences: false,
        isAlignedOnly: true,
      };
  }
}
