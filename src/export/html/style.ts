/** The report's style sheet: light and dark through `prefers-color-scheme` (light on paper), a print layout, system fonts only (the
 * page makes no requests). Every status also has a word, so nothing is said by colour alone. */
export const REPORT_STYLE = `
:root {
  color-scheme: light dark;
  --text: #1b1f24; --muted: #57606a; --page: #ffffff; --panel: #f6f8fa; --rule: #d0d7de;
  --aligned: #1a7f37; --omitted: #b3261e; --added: #0a58ca; --moved: #7a3fb8; --warning: #8a5a00;
  --mark: #fff1a8; --mark-rule: #8a5a00; --search: #b6e3ff; --focus: #0a58ca;
}
/* Dark on screen only: paper stays light. */
@media screen and (prefers-color-scheme: dark) {
  :root {
    --text: #e6edf3; --muted: #9da7b3; --page: #0d1117; --panel: #161b22; --rule: #3d444d;
    --aligned: #56d364; --omitted: #ff8182; --added: #79c0ff; --moved: #d2a8ff; --warning: #e3b341;
    --mark: #4d3b00; --mark-rule: #e3b341; --search: #1f4d7a; --focus: #79c0ff;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; padding: 1rem 1.25rem 3rem; background: var(--page); color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
}
/* For screen readers only: the table's caption. */
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
h1 { font-size: 1.35rem; margin: 0 0 0.5rem; }
a { color: var(--added); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.facts, .counts { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0 0 0.5rem; padding: 0; }
.facts div, .counts div { display: flex; gap: 0.4rem; }
.facts dt, .counts dt { color: var(--muted); }
.facts dd, .counts dd { margin: 0; }
.counts dd { font-weight: 600; font-variant-numeric: tabular-nums; }
.counts-heading { font-size: 1rem; margin: 0.5rem 0 0.25rem; }
.path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
#controls {
  position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem;
  padding: 0.5rem 0; background: var(--page); border-bottom: 1px solid var(--rule);
}
#controls[hidden] { display: none; }
.filters { display: flex; flex-wrap: wrap; gap: 0.25rem; }
.filters button {
  font: inherit; font-size: 0.9rem; padding: 0.15rem 0.6rem; border: 1px solid var(--rule); border-radius: 1rem;
  background: var(--panel); color: var(--text); cursor: pointer;
}
.filters button[aria-pressed="true"] { background: var(--text); color: var(--page); border-color: var(--text); }
#search { font: inherit; padding: 0.2rem 0.5rem; min-width: 16rem; border: 1px solid var(--muted); border-radius: 0.3rem; background: var(--page); color: var(--text); }
#shown { color: var(--muted); margin: 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.5rem; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
thead th { background: var(--panel); font-weight: 600; overflow-wrap: normal; }
thead .lang { color: var(--muted); font-weight: 400; }
col.number { width: 3.5rem; } col.status { width: 9rem; } col.notes { width: 17rem; }
tbody th { font-weight: 400; font-variant-numeric: tabular-nums; }
tbody th a { color: var(--muted); text-decoration: none; }
tr:target { background: var(--panel); }
tr.omitted { box-shadow: inset 4px 0 var(--omitted); }
tr.added { box-shadow: inset 4px 0 var(--added); }
tr.moved { box-shadow: inset 4px 0 var(--moved); }
.status-word { font-weight: 600; }
.omitted .status-word { color: var(--omitted); }
.added .status-word { color: var(--added); }
.aligned .status-word { color: var(--aligned); }
.moved .status-word { color: var(--moved); }
.score { display: block; color: var(--muted); font-variant-numeric: tabular-nums; }
.low { color: var(--warning); font-weight: 600; }
.beads { display: block; color: var(--muted); font-size: 0.85em; }
.none { color: var(--muted); font-style: italic; }
.cell-score { display: block; color: var(--muted); font-size: 0.85em; }
mark { background: var(--mark); color: inherit; text-decoration: underline; text-decoration-color: var(--mark-rule); text-underline-offset: 0.15em; }
::highlight(selaras-search) { background: var(--search); }
.notes ul { margin: 0; padding-left: 1rem; }
.notes li { margin: 0 0 0.2rem; }
.move-link { display: block; margin-top: 0.2rem; }
@media print {
  body { padding: 0; font-size: 10pt; color: #000; background: #fff; }
  #controls { display: none; }
  thead th { background: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  tr:target { background: none; }
  mark { background: none; text-decoration: underline; }
  a { color: inherit; text-decoration: none; }
  tr.omitted, tr.added, tr.moved { box-shadow: none; border-left: 3pt solid #000; }
  col.number { width: 3.2rem; } col.status { width: 6rem; } col.notes { width: 10rem; }
}
`;
