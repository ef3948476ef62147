import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { lineText, lineWidth, type Line } from '../../../src/ui/shared/layout.js';
import { OVERVIEW_PREFIX_WIDTH, overviewColumnWidths, shownColumnCount, shownVersions } from '../../../src/ui/versions/columns.js';
import {
  overviewColumnHeaderLine,
  overviewFooterLine,
  overviewHeaderLines,
  overviewHelpContentLines,
  overviewListLines,
} from '../../../src/ui/versions/versions-lines.js';
import { buildVersionsModel } from '../../../src/ui/versions/versions-model.js';
import {
  commandsForOverviewInput,
  createOverviewState,
  overviewModeOf,
  reduceOverview,
  type OverviewAction,
  type OverviewState,
} from '../../../src/ui/versions/versions-state.js';
import { toMultiAlignment } from '../../../src/versions.js';
import { uniformAlignment, versionsFixture } from '../fixtures/make-alignment.js';

const SIZE = { columns: 80, rows: 24 };

function fixture(size = SIZE): OverviewState {
  return createOverviewState(buildVersionsModel(versionsFixture()), size);
}

function run(state: OverviewState, actions: readonly OverviewAction[]): OverviewState {
  return actions.reduce(reduceOverview, state);
}

function texts(lines: readonly Line[]): string[] {
  return lines.map(lineText);
}

describe('columns that fit', () => {
  it.each([
    [40, 4, 2],
    [79, 4, 3],
    [80, 4, 3],
    [100, 4, 4],
    [200, 4, 4],
    [200, 9, 8],
    [80, 2, 2],
  ])('%i columns, %i versions: %i columns', (columns, versions, expected) => {
    expect(shownColumnCount(columns, versions)).toBe(expected);
  });

  it.each([
    [80, 3],
    [81, 3],
    [40, 2],
    [100, 4],
  ])('%i columns split into %i exactly', (columns, count) => {
    const widths = overviewColumnWidths(columns, count);
    expect(widths).toHaveLength(count);
    expect(OVERVIEW_PREFIX_WIDTH + widths.reduce((a, b) => a + b, 0) + 3 * (count - 1)).toBe(columns);
  });
});

describe('choosing the version compared with the pivot', () => {
  it.each<[string, readonly OverviewAction[], number, readonly number[]]>([
    ['starts with the first version after the pivot', [], 0, [0, 1]],
    ['next', [{ type: 'choose-version', delta: 1 }], 1, [0, 1]],
    ['a version off screen scrolls the columns', [{ type: 'choose-version', delta: 1 }, { type: 'choose-version', delta: 1 }], 2, [1, 2]],
    [
      'back to the first scrolls them back',
      [
        { type: 'choose-version', delta: 1 },
        { type: 'choose-version', delta: 1 },
        { type: 'choose-version', delta: -1 },
        { type: 'choose-version', delta: -1 },
      ],
      0,
      [0, 1],
    ],
  ])('%s', (_name, actions, chosen, shown) => {
    const state = run(fixture(), actions);
    expect(state.chosen).toBe(chosen);
    expect(shownVersions(state)).toEqual(shown);
  });

  it.each<[1 | -1, number, string]>([
    [-1, 0, 'this is the first version after the pivot'],
    [1, 2, 'this is the last version'],
  ])('stops at the end (%i) and says so', (delta, from, message) => {
    const start = run(fixture(), Array(from).fill({ type: 'choose-version', delta: 1 }));
    const state = reduceOverview(start, { type: 'choose-version', delta });
    expect(state.chosen).toBe(from);
    expect(state.message?.text).toBe(message);
  });

  it('shows every version when the terminal is wide enough, and keeps the chosen one on screen when it shrinks', () => {
    const chosen = run(fixture(), [{ type: 'choose-version', delta: 1 }, { type: 'choose-version', delta: 1 }]);
    const wide = reduceOverview(chosen, { type: 'resize', size: { columns: 120, rows: 24 } });
    expect(shownVersions(wide)).toEqual([0, 1, 2]);
    const narrow = reduceOverview(wide, { type: 'resize', size: { columns: 45, rows: 24 } });
    expect(shownVersions(narrow)).toEqual([2]);
  });
});

