/** The interactive UI through the real command, `node dist/cli.js align ... --model lexical`, in tmux at 100x30:
 * three versions (overview, choosing a version, the side-by-side review and back, both exports). dist/ is built by
 * the global setup. Waits for text on the screen, never a fixed time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createTmux, footer, hasTmux, isCi, waitForFile } from './tmux-driver.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const PIVOT = 'corpus/clubhouse/jakarta-outlet.en.txt';
const INDONESIAN = 'corpus/clubhouse/bulelengpost.id.txt';
const REPRINT = 'corpus/clubhouse/afp-reprint.en.txt';
const COLUMNS = 100;
const ROWS = 30;

const tmux = createTmux(`selaras-cli-e2e-${process.pid}`);

/** Runs the command in tmux from the repository root (the corpus paths are relative), then writes its exit code
 * to `exitFile`. Without CI in the environment: under CI Ink draws nothing until exit, and chalk drops colour. */
function startCli(session: string, args: string, exitFile: string): void {
  const command = `env -u CI -u CONTINUOUS_INTEGRATION -u NO_COLOR node '${CLI}' ${args}; echo "$?" > '${exitFile}'; sleep 120`;
  tmux.start(session, command, ROOT, COLUMNS, ROWS);
}

// Skipped only where tmux is missing outside CI; in CI a missing tmux fails the run.
describe.skipIf(!hasTmux && !isCi)('selaras align in a real terminal (tmux)', () => {
  let workDir = '';

  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
    workDir = mkdtempSync(join(tmpdir(), 'selaras-cli-e2e-'));
  });

  afterAll(() => {
    tmux.kill();
    if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
  });

  it('three versions: the overview, choosing the version, the review of two and back, exports, quit', async () => {
    const session = 'versions';
    const out = join(workDir, 'versions.csv');
    const exitFile = join(workDir, 'versions-exit-code');
    // An --out ending in .csv alone would ask for CSV on stdout; --format tui keeps the UI and makes it where `e` writes.
    startCli(session, `align ${PIVOT} ${INDONESIAN} ${REPRINT} --model lexical --format tui --out '${out}'`, exitFile);
    const wait = (predicate: (text: string) => boolean, what: string): Promise<string> => tmux.waitForScreen(session, predicate, what);

    const opened = await wait((s) => /row 1 of \d+/.test(footer(s)), 'the versions overview');
    const rowCount = Number(/row 1 of (\d+)/.exec(footer(opened))?.[1]);
    expect(opened.split('\n')[0]).toMatch(/^selaras 3 versions · pivot corpus\/clubhouse\/jakarta-outlet\.en\.txt \(en\) +model lexical/);
    expect(opened.split('\n')[1]).toMatch(/^1 ⇄ 2 +\d+ pairs · \d+ aligned/);
    // At 100 columns all three versions fit: one column each, the pivot first.
    expect(opened.split('\n')[2]).toMatch(/^ {3}1 jakarta-outlet\.en\.txt.* │ ⇄ 2 bulelengpost\.id\.txt +│ {3}3 afp-reprint\.en\.txt/);
    for (const line of opened.split('\n')) expect(line.length).toBeLessThanOrEqual(COLUMNS);

    tmux.keys(session, ']');
    const third = await wait((s) => s.includes('⇄ 3 afp-reprint.en.txt'), 'the third version chosen');
    expect(third.split('\n')[1]).toMatch(/^1 ⇄ 3 +\d+ pairs/);
    tmux.keys(session, 'Left');
    await wait((s) => s.includes('⇄ 2 bulelengpost.id.txt'), 'the second version chosen again');

    // The first pivot sentence, the title: open the pivot and the Indonesian version side by side there.
    tmux.keys(session, 'G');
    await wait((s) => footer(s).includes(`row ${rowCount} of ${rowCount}`), 'the last row');
    tmux.keys(session, 'g');
    await wait((s) => footer(s).includes(`row 1 of ${rowCount}`), 'the first row');
    tmux.keys(session, 'Enter');
    const review = await wait((s) => s.includes('source · EN') && s.includes('target · ID'), 'the review of the pivot and version 2');
    expect(review.split('\n')[0]).toMatch(/jakarta-outlet\.en\.txt \(en\) ⇄ bulelengpost\.id\.txt \(id\)/);
    expect(footer(review)).toContain('v back');
    // Keys reach the review at once.
    tmux.keys(session, 'j');
    await wait((s) => /all pairs · 2 of \d+/.test(footer(s)), 'the second pair selected');
    tmux.keys(session, 'e');
    const pairCsv = join(workDir, 'jakarta-outlet.en.bulelengpost.id.selaras.csv');
    await wait((s) => footer(s).includes('exported') && footer(s).includes('pairs to'), 'the pair export');
    const pairRows = parse(await waitForFile(pairCsv), { columns: true }) as Record<string, string>[];
    expect(pairRows.length).toBeGreaterThan(20);

    tmux.keys(session, 'v');
    const back = await wait((s) => s.includes('3 versions'), 'the overview again');
    expect(footer(back)).toMatch(/row \d+ of \d+ · 1 ⇄ 2/);

    tmux.keys(session, 'e');
    await wait((s) => footer(s).includes(`exported ${rowCount} rows to ${out}`), 'the versions export');
    const versionRows = parse(await waitForFile(out), { columns: true }) as Record<string, string>[];
    expect(versionRows).toHaveLength(rowCount);
    expect(Object.keys(versionRows[0] ?? {})).toEqual([
      'pivot_index',
      'jakarta-outlet.en.txt text',
      ...['bulelengpost.id.txt', 'afp-reprint.en.txt'].flatMap((name) => [`${name} index`, `${name} text`, `${name} status`, `${name} score`]),
    ]);
    expect(versionRows.find((row) => row['pivot_index'] === '0')?.['jakarta-outlet.en.txt text']).toContain('Taliban Terrorist Group');

    tmux.keys(session, 'q');
    expect((await waitForFile(exitFile)).trim()).toBe('0');
  }, 120_000);
});
