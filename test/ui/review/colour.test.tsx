import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Alignment } from '../../../src/types.js';
import { isColorWanted } from '../../../src/ui/shared/theme.js';

/** SGR colour codes: 30-37, 39, 40-47, 49, 90-97, 100-107, 38;5/38;2 and 48;... */
const COLOUR_CODE = /\u001B\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

const seed = JSON.parse(
  readFileSync(new URL('../fixtures/seed-alignment.json', import.meta.url), 'utf8'),
) as Alignment;

// Vitest's output is not a terminal, so chalk would print no colour at all and the test below could not fail.
// Force it before Ink (and chalk) are first imported in this file's module graph.
let render: typeof import('ink-testing-library').render;
let App: typeof import('../../../src/ui/review/app.js').App;
beforeAll(async () => {
  process.env['FORCE_COLOR'] = '1';
  ({ render } = await import('ink-testing-library'));
  ({ App } = await import('../../../src/ui/review/app.js'));
});

function frameWith(isColorEnabled: boolean): string {
  const { lastFrame, unmount } = render(
    <App
      sourcePath="a"
      targetPath="b"
      load={{ phase: 'ready', alignment: seed }}
      exportPath="out.csv"
      exportCsv={async () => {}}
      isColorEnabled={isColorEnabled}
      size={{ columns: 80, rows: 24 }}
    />,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

describe('NO_COLOR', () => {
  it('colours statuses when colour is on', () => {
    expect(frameWith(true)).toMatch(COLOUR_CODE);
  });

  it('prints no colour at all when it is off, but keeps the markers and reverse video', () => {
    const frame = frameWith(false);
    expect(frame).not.toMatch(COLOUR_CODE);
    expect(frame).toContain('\u001B[7m');
    expect(frame.replace(/\u001B\[[0-9;]*m/g, '')).toContain(' + added   0.93');
  });

  it.each([
    [{}, true],
    [{ NO_COLOR: '' }, true],
    [{ NO_COLOR: '1' }, false],
    [{ NO_COLOR: 'yes', FORCE_COLOR: '1' }, false],
  ])('isColorWanted(%j) is %s', (env, expected) => {
    expect(isColorWanted(env)).toBe(expected);
  });
});
