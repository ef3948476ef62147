/** The alignment editor through the real command in tmux, as a reviewer uses it: open the seed pair with --session,
 * join the pair before the added "Research Institute ..." line with it (the splitter cut "South Asia Research
 * Institute" in two), mark it reviewed, write, quit; reopen (the session resumes: the join is there), undo it,
 * export CSV, quit; `selaras export` converts the session; then the engine's J, S and y on a live session. Waits
 * for text on the screen, never a fixed time. dist/ is built by the global setup. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCli } from '../cli-helpers.js';
import { createTmux, footer, hasTmux, isCi, waitForFile } from './tmux-driver.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const EN = 'corpus/clubhouse/jakarta-outlet.en.txt';
const ID = 'corpus/clubhouse/bulelengpost.id.txt';
const COLUMNS = 120;
const ROWS = 32;
/** The pair before the added "Research Institute ..." line, as the lexical model aligns the seed pair. */
const JOINED = 13;

const tmux = createTmux(`selaras-session-e2e-${process.pid}`);

describe.skipIf(!hasTmux && !isCi)('the alignment editor in a real terminal (tmux)', () => {
  let workDir = '';
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
    workDir = mkdtempSync(join(tmpdir(), 'selaras-session-e2e-'));
  });
  afterAll(() => {
    tmux.kill();
    if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
  });

  /** Runs `align EN ID --session FILE` in a new tmux session; the exit code goes to a file of its own. */
  function open(name: string, session: string, extra = '', columns = COLUMNS): { readonly exitFile: string; readonly wait: (p: (s: string) => boolean, what: string) => Promise<string> } {
    const exitFile = join(workDir, `${name}-exit`);
    const command = `env -u CI -u CONTINUOUS_INTEGRATION -u NO_COLOR EDITOR=true node '${CLI}' align ${EN} ${ID} --model lexical --session '${session}' ${extra}; echo "$?" > '${exitFile}'; sleep 120`;
    tmux.start(name, command, ROOT, columns, ROWS);
    return { exitFile, wait: (predicate, what) => tmux.waitForScreen(name, predicate, what) };
  }

  it('joins, marks, writes, resumes, undoes, exports', async () => {
    const session = join(workDir, 'review.json');
    const out = join(workDir, 'review.csv');
    const first = open('first', session);
    const opened = await first.wait((s) => footer(s).includes(`a new session: w writes it to ${session}`), 'the new session');
    const pairCount = Number(/^(\d+) pairs/m.exec(opened)?.[1]);
    tmux.keys('first', ':');
    tmux.typeText('first', String(JOINED));
    tmux.keys('first', 'Enter');
    const before = await first.wait((s) => footer(s).includes(`pair ${JOINED} ·`), `pair ${JOINED}`);
    expect(before).toMatch(new RegExp(`^ \\+ +${JOINED + 1} added +[\\d.]+ +— no counterpart — +│ Research Institute`, 'm'));
    tmux.keys('first', 'J');
    const joined = await first.wait((s) => footer(s).includes(`joined pairs ${JOINED} and ${JOINED + 1}`), 'the join');
    expect(joined).toMatch(new RegExp(`^>[=*?] ✎ +${JOINED} 1-2 `, 'm'));
    expect(joined).toMatch(new RegExp(`^${pairCount - 1} pairs`, 'm'));
    tmux.keys('first', 'r');
    await first.wait((s) => new RegExp(`^>[=*?]✓✎ +${JOINED} 1-2`, 'm').test(s), 'the join reviewed');
    tmux.keys('first', 'w');
    await first.wait((s) => footer(s).includes(`wrote the session ${session}`), 'the session written');
    tmux.keys('first', 'q');
    expect((await waitForFile(first.exitFile)).trim()).toBe('0');

    const saved = JSON.parse(readFileSync(session, 'utf8'));
    expect(saved.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.pairs[JOINED]).toMatchObject({ source: [8], target: [12, 13], status: 'aligned', edited: true, reviewed: true });

    const second = open('second', session, `--format tui --out '${out}'`);
    const resumed = await second.wait((s) => footer(s).includes(`resumed ${session}: 1 of ${pairCount - 1} pairs reviewed`), 'the resumed session');
    expect(resumed).toMatch(new RegExp(`^${pairCount - 1} pairs`, 'm'));
    tmux.keys('second', ':');
    tmux.typeText('second', String(JOINED));
    tmux.keys('second', 'Enter');
    await second.wait((s) => new RegExp(`^>[=*?]✓✎ +${JOINED} 1-2`, 'm').test(s), 'the join is there');
    // Undo goes back through what the first run did: the mark, then the join.
    tmux.keys('second', 'u');
    await second.wait((s) => footer(s).includes(`undid: marked pair ${JOINED} reviewed`), 'the mark undone');
    tmux.keys('second', 'u');
    const undone = await second.wait((s) => footer(s).includes(`undid: joined pairs ${JOINED} and ${JOINED + 1}`), 'the join undone');
    expect(undone).toMatch(new RegExp(`^${pairCount} pairs`, 'm'));
    tmux.keys('second', 'e');
    await second.wait((s) => footer(s).includes(`exported ${pairCount} pairs to`), 'the export');
    tmux.keys('second', 'q');
    await second.wait((s) => footer(s).includes('edits not written'), 'the question before losing the undo');
    tmux.keys('second', 'q');
    expect((await waitForFile(second.exitFile)).trim()).toBe('0');

    const rows = parse(await waitForFile(out), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(pairCount);
    expect(rows.find((row) => row['target_text']?.startsWith('Research Institute'))?.['status']).toBe('added');

    // The session, unchanged by the second run (its edits were not written), converts without realigning.
    const tmx = runCli(['export', session, '--format', 'tmx', '--reviewed-only']);
    expect(tmx.status).toBe(0);
    expect(tmx.stdout.match(/<tu>/g)).toHaveLength(1);
    expect(tmx.stdout).toContain('Research Institute, yang memantau komunikasi Taliban.');
  }, 120_000);

  it('realigns when an input changed and carries the reviews of unchanged pairs over', async () => {
    const session = join(workDir, 'changed.json');
    const value = JSON.parse(runCli(['align', EN, ID, '--format', 'json', '--model', 'lexical']).stdout);
    value.pairs[0].reviewed = true;
    value.pairs[3].reviewed = true;
    value.source.sha256 = '0'.repeat(64);
    value.target.sha256 = '0'.repeat(64);
    value.session = { version: 1, presplit: false };
    writeFileSync(session, JSON.stringify(value));
    // Wide enough for the whole notice after the session's path (the status line shortens what does not fit).
    const run = open('changed', session, '', 220);
    await run.wait((s) => footer(s).includes('both input files changed, so the files were aligned again; 2 of 2 reviews carried over'), 'the notice');
    tmux.keys('changed', 'q');
    expect((await waitForFile(run.exitFile)).trim()).toBe('0');
  }, 60_000);

  it('S splits a merge on the engine\'s costs; y copies the pair to the clipboard', async () => {
    const session = join(workDir, 'split.json');
    const run = open('split', session);
    await run.wait((s) => footer(s).includes('a new session'), 'the review');
    tmux.keys('split', ':');
    tmux.typeText('split', String(JOINED));
    tmux.keys('split', 'Enter', 'J');
    await run.wait((s) => footer(s).includes(`joined pairs ${JOINED} and ${JOINED + 1}`), 'the join');
    tmux.keys('split', 'S');
    const split = await run.wait((s) => footer(s).includes(`split pair ${JOINED}`), 'the split');
    expect(split).toMatch(new RegExp(`^>[=*?] ✎ +${JOINED} 1-1 `, 'm'));
    expect(split).toMatch(new RegExp(`^ \\+ ✎ +${JOINED + 1} added .*│ Research Institute`, 'm'));
    tmux.run('set', '-g', 'set-clipboard', 'on');
    tmux.keys('split', 'y');
    await run.wait((s) => footer(s).includes(`copied pair ${JOINED}`), 'the copy');
    await tmux.waitForScreen('split', () => tmux.run('show-buffer').includes('\t'), 'the clipboard');
    expect(tmux.run('show-buffer')).toMatch(/^Saturday, July 30, a Taliban spokesman .*\tMengenai aktifitas terakhir, seorang juru bicara Taliban /);
    tmux.keys('split', 'v');
    await run.wait((s) => footer(s).includes('? help'), 'back from the editor');
    tmux.keys('split', 'q');
    await run.wait((s) => footer(s).includes('edits not written'), 'the question');
    tmux.keys('split', 'q');
    expect((await waitForFile(run.exitFile)).trim()).toBe('0');
  }, 60_000);
});
