/** The review screen with ink-testing-library: keys in, frames out (read from the FrameWriter the terminal gets),
 * and fake effects that record what the keys asked for. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { cleanup } from 'ink-testing-library';
import type { ScoredBead } from '../../../src/compare/pair.js';
import type { EditJudge } from '../../../src/edit/judge.js';
import type { Alignment } from '../../../src/types.js';
import { App, type AppProps, type LoadState, type ReviewEffects } from '../../../src/ui/review/app.js';
import { displayWidth } from '../../../src/ui/shared/layout.js';
import { EXIT_LOAD_FAILED, EXIT_OK } from '../../../src/ui/shared/not-ready.js';
import { uniformAlignment } from '../fixtures/make-alignment.js';
import { movedAlignment } from '../../export/fixture.js';
import { footer, renderScreen, selectedRow } from '../fixtures/render-screen.js';

const seed = JSON.parse(readFileSync(new URL('../fixtures/seed-alignment.json', import.meta.url), 'utf8')) as Alignment;

const KEYS = {
  down: '\u001B[B',
  up: '\u001B[A',
  right: '\u001B[C',
  left: '\u001B[D',
  pageDown: '\u001B[6~',
  end: '\u001B[F',
  home: '\u001B[H',
  tab: '\t',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  ctrlC: '\u0003',
  ctrlD: '\u0004',
  ctrlL: '\u000C',
  ctrlR: '\u0012',
} as const;

const EXPORT_PATH = 'voi.en.bulelengpost.id.selaras.csv';

/** An engine stand-in: sides decide the status, every pair scores 0.5, splits pair sentences in order. */
const fakeJudge: EditJudge = {
  judge: async (plan) => {
    const scored = (bead: { source: readonly number[]; target: readonly number[] }): ScoredBead => ({
      ...bead,
      status: bead.source.length === 0 ? 'added' : bead.target.length === 0 ? 'omitted' : 'aligned',
      score: 0.5,
    });
    if (plan.ask === 'score') return plan.beads.map(scored);
    const { source, target } = plan.beads[0]!;
    const shared = Math.min(source.length, target.length);
    return [
      ...source.slice(0, shared).map((i, k) => scored({ source: [i], target: [target[k]!] })),
      ...source.slice(shared).map((i) => scored({ source: [i], target: [] })),
      ...target.slice(shared).map((j) => scored({ source: [], target: [j] })),
    ];
  },
};

function renderApp(load: LoadState, overrides: { effects?: Partial<ReviewEffects> } & Partial<Omit<AppProps, 'effects'>> = {}) {
  const onExit = vi.fn<(code: number) => void>();
  const exportAlignment = vi.fn<(alignment: Alignment, outPath: string) => Promise<readonly string[]>>(async () => []);
  const writeSession = vi.fn<(alignment: Alignment) => Promise<void>>(async () => {});
  const copyToClipboard = vi.fn<(text: string) => void>();
  const openEditor = vi.fn<NonNullable<ReviewEffects['openEditor']>>(async () => null);
  const effects: ReviewEffects = {
    exportPath: EXPORT_PATH,
    exportAlignment,
    fileExists: () => false,
    session: { path: 'review.json', write: writeSession },
    judge: fakeJudge,
    copyToClipboard,
    openEditor,
    ...overrides.effects,
  };
  const props = (next: LoadState, size = overrides.size ?? { columns: 80, rows: 24 }): AppProps => ({
    sourcePath: 'voi.en.txt',
    targetPath: 'bulelengpost.id.txt',
    load: next,
    effects,
    onExit,
    isColorEnabled: false,
    size,
    ...(overrides.notice === undefined ? {} : { notice: overrides.notice }),
  });
  const screen = renderScreen(<App {...props(load)} />);
  return { ...screen, props, onExit, exportAlignment, writeSession, copyToClipboard, openEditor };
}

afterEach(() => {
  cleanup();
});

