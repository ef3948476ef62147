import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Alignment } from '../../../src/types.js';
import { keyLabel } from '../../../src/ui/shared/keys.js';
import { NO_COUNTERPART, errorLines, progressBar, progressLines } from '../../../src/ui/shared/frame-lines.js';
import { MAX_ROW_LINES, lineText, lineWidth, type Line } from '../../../src/ui/shared/layout.js';
import { buildReviewModel } from '../../../src/ui/review/review-model.js';
import { helpContentLines, helpLines } from '../../../src/ui/review/help-lines.js';
import {
  detailContentLines,
  detailLines,
  differenceSpans,
  highlightMatches,
  pairRowLines,
  sideLabels,
  wordDiffSpans,
  type RowOptions,
} from '../../../src/ui/review/pair-lines.js';
import { footerLine, headerLines, listLines, reviewFrame } from '../../../src/ui/review/screen-lines.js';
import { ROW_STATUSES, rowStatus } from '../../../src/ui/review/statuses.js';
import { BINDINGS } from '../../../src/ui/review/key-map.js';
import { createViewState, reduceView, type ViewAction } from '../../../src/ui/review/view-state.js';
import { aligned, makeDocument, mixedAlignment } from '../fixtures/make-alignment.js';

const seed = JSON.parse(
  readFileSync(new URL('../fixtures/seed-alignment.json', import.meta.url), 'utf8'),
) as Alignment;

function texts(lines: readonly Line[]): string[] {
  return lines.map((line) => lineText(line));
}

/** Row options at a width: not selected, no search, not expanded, a one-digit pair number column. */
function row(columns: number, overrides: Partial<RowOptions> = {}): RowOptions {
  return { columns, numberWidth: 2, isExpanded: false, isSelected: false, search: null, ...overrides };
}

function expectExactWidth(lines: readonly Line[], columns: number): void {
  for (const line of lines) expect(lineWidth(line), JSON.stringify(lineText(line))).toBe(columns);
}

describe('every line is exactly as wide as the terminal', () => {
  const sizes = [
    { columns: 80, rows: 24 },
    { columns: 100, rows: 30 },
    { columns: 200, rows: 60 },
    { columns: 40, rows: 12 },
  ];
  it.each(sizes)('seed alignment at $columns x $rows, every pair selected, detail open', (size) => {
    const model = buildReviewModel(seed);
    let state = reduceView(createViewState(model, size), { type: 'toggle-detail' });
    expectExactWidth(headerLines(model, size.columns, true), size.columns);
    for (let i = 0; i < seed.pairs.length; i += 1) {
      expectExactWidth(listLines(state, 10), size.columns);
      expectExactWidth(detailLines(model, i, size.columns, 8), size.columns);
      expectExactWidth([footerLine(state)], size.columns);
      expectExactWidth(reviewFrame(state), size.columns);
      state = reduceView(state, { type: 'move', delta: 1 });
    }
    expectExactWidth(helpContentLines(size.columns, BINDINGS), size.columns);
    expectExactWidth(progressLines('a.txt', 'b.txt', { stage: 'embed', done: 3, total: 7 }, size.columns), size.columns);
    expectExactWidth(errorLines('model file missing: put it in models/', size.columns), size.columns);
  });
});

describe('header', () => {
  it('names both files with their languages, the model, and the counts', () => {
    const [title, counts] = texts(headerLines(buildReviewModel(seed), 200));
    expect(title).toContain('corpus/clubhouse/voi.en.txt (en)');
    expect(title).toContain('corpus/clubhouse/bulelengpost.id.txt (id)');
    expect(title).toContain('model hand-written fixture');
    expect(counts).toMatch(
      /^33 pairs · 18 aligned · 1 omitted · 14 added · 5 with differences · 1 low confidence · 0 of 33 reviewed/,
    );
  });

  it('says when edits are not written yet', () => {
    expect(texts(headerLines(buildReviewModel(seed), 80, true))[0]).toMatch(/^selaras \[not written: w\] voi\.en\.txt/);
  });

  it('falls back to file names when the paths do not fit', () => {
    const [title] = texts(headerLines(buildReviewModel(seed), 80));
    expect(title).toMatch(/^selaras voi\.en\.txt \(en\) ⇄ bulelengpost\.id\.txt \(id\)  model hand-written fixture/);
  });

  it('shortens the count labels on a narrow terminal instead of cutting numbers off', () => {
    const model = buildReviewModel({ ...seed, pairs: Array(1234).fill(seed.pairs[0]) });
    const [, counts] = texts(headerLines(model, 76));
    expect(counts).toMatch(/^1234 pairs · 1234 aligned · 0 omit · 0 add · 0 diff · 1234 low · 0\/1234 rev/);
  });
});