describe('moving', () => {
  it.each<[string, readonly OverviewAction[], number]>([
    ['starts at the top', [], 0],
    ['down', [{ type: 'move', delta: 1 }], 1],
    ['up at the top stays', [{ type: 'move', delta: -1 }], 0],
    ['last', [{ type: 'jump', to: 'last' }], 7],
    ['next differing row', [{ type: 'next-flagged', direction: 1 }], 1],
    ['next differing row skips the same ones', [{ type: 'move', delta: 3 }, { type: 'next-flagged', direction: 1 }], 5],
    ['previous differing row', [{ type: 'jump', to: 'last' }, { type: 'move', delta: -3 }, { type: 'next-flagged', direction: -1 }], 3],
  ])('%s', (_name, actions, cursor) => {
    expect(run(fixture(), actions).cursor).toBe(cursor);
  });

  it('says when no differing row is left', () => {
    const state = run(fixture(), [{ type: 'jump', to: 'last' }, { type: 'next-flagged', direction: 1 }]);
    expect(state.message?.text).toBe('no differing row below');
  });

  it('pages through a long list and keeps the cursor on screen', () => {
    const long = createOverviewState(buildVersionsModel(toMultiAlignment([uniformAlignment(200), uniformAlignment(200)])), SIZE);
    const paged = run(long, [{ type: 'page', direction: 1 }, { type: 'page', direction: 1 }]);
    expect(paged.cursor).toBe(38);
    const end = reduceOverview(paged, { type: 'jump', to: 'last' });
    expect(end.cursor).toBe(199);
    expect(end.top).toBe(181);
  });
});

describe('coming back from the two-version review', () => {
  it.each<[number, number, number]>([
    [0, 4, 4],
    [1, 2, 3],
    [1, 3, 5],
    [0, 1, 1],
    [2, 4, 7],
  ])('version %i pair %i selects row %i and chooses that version', (version, pairIndex, row) => {
    const state = reduceOverview(fixture(), { type: 'return-from-review', version, pairIndex });
    expect(state.cursor).toBe(row);
    expect(state.chosen).toBe(version);
  });

  it('keeps the place when there was no pair', () => {
    const moved = run(fixture(), [{ type: 'move', delta: 2 }]);
    expect(reduceOverview(moved, { type: 'return-from-review', version: 1, pairIndex: null }).cursor).toBe(2);
  });

  it('scrolls a row that is off screen into view with context above it', () => {
    const long = createOverviewState(buildVersionsModel(toMultiAlignment([uniformAlignment(200), uniformAlignment(200)])), SIZE);
    const state = reduceOverview(long, { type: 'return-from-review', version: 0, pairIndex: 120 });
    expect(state.cursor).toBe(120);
    expect(state.top).toBe(118);
  });
});

describe('keys', () => {
  it.each<[string, string, Partial<Key>, ReturnType<typeof commandsForOverviewInput>]>([
    ['a run of keys is one key each', 'jj]', {}, [{ type: 'move', delta: 1 }, { type: 'move', delta: 1 }, { type: 'choose-version', delta: 1 }]],
    ['arrows choose the version', '', { rightArrow: true }, [{ type: 'choose-version', delta: 1 }]],
    ['Enter opens, and the keys after it are not the overview’s', 'j\rj', {}, [{ type: 'move', delta: 1 }, { type: 'open' }]],
    ['q quits and stops', 'qj', {}, [{ type: 'quit' }]],
    ['e exports', 'e', {}, [{ type: 'export' }]],
    ['help takes the keys while open', '?j?', {}, [{ type: 'toggle-help' }, { type: 'toggle-help' }]],
    ['unbound keys do nothing', 'xv/', {}, []],
  ])('%s', (_name, input, key, expected) => {
    expect(commandsForOverviewInput(fixture(), input, key)).toEqual(expected);
  });

  it('has a help mode while the help is open', () => {
    expect(overviewModeOf(reduceOverview(fixture(), { type: 'toggle-help' }))).toBe('help');
  });
});

