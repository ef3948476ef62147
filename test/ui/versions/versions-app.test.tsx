import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Alignment } from '../../../src/types.js';
import { ReviewScreen } from '../../../src/ui/review/app.js';
import { EXIT_LOAD_FAILED, EXIT_OK } from '../../../src/ui/shared/not-ready.js';
import { displayWidth } from '../../../src/ui/shared/layout.js';
import { VersionsApp, type VersionsAppProps, type VersionsLoadState } from '../../../src/ui/versions/versions-app.js';
import type { MultiAlignment } from '../../../src/versions.js';
import { versionsFixture } from '../fixtures/make-alignment.js';
import { renderScreen } from '../fixtures/render-screen.js';

const KEYS = { enter: '\r', escape: '\u001B', right: '\u001B[C', left: '\u001B[D' } as const;
const PATHS = ['news.en.txt', 'news.id.txt', 'wire.en.txt', 'copy.en.txt'];

function renderVersions(load: VersionsLoadState, overrides: Partial<VersionsAppProps> = {}) {
  const onExit = vi.fn<(code: number) => void>();
  const exportCsv = vi.fn<(multi: MultiAlignment, outPath: string) => Promise<void>>(async () => {});
  const exportPairCsv = vi.fn<(alignment: Alignment, outPath: string) => Promise<void>>(async () => {});
  const props: VersionsAppProps = {
    paths: PATHS,
    load,
    exportPath: 'news.en.versions.selaras.csv',
    exportCsv,
    pairExportPath: (alignment) => `news.en.${alignment.target.path}.csv`,
    exportPairCsv,
    renderReview: ({ exportPath, exportCsv: write, ...nested }) => (
      <ReviewScreen {...nested} effects={{ exportPath, exportAlignment: (alignment, outPath) => write(alignment, outPath).then(() => []) }} />
    ),
    onExit,
    isColorEnabled: false,
    size: { columns: 80, rows: 24 },
    ...overrides,
  };
  const instance = renderScreen(<VersionsApp {...props} />);
  const { frame, waitFor, press } = instance;
  return { ...instance, props, onExit, exportCsv, exportPairCsv, frame, waitFor, press };
}

function footer(screen: string): string {
  const lines = screen.split('\n');
  return lines[lines.length - 1] ?? '';
}

function selectedRow(screen: string): string {
  return screen.split('\n').find((line) => line.startsWith('>')) ?? '';
}

afterEach(() => {
  cleanup();
});

describe('VersionsApp while loading', () => {
  it('names every file on the progress screen, then shows the overview', async () => {
    const app = renderVersions({ phase: 'loading', progress: { stage: 'embed', done: 3, total: 10 } });
    expect(app.frame()).toContain('news.en.txt ⇄ news.id.txt ⇄ wire.en.txt ⇄ copy.en.txt');
    expect(app.frame()).toContain('3/10 30%');
    app.rerender(<VersionsApp {...app.props} load={{ phase: 'ready', multi: versionsFixture() }} />);
    await app.waitFor((s) => s.includes('4 versions'), 'the overview');
  });

  it('quits from the error screen with the failure code', async () => {
    const app = renderVersions({ phase: 'failed', message: 'cannot read copy.en.txt' });
    expect(app.frame()).toContain('cannot read copy.en.txt');
    app.stdin.write('q');
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith(EXIT_LOAD_FAILED));
  });
});

