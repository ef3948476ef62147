import { createHash } from 'node:crypto';
import { htmlUnescape } from 'escape-goat';
import { describe, expect, it } from 'vitest';
import { multiToHtml, toHtml } from '../../src/export/html/page.js';
import { buildReportModel, buildVersionsReportModel, rowTokens, type AlignmentWithMoves } from '../../src/export/html/report-model.js';
import { html, Html, trustedConstant } from '../../src/export/html/safe-html.js';
import { countPairs } from '../../src/review.js';
import type { Alignment, Difference, Document, Sentence } from '../../src/types.js';
import { toMultiAlignment } from '../../src/versions.js';
import { alignment } from './fixture.js';

const GENERATED = { generated: new Date('2025-08-22T14:45:00Z') };

function document(path: string, lang: Document['lang'], texts: readonly string[]): Document {
  const sentences: Sentence[] = texts.map((text) => ({ text, start: 0, end: text.length, paragraph: 0 }));
  return { path, lang, text: texts.join(' '), sentences };
}

describe('the html template tag', () => {
  it.each<[string, Html, string]>([
    ['escapes text', html`<p>${'<script>&"\''}</p>`, '<p>&lt;script&gt;&amp;&quot;&#39;</p>'],
    ['escapes text in attributes', html`<td title="${'" onmouseover="x'}">`, '<td title="&quot; onmouseover=&quot;x">'],
    ['nests markup without escaping it twice', html`<ul>${html`<li>${'a & b'}</li>`}</ul>`, '<ul><li>a &amp; b</li></ul>'],
    ['joins lists', html`${['<', html`<br>`, 3]}`, '&lt;<br>3'],
    ['leaves out null, undefined and false', html`[${null}${undefined}${false}]`, '[]'],
  ])('%s', (_name, markup, expected) => {
    expect(markup.toString()).toBe(expected);
  });

  it('is the only way to make markup', () => {
    expect(() => new Html('<b>', Symbol('made by safe-html'))).toThrow(TypeError);
  });

  it('refuses an inline constant that could end its element early', () => {
    expect(() => trustedConstant('x = "</script><script>alert(1)"')).toThrow(/<\//);
    expect(trustedConstant('a { color: red }').toString()).toBe('a { color: red }');
  });
});

describe('the report model of two documents', () => {
  const model = buildReportModel(alignment, GENERATED);

  it('has the header facts and the terminal UI counts', () => {
    expect(model.columns.map((column) => [column.role, column.label, column.lang, column.sentences])).toEqual([
      ['source', 'a.en.txt', 'en', 5],
      ['target', 'a.id.txt', 'id', 4],
    ]);
    expect(model.generated).toBe('2025-08-22T14:45:00.000Z');
    const counts = countPairs(alignment.pairs);
    expect(Object.fromEntries(model.counts[0]!.counts.map((count) => [count.id, count.value]))).toEqual({
      pairs: counts.pairs,
      aligned: counts.aligned,
      omitted: counts.omitted,
      added: counts.added,
      differences: counts.withDifferences,
      'low-confidence': counts.lowConfidence,
    });
  });

  it('has one row per pair with its status, score, flags and 0-based indexes', () => {
    expect(model.rows.map((row) => [row.id, row.label, row.score, rowTokens(row).join(' ')])).toEqual([
      ['pair-0', 'aligned', 0.91, ''],
      ['pair-1', 'aligned', 0.7, 'flagged differences kind-name'],
      ['pair-2', 'omitted', 0.8, 'flagged omitted'],
      ['pair-3', 'added', 0.95, 'flagged added'],
      ['pair-4', 'aligned 2-1', 0.6, ''],
    ]);
    expect(model.rows[4]!.cells.map((cell) => cell.sentences)).toEqual([[3, 4], [3]]);
    expect(model.rows[2]!.cells.map((cell) => cell.content.kind)).toEqual(['text', 'no-counterpart']);
    expect(model.rows[3]!.cells.map((cell) => cell.content.kind)).toEqual(['no-counterpart', 'text']);
    expect(model.rows[1]!.differences).toEqual([{ kind: 'name', text: 'name: AFP ≠ —' }]);
  });

  it('offers the filters with their counts, difference kinds from the data', () => {
    expect(model.filters.map((filter) => `${filter.id} ${filter.count}`)).toEqual([
      'all 5',
      'flagged 3',
      'omitted 1',
      'added 1',
      'differences 1',
      'low-confidence 0',
      'kind-name 1',
    ]);
    // A kind the compare module adds later shows up by itself.
    const phrase = { kind: 'omission', source: 'then', target: null } as unknown as Difference;
    const withNewKind: Alignment = { ...alignment, pairs: alignment.pairs.map((pair, index) => (index === 1 ? { ...pair, differences: [phrase] } : pair)) };
    expect(buildReportModel(withNewKind, GENERATED).filters.map((filter) => filter.id)).toContain('kind-omission');
  });

  it('cuts texts where their differences stand, cleaned as the terminal UI shows them', () => {
    const texts = document('b.en.txt', 'en', ['About 232,000\u0007 people\n  left, AFP said.']);
    const target = document('b.id.txt', 'id', ['Sekitar 23.000 orang pergi.']);
    const differences: Difference[] = [
      { kind: 'number', source: '232,000', target: '23.000' },
      { kind: 'name', source: 'AFP', target: null },
    ];
    const row = buildReportModel({ source: texts, target, model: 'm', pairs: [{ source: [0], target: [0], status: 'aligned', score: 0.4, differences }] }, GENERATED).rows[0]!;
    const pieces = row.cells.map((cell) => (cell.content.kind === 'text' ? cell.content.segments.map((segment) => [segment.text, segment.kinds.join(' ')]) : []));
    expect(pieces).toEqual([
      [
        ['About ', ''],
        ['232,000', 'number'],
        [' people left, ', ''],
        ['AFP', 'name'],
        [' said.', ''],
      ],
      [
        ['Sekitar ', ''],
        ['23.000', 'number'],
        [' orang pergi.', ''],
      ],
    ]);
    expect(row.flags).toEqual(['low-confidence', 'differences']);
    expect(row.kinds).toEqual(['name', 'number']);
  });
});

/** A passage moved by hand: source sentence 0 reappears as target sentence 2. */
const moved: AlignmentWithMoves = {
  source: document('m.en.txt', 'en', ['Five people were hurt.', 'Rain fell.', 'Roads closed.']),
  target: document('m.id.txt', 'id', ['Hujan turun.', 'Jalan ditutup.', 'Enam orang terluka.']),
  model: 'm',
  pairs: [
    { source: [0], target: [], status: 'omitted', score: 0.9, differences: [], move: 0 },
    { source: [1], target: [0], status: 'aligned', score: 0.95, differences: [] },
    { source: [2], target: [1], status: 'aligned', score: 0.93, differences: [] },
    { source: [], target: [2], status: 'added', score: 0.9, differences: [], move: 0 },
  ],
  moves: [{ source: [0], target: [2], score: 0.88, differences: [{ kind: 'number', source: 'Five', target: 'Enam' }], pairs: [{ source: [0], target: [2], score: 0.88 }] }],
};

describe('moved passages', () => {
  const model = buildReportModel(moved, GENERATED);

  it('link each half to the other', () => {
    expect(model.rows.map((row) => row.moves)).toEqual([
      [{ move: 0, otherRow: { id: 'pair-3', index: 3 }, side: 'source' }],
      [],
      [],
      [{ move: 0, otherRow: { id: 'pair-0', index: 0 }, side: 'target' }],
    ]);
    expect(rowTokens(model.rows[0]!)).toEqual(['flagged', 'omitted', 'moved', 'differences', 'kind-number']);
    expect(model.filters.find((filter) => filter.id === 'moved')?.count).toBe(2);
    expect(model.counts[0]!.counts.find((count) => count.id === 'moved')?.value).toBe(2);
  });

  it('mark the differences between the halves inside both', () => {
    const marked = model.rows.map((row) =>
      row.cells.flatMap((cell) => (cell.content.kind === 'text' ? cell.content.segments.filter((segment) => segment.kinds.length > 0).map((segment) => segment.text) : [])),
    );
    expect(marked).toEqual([['Five'], [], [], ['Enam']]);
    expect(model.rows[3]!.differences).toEqual([{ kind: 'number', text: 'number: Five ≠ Enam' }]);
  });

  it('show in the page as links to the other half', () => {
    const page = toHtml(moved as Alignment, GENERATED);
    expect(page).toContain('<a class="move-link" href="#pair-3">moved: it reappears at pair 3</a>');
    expect(page).toContain('<a class="move-link" href="#pair-0">moved: it was at pair 0</a>');
  });

  it('are absent from a report without moves', () => {
    const model = buildReportModel(alignment, GENERATED);
    expect(model.filters.map((filter) => filter.id)).not.toContain('moved');
    expect(model.rows.every((row) => row.moves.length === 0)).toBe(true);
  });
});

describe('the report model of three versions', () => {
  const pivot = document('wire.en.txt', 'en', ['AFP said 5 died.', 'Rain fell.']);
  const b: Alignment = {
    source: pivot,
    target: document('outlet.id.txt', 'id', ['Enam orang tewas.', 'Baca Juga: lain', 'Hujan turun.']),
    model: 'm',
    pairs: [
      { source: [0], target: [0], status: 'aligned', score: 0.8, differences: [{ kind: 'number', source: '5', target: 'Enam' }] },
      { source: [], target: [1], status: 'added', score: 0.99, differences: [] },
      { source: [1], target: [2], status: 'aligned', score: 0.9, differences: [] },
    ],
  };
  const c: Alignment = {
    source: pivot,
    target: document('blog.en.txt', 'en', ['AFP said 5 died.']),
    model: 'm',
    pairs: [
      { source: [0], target: [0], status: 'aligned', score: 0.99, differences: [] },
      { source: [1], target: [], status: 'omitted', score: 0.7, differences: [] },
    ],
  };
  const multi = toMultiAlignment([b, c]);
  const model = buildVersionsReportModel(multi, GENERATED);

  it('has one column per version, the pivot first, each with its language', () => {
    expect(model.columns.map((column) => [column.role, column.label, column.lang])).toEqual([
      ['pivot', 'wire.en.txt', 'en'],
      ['version', 'outlet.id.txt', 'id'],
      ['version', 'blog.en.txt', 'en'],
    ]);
    expect(model.counts.map((group) => group.heading)).toEqual(['wire.en.txt ↔ outlet.id.txt', 'wire.en.txt ↔ blog.en.txt']);
  });

  it('has one row per row of the versions table, flagged by what any version says', () => {
    expect(model.rows.map((row) => [row.id, row.label, rowTokens(row).join(' '), row.cells.map((cell) => cell.content.kind).join(' ')])).toEqual([
      ['row-0', 'with differences', 'flagged differences kind-number', 'text text text'],
      ['row-1', 'added', 'flagged added', 'no-counterpart text blank'],
      ['row-2', 'omitted', 'flagged omitted', 'text text no-counterpart'],
    ]);
    expect(model.rows[0]!.differences).toEqual([{ kind: 'number', text: 'outlet.id.txt: number: 5 ≠ Enam' }]);
    expect(model.rows[2]!.cells.map((cell) => [cell.status, cell.score])).toEqual([
      [undefined, undefined],
      ['aligned', 0.9],
      ['omitted', 0.7],
    ]);
  });

  it('renders a column per version with its lang attribute', () => {
    const page = multiToHtml(multi, GENERATED);
    expect(page).toContain('<td class="text" lang="id">Baca Juga: lain');
    expect((page.match(/<th scope="col">(pivot|version):/g) ?? []).length).toBe(3);
  });
});

describe('the page', () => {
  const page = toHtml(alignment, GENERATED);

  it('runs only its own inline style and script, and may fetch nothing', () => {
    const style = page.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    const script = page.match(/<script>([\s\S]*?)<\/script>/)?.[1] ?? '';
    const policy = htmlUnescape(page.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '');
    const hash = (code: string): string => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`style-src ${hash(style)}`);
    expect(policy).toContain(`script-src ${hash(script)}`);
    expect(page).not.toMatch(/\b(src|href)="(?!#)/);
    expect(page).not.toMatch(/https?:|@import|url\(/);
  });

  it('escapes every text from the inputs', () => {
    const hostile = ['<script>alert(1)</script> & "quotes" \'too\'', '</td></tr><img src=x onerror=alert(2)>', 'bell\u0007 escape\u001b[31m nul\u0000 end'];
    const source = document('<b>evil</b>.en.txt', 'en', hostile);
    const target = document('a&b.id.txt', 'id', ['Biasa saja.']);
    const report = toHtml(
      {
        source,
        target,
        model: '<i>model</i>',
        pairs: [
          { source: [0], target: [0], status: 'aligned', score: 0.9, differences: [{ kind: 'quote', source: '"quotes"', target: null, detail: '<u>x</u>' }] },
          { source: [1], target: [], status: 'omitted', score: 0.9, differences: [] },
          { source: [2], target: [], status: 'omitted', score: 0.9, differences: [] },
        ],
      },
      GENERATED,
    );
    expect(report).not.toMatch(/<script>alert|<img|<b>evil|<i>model|<u>x/);
    expect(report).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark class="kind-quote" title="quote">&quot;quotes&quot;</mark> &#39;too&#39;');
    expect(report).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(report).toContain('bell escape nul end');
    expect(report).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect((report.match(/<script>/g) ?? []).length).toBe(1);
    expect((report.match(/<tr id=/g) ?? []).length).toBe(3);
  });

  it('shows every row and no controls until its script runs', () => {
    expect(page).toContain('<div id="controls" hidden>');
    expect((page.match(/<tr id="pair-\d+"[^>]*>/g) ?? []).filter((row) => row.includes('hidden'))).toEqual([]);
  });
});