describe('App while loading', () => {
  it('shows a progress bar with counts, then the review once loaded', async () => {
    const app = renderApp({ phase: 'loading', progress: null });
    expect(app.frame()).toContain('Reading and splitting the files');
    app.rerender(<App {...app.props({ phase: 'loading', progress: { stage: 'embed', done: 20, total: 53 } })} />);
    await app.waitFor((s) => s.includes('Embedding sentences') && s.includes('20/53 37%'), 'the embedding progress');
    expect(app.frame()).toMatch(/█+░+ 20\/53/);
    app.rerender(<App {...app.props({ phase: 'loading', progress: { stage: 'load-model', model: 'm', done: 8 * 1024 * 1024, total: 16 * 1024 * 1024 } })} />);
    await app.waitFor((s) => s.includes('8.0/16.0 MiB 50%'), 'the model load in MiB');
    // After aligning, the differences: a stage of its own, not "Aligning 100%" while they are found.
    app.rerender(<App {...app.props({ phase: 'loading', progress: { stage: 'differences', done: 30, total: 120 } })} />);
    await app.waitFor((s) => s.includes('Finding differences') && s.includes('30/120 25%'), 'the differences progress');
    app.rerender(<App {...app.props({ phase: 'ready', alignment: seed })} />);
    await app.waitFor((s) => s.includes('33 pairs · 18 aligned'), 'the header counts');
  });

  it('quits from the progress screen with q', async () => {
    const app = renderApp({ phase: 'loading', progress: null });
    app.stdin.write('q');
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith(EXIT_OK));
  });
});

describe('App after a failed load', () => {
  it('shows the message and quits with a failure code on q', async () => {
    const app = renderApp({ phase: 'failed', message: 'model not found: put model.onnx in models/mini/' });
    expect(app.frame()).toContain('model not found: put model.onnx in models/mini/');
    expect(app.frame()).toContain('press q to quit');
    app.stdin.write('j');
    app.stdin.write('q');
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith(EXIT_LOAD_FAILED));
    expect(app.onExit).toHaveBeenCalledTimes(1);
  });
});