describe('VersionsApp overview at 80x24', () => {
  const ready: VersionsLoadState = { phase: 'ready', multi: versionsFixture() };

  it('shows as many versions as fit, the pivot first, within 80 columns and 23 lines', () => {
    const screen = renderVersions(ready).frame();
    const lines = screen.split('\n');
    expect(lines).toHaveLength(23);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(lines[2]).toMatch(/1 news\.en\.txt \(pivot\) +│ ⇄ 2 news\.id\.txt +│ {3}3 wire\.en\.txt/);
    expect(screen).not.toContain('copy.en.txt');
    expect(footer(screen)).toContain('row 1 of 8 · 1 ⇄ 2 · 3 of 4 shown');
    expect(screen).toMatch(/^ - He met the governor for +│ — no counterpart — +│ He met the governor for/m);
    expect(screen).toMatch(/│ ↑ merged with above/);
  });

  it('→ and [ ] choose the version compared with the pivot, scrolling the columns to it', async () => {
    const app = renderVersions(ready);
    await app.press(KEYS.right, (s) => s.includes('⇄ 3 wire.en.txt'), 'version 3 chosen');
    const last = await app.press(']', (s) => s.includes('⇄ 4 copy.en.txt'), 'version 4 chosen');
    expect(last).not.toContain('news.id.txt');
    expect(last.split('\n')[1]).toMatch(/^1 ⇄ 4 +5 pairs/);
    await app.press(']', (s) => footer(s).includes('this is the last version'), 'the end of the versions');
    await app.press('[[', (s) => s.includes('⇄ 2 news.id.txt'), 'version 2 again');
  });

  it('Enter opens the pivot and the chosen version side by side at the selected row; v comes back to its row', async () => {
    const app = renderVersions(ready);
    await app.press('jjj', (s) => footer(s).includes('row 4 of 8'), 'row 4');
    const review = await app.press(KEYS.enter, (s) => s.includes('source · EN'), 'the two-version review');
    expect(review.split('\n')[0]).toMatch(/news\.en\.txt \(en\) ⇄ news\.id\.txt \(id\)/);
    expect(selectedRow(review)).toContain('About 232,000 people');
    expect(footer(review)).toContain('4 of 6');
    expect(footer(review)).toContain('v back');
    await app.press('j', (s) => footer(s).includes('5 of 6'), 'the next pair');
    const back = await app.press('v', (s) => s.includes('4 versions'), 'the overview again');
    // Pair 5 of news.id.txt is the dam sentence, on row 5.
    expect(footer(back)).toContain('row 5 of 8');
    expect(selectedRow(back)).toContain('Officials said');
  });

  it('opens the version chosen, and Esc with nothing open comes back', async () => {
    const app = renderVersions(ready);
    await app.press(']', (s) => s.includes('⇄ 3 wire.en.txt'), 'version 3 chosen');
    const review = await app.press('G\r', (s) => s.includes('target · B'), 'the review of two English versions');
    expect(review.split('\n')[0]).toContain('wire.en.txt');
    expect(selectedRow(review)).toContain('Editor: Budi');
    await app.press(KEYS.enter, (s) => s.includes('─ pair 4 ·'), 'the detail pane');
    await app.press(KEYS.escape, (s) => !s.includes('─ pair 4 ·') && s.includes('target · B'), 'the pane closed, still in the review');
    const back = await app.press(KEYS.escape, (s) => s.includes('4 versions'), 'the overview');
    expect(footer(back)).toContain('row 7 of 8 · 1 ⇄ 3');
  });

  it('e exports all versions in the overview, and the pair in the review', async () => {
    const app = renderVersions(ready);
    // The footer cuts the end of the path at 80 columns.
    await app.press('e', (s) => footer(s).includes('exported 8 rows to news.en.vers'), 'the versions export');
    expect(app.exportCsv).toHaveBeenCalledWith(ready.phase === 'ready' ? ready.multi : null, 'news.en.versions.selaras.csv');
    await app.press(KEYS.enter, (s) => s.includes('source · EN'), 'the review');
    await app.press('e', (s) => s.includes('exported 6 pairs to news.en.news.id.txt.csv'), 'the pair export');
    const [alignment, outPath] = app.exportPairCsv.mock.calls[0] ?? [];
    expect(alignment?.target.path).toBe('news.id.txt');
    expect(outPath).toBe('news.en.news.id.txt.csv');
  });

  it('? shows the overview keys from the key table; Esc returns', async () => {
    const app = renderVersions(ready);
    const help = await app.press('?', (s) => s.includes('compare the pivot with the next version'), 'the help');
    expect(help).toContain('in the side-by-side review, Esc or v comes back here');
    expect(help.split('\n')).toHaveLength(23);
    await app.press(KEYS.escape, (s) => s.includes('row 1 of 8'), 'the overview');
  });

  it.each([
    ['in the overview', ''],
    ['in the review', KEYS.enter],
  ])('q quits with exit code 0 %s', async (_where, before) => {
    const app = renderVersions(ready);
    if (before !== '') await app.press(before, (s) => s.includes('source · EN'), 'the review');
    app.stdin.write('q');
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith(EXIT_OK));
    expect(app.onExit).toHaveBeenCalledTimes(1);
  });

  it('follows a resize: more columns on a wider terminal', async () => {
    const app = renderVersions(ready);
    app.rerender(<VersionsApp {...app.props} size={{ columns: 100, rows: 30 }} />);
    const wide = await app.waitFor((s) => s.includes('4 copy.en.txt'), 'all four versions');
    expect(footer(wide)).not.toContain('shown');
    app.rerender(<VersionsApp {...app.props} size={{ columns: 30, rows: 10 }} />);
    await app.waitFor((s) => s.includes('terminal too small'), 'the too-small notice');
  });
});
