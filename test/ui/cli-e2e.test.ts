/** The interactive UI through the real command, `node dist/cli.js align ... --model lexical`, in tmux at 100x30:
 * two files (the review, its keys, the export, the differences underlined), quitting while the alignment is still
 * loading and while it is embedding or aligning (the spinner and clock moving meanwhile), and three versions (overview, choosing a version, the side-by-side review and back, both exports).
 * dist/ is built by the global setup. Waits for text on the screen, never a fixed time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
/** The CSV header of `selaras align --format csv`, which `e` writes too. */
const PAIR_CSV_HEADER = 'pair,source_index,target_index,source_text,target_text,status,score,differences,pair_index,note';
/** The seed pair this often over makes a long document (about 35,000 pairs): seconds of embedding and aligning. */
const LONG_REPEATS = 1000;
/** An SGR sequence that turns underline on (alone or among other attributes): the mark of a difference. */
const UNDERLINE = /\u001B\[(?:[0-9;]*;)?4(?:;[0-9;]*)?m/;

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

  it('two files: opens, moves, filters, jumps to flagged pairs, shows details, exports with --out, quits', async () => {
    const session = 'pair';
    const out = join(workDir, 'pair.csv');
    const exitFile = join(workDir, 'pair-exit-code');
    // An --out ending in .csv alone would ask for CSV on stdout; --format tui keeps the UI and makes it where `e` writes.
    startCli(session, `align ${PIVOT} ${INDONESIAN} --model lexical --format tui --out '${out}'`, exitFile);
    const wait = (predicate: (text: string) => boolean, what: string): Promise<string> => tmux.waitForScreen(session, predicate, what);

    const opened = await wait((s) => /all pairs · pair 0 · 1 of \d+/.test(footer(s)), 'the review');
    const pairCount = Number(/1 of (\d+)/.exec(footer(opened))?.[1]);
    const lines = opened.split('\n');
    // The file names alone when the paths do not fit.
    expect(lines[0]).toMatch(/^selaras jakarta-outlet\.en\.txt \(en\) ⇄ bulelengpost\.id\.txt \(id\) +model lexical/);
    expect(lines[1]).toMatch(new RegExp(`^${pairCount} pairs · \\d+ aligned · \\d+ omit(ted)? · \\d+ add(ed)? · \\d+ (with differences|diff)`));
    expect(lines[2]).toMatch(/# status +score +source · EN +│ target · ID/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(COLUMNS);

    tmux.keys(session, 'j');
    await wait((s) => footer(s).includes(`2 of ${pairCount}`), 'the second pair selected');
    tmux.keys(session, 'Tab');
    const flagged = await wait((s) => /flagged only · pair \d+ · \d+ of \d+/.test(footer(s)), 'the flagged filter');
    const flaggedCount = Number(/flagged only · pair \d+ · \d+ of (\d+)/.exec(footer(flagged))?.[1]);
    expect(flaggedCount).toBeLessThan(pairCount);
    tmux.keys(session, 'g', 'n');
    await wait((s) => footer(s).includes(` 2 of ${flaggedCount}`), 'the next flagged pair');
    tmux.keys(session, 'Enter');
    // The pane reaches the terminal in several writes: wait for its sentence lines, not only its header.
    const detail = await wait((s) => /─ pair \d+ · /.test(s) && /^EN \d+|^ID \d+/m.test(s), 'the detail pane with its sentences');
    expect(detail).toMatch(/^EN \d+|^ID \d+/m);
    tmux.keys(session, 'Escape');
    await wait((s) => !/─ pair \d+ · /.test(s), 'the pane closed');
    tmux.keys(session, 'BTab');
    await wait((s) => footer(s).includes('all pairs'), 'all pairs again');

    // The pair that credits another outlet: its difference is listed in the pane and underlined in both texts.
    tmux.keys(session, '/');
    tmux.typeText(session, 'New York Post');
    await wait((s) => /\/New York Post/.test(footer(s)) && /1 of \d+/.test(footer(s)), 'the search match');
    tmux.keys(session, 'Enter', 'Enter');
    const credited = await wait((s) => /─ pair \d+ · /.test(s), 'the detail of the credited pair');
    expect(credited).toMatch(/name +EN “Agence France-Presse \(AFP\)” +ID “New York Post”/);
    expect(tmux.styledScreen(session)).toMatch(new RegExp(`${UNDERLINE.source}(?:\\u001B\\[[0-9;]*m)*New York Post`));

    // Esc clears the search (keeping the pair selected), then closes the pane.
    tmux.keys(session, 'Escape');
    await wait((s) => new RegExp(`all pairs · pair \\d+ · \\d+ of ${pairCount} +\\?`).test(footer(s)), 'the search cleared');
    tmux.keys(session, 'Escape');
    await wait((s) => !/─ pair \d+ · /.test(s), 'the pane closed');
    tmux.keys(session, 'e');
    await wait((s) => footer(s).includes(`exported ${pairCount} pairs to ${out}`), 'the export message');
    tmux.keys(session, 'q');
    expect((await waitForFile(exitFile)).trim()).toBe('0');

    const csv = await waitForFile(out);
    expect(csv.split(/\r?\n/)[0]).toBe(PAIR_CSV_HEADER);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(pairCount);
    const row = rows.find((r) => r['target_text']?.includes('New York Post'));
    expect(row?.['source_text']).toContain('Agence France-Presse');
    expect(row?.['differences']).toContain('New York Post');
  }, 120_000);

  it.each([
    ['two files', 'loading-pair', [INDONESIAN]],
    ['three versions', 'loading-versions', [INDONESIAN, REPRINT]],
  ])('%s: quitting while the files are still loading ends the process at once', async (_name, session, others) => {
    const exitFile = join(workDir, `${session}-exit-code`);
    // A source that never finishes: a named pipe fed a line every tenth of a second, for as long as it is read.
    const slow = join(workDir, `${session}.en.txt`);
    expect(spawnSync('mkfifo', [slow]).status).toBe(0);
    const feed = `( while echo 'A sentence that keeps coming.'; do sleep 0.1; done > '${slow}' ) &`;
    const cli = `env -u CI -u CONTINUOUS_INTEGRATION node '${CLI}' align '${slow}' ${others.join(' ')} --model lexical`;
    const command = `${feed} ${cli}; echo "$?" > '${exitFile}'; sleep 120`;
    tmux.start(session, command, ROOT, COLUMNS, ROWS);
    await tmux.waitForScreen(session, (s) => s.includes('Reading and splitting the files'), 'the progress screen');
    tmux.keys(session, 'q');
    // Without the fix the process waits for the load, which never ends: this would time out.
    expect((await waitForFile(exitFile)).trim()).toBe('0');
    const after = tmux.screen(session);
    expect(after).not.toContain('Reading and splitting the files');
  }, 60_000);

  it.each([
    ['q', 'q'],
    ['Ctrl-C', 'C-c'],
  ])('%s while embedding or aligning ends the process; the spinner and the clock move meanwhile', async (name, key) => {
    const session = `computing-${name === 'q' ? 'q' : 'ctrl-c'}`;
    const exitFile = join(workDir, `${session}-exit-code`);
    // The seed pair many times over: seconds of embedding and aligning, on the worker thread.
    const [source, target] = [join(workDir, `${session}.en.txt`), join(workDir, `${session}.id.txt`)];
    writeFileSync(source, `${readFileSync(join(ROOT, PIVOT), 'utf8')}\n\n`.repeat(LONG_REPEATS));
    writeFileSync(target, `${readFileSync(join(ROOT, INDONESIAN), 'utf8')}\n\n`.repeat(LONG_REPEATS));
    startCli(session, `align '${source}' '${target}' --model lexical`, exitFile);
    const stage = (screen: string) => /^ (\S) (Embedding sentences|Aligning|Finding differences)…\s+(\d+)s/m.exec(screen);
    const first = stage(await tmux.waitForScreen(session, (s) => stage(s) !== null, 'the embedding or aligning stage'));
    // The main thread only draws and reads keys: the spinner turns and the clock runs while the worker computes.
    const moved = stage(await tmux.waitForScreen(session, (s) => (stage(s)?.[1] ?? first?.[1]) !== first?.[1], 'the spinner turned'));
    expect(moved).not.toBeNull();
    await tmux.waitForScreen(session, (s) => Number(stage(s)?.[3] ?? -1) > Number(first?.[3]), 'the clock moved on');
    tmux.keys(session, key);
    expect((await waitForFile(exitFile)).trim()).toBe('0');
    expect(tmux.screen(session)).not.toMatch(/Embedding sentences|Aligning…|pairs ·/);
  }, 90_000);

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
    const review = await wait(
      (s) => s.includes('source · EN') && s.includes('target · ID') && /all pairs · pair \d+/.test(footer(s)),
      'the review of the pivot and version 2, its footer drawn',
    );
    expect(review.split('\n')[0]).toMatch(/jakarta-outlet\.en\.txt \(en\) ⇄ bulelengpost\.id\.txt \(id\)/);
    expect(footer(review)).toContain('v back');
    // Keys reach the review at once.
    tmux.keys(session, 'j');
    await wait((s) => /all pairs · pair 1 · 2 of \d+/.test(footer(s)), 'the second pair selected');
    tmux.keys(session, 'e');
    const pairCsv = join(workDir, 'jakarta-outlet.en.bulelengpost.id.selaras.csv');
    await wait((s) => footer(s).includes('exported') && footer(s).includes('pairs to'), 'the pair export');
    const pairRows = parse(await waitForFile(pairCsv), { columns: true }) as Record<string, string>[];
    expect(pairRows.length).toBeGreaterThan(20);

    tmux.keys(session, 'v');
    // The screen reaches the terminal in several writes, the footer last: wait for it, not only for the header.
    const back = await wait((s) => s.includes('3 versions') && /row \d+ of \d+/.test(footer(s)), 'the overview again, its footer drawn');
    expect(footer(back)).toMatch(/row \d+ of \d+ · 1 ⇄ 2/);

    tmux.keys(session, 'e');
    await wait((s) => footer(s).includes(`exported ${rowCount} rows to ${out}`), 'the versions export');
    const versionRows = parse(await waitForFile(out), { columns: true }) as Record<string, string>[];
    expect(versionRows).toHaveLength(rowCount);
    expect(Object.keys(versionRows[0] ?? {})).toEqual([
      'pivot_index',
      'jakarta-outlet.en.txt text',
      ...['bulelengpost.id.txt', 'afp-reprint.en.txt'].flatMap((name) => [`${name} index`, `${name} text`, `${name} status`, `${name} score`, `${name} differences`]),
    ]);
    expect(versionRows.find((row) => row['pivot_index'] === '0')?.['jakarta-outlet.en.txt text']).toContain('Taliban Terrorist Group');

    tmux.keys(session, 'q');
    expect((await waitForFile(exitFile)).trim()).toBe('0');
  }, 120_000);
});
