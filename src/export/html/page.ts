/** `--format html`: one self-contained page (inline style and script, no requests) with the alignment side by side,
 * what differs marked inside both texts, filters and a search. The markup comes only from `html` templates, which
 * escape every text they are given. */
import { createHash } from 'node:crypto';
import type { Alignment, Lang } from '../../types.js';
import type { MultiAlignment } from '../../versions.js';
import {
  buildReportModel,
  buildVersionsReportModel,
  rowTokens,
  type ReportCell,
  type ReportColumn,
  type ReportModel,
  type ReportOptions,
  type ReportRow,
} from './report-model.js';
import { html, trustedConstant, type Html } from './safe-html.js';
import { REPORT_SCRIPT } from './script.js';
import { REPORT_STYLE } from './style.js';

const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', id: 'Indonesian', und: 'language not recognised' };
const NO_COUNTERPART = '— no counterpart —';
const SAME_AS_ABOVE = '(same as the row above)';
const ONLY_ELSEWHERE = '(only in another version)';
const ROLE_NAMES: Record<ReportColumn['role'], string> = { source: 'source', target: 'target', pivot: 'pivot', version: 'version' };

/** Scores print with two decimals, as in the text output and the terminal UI. */
function formatScore(score: number): string {
  return score.toFixed(2);
}

/** "2025-08-22 14:45 UTC" from an ISO time. */
function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A CSP source for an inline element: the page runs only its own style and script, even if markup were ever
 * injected, and may fetch nothing at all. */
function cspHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

function header(model: ReportModel): Html {
  const facts = model.columns.map(
    (column) =>
      html`<div><dt>${ROLE_NAMES[column.role]}</dt><dd><span class="path">${column.path}</span> · ${LANGUAGE_NAMES[column.lang]} (${column.lang}) · ${column.sentences} sentences</dd></div>`,
  );
  const counts = model.counts.map(
    (group) =>
      html`${group.heading !== null && html`<h2 class="counts-heading">${group.heading}</h2>`}<dl class="counts">${group.counts.map(
        (count) => html`<div data-count="${count.id}"><dt>${count.label}</dt><dd>${count.value}</dd></div>`,
      )}</dl>`,
  );
  return html`<header>
<h1>Alignment report: ${model.title}</h1>
<dl class="facts">${facts}<div><dt>model</dt><dd>${model.model}</dd></div><div><dt>generated</dt><dd><time datetime="${model.generated}">${formatTime(model.generated)}</time></dd></div></dl>
${counts}
</header>`;
}

function controls(model: ReportModel): Html {
  const buttons = model.filters.map(
    (filter) =>
      html`<button type="button" data-filter="${filter.id}" aria-pressed="${String(filter.id === 'all')}">${filter.label} <span class="count">(${filter.count})</span></button>`,
  );
  return html`<div id="controls" hidden>
<div class="filters" role="group" aria-label="Show rows">${buttons}</div>
<label>Search both texts <input type="search" id="search" autocomplete="off"></label>
<p id="shown" role="status"></p>
</div>`;
}

function cellMarkup(cell: ReportCell, column: ReportColumn): Html {
  const score =
    cell.status !== undefined && cell.score !== undefined
      ? html`<span class="cell-score">${cell.status === 'aligned' ? '' : `${cell.status} · `}score ${formatScore(cell.score)}</span>`
      : null;
  switch (cell.content.kind) {
    case 'text': {
      const segments = cell.content.segments.map((segment) =>
        segment.kinds.length === 0 ? segment.text : html`<mark class="${segment.kinds.map((kind) => `kind-${kind}`).join(' ')}" title="${segment.kinds.join(', ')}">${segment.text}</mark>`,
      );
      return html`<td class="text" lang="${column.lang}">${segments}${score}</td>`;
    }
    case 'no-counterpart':
      return html`<td class="none">${column.role === 'pivot' ? ONLY_ELSEWHERE : NO_COUNTERPART}${score}</td>`;
    case 'same-as-above':
      return html`<td class="none">${SAME_AS_ABOVE}${score}</td>`;
    case 'blank':
      return html`<td class="none"></td>`;
  }
}