describe('App reviewing the seed alignment at 80x24', () => {
  const ready: LoadState = { phase: 'ready', alignment: seed };

  it('fits the terminal: 23 lines, none wider than 80 columns', () => {
    const lines = renderApp(ready).frame().split('\n');
    expect(lines).toHaveLength(23);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('moves with j/k, arrows, G/g, End/Home, half pages with Ctrl-D', async () => {
    const app = renderApp(ready);
    expect(selectedRow(app.frame())).toContain('Taliban Terrorist Group');
    await app.press('j', (s) => selectedRow(s).includes('22 Agustus 2021'), 'the second pair selected');
    await app.press(KEYS.down, (s) => selectedRow(s).includes('Ilustrasi anggota'), 'the third pair selected');
    await app.press('k', (s) => selectedRow(s).includes('22 Agustus 2021'), 'back to the second pair');
    await app.press('G', (s) => selectedRow(s).includes('Terpopuler'), 'the last pair');
    expect(footer(app.frame())).toContain('pair 32 · 33 of 33');
    await app.press('g', (s) => selectedRow(s).includes('Taliban Terrorist Group'), 'the first pair');
    await app.press(KEYS.end, (s) => footer(s).includes('33 of 33'), 'End');
    await app.press(KEYS.home, (s) => footer(s).includes('pair 0 · 1 of 33'), 'Home');
    await app.press(KEYS.ctrlD, (s) => !footer(s).includes(' 1 of 33'), 'half a page down');
    await app.press(KEYS.pageDown, (s) => !footer(s).includes(' 1 of 33'), 'a page down');
  });

  it('shows the 0-based pair numbers of the exports in every row', () => {
    expect(renderApp(ready).frame()).toMatch(/^>\?\s+0 1-1 +0\.46 +Taliban/m);
    expect(renderApp(ready).frame()).toMatch(/^ \+\s+1 added +0\.93 +— no counterpart — +│ 22 Agustus 2021/m);
  });

  it('Tab cycles the filters; n/N jump between flagged pairs', async () => {
    const app = renderApp(ready);
    await app.press(KEYS.tab, (s) => footer(s).includes('flagged only'), 'the flagged filter');
    expect(footer(app.frame())).toContain('pair 0 · 1 of 21');
    await app.press(KEYS.tab, (s) => footer(s).includes('omitted only'), 'omitted only');
    await app.press(KEYS.tab, (s) => footer(s).includes('added only'), 'added only');
    await app.press('\u001B[Z', (s) => footer(s).includes('omitted only'), 'Shift-Tab: back one');
    await app.press('\u001B[Z\u001B[Z', (s) => footer(s).includes('all pairs'), 'all pairs again');
    await app.press('g', (s) => footer(s).includes('1 of 33'), 'the top');
    await app.press('n', (s) => footer(s).includes('2 of 33'), 'the next flagged pair (an added line)');
    await app.press('jjn', (s) => footer(s).includes('5 of 33'), 'the next flagged pair after an unflagged one');
    await app.press('N', (s) => footer(s).includes('3 of 33'), 'the previous flagged pair');
  });

  it('o orders by score', async () => {
    const app = renderApp(ready);
    const ascending = await app.press('o', (s) => footer(s).includes('score ↑'), 'the score order');
    expect(selectedRow(ascending)).toContain('Taliban Terrorist Group');
  });

  it('Enter opens the detail pane with the full texts, their context and the differences; Enter closes it', async () => {
    const app = renderApp(ready);
    await app.press('jjjj', (s) => footer(s).includes('pair 4 · 5 of 33'), 'pair 4');
    const open = await app.press(KEYS.enter, (s) => s.includes('─ pair 4 · 1-1'), 'the detail pane');
    expect(open).toMatch(/^EN 2 ¶\d+ +Agence France-Presse/m);
    expect(open).toMatch(/^ID 4 ¶\d+ +Dikutip dari New York Post/m);
    expect(open).toMatch(/^ +name +EN “Agence France-Presse \(AFP\)” +ID “New York Post”/m);
    expect(open.split('\n')).toHaveLength(23);
    await app.press(KEYS.enter, (s) => !s.includes('─ pair 4 ·'), 'the pane closed');
  });

  it('→ puts the keys into the detail pane, which then scrolls with j; ← gives them back', async () => {
    const app = renderApp(ready);
    const pane = await app.press(`jjjj${KEYS.right}`, (s) => s.includes('─ pair 4 ·') && footer(s).includes('j/k scroll'), 'the focused pane');
    const firstLine = pane.split('\n').findIndex((line) => line.startsWith('─ pair 4'));
    await app.press('j', (s) => !s.split('\n').some((line) => line.startsWith('─ pair 4')) || s.split('\n').findIndex((line) => line.startsWith('─ pair 4')) !== firstLine, 'a line scrolled');
    expect(footer(app.frame())).toContain('pair 4 ·');
    await app.press(KEYS.left, (s) => footer(s).includes('? help'), 'the list again');
    await app.press('j', (s) => footer(s).includes('pair 5 ·'), 'j moves the list again');
  });

  it('takes a run of keys that arrives in one read (fast typing, a paste)', async () => {
    const app = renderApp(ready);
    const screen = await app.press('nnn\r', (s) => s.includes('─ pair 4 ·'), 'the detail of the third flagged pair');
    expect(footer(screen)).toContain('5 of 33');
  });

  it('/ searches both sides as you type; Enter keeps it as the "matches" filter, n steps on; Esc clears', async () => {
    const app = renderApp(ready);
    await app.press('/', (s) => footer(s).includes('/▏'), 'the search prompt');
    await app.press('232.000', (s) => footer(s).includes('1 of 1'), 'one match');
    expect(selectedRow(app.frame())).toContain('Zabihullah');
    await app.press(KEYS.backspace, (s) => footer(s).includes('/232.00▏'), 'a deleted character');
    const kept = await app.press(KEYS.enter, (s) => footer(s).startsWith(' matches ·') && !footer(s).includes('▏'), 'the kept search');
    expect(footer(kept)).toContain('/232.00');
    await app.press('n', (s) => footer(s).includes('no match below'), 'the end of the matches');
    await app.press(KEYS.escape, (s) => footer(s).includes('of 33') && !footer(s).includes('/232'), 'the search cleared');
    expect(selectedRow(app.frame())).toContain('Zabihullah');
  });

  it('a search folds quotation marks and can be limited to one side', async () => {
    const app = renderApp(ready);
    // “Taliban menyebut saya kasar…” is found with a straight quote.
    await app.press('/"taliban', (s) => footer(s).includes('/"taliban▏') && footer(s).includes('pair 7 · 1 of 1'), 'the curly quote matched');
    await app.press(KEYS.escape, (s) => footer(s).includes('all pairs'), 'the search cleared');
    await app.press('/saya kasar', (s) => footer(s).includes('1 of 1'), 'a phrase on the target side');
    await app.press(KEYS.tab, (s) => footer(s).includes('/source: saya kasar') && footer(s).includes('0 of 0'), 'not on the source side');
    await app.press(KEYS.tab, (s) => footer(s).includes('/target: saya kasar') && footer(s).includes('1 of 1'), 'on the target side');
  });

  it(':N goes to pair N', async () => {
    const app = renderApp(ready);
    await app.press(':', (s) => footer(s).includes('go to pair ▏'), 'the prompt');
    await app.press('12\r', (s) => footer(s).includes('pair 12 · 13 of 33'), 'pair 12');
  });

  it('e exports to the export path and says so; a second e asks before overwriting', async () => {
    let exists = false;
    const app = renderApp(ready, { effects: { fileExists: () => exists }, size: { columns: 120, rows: 30 } });
    await app.press('e', (s) => s.includes(`exported 33 pairs to ${EXPORT_PATH}`), 'the export message');
    expect(app.exportAlignment).toHaveBeenCalledWith(seed, EXPORT_PATH);
    exists = true;
    await app.press('e', (s) => footer(s).includes(`${EXPORT_PATH} exists: e overwrites it`), 'the question');
    await app.press('j', (s) => !footer(s).includes('exists'), 'kept');
    expect(app.exportAlignment).toHaveBeenCalledTimes(1);
    await app.press('e', (s) => footer(s).includes('exists'), 'asked again');
    await app.press('e', (s) => s.includes('exported 33 pairs'), 'overwritten');
    expect(app.exportAlignment).toHaveBeenCalledTimes(2);
  });

  it('reports a failed export with the user\'s file, and shortens a long name in the middle', async () => {
    const long = '/home/reviewer/projects/2026/clubhouse/translations/voi.en.bulelengpost.id.reviewed.selaras.csv';
    const app = renderApp(ready, { effects: { exportPath: long, exportAlignment: async () => Promise.reject(new Error('permission denied')) } });
    const failed = await app.press('e', (s) => footer(s).includes('export failed'), 'the export error');
    expect(footer(failed)).toMatch(/export failed: \/home\/\S*…\S*\.csv: permission denied/);
    expect(displayWidth(footer(failed))).toBeLessThanOrEqual(80);
    await app.press('j', (s) => !s.includes('export failed'), 'the message cleared by the next key');
  });

  it('? shows the keys from the key table, scrolls with j, Esc returns', async () => {
    const app = renderApp(ready);
    const help = await app.press('?', (s) => s.includes('markers'), 'the help');
    expect(help).toMatch(/help lines 1-\d+ of \d+/);
    await app.press('G', (s) => s.includes('close this help'), 'the end of the help');
    await app.press(KEYS.escape, (s) => s.includes('Taliban Terrorist Group'), 'the list');
  });

  it('a key that does nothing says so until the next key', async () => {
    const app = renderApp(ready);
    await app.press('Q', (s) => footer(s).includes('unknown key, ? for help'), 'the notice');
    await app.press('j', (s) => !footer(s).includes('unknown key'), 'gone');
  });

  it('Ctrl-L draws the whole screen again', async () => {
    const app = renderApp(ready);
    const before = app.written.length;
    app.stdin.write(KEYS.ctrlL);
    await vi.waitFor(() => expect(app.written.slice(before).join('')).toContain('\u001B[2J'));
  });

  it.each([
    ['q', 'q'],
    ['Ctrl-C', KEYS.ctrlC],
  ])('%s quits with exit code 0 when nothing was edited', async (_name, key) => {
    const app = renderApp(ready);
    app.stdin.write(key);
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith(EXIT_OK));
  });

  it('re-lays out when the terminal is resized', async () => {
    const app = renderApp(ready);
    app.rerender(<App {...app.props(ready, { columns: 100, rows: 40 })} />);
    const tall = await app.waitFor((s) => s.split('\n').length === 39, 'a 40-row layout');
    expect(Math.max(...tall.split('\n').map(displayWidth))).toBe(100);
    app.rerender(<App {...app.props(ready, { columns: 60, rows: 15 })} />);
    const small = await app.waitFor((s) => s.split('\n').length === 14, 'a 15-row layout');
    expect(Math.max(...small.split('\n').map(displayWidth))).toBe(60);
    expect(selectedRow(small)).toContain('Taliban');
    app.rerender(<App {...app.props(ready, { columns: 30, rows: 10 })} />);
    await app.waitFor((s) => s.includes('terminal too small'), 'the too-small notice');
  });
});

describe('App as an editor', () => {
  const ready: LoadState = { phase: 'ready', alignment: seed };

  it('J joins the pair with the next one, marked edited; u undoes it, Ctrl-R redoes it', async () => {
    const app = renderApp(ready);
    const joined = await app.press('J', (s) => footer(s).includes('joined pairs 0 and 1'), 'the join');
    expect(joined).toMatch(/^32 pairs/m);
    expect(selectedRow(joined)).toMatch(/^>[=*] ✎\s+0 1-2 +0\.50 +Taliban/);
    expect(joined).toContain('[not written: w]');
    const undone = await app.press('u', (s) => footer(s).includes('undid: joined pairs 0 and 1'), 'undo');
    expect(undone).toMatch(/^33 pairs/m);
    expect(undone).not.toContain('[not written');
    await app.press(KEYS.ctrlR, (s) => footer(s).includes('redid: joined pairs 0 and 1') && /^32 pairs/m.test(s), 'redo');
  });

  it('a key typed while the engine scores applies to the pair it made', async () => {
    let release: () => void = () => {};
    const slow: EditJudge = { judge: (plan) => new Promise((resolve) => (release = () => resolve(fakeJudge.judge(plan)))) };
    const app = renderApp(ready, { effects: { judge: slow } });
    await app.press('J', (s) => footer(s).includes('joining (pair 0)…'), 'the engine at work');
    app.stdin.write('r');
    release();
    const after = await app.waitFor((s) => /^>[=*]✓✎\s+0 1-2/.test(selectedRow(s)), 'the joined pair reviewed');
    expect(after).toMatch(/1(\/| of )32 rev/);
  });

  it('x unlinks a pair into omitted and added rows; S splits a merge; L links an omitted row', async () => {
    const app = renderApp(ready);
    await app.press('x', (s) => footer(s).includes('unlinked pair 0'), 'the unlink');
    expect(app.frame()).toMatch(/^>- ✎\s+0 omitted/m);
    expect(app.frame()).toMatch(/^ \+ ✎\s+1 added/m);
    await app.press('L', (s) => footer(s).includes('linked pairs 0 and 1'), 'linked back');
    await app.press('JJ', (s) => /^>[=*] ✎\s+0 1-3/m.test(s), 'a 1-3 merge');
    await app.press('S', (s) => footer(s).includes('split pair 0'), 'the split');
    expect(app.frame()).toMatch(/^>[=*?] ✎\s+0 1-1/m);
  });

  it('refuses what an operation cannot do, saying why', async () => {
    const app = renderApp(ready);
    await app.press('S', (s) => footer(s).includes('pair 0 is 1-1: S splits merged pairs'), 'the refusal');
    await app.press('L', (s) => footer(s).includes('pair 0 is already aligned'), 'another');
  });

  it('r marks reviewed, R marks everything above, c writes a note shown in the detail pane', async () => {
    const app = renderApp(ready);
    await app.press('r', (s) => /1(\/| of )33 rev/.test(s), 'one reviewed');
    await app.press('jjjR', (s) => /4(\/| of )33 rev/.test(s), 'four reviewed');
    await app.press('c', (s) => footer(s).includes('note on pair 3: ▏'), 'the note prompt');
    await app.press('cek nama\r', (s) => footer(s).includes('noted pair 3'), 'the note kept');
    const detail = await app.press(KEYS.enter, (s) => s.includes('─ pair 3 ·'), 'the detail pane');
    expect(detail).toMatch(/^note +cek nama/m);
    expect(detail).toContain('─ pair 3 · 1-1 · score 0.88 · reviewed');
  });

  it('w writes the session with the edits; then q quits at once', async () => {
    const app = renderApp(ready);
    await app.press('r', (s) => /1(\/| of )33 rev/.test(s), 'an edit');
    await app.press('w', (s) => footer(s).includes('wrote the session review.json'), 'written');
    expect(app.writeSession.mock.calls[0]?.[0].pairs[0]?.reviewed).toBe(true);
    expect(app.frame()).not.toContain('[not written');
    app.stdin.write('q');
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith(EXIT_OK));
  });

  it('q with unwritten edits asks: w writes and quits, q quits without, another key stays', async () => {
    const app = renderApp(ready);
    await app.press('r', (s) => /1(\/| of )33 rev/.test(s), 'an edit');
    await app.press('q', (s) => footer(s).includes('edits not written: w writes them and quits'), 'the question');
    await app.press('j', (s) => footer(s).includes('? help'), 'stayed');
    expect(app.onExit).not.toHaveBeenCalled();
    await app.press(KEYS.ctrlC, (s) => footer(s).includes('edits not written'), 'Ctrl-C asks too');
    app.stdin.write('w');
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith(EXIT_OK));
    expect(app.writeSession).toHaveBeenCalledTimes(1);
  });

  it('q then q discards', async () => {
    const app = renderApp(ready);
    await app.press('r', (s) => /1(\/| of )33 rev/.test(s), 'an edit');
    app.stdin.write('qq');
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith(EXIT_OK));
    expect(app.writeSession).not.toHaveBeenCalled();
  });

  it('y copies the pair as source, tab, target; v and V open the editor at a sentence of each file', async () => {
    const app = renderApp(ready);
    await app.press('jjj', (s) => footer(s).includes('pair 3 ·'), 'pair 3');
    await app.press('y', (s) => footer(s).includes('copied pair 3'), 'copied');
    expect(app.copyToClipboard.mock.calls[0]?.[0]).toMatch(/^JAKARTA - As the Taliban .*\tBULELENGPOST\.COM - Saat Taliban/);
    await app.press('v', () => app.openEditor.mock.calls.length === 1, 'the editor asked for');
    expect(app.openEditor.mock.calls[0]?.slice(1)).toEqual(['source', 1]);
    app.stdin.write('V');
    await vi.waitFor(() => expect(app.openEditor.mock.calls[1]?.slice(1)).toEqual(['target', 3]));
    await app.press('k', (s) => footer(s).includes('pair 2 ·'), 'an added pair');
    await app.press('v', (s) => footer(s).includes('this pair has no source sentence to open'), 'nothing to open');
  });

  it('says what the editor could not do', async () => {
    const app = renderApp(ready, { effects: { openEditor: async () => 'could not start the editor "nano"' } });
    await app.press('v', (s) => footer(s).includes('could not start the editor "nano"'), 'the failure');
  });

  it('shows the notice it opens with (a resumed session)', () => {
    const app = renderApp(ready, { notice: { text: 'resumed review.json: 4 of 33 pairs reviewed', tone: 'info' } });
    expect(footer(app.frame())).toContain('resumed review.json: 4 of 33 pairs reviewed');
  });
});