describe('list rows', () => {
  const model = buildReviewModel(mixedAlignment());
  it.each([
    [0, '=', '1-1'],
    [1, '-', 'omitted'],
    [2, '+', 'added'],
    [3, '?', '1-1'],
    [4, '*', '1-1'],
    [5, '=', '1-2'],
  ])('pair %i: marker %j, status %s, the pair number, readable without colour', (pairIndex, marker, status) => {
    const pair = model.alignment.pairs[pairIndex];
    if (pair === undefined) throw new Error('fixture');
    expect(rowStatus(pair).marker).toBe(marker);
    const [first] = texts(pairRowLines(model, pairIndex, row(80)));
    expect(first?.slice(0, 2)).toBe(` ${marker}`);
    expect(first?.slice(5, 7)).toBe(String(pairIndex).padStart(2));
    expect(first?.slice(8, 15).trim()).toBe(status);
  });

  it('marks reviewed and edited pairs', () => {
    const marked = buildReviewModel({ ...mixedAlignment(), pairs: mixedAlignment().pairs.map((pair, k) => (k === 0 ? { ...pair, reviewed: true, edited: true } : pair)) });
    expect(texts(pairRowLines(marked, 0, row(80)))[0]?.slice(0, 5)).toBe(' =✓✎ ');
  });

  it('has a legend entry for every status', () => {
    const legend = texts(helpContentLines(100, BINDINGS)).join('\n');
    for (const status of ROW_STATUSES) expect(legend).toContain(`${status.marker}  ${status.meaning}`);
  });

  it('shows the placeholder on the empty side', () => {
    const [omittedRow] = texts(pairRowLines(model, 1, row(80)));
    const [addedRow] = texts(pairRowLines(model, 2, row(80)));
    const [left, right] = (omittedRow ?? '').split('│');
    expect(left).toContain('He met the governor');
    expect(right).toContain(NO_COUNTERPART);
    expect(addedRow?.split('│')[0]).toContain(NO_COUNTERPART);
    expect(addedRow?.split('│')[1]).toContain('Baca Juga');
  });

  it('marks the selected row with > and reverse video on every line', () => {
    const lines = pairRowLines(model, 5, row(50, { isSelected: true }));
    expect(lines.length).toBeGreaterThan(1);
    expect(lineText(lines[0] ?? [])[0]).toBe('>');
    for (const line of lines) expect(line.every((span) => span.isSelected === true)).toBe(true);
  });

  it('wraps long sentences but caps the row, ending it with an ellipsis', () => {
    const long = 'word '.repeat(300).trim();
    const alignment = {
      source: makeDocument('a', 'en', [long]),
      target: makeDocument('b', 'id', ['pendek']),
      model: 'm',
      pairs: [aligned([0], [0])],
    };
    const lines = texts(pairRowLines(buildReviewModel(alignment), 0, row(80)));
    expect(lines).toHaveLength(MAX_ROW_LINES);
    expect(lines[MAX_ROW_LINES - 1]?.split('│')[0]?.trimEnd().endsWith('…')).toBe(true);
    // z shows it whole.
    expect(texts(pairRowLines(buildReviewModel(alignment), 0, row(80, { isExpanded: true }))).length).toBeGreaterThan(MAX_ROW_LINES);
  });

  it('highlights search matches in any case', () => {
    expect(highlightMatches('Clubhouse and CLUBHOUSE', 'clubhouse')).toEqual([
      { text: 'Clubhouse', tone: 'match' },
      { text: ' and ' },
      { text: 'CLUBHOUSE', tone: 'match' },
    ]);
  });
});

describe('list', () => {
  it('lays out only the rows on screen, even for 3,000 pairs', () => {
    const many = { ...seed, pairs: Array.from({ length: 3000 }, (_, i) => seed.pairs[i % seed.pairs.length]!) };
    const model = buildReviewModel(many);
    const state = reduceView(createViewState(model, { columns: 100, rows: 30 }), { type: 'jump', to: 'last' });
    const lines = listLines(state, 25);
    expect(lines).toHaveLength(25);
    // Every line drawn comes from a row on screen: the last pairs, none of the 2,900 before them.
    expect(texts(lines).filter((line) => /^[ >]\S/.test(line)).every((line) => Number(line.slice(4, 9)) >= 2975)).toBe(true);
  });

  it('says when there is nothing to show at all', () => {
    const empty = { ...seed, pairs: [] };
    const state = createViewState(buildReviewModel(empty), { columns: 80, rows: 24 });
    expect(texts(listLines(state, 3))[0]).toContain('no sentences in either file');
  });

  it('says why it is empty', () => {
    const model = buildReviewModel(mixedAlignment());
    const searched: readonly ViewAction[] = [{ type: 'start-search' }, { type: 'prompt-input', text: 'zzz' }];
    const state = searched.reduce(reduceView, createViewState(model, { columns: 80, rows: 24 }));
    expect(texts(listLines(state, 5))[0]).toContain('no pair contains "zzz"');
  });
});

