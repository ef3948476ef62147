import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Alignment } from '../../../src/types.js';
import { BROWSE_BINDINGS } from '../../../src/ui/review/key-map.js';
import { keyLabel } from '../../../src/ui/shared/keys.js';
import { NO_COUNTERPART, errorLines, progressBar, progressLines } from '../../../src/ui/shared/frame-lines.js';
import { MAX_ROW_LINES, lineText, lineWidth, type Line } from '../../../src/ui/shared/layout.js';
import { buildReviewModel } from '../../../src/ui/review/review-model.js';
import {
  detailContentLines,
  detailLines,
  differenceSpans,
  highlightMatches,
  pairRowLines,
  rowMarker,
  sideLabels,
  wordDiffSpans,
} from '../../../src/ui/review/pair-lines.js';
import { footerLine, headerLines, helpContentLines, listLines } from '../../../src/ui/review/screen-lines.js';
import { createViewState, reduceView } from '../../../src/ui/review/view-state.js';
import { aligned, makeDocument, mixedAlignment } from '../fixtures/make-alignment.js';

const seed = JSON.parse(
  readFileSync(new URL('../fixtures/seed-alignment.json', import.meta.url), 'utf8'),
) as Alignment;

function texts(lines: readonly Line[]): string[] {
  return lines.map((line) => lineText(line));
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
    expectExactWidth(headerLines(model, size.columns), size.columns);
    for (let i = 0; i < seed.pairs.length; i += 1) {
      expectExactWidth(listLines(state, 10), size.columns);
      expectExactWidth(detailLines(model, i, size.columns, 8), size.columns);
      expectExactWidth([footerLine(state)], size.columns);
      state = reduceView(state, { type: 'move', delta: 1 });
    }
    expectExactWidth(helpContentLines(size.columns), size.columns);
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
      /^33 pairs · 18 aligned · 1 omitted · 14 added · 5 with differences · 1 low confidence/,
    );
  });

  it('falls back to file names when the paths do not fit', () => {
    const [title] = texts(headerLines(buildReviewModel(seed), 80));
    expect(title).toMatch(/^selaras voi\.en\.txt \(en\) ⇄ bulelengpost\.id\.txt \(id\)  model hand-written fixture/);
  });

  it('shortens the count labels on a narrow terminal instead of cutting numbers off', () => {
    const model = buildReviewModel({ ...seed, pairs: Array(1234).fill(seed.pairs[0]) });
    const [, counts] = texts(headerLines(model, 70));
    expect(counts).toMatch(/^1234 pairs · 1234 aligned · 0 omit · 0 add · 0 diff · 1234 low/);
  });
});

