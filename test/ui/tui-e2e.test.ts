/** The review UI in a real terminal: tmux on a private socket, fixed at 100x30, driven by keys, waiting for text on
 * the screen (never sleeping a fixed time). Runs the built demo entry (`dist/ui/demo.js`) on the seed fixture;
 * dist/ is built by the global setup. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createTmux, footer, hasTmux, isCi, waitForFile } from './tmux-driver.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DEMO = join(ROOT, 'dist/ui/demo.js');
const FIXTURE = join(ROOT, 'test/ui/fixtures/seed-alignment.json');
const SOCKET = `selaras-ui-e2e-${process.pid}`;
const SESSION = 'review';
const COLUMNS = 100;
const ROWS = 30;
const EXPORT_NAME = 'voi.en.bulelengpost.id.selaras.csv';

const tmux = createTmux(SOCKET);
const waitForScreen = (predicate: (text: string) => boolean, what: string, session = SESSION): Promise<string> =>
  tmux.waitForScreen(session, predicate, what);
const waitForText = (text: string): Promise<string> => tmux.waitForText(SESSION, text);
const keys = (...names: string[]): void => tmux.keys(SESSION, ...names);
const typeText = (text: string): void => tmux.typeText(SESSION, text);

// Skipped only where tmux is missing outside CI; in CI a missing tmux fails the run.
describe.skipIf(!hasTmux && !isCi)('review UI in a real terminal (tmux)', () => {
  let workDir = '';

  beforeAll(() => {
    if (!existsSync(DEMO)) throw new Error(`${DEMO} is missing: run npm run build`);
    workDir = mkdtempSync(join(tmpdir(), 'selaras-ui-e2e-'));
    // Without CI in the environment: under CI Ink draws nothing until exit, and chalk drops colour.
    const command = [
      'echo before-selaras',
      `env -u CI -u CONTINUOUS_INTEGRATION -u NO_COLOR node '${DEMO}' '${FIXTURE}'`,
      'echo "$?" > exit-code',
      'echo after-selaras',
      'sleep 120',
    ].join('; ');
    tmux.start(SESSION, command, workDir, COLUMNS, ROWS);
  });

  afterAll(() => {
    tmux.kill();
    if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
  });

  it('opens the seed pair, moves, filters, opens details, searches, exports, resizes and quits', async () => {
    const opened = await waitForText('pair 0 · 1 of 33');
    expect(opened).toMatch(/33 pairs · 18 aligned · 1 omit(ted)? · 14 add(ed)? · 5 (with differences|diff) · 1 low( confidence)? · 0( of |\/)33 rev/);
    expect(opened.split('\n')[2]).toMatch(/✓✎ +# status +score +source · EN +│ target · ID/);
    for (const line of opened.split('\n')) expect(line.length).toBeLessThanOrEqual(COLUMNS);
    // Statuses are coloured in a real terminal (cyan for added lines).
    expect(tmux.styledScreen(SESSION)).toMatch(/\u001B\[(?:[0-9;]*;)?36m(?:\u001B\[[0-9;]*m)*\+/);
    // Only what changes is redrawn, but every line is there.
    expect(opened.split('\n').filter((line) => line.trim() !== '')).toHaveLength(ROWS - 1);

    keys('j');
    await waitForScreen((s) => footer(s).includes('2 of 33'), 'the second pair selected');
    keys('Down');
    await waitForScreen((s) => footer(s).includes('3 of 33'), 'the third pair selected');
    keys('G');
    const atEnd = await waitForScreen((s) => footer(s).includes('33 of 33'), 'the last pair');
    expect(atEnd).toMatch(/^>\+ +32 added .*Terpopuler/m);
    keys('g');
    await waitForScreen((s) => footer(s).includes('1 of 33'), 'the first pair');

    keys('Tab');
    await waitForScreen((s) => footer(s).includes('flagged only · pair 0 · 1 of 21'), 'the flagged filter');
    keys('n');
    await waitForScreen((s) => footer(s).includes('2 of 21'), 'the next flagged pair');
    keys('BTab');
    await waitForScreen((s) => footer(s).includes('all pairs · pair 1 · 2 of 33'), 'all pairs again, same pair');

    keys('j', 'j', 'j');
    await waitForScreen((s) => footer(s).includes('5 of 33'), 'pair 5');
    keys('Enter');
    // The pane reaches the terminal in several writes (its header can show before its lines): wait for the line.
    const credited = /name +EN “Agence France-Presse \(AFP\)” +ID “New York Post” \(different source credited\)/;
    const detail = await waitForScreen((s) => s.includes('─ pair 4 · 1-1 · score 0.79') && credited.test(s), 'the detail pane of pair 4');
    expect(detail).toMatch(credited);
    keys('Enter');
    await waitForScreen((s) => !s.includes('─ pair 4 ·'), 'the detail pane closed');

    keys('/');
    typeText('Zabihullah');
    await waitForScreen((s) => footer(s).includes('1 of 1') && footer(s).includes('/Zabihullah'), 'one search match');
    keys('Enter');
    keys('Escape');
    await waitForScreen((s) => footer(s).includes('all pairs · pair 23 · 24 of 33'), 'the search cleared, the match kept');

    keys('e');
    await waitForText(`exported 33 pairs to ${EXPORT_NAME}`);

    tmux.run('resize-window', '-t', SESSION, '-x', '80', '-y', '24');
    // A frame reaches the terminal in several writes: wait for all of it (every row but the last drawn).
    const filled = (s: string) => s.split('\n').filter((line) => line.trim() !== '').length === 23;
    const small = await waitForScreen((s) => s.includes('33 pairs · 18 aligned · 1 omit · 14 add') && filled(s), 'the whole frame at 80x24');
    expect(small.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(small).toContain('24 of 33');

    keys('q');
    const exitCode = await waitForFile(join(workDir, 'exit-code'));
    expect(exitCode.trim()).toBe('0');
    const restored = await waitForText('after-selaras');
    expect(restored).toContain('before-selaras');
    expect(restored).not.toContain('33 pairs');

    const rows = parse(readFileSync(join(workDir, EXPORT_NAME), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(33);
    expect(rows.filter((row) => row['status'] === 'omitted')).toHaveLength(1);
    expect(rows.filter((row) => row['status'] === 'added')).toHaveLength(14);
    expect(rows.find((row) => row['source_text']?.includes('Zabihullah'))?.['target_text']).toContain('232.000 pengikut');
  }, 120_000);

  it('shows why loading failed and quits with exit code 1, reading keys from the terminal when stdin is a pipe', async () => {
    const session = 'failed';
    const missing = join(workDir, 'missing.json');
    const command = `echo piped | env -u CI -u CONTINUOUS_INTEGRATION node '${DEMO}' '${missing}'; echo "$?" > failed-exit-code; sleep 120`;
    tmux.start(session, command, workDir, COLUMNS, ROWS);
    const shown = await waitForScreen((s) => s.includes('press q to quit'), 'the error screen', session);
    expect(shown).toContain('selaras could not align these files');
    expect(shown).toContain('ENOENT');
    tmux.keys(session, 'q');
    expect((await waitForFile(join(workDir, 'failed-exit-code'))).trim()).toBe('1');
  }, 60_000);
});
