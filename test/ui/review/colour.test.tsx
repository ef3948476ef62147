import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Alignment } from '../../../src/types.js';
import { isColorWanted } from '../../../src/ui/shared/theme.js';

/** SGR colour codes: 30-37, 39, 40-47, 49, 90-97, 100-107, 38;5/38;2 and 48;... */
const COLOUR_CODE = /\u001B\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

const seed = JSON.parse(
  readFileSync(new URL('../fixtures/seed-alignment.json', import.meta.url), 'utf8'),
) as Alignment;

let App: typeof import('../../../src/ui/review/app.js').App;
let renderScreen: typeof import('../fixtures/render-screen.js').renderScreen;
beforeAll(async () => {
  ({ App } = await import('../../../src/ui/review/app.js'));
  ({ renderScreen } = await import('../fixtures/render-screen.js'));
});

/** What the terminal gets: the FrameWriter's frame with its styles. */
function frameWith(isColorEnabled: boolean): string {
  const { styledFrame, unmount } = renderScreen(
    <App
      sourcePath="a"
      targetPath="b"
      load={{ phase: 'ready', alignment: seed }}
      effects={{ exportPath: 'out.csv', exportAlignment: async () => [] }}
      isColorEnabled={isColorEnabled}
      size={{ columns: 80, rows: 24 }}
    />,
  );
  const frame = styledFrame();
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
    expect(frame).toMatch(/\u001B\[0(?:;\d+)*;7(?:;\d+)*m/);
    expect(frame.replace(/\u001B\[[0-9;]*m/g, '')).toMatch(/ \+ +1 added +0\.93/);
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
