import { basename } from 'node:path';
import type { Document } from '../types.js';
import type { MultiAlignment, VersionCell } from '../versions.js';
import { documentJson, pairsJson } from './json.js';
import { summarizeDifferences } from '../compare/index.js';
import { formatCsv } from './csv.js';
import { cleanForDisplay, stripTerminalControls } from '../text/display-text.js';
import { wrapText } from './text.js';

function cellText(document: Document, cell: VersionCell | null): string {
  return cell ? cell.sentences.map((j) => document.sentences[j]?.text ?? '').join(' ') : '';
}

/** What the version says differently from the pivot in this cell's pair, whole (once, on the first row of a merge). */
function cellDifferences(multi: MultiAlignment, version: number, cell: VersionCell | null): string {
  if (cell === null || cell.continued) return '';
  return summarizeDifferences(multi.alignments[version]?.pairs[cell.pair]?.differences ?? []);
}

/** A short, unique label per file for column headers. */
export function versionLabels(multi: MultiAlignment): string[] {
  const names = [multi.pivot, ...multi.versions].map((d) => basename(d.path));
  return names.map((name, k) => (names.indexOf(name) === k ? name : `${name} (${k + 1})`));
}

/** JSON: the pivot's sentences, then one entry per version with its document and its pairs against the pivot. */
export function multiToJson(multi: MultiAlignment): string {
  const value = {
    pivot: documentJson(multi.pivot),
    model: multi.model,
    versions: multi.alignments.map((alignment) => ({ ...documentJson(alignment.target), pairs: pairsJson(alignment) })),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** CSV: one row per pivot sentence (plus rows for sentences found only elsewhere), one text column per version. */
export function multiToCsv(multi: MultiAlignment, options: { bom?: boolean } = {}): string {
  const [pivotLabel, ...labels] = versionLabels(multi);
  const header = [
    'pivot_index',
    `${pivotLabel} text`,
    ...labels.flatMap((label) => [`${label} index`, `${label} text`, `${label} status`, `${label} score`, `${label} differences`]),
  ];
  const rows = multi.rows.map((row) => [
    row.pivot === null ? '' : String(row.pivot),
    row.pivot === null ? '' : (multi.pivot.sentences[row.pivot]?.text ?? ''),
    ...row.cells.flatMap((cell, v) => [
      cell ? cell.sentences.join(' ') : '',
      cellText(multi.versions[v]!, cell),
      cell ? (cell.continued ? `${cell.status} (merged with the row above)` : cell.status) : '',
      cell ? cell.score.toFixed(4) : '',
      cellDifferences(multi, v, cell),
    ]),
  ]);
  return formatCsv([header, ...rows], { bom: options.bom, header: false });
}

/** Text: each row as a block, the pivot first, then every version's counterpart. */
export function multiToText(multi: MultiAlignment, width = 100): string {
  const labels = versionLabels(multi).map(stripTerminalControls);
  const labelWidth = Math.max(...labels.map((l) => l.length)) + 2;
  const column = Math.max(20, width - labelWidth);
  const out = [
    `pivot: ${stripTerminalControls(multi.pivot.path)} (${multi.pivot.lang}, ${multi.pivot.sentences.length} sentences)`,
    ...multi.versions.map((d) => `version: ${stripTerminalControls(d.path)} (${d.lang}, ${d.sentences.length} sentences)`),
    `model: ${stripTerminalControls(multi.model)}  rows: ${multi.rows.length}`,
    '',
  ];
  const block = (label: string, text: string): void => {
    // For a terminal or a pager: escape sequences in the input must not drive it.
    wrapText(cleanForDisplay(text), column).forEach((line, k) => out.push(`${(k === 0 ? label : '').padEnd(labelWidth)}${line}`.trimEnd()));
  };
  for (const row of multi.rows) {
    block(labels[0]!, row.pivot === null ? '(only in another version)' : multi.pivot.sentences[row.pivot]!.text);
    row.cells.forEach((cell, v) => {
      if (row.pivot === null && !cell) return;
      const text = !cell || cell.sentences.length === 0 ? '(no counterpart)' : cell.continued ? '(same as above)' : cellText(multi.versions[v]!, cell);
      block(labels[v + 1]!, text);
      const differences = cellDifferences(multi, v, cell);
      if (differences !== '') block('', `differences: ${differences}`);
    });
    out.push('');
  }
  return out.join('\n');
}
