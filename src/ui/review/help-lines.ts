/** The review's `?` screen, made from the key tables and the status table, so it can never disagree with what the
 * keys do or what the markers mean. It scrolls (j/k), so it is never cut off at 80x24. Pure. */
import { fitHelpLines, helpSection } from '../shared/frame-lines.js';
import { padLine, type Line, type Span } from '../shared/layout.js';
import type { KeyBinding, KeyTables } from './key-map.js';
import { EDITED_MARK, REVIEWED_MARK, ROW_STATUSES } from './statuses.js';

const GROUP_TITLES: readonly (readonly [string | undefined, string])[] = [
  ['move', 'moving'],
  ['find', 'finding'],
  ['edit', 'correcting and reviewing (u undoes every one)'],
  ['files', 'files'],
  [undefined, 'the rest'],
];

export function helpContentLines(columns: number, tables: KeyTables): Line[] {
  const legend = (spans: readonly Span[]): Line => padLine(spans, columns);
  const lines: Line[] = [
    legend([{ text: 'markers', tone: 'dim' }]),
    ...ROW_STATUSES.map((status) => legend([{ text: '  ' }, { text: status.marker, tone: status.tone }, { text: `  ${status.meaning}` }])),
    legend([{ text: '  ' }, { text: REVIEWED_MARK, tone: 'aligned' }, { text: '  reviewed   ' }, { text: EDITED_MARK, tone: 'aligned' }, { text: '  changed by the reviewer (J x L S)' }]),
    legend([{ text: '  ' }, { text: 'underlined', tone: 'difference' }, { text: ' what differs between the sides (listed under Enter)' }]),
    legend([{ text: '  pair and sentence numbers are 0-based, as in every export', tone: 'dim' }]),
  ];
  const grouped = (group: string | undefined): readonly KeyBinding[] => tables.browse.filter((binding) => binding.group === group);
  for (const [group, title] of GROUP_TITLES) {
    const bindings = grouped(group);
    if (bindings.length > 0) lines.push(padLine([], columns), ...helpSection(title, bindings, columns));
  }
  lines.push(padLine([], columns), ...helpSection('in the detail pane (→ or l)', tables.detail, columns));
  lines.push(padLine([], columns), ...helpSection('while typing a search', tables.search, columns));
  lines.push(padLine([], columns), ...helpSection('in this help', tables.help, columns));
  return lines;
}

export function helpContentLineCount(columns: number, tables: KeyTables): number {
  return helpContentLines(columns, tables).length;
}

/** The help from line `top`, fitted to `rows`; the last line says how to see the rest when it does not fit. */
export function helpLines(columns: number, rows: number, tables: KeyTables, top = 0): Line[] {
  const content = helpContentLines(columns, tables);
  if (content.length <= rows) return fitHelpLines(content, columns, rows);
  const shown = Math.max(0, rows - 1);
  const first = Math.max(0, Math.min(top, content.length - shown));
  const where = `── help lines ${first + 1}-${first + shown} of ${content.length} · j/k or PgDn/PgUp scroll · ? or Esc closes `;
  return [...content.slice(first, first + shown), padLine([{ text: where, tone: 'dim' }], columns)];
}
