import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Alignment } from '../../../src/types.js';
import type { Line } from '../../../src/ui/shared/layout.js';
import { buildReviewModel } from '../../../src/ui/review/review-model.js';
import { detailContentLines, pairRowLines } from '../../../src/ui/review/pair-lines.js';

const seed = JSON.parse(
  readFileSync(new URL('../fixtures/seed-alignment.json', import.meta.url), 'utf8'),
) as Alignment;

/** SGR colour codes: 30-37, 39, 40-47, 49, 90-97, 100-107, 38;5/38;2 and 48;... */
const COLOUR_CODE = /\u001B\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;
const ANY_SGR = /\u001B\[[0-9;]*m/g;

// The frame is the FrameWriter's, which writes styles whatever the terminal; the modules are loaded as in the
// colour test, after the environment is set.
let cleanup: typeof import('ink-testing-library').cleanup;
let App: typeof import('../../../src/ui/review/app.js').App;
let renderScreen: typeof import('../fixtures/render-screen.js').renderScreen;
beforeAll(async () => {
  ({ cleanup } = await import('ink-testing-library'));
  ({ App } = await import('../../../src/ui/review/app.js'));
  ({ renderScreen } = await import('../fixtures/render-screen.js'));
});

afterEach(() => {
  cleanup();
});

/** The underlined stretches of a frame, as plain text. Every SGR sequence of the frame sets all attributes anew
 * (see frame-writer.ts), so a stretch runs from a sequence with 4 to the next without. A stretch cut by a line
 * break ends at the line's end. */
function underlined(frame: string): string[] {
  const found: string[] = [];
  for (const line of frame.split('\n')) {
    let current: string | null = null;
    for (const part of line.split(/(\u001B\[[0-9;]*m)/)) {
      const sgr = /^\u001B\[([0-9;]*)m$/.exec(part);
      if (sgr !== null) {
        const isUnderlined = (sgr[1] ?? '').split(';').includes('4');
        if (isUnderlined && current === null) current = '';
        if (!isUnderlined && current !== null) {
          if (current.length > 0) found.push(current);
          current = null;
        }
      } else if (current !== null) current += part;
    }
    if (current !== null && current.length > 0) found.push(current);
  }
  return found;
}

function renderSeed(isColorEnabled: boolean) {
  const screen = renderScreen(
    <App
      sourcePath="voi.en.txt"
      targetPath="bulelengpost.id.txt"
      load={{ phase: 'ready', alignment: seed }}
      effects={{ exportPath: 'out.csv', exportAlignment: async () => [] }}
      isColorEnabled={isColorEnabled}
      size={{ columns: 80, rows: 24 }}
    />,
  );
  return { ...screen, frame: screen.styledFrame };
}

describe('differences in the list and the detail pane', () => {
  it('underlines what differs in the list rows, in yellow when colour is on', () => {
    const screen = renderSeed(true).frame();
    // Pair 5 credits "Agence France-Presse (AFP)" where the Indonesian credits "New York Post".
    expect(underlined(screen)).toEqual(expect.arrayContaining(['Agence France-Presse (AFP)', 'New York Post']));
    expect(screen).toMatch(/\u001B\[0(?:;\d+)*;4(?:;\d+)*;33mNew York Post/);
    // Nothing else is underlined: every underlined stretch is part of a difference of the seed.
    const surfaces = seed.pairs.flatMap((pair) => pair.differences.flatMap((d) => [d.source, d.target]));
    for (const piece of underlined(screen)) {
      expect(surfaces.some((surface) => surface !== null && surface.includes(piece.trim()))).toBe(true);
    }
  });

  it('underlines them without colour under NO_COLOR, and the rows keep their widths', () => {
    const plain = renderSeed(false).frame();
    expect(plain).not.toMatch(COLOUR_CODE);
    expect(underlined(plain)).toEqual(expect.arrayContaining(['Agence France-Presse (AFP)', 'New York Post']));
    const coloured = renderSeed(true).frame();
    expect(plain.replace(ANY_SGR, '')).toBe(coloured.replace(ANY_SGR, ''));
  });

  it('underlines them in the full texts of the detail pane, where they are also listed', async () => {
    const app = renderSeed(false);
    app.stdin.write('jjjj\r');
    const plain = (): string => app.frame().replace(ANY_SGR, '');
    await vi.waitFor(() => {
      if (!plain().includes('─ pair 4 ·')) throw new Error(`no detail pane:\n${plain()}`);
    });
    const lines = app.frame().split('\n');
    const detail = lines.slice(lines.findIndex((line) => line.replace(ANY_SGR, '').includes('─ pair 4 ·'))).join('\n');
    expect(detail.replace(ANY_SGR, '')).toMatch(/name +EN “Agence France-Presse \(AFP\)” +ID “New York Post”/);
    // The full texts: the EN line and the ID line each underline their side's surface.
    expect(underlined(detail)).toEqual(['Agence France-Presse (AFP)', 'New York Post']);
  });
});

/** The runs of neighbouring spans in the difference tone (wrapping cuts text into one span per word). */
function differenceRuns(line: Line): string[] {
  const runs: string[] = [];
  let current: string | null = null;
  for (const span of line) {
    if (span.tone === 'difference') current = (current ?? '') + span.text;
    else if (current !== null) {
      runs.push(current);
      current = null;
    }
  }
  if (current !== null) runs.push(current);
  return runs;
}

describe('pure row and detail lines', () => {
  const model = buildReviewModel(seed);

  it.each([
    [4, 'source', 'Agence France-Presse (AFP)'],
    [4, 'target', 'New York Post'],
    [13, 'source', 'Saturday, July 30'],
    [19, 'source', 'does not allow'],
  ] as const)('pair %i: the %s side marks %j in the detail pane', (pairIndex, _side, surface) => {
    expect(detailContentLines(model, pairIndex, 200).flatMap(differenceRuns)).toContain(surface);
  });

  it('marks nothing in a pair without differences', () => {
    const lines = [...pairRowLines(model, 0, { columns: 80, numberWidth: 2, isExpanded: false, isSelected: false, search: null }), ...detailContentLines(model, 0, 80)];
    expect(lines.flat().some((span) => span.tone === 'difference')).toBe(false);
  });
});