describe('list rows', () => {
  const model = buildReviewModel(mixedAlignment());
  it.each([
    [0, ' ', '1-1'],
    [1, '-', 'omitted'],
    [2, '+', 'added'],
    [3, '?', '1-1'],
    [4, '*', '1-1'],
    [5, ' ', '1-2'],
  ])('pair %i: marker %j, status %s, readable without colour', (pairIndex, marker, status) => {
    const pair = model.alignment.pairs[pairIndex];
    if (pair === undefined) throw new Error('fixture');
    expect(rowMarker(pair).char).toBe(marker);
    const [first] = texts(pairRowLines(model, pairIndex, 80, { isSelected: false, query: '' }));
    expect(first?.slice(1, 3)).toBe(`${marker} `);
    expect(first?.slice(3, 10).trim()).toBe(status);
  });

  it('shows the placeholder on the empty side', () => {
    const [omittedRow] = texts(pairRowLines(model, 1, 80, { isSelected: false, query: '' }));
    const [addedRow] = texts(pairRowLines(model, 2, 80, { isSelected: false, query: '' }));
    const [left, right] = (omittedRow ?? '').split('│');
    expect(left).toContain('He met the governor');
    expect(right).toContain(NO_COUNTERPART);
    expect(addedRow?.split('│')[0]).toContain(NO_COUNTERPART);
    expect(addedRow?.split('│')[1]).toContain('Baca Juga');
  });

  it('marks the selected row with > and reverse video on every line', () => {
    const lines = pairRowLines(model, 5, 50, { isSelected: true, query: '' });
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
    const lines = texts(pairRowLines(buildReviewModel(alignment), 0, 80, { isSelected: false, query: '' }));
    expect(lines).toHaveLength(MAX_ROW_LINES);
    expect(lines[MAX_ROW_LINES - 1]?.split('│')[0]?.trimEnd().endsWith('…')).toBe(true);
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
    let laidOut = 0;
    const counted = {
      ...model,
      get sourceTexts() {
        return new Proxy(model.sourceTexts, {
          get(target, property, receiver) {
            if (typeof property === 'string' && /^\d+$/.test(property)) laidOut += 1;
            return Reflect.get(target, property, receiver) as unknown;
          },
        });
      },
    };
    const state = reduceView(createViewState(counted, { columns: 100, rows: 30 }), { type: 'jump', to: 'last' });
    laidOut = 0;
    const lines = listLines(state, 25);
    expect(lines).toHaveLength(25);
    expect(laidOut).toBeLessThanOrEqual(25);
  });

  it('says when there is nothing to show at all', () => {
    const empty = { ...seed, pairs: [] };
    const state = createViewState(buildReviewModel(empty), { columns: 80, rows: 24 });
    expect(texts(listLines(state, 3))[0]).toContain('no sentences in either file');
  });

  it('says why it is empty', () => {
    const model = buildReviewModel(mixedAlignment());
    const searched = [{ type: 'start-search' }, { type: 'search-input', text: 'zzz' }] as const;
    const state = searched.reduce(reduceView, createViewState(model, { columns: 80, rows: 24 }));
    expect(texts(listLines(state, 5))[0]).toContain('no pair contains "zzz"');
  });
});

describe('detail pane', () => {
  it('shows the full texts with sentence numbers, the score and the differences', () => {
    const model = buildReviewModel(mixedAlignment());
    const lines = texts(detailContentLines(model, 4, 100));
    expect(lines[0]).toMatch(/^─ pair 5 of 11 · 1-1 · score 0\.88 ─+$/);
    expect(lines[1]).toMatch(/^EN 4 +About 232,000 people were evacuated\./);
    expect(lines[2]).toMatch(/^ID 4 +Sekitar 23\.000 orang dievakuasi\./);
    expect(lines).toContainEqual(expect.stringMatching(/^differences \(1\)/));
    expect(lines).toContainEqual(expect.stringMatching(/number +EN “232,000” +ID “23\.000”/));
  });

  it('lists every sentence of a merge and says when there are no differences', () => {
    const lines = texts(detailContentLines(buildReviewModel(mixedAlignment()), 5, 100));
    expect(lines.filter((line) => line.startsWith('ID '))).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringMatching(/^no differences found/));
  });

  it('flags low confidence in its title and the empty side of an omitted pair', () => {
    const model = buildReviewModel(mixedAlignment());
    expect(texts(detailContentLines(model, 3, 100))[0]).toContain('low confidence');
    expect(texts(detailContentLines(model, 1, 100))[2]).toContain(NO_COUNTERPART);
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

  it('cuts to the rows it gets and says how much is hidden', () => {
    const model = buildReviewModel(mixedAlignment());
    const all = detailContentLines(model, 4, 40);
    const cut = texts(detailLines(model, 4, 40, 3));
    expect(cut).toHaveLength(3);
    expect(cut[2]).toContain(`${all.length - 2} more lines`);
  });
});

describe('help', () => {
  it('is generated from the key table', () => {
    const lines = texts(helpContentLines(100));
    for (const binding of BROWSE_BINDINGS) {
      expect(lines).toContainEqual(expect.stringContaining(binding.help));
      expect(lines.join('\n')).toContain(binding.keys.map(keyLabel).join(' '));
    }
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
    [{ stage: 'load-model', model: 'minilm', done: 1, total: 3 } as const, /Loading the model minilm/],
    [{ stage: 'embed', done: 120, total: 300 } as const, /120\/300 40%/],
    [{ stage: 'align', done: 3, total: 4 } as const, /3\/4 75%/],
  ])('describes %j', (event, pattern) => {
    expect(texts(progressLines('a.txt', 'b.txt', event, 80)).join('\n')).toMatch(pattern);
  });
});