describe('overview lines', () => {
  const sizes = [
    { columns: 80, rows: 24 },
    { columns: 100, rows: 30 },
    { columns: 40, rows: 12 },
    { columns: 200, rows: 60 },
  ];
  it.each(sizes)('every line is exactly $columns wide at $columns x $rows, every row selected', (size) => {
    let state = fixture(size);
    for (let row = 0; row < 8; row += 1) {
      for (const line of [...overviewHeaderLines(state), overviewColumnHeaderLine(state), ...overviewListLines(state, 10), overviewFooterLine(state)]) {
        expect(lineWidth(line), JSON.stringify(lineText(line))).toBe(size.columns);
      }
      state = reduceOverview(state, { type: 'move', delta: 1 });
    }
    for (const line of overviewHelpContentLines(size.columns)) expect(lineWidth(line)).toBe(size.columns);
  });

  it('names the versions in the column header, the chosen one marked ⇄', () => {
    expect(lineText(overviewColumnHeaderLine(fixture()))).toMatch(/^ {3}1 news\.en\.txt \(pivot\) +│ ⇄ 2 news\.id\.txt +│ {3}3 wire\.en\.txt +$/);
    const chosen = run(fixture(), [{ type: 'choose-version', delta: 1 }, { type: 'choose-version', delta: 1 }]);
    expect(lineText(overviewColumnHeaderLine(chosen))).toMatch(/│ {3}3 wire\.en\.txt +│ ⇄ 4 copy\.en\.txt/);
  });

  it('shortens the counts on a narrow terminal', () => {
    expect(lineText(overviewHeaderLines(fixture())[1] ?? [])).toMatch(/^1 ⇄ 2 +6 pairs · 4 aligned · 1 omit · 1 add · 1 diff · 0 low/);
  });

  it('counts the chosen version against the pivot in the header', () => {
    const header = texts(overviewHeaderLines(fixture({ columns: 120, rows: 24 })));
    expect(header[0]).toMatch(/^selaras 4 versions · pivot news\.en\.txt \(en\) +model test-model/);
    expect(header[1]).toMatch(/^1 ⇄ 2 +6 pairs · 4 aligned · 1 omitted · 1 added · 1 with differences · 0 low confidence/);
  });

  it('shows placeholders, markers and the merged row', () => {
    const list = texts(overviewListLines(fixture({ columns: 200, rows: 40 }), 30));
    expect(list[0]).toMatch(/^> {2}The minister arrived in Jakarta on Monday\. +│ Menteri tiba/);
    expect(list.find((line) => line.includes('Baca Juga'))).toMatch(/^ \+ — no counterpart — +│ Baca Juga: Harga beras naik lagi +│ +│ +$/);
    expect(list.find((line) => line.includes('He met'))).toMatch(/^ - He met the governor for two hours\. +│ — no counterpart — +│ He met/);
    expect(list.find((line) => line.includes('Officials said'))).toMatch(/│ ↑ merged with above +│ ↑ merged with above/);
    expect(list.find((line) => line.includes('returns on Friday'))).toMatch(/^ \? /);
  });

  it('highlights the chosen version’s differences in the pivot and each version’s own in its column', () => {
    const row = overviewListLines(fixture({ columns: 120, rows: 40 }), 30).find((line) => lineText(line).includes('About 232,000'));
    const marked = (row ?? []).filter((span) => span.tone === 'difference').map((span) => span.text);
    expect(marked).toEqual(['232,000', '23.000']);
  });

  it('says how many versions are shown when not all fit', () => {
    expect(lineText(overviewFooterLine(fixture()))).toMatch(/^ row 1 of 8 · 1 ⇄ 2 · 3 of 4 shown +←→ version · Enter open · \? help · q quit $/);
    expect(lineText(overviewFooterLine(fixture({ columns: 120, rows: 24 })))).not.toContain('shown');
  });

  it('lists the overview keys from the key table in the help', () => {
    const help = texts(overviewHelpContentLines(100)).join('\n');
    expect(help).toMatch(/→ \] l +compare the pivot with the next version/);
    expect(help).toMatch(/Enter +the pivot and the chosen version side by side/);
    expect(help).toContain('in the side-by-side review, Esc or v comes back here');
    expect(overviewHelpContentLines(80).length).toBeLessThanOrEqual(19);
  });
});