describe('detail pane', () => {
  it('shows the full texts with sentence numbers, the score and the differences', () => {
    const model = buildReviewModel(mixedAlignment());
    const lines = texts(detailContentLines(model, 4, 100));
    expect(lines[0]).toMatch(/^─ pair 4 · 1-1 · score 0\.88 ─+$/);
    expect(lines[1]).toMatch(/^EN 3 ¶3 +About 232,000 people were evacuated\./);
    expect(lines[2]).toMatch(/^ID 3 ¶3 +Sekitar 23\.000 orang dievakuasi\./);
    // The context comes last: the sentences before and after on each side.
    expect(lines.slice(-5)).toEqual([
      expect.stringMatching(/^context: the sentences before and after/),
      expect.stringMatching(/^EN 2 ¶2 +The meeting covered flood control\./),
      expect.stringMatching(/^EN 4 ¶4 +Officials said the dam/),
      expect.stringMatching(/^ID 2 ¶2 +Rapat membahas/),
      expect.stringMatching(/^ID 4 ¶4 +Pejabat mengatakan/),
    ]);
    expect(lines).toContainEqual(expect.stringMatching(/^differences \(1\)/));
    expect(lines).toContainEqual(expect.stringMatching(/number +EN “232,000” +ID “23\.000”/));
  });

  it('lists every sentence of a merge and says when there are no differences', () => {
    const lines = texts(detailContentLines(buildReviewModel(mixedAlignment()), 5, 100));
    // The two sentences of the merge, and one of context on either side.
    expect(lines.filter((line) => line.startsWith('ID '))).toHaveLength(4);
    expect(lines.slice(1, 4)).toEqual([expect.stringMatching(/^EN 4 /), expect.stringMatching(/^ID 4 /), expect.stringMatching(/^ID 5 /)]);
    expect(lines).toContainEqual(expect.stringMatching(/^no differences found/));
  });

  it('flags low confidence in its title and the empty side of an omitted pair', () => {
    const model = buildReviewModel(mixedAlignment());
    expect(texts(detailContentLines(model, 3, 100))[0]).toContain('low score');
    const omittedPair = texts(detailContentLines(model, 1, 100));
    expect(omittedPair[2]).toContain(NO_COUNTERPART);
    // The target's context is that of the place where the sentence would be.
    expect(omittedPair.slice(-2)).toEqual([expect.stringMatching(/^ID 0 ¶0 +Menteri tiba/), expect.stringMatching(/^ID 1 ¶1 +Baca Juga/)]);
  });

  it('says which side a one-sided difference is on', () => {
    const lines = texts(detailContentLines(buildReviewModel(seed), 13, 100));
    expect(lines).toContainEqual(expect.stringMatching(/date +“Saturday, July 30” only in EN/));
  });

  it.each([
    [{ kind: 'name', source: null, target: 'Clubhouse', detail: 'only in target' }, 'name     “Clubhouse” only in ID'],
    [{ kind: 'negation', source: 'not', target: null, detail: 'negated only in source' }, 'negation “not” negated only in EN'],
    [{ kind: 'date', source: 'July 30', target: null }, 'date     “July 30” only in EN'],
    [{ kind: 'quote', source: null, target: 'kami', detail: 'paraphrased' }, 'quote    “kami” only in ID (paraphrased)'],
    [{ kind: 'number', source: '232,000', target: '23.000', detail: 'different' }, 'number   EN “232,000”  ID “23.000” (different)'],
  ] as const)('describes %j without repeating the side', (difference, expected) => {
    expect(differenceSpans(difference, { source: 'EN', target: 'ID' }).map((span) => span.text).join('')).toBe(expected);
  });

  it('shows a word diff with marks that read without colour', () => {
    expect(
      wordDiffSpans([{ value: 'The ' }, { value: 'big', removed: true }, { value: 'large', added: true }, { value: ' dog' }]).map(
        (span) => span.text,
      ),
    ).toEqual(['The ', '[-big-]', '{+large+}', ' dog']);
    const alignment = {
      source: makeDocument('v1.txt', 'en', ['The big dog.']),
      target: makeDocument('v2.txt', 'en', ['The large dog.']),
      model: 'm',
      pairs: [
        aligned([0], [0], 0.9, [], [{ value: 'The ' }, { value: 'big', removed: true }, { value: 'large', added: true }, { value: ' dog.' }]),
      ],
    };
    const model = buildReviewModel(alignment);
    expect(sideLabels(alignment)).toEqual({ source: 'A', target: 'B' });
    expect(texts(detailContentLines(model, 0, 80))[1]).toMatch(/^changes +The \[-big-\]\{\+large\+\} dog\./);
  });

  it('shows the note, and reviewed and edited in the title', () => {
    const alignment = mixedAlignment();
    const marked = buildReviewModel({ ...alignment, pairs: alignment.pairs.map((pair, k) => (k === 0 ? { ...pair, reviewed: true, edited: true, note: 'ask about Monday' } : pair)) });
    const lines = texts(detailContentLines(marked, 0, 100));
    expect(lines[0]).toMatch(/^─ pair 0 · 1-1 · score 0\.91 · reviewed · edited ─/);
    expect(lines[1]).toMatch(/^note +ask about Monday/);
  });

  it('cuts to the rows it gets and says how much is hidden', () => {
    const model = buildReviewModel(mixedAlignment());
    const all = detailContentLines(model, 4, 40);
    const cut = texts(detailLines(model, 4, 40, 3));
    expect(cut).toHaveLength(3);
    expect(cut[2]).toContain(`lines 1-2 of ${all.length} · → to scroll`);
    const scrolled = texts(detailLines(model, 4, 40, 3, 2, true));
    expect(scrolled[0]).toBe(texts(all)[2]);
    expect(scrolled[2]).toContain(`lines 3-4 of ${all.length} · j/k · ← back`);
    // Scrolled past the end: the last screenful.
    expect(texts(detailLines(model, 4, 40, 3, 999, true))[1]).toBe(texts(all)[all.length - 1]);
  });
});