describe('App on a long document', () => {
  it('scrolls 3,000 pairs and jumps to the end', async () => {
    const app = renderApp({ phase: 'ready', alignment: uniformAlignment(3000) });
    await app.press('G', (s) => footer(s).includes('3000 of 3000'), 'the last pair');
    expect(selectedRow(app.frame())).toContain('source sentence 3000.');
    await app.press('kkkkk', (s) => footer(s).includes('2995 of 3000'), 'five up');
  });

  it('the mouse wheel scrolls and a click selects', async () => {
    const app = renderApp({ phase: 'ready', alignment: uniformAlignment(100) });
    await app.press('\u001B[<65;5;5M', (s) => footer(s).includes('pair 3 ·'), 'three down');
    await app.press('\u001B[<0;5;10M', (s) => footer(s).includes('pair 6 ·'), 'the clicked row');
  });
});

describe('App with a moved passage', () => {
  it('shows both halves as moved, counts the move, and m jumps between them', async () => {
    const app = renderApp({ phase: 'ready', alignment: movedAlignment }, { size: { columns: 120, rows: 24 } });
    const opened = await app.waitFor((s) => s.includes('1 move'), 'the move counted');
    expect(opened).toMatch(/^ ~ {3}1 moved .*Police said the road was closed\. .*│ — moved: see pair 3 \(m\) —/m);
    await app.press('j', (s) => footer(s).includes('pair 1 ·'), 'the source half selected');
    await app.press('m', (s) => footer(s).includes('pair 3: the counterpart of moved pair 1'), 'the jump to the target half');
    expect(selectedRow(app.frame())).toContain('Polisi mengatakan jalan ditutup.');
    await app.press('m', (s) => footer(s).includes('pair 1: the counterpart of moved pair 3'), 'the jump back');
  });
});