function statusMarkup(row: ReportRow): Html {
  const isLow = row.flags.includes('low-confidence');
  const beads = row.score === null ? null : html`<span class="beads">[${row.cells[0]?.sentences.join(', ')}]:[${row.cells[1]?.sentences.join(', ')}]</span>`;
  const flags = row.flags.filter((flag) => flag !== row.status && flag !== 'differences' && flag !== 'low-confidence');
  return html`<td class="status"><span class="status-word">${row.label}</span>${flags.length > 0 && html` <span class="flags">(${flags.join(', ')})</span>`}${
    row.score !== null && html`<span class="score${isLow ? ' low' : ''}">score ${formatScore(row.score)}${isLow ? ' · low' : ''}</span>`
  }${row.score === null && isLow && html`<span class="score low">low confidence</span>`}${beads}</td>`;
}

function notesMarkup(row: ReportRow, isVersions: boolean): Html {
  const moves = row.moves.map((link) => {
    const where = link.side === 'source' ? 'moved: it reappears at' : 'moved: it was at';
    return link.otherRow === null
      ? html`<span class="move-link">${where} an unknown place</span>`
      : html`<a class="move-link" href="#${link.otherRow.id}">${where} ${isVersions ? 'row' : 'pair'} ${link.otherRow.index}</a>`;
  });
  return html`<td class="notes">${row.differences.length > 0 && html`<ul>${row.differences.map((line) => html`<li class="kind-${line.kind}">${line.text}</li>`)}</ul>`}${moves}</td>`;
}

function rowMarkup(row: ReportRow, columns: readonly ReportColumn[], isVersions: boolean): Html {
  const classes = [row.status, ...(row.flags.includes('moved') ? ['moved'] : [])].join(' ');
  const cells = row.cells.map((cell, index) => {
    const column = columns[index];
    return column === undefined ? null : cellMarkup(cell, column);
  });
  return html`<tr id="${row.id}" class="${classes}" data-flags="${rowTokens(row).join(' ')}"><th scope="row"><a href="#${row.id}">${row.index}</a></th>${statusMarkup(row)}${cells}${notesMarkup(row, isVersions)}</tr>
`;
}

function table(model: ReportModel): Html {
  const isVersions = model.columns[0]?.role === 'pivot';
  const heads = model.columns.map(
    (column) => html`<th scope="col">${ROLE_NAMES[column.role]}: <span class="path">${column.label}</span> <span class="lang">${LANGUAGE_NAMES[column.lang]}</span></th>`,
  );
  return html`<table>
<caption class="visually-hidden">${isVersions ? 'One row per pivot sentence with each version’s counterpart' : 'One row per sentence pair, the source left, the target right'}; row and sentence numbers count from 0.</caption>
<colgroup><col class="number"><col class="status">${model.columns.map(() => html`<col>`)}<col class="notes"></colgroup>
<thead><tr><th scope="col">${isVersions ? 'row' : 'pair'}</th><th scope="col">status</th>${heads}<th scope="col">differences</th></tr></thead>
<tbody>
${model.rows.map((row) => rowMarkup(row, model.columns, isVersions))}</tbody>
</table>`;
}

/** The whole page for a report model. */
export function renderReport(model: ReportModel): string {
  const csp = `default-src 'none'; style-src ${cspHash(REPORT_STYLE)}; script-src ${cspHash(REPORT_SCRIPT)}; base-uri 'none'; form-action 'none'`;
  return `${html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="selaras">
<title>selaras: ${model.title}</title>
<style>${trustedConstant(REPORT_STYLE)}</style>
</head>
<body>
${header(model)}
<main>
${controls(model)}
${table(model)}
</main>
<script>${trustedConstant(REPORT_SCRIPT)}</script>
</body>
</html>`}\n`;
}

/** Two documents as an HTML report. */
export function toHtml(alignment: Alignment, options: ReportOptions): string {
  return renderReport(buildReportModel(alignment, options));
}

/** Three or more versions as an HTML report, one column per version. */
export function multiToHtml(multi: MultiAlignment, options: ReportOptions): string {
  return renderReport(buildVersionsReportModel(multi, options));
}