describe('help', () => {
  it('is generated from the key table', () => {
    const lines = texts(helpContentLines(100, BINDINGS));
    for (const binding of [...BINDINGS.browse, ...BINDINGS.detail, ...BINDINGS.search, ...BINDINGS.help]) {
      expect(lines).toContainEqual(expect.stringContaining(binding.help));
      expect(lines.join('\n')).toContain(binding.keys.map(keyLabel).join(' '));
    }
  });
});

describe('help at 80x24', () => {
  it('scrolls instead of being cut off, and says how', () => {
    const all = texts(helpContentLines(80, BINDINGS));
    const first = texts(helpLines(80, 19, BINDINGS, 0));
    expect(all.length).toBeGreaterThan(19);
    expect(first).toHaveLength(19);
    expect(first[18]).toMatch(/help lines 1-18 of \d+ · j\/k or PgDn\/PgUp scroll/);
    const last = texts(helpLines(80, 19, BINDINGS, 999));
    expect(last[17]).toBe(all[all.length - 1]);
  });
});

describe('progress', () => {
  it.each([
    [0, 10, 10, '░░░░░░░░░░'],
    [5, 10, 10, '█████░░░░░'],
    [10, 10, 10, '██████████'],
    [12, 10, 4, '████'],
    [0, 0, 4, '░░░░'],
  ])('bar %i/%i at %i columns', (done, total, width, expected) => {
    expect(progressBar(done, total, width)).toBe(expected);
  });

  it('moves a spinner and counts seconds, so a long stage never looks frozen', () => {
    const at = (tick: number, elapsedMs: number): string =>
      texts(progressLines('a', 'b', { stage: 'load-model', model: 'm', done: 0, total: 1 }, 80, { tick, elapsedMs }))[2] ?? '';
    expect(at(0, 0)).not.toBe(at(1, 0));
    expect(at(3, 12_400)).toMatch(/Loading the model m… 12s/);
  });

  it.each([
    [null, /Reading and splitting/],
    [{ stage: 'load-model', model: 'minilm', done: 3 * 1024 * 1024, total: 17.5 * 1024 * 1024 } as const, /Loading the model minilm.*\n.*3\.0\/17\.5 MiB 17%/s],
    [{ stage: 'embed', done: 120, total: 300 } as const, /120\/300 40%/],
    [{ stage: 'align', done: 3, total: 4 } as const, /3\/4 75%/],
    [{ stage: 'differences', done: 50, total: 200 } as const, /Finding differences….*\n.*50\/200 25%/s],
  ])('describes %j', (event, pattern) => {
    expect(texts(progressLines('a.txt', 'b.txt', event, 80)).join('\n')).toMatch(pattern);
  });
});
