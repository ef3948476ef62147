import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { render, cleanup } from 'ink-testing-library';
import type { Alignment } from '../../../src/types.js';
import { App, type AppProps, type LoadState } from '../../../src/ui/review/app.js';
import { EXIT_LOAD_FAILED, EXIT_OK } from '../../../src/ui/shared/not-ready.js';
import { displayWidth } from '../../../src/ui/shared/layout.js';
import { uniformAlignment } from '../fixtures/make-alignment.js';

const seed = JSON.parse(
  readFileSync(new URL('../fixtures/seed-alignment.json', import.meta.url), 'utf8'),
) as Alignment;

const KEYS = {
  down: '\u001B[B',
  up: '\u001B[A',
  pageDown: '\u001B[6~',
  end: '\u001B[F',
  home: '\u001B[H',
  tab: '\t',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

function props(load: LoadState, overrides: Partial<AppProps> = {}): AppProps {
  return {
    sourcePath: 'voi.en.txt',
    targetPath: 'bulelengpost.id.txt',
    load,
    exportPath: 'voi.en.bulelengpost.id.selaras.csv',
    exportCsv: async () => {},
    isColorEnabled: false,
    size: { columns: 80, rows: 24 },
    ...overrides,
  };
}

function renderApp(load: LoadState, overrides: Partial<AppProps> = {}) {
  const onExit = vi.fn<(code: number) => void>();
  const exportCsv = vi.fn<(alignment: Alignment, outPath: string) => Promise<void>>(async () => {});
  const instance = render(<App {...props(load, { onExit, exportCsv, ...overrides })} />);
  const frame = (): string => instance.lastFrame() ?? '';
  /** Wait until the screen shows what the test expects, instead of sleeping. */
  const waitFor = async (predicate: (screen: string) => boolean, what: string): Promise<string> => {
    await vi.waitFor(
      () => {
        if (!predicate(frame())) throw new Error(`screen never showed ${what}:\n${frame()}`);
      },
      { timeout: 3000, interval: 10 },
    );
    return frame();
  };
  const press = async (keys: string, until: (screen: string) => boolean, what: string): Promise<string> => {
    instance.stdin.write(keys);
    return waitFor(until, what);
  };
  return { ...instance, onExit, exportCsv, frame, waitFor, press };
}

/** The selected row is the one starting with `>`. */
function selectedRow(screen: string): string {
  return screen.split('\n').find((line) => line.startsWith('>')) ?? '';
}

function footer(screen: string): string {
  const lines = screen.split('\n');
  return lines[lines.length - 1] ?? '';
}

afterEach(() => {
  cleanup();
});

describe('App while loading', () => {
  it('shows a progress bar with counts, then the review once loaded', async () => {
    const app = renderApp({ phase: 'loading', progress: null });
    expect(app.frame()).toContain('Reading and splitting the files');
    app.rerender(<App {...props({ phase: 'loading', progress: { stage: 'embed', done: 20, total: 53 } })} />);
    await app.waitFor((s) => s.includes('Embedding sentences') && s.includes('20/53 37%'), 'the embedding progress');
    expect(app.frame()).toMatch(/█+░+ 20\/53/);
    app.rerender(<App {...props({ phase: 'ready', alignment: seed })} />);
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
    const app = renderApp(ready);
    const lines = app.frame().split('\n');
    expect(lines).toHaveLength(23);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('moves with j/k, arrows, G/g, End/Home', async () => {
    const app = renderApp(ready);
    expect(selectedRow(app.frame())).toContain('Taliban Terrorist Group');
    await app.press('j', (s) => selectedRow(s).includes('22 Agustus 2021'), 'the second pair selected');
    await app.press(KEYS.down, (s) => selectedRow(s).includes('Ilustrasi anggota'), 'the third pair selected');
    await app.press('k', (s) => selectedRow(s).includes('22 Agustus 2021'), 'back to the second pair');
    await app.press('G', (s) => selectedRow(s).includes('Terpopuler'), 'the last pair');
    expect(footer(app.frame())).toContain('33 of 33');
    await app.press('g', (s) => selectedRow(s).includes('Taliban Terrorist Group'), 'the first pair');
    await app.press(KEYS.end, (s) => footer(s).includes('33 of 33'), 'End');
    await app.press(KEYS.home, (s) => footer(s).includes('1 of 33'), 'Home');
    await app.press(KEYS.pageDown, (s) => !footer(s).includes(' 1 of 33'), 'a page down');
  });

  it('Tab filters to flagged pairs and back; n/N jump between flagged pairs', async () => {
    const app = renderApp(ready);
    await app.press(KEYS.tab, (s) => footer(s).includes('flagged only'), 'the flagged filter');
    expect(footer(app.frame())).toContain('1 of 21 (pair 1 of 33)');
    await app.press(KEYS.tab, (s) => footer(s).includes('all pairs'), 'all pairs again');
    await app.press('g', (s) => footer(s).includes('1 of 33'), 'the top');
    await app.press('n', (s) => footer(s).includes('2 of 33'), 'the next flagged pair (an added line)');
    await app.press('jjn', (s) => footer(s).includes('5 of 33'), 'the next flagged pair after an unflagged one');
    await app.press('N', (s) => footer(s).includes('3 of 33'), 'the previous flagged pair');
  });

  it('Enter opens the detail pane with the full texts and differences, Enter closes it', async () => {
    const app = renderApp(ready);
    await app.press('jjjj', (s) => footer(s).includes('5 of 33'), 'pair 5');
    const open = await app.press(KEYS.enter, (s) => s.includes('─ pair 5 of 33'), 'the detail pane');
    expect(open).toContain('EN 3');
    expect(open).toContain('ID 5');
    expect(open).toMatch(/name +EN “Agence France-Presse \(AFP\)” +ID “New York Post”/);
    expect(open.split('\n')).toHaveLength(23);
    await app.press(KEYS.enter, (s) => !s.includes('─ pair 5 of 33'), 'the pane closed');
  });

  it('takes a run of keys that arrives in one read (fast typing, a paste)', async () => {
    const app = renderApp(ready);
    const screen = await app.press('nnn\r', (s) => s.includes('─ pair 5 of 33'), 'the detail of the third flagged pair');
    expect(footer(screen)).toContain('5 of 33');
  });

  it('/ searches both sides as you type, Esc clears', async () => {
    const app = renderApp(ready);
    await app.press('/', (s) => footer(s).includes('/▏'), 'the search prompt');
    await app.press('232.000', (s) => footer(s).includes('1 of 1'), 'one match');
    expect(selectedRow(app.frame())).toContain('Zabihullah');
    await app.press(KEYS.backspace, (s) => footer(s).includes('/232.00▏'), 'a deleted character');
    await app.press(KEYS.enter, (s) => footer(s).includes('/232.00') && !footer(s).includes('▏'), 'the kept search');
    await app.press(KEYS.escape, (s) => footer(s).includes('of 33') && !footer(s).includes('/232'), 'the search cleared');
    expect(selectedRow(app.frame())).toContain('Zabihullah');
  });

  it('e exports to the export path and says so in the status line', async () => {
    const app = renderApp(ready);
    await app.press('e', (s) => s.includes('exported 33 pairs to voi.en.bulelengpost.id.selaras.csv'), 'the export message');
    expect(app.exportCsv).toHaveBeenCalledTimes(1);
    expect(app.exportCsv).toHaveBeenCalledWith(seed, 'voi.en.bulelengpost.id.selaras.csv');
  });

  it('reports a failed export without leaving', async () => {
    const app = renderApp(ready, { exportCsv: async () => Promise.reject(new Error('EACCES: permission denied')) });
    await app.press('e', (s) => s.includes('export failed: EACCES: permission denied'), 'the export error');
    await app.press('j', (s) => !s.includes('export failed'), 'the message cleared by the next key');
  });

  it('? shows the keys from the key table; Esc returns', async () => {
    const app = renderApp(ready);
    const help = await app.press('?', (s) => s.includes('filter: all pairs / flagged only'), 'the help');
    expect(help).toContain('next flagged pair');
    await app.press(KEYS.escape, (s) => s.includes('Taliban Terrorist Group'), 'the list');
  });

  it.each([
    ['q', 'q'],
    ['Ctrl-C', KEYS.ctrlC],
  ])('%s quits with exit code 0', async (_name, key) => {
    const app = renderApp(ready);
    app.stdin.write(key);
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith(EXIT_OK));
  });

  it('re-lays out when the terminal is resized', async () => {
    // ink-testing-library's stdout is 100 columns wide.
    const app = renderApp(ready);
    app.rerender(<App {...props(ready, { size: { columns: 100, rows: 40 } })} />);
    const tall = await app.waitFor((s) => s.split('\n').length === 39, 'a 40-row layout');
    expect(Math.max(...tall.split('\n').map(displayWidth))).toBe(100);
    app.rerender(<App {...props(ready, { size: { columns: 60, rows: 15 } })} />);
    const small = await app.waitFor((s) => s.split('\n').length === 14, 'a 15-row layout');
    expect(Math.max(...small.split('\n').map(displayWidth))).toBe(60);
    expect(selectedRow(small)).toContain('Taliban');
    app.rerender(<App {...props(ready, { size: { columns: 30, rows: 10 } })} />);
    await app.waitFor((s) => s.includes('terminal too small'), 'the too-small notice');
  });

  it('marks rows so they read without colour', () => {
    const screen = renderApp(ready).frame();
    expect(screen).toMatch(/^ \+ added +0\.93 +— no counterpart — +│ 22 Agustus 2021/m);
    expect(screen).toMatch(/^>\? 1-1 +0\.46 +Taliban/m);
    expect(screen).toMatch(/^ \* 1-1 +0\.79 +Agence France-Presse/m);
  });
});

describe('App on a long document', () => {
  it('scrolls 3,000 pairs and jumps to the end', async () => {
    const app = renderApp({ phase: 'ready', alignment: uniformAlignment(3000) });
    await app.press('G', (s) => footer(s).includes('3000 of 3000'), 'the last pair');
    expect(selectedRow(app.frame())).toContain('source sentence 3000.');
    await app.press('kkkkk', (s) => footer(s).includes('2995 of 3000'), 'five up');
  });
});
