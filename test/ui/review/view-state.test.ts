import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import type { Command } from '../../../src/ui/review/key-map.js';
import { buildReviewModel } from '../../../src/ui/review/review-model.js';
import {
  commandsForInput,
  createViewState,
  inputModeOf,
  listRows,
  reduceView,
  selectedPair,
  type ViewAction,
  type ViewState,
} from '../../../src/ui/review/view-state.js';
import { mixedAlignment, uniformAlignment } from '../fixtures/make-alignment.js';

const SIZE = { columns: 80, rows: 24 };

function run(state: ViewState, actions: readonly ViewAction[]): ViewState {
  return actions.reduce(reduceView, state);
}

function mixed(): ViewState {
  return createViewState(buildReviewModel(mixedAlignment()), SIZE);
}

function uniform(count: number, size = SIZE): ViewState {
  return createViewState(buildReviewModel(uniformAlignment(count)), size);
}

describe('moving', () => {
  // 100 one-line pairs at 80x24: 19 list rows.
  it.each<[string, readonly ViewAction[], number, number]>([
    ['starts at the top', [], 0, 0],
    ['down', [{ type: 'move', delta: 1 }], 1, 0],
    ['up at the top stays', [{ type: 'move', delta: -1 }], 0, 0],
    ['down past the screen scrolls by one', Array(19).fill({ type: 'move', delta: 1 }), 19, 1],
    ['last', [{ type: 'jump', to: 'last' }], 99, 81],
    ['last then first', [{ type: 'jump', to: 'last' }, { type: 'jump', to: 'first' }], 0, 0],
    ['down at the end stays', [{ type: 'jump', to: 'last' }, { type: 'move', delta: 1 }], 99, 81],
    ['page down moves a screenful', [{ type: 'page', direction: 1 }], 19, 19],
    ['two pages', [{ type: 'page', direction: 1 }, { type: 'page', direction: 1 }], 38, 38],
    ['page down at the end keeps a full page', Array(8).fill({ type: 'page', direction: 1 }), 99, 81],
    ['page up comes back', [{ type: 'page', direction: 1 }, { type: 'page', direction: -1 }], 0, 0],
  ])('%s', (_name, actions, cursor, top) => {
    const state = run(uniform(100), actions);
    expect({ cursor: state.cursor, top: state.top }).toEqual({ cursor, top });
  });

  it('keeps the cursor on screen when the detail pane takes room', () => {
    const state = run(uniform(100), [...Array(18).fill({ type: 'move', delta: 1 }), { type: 'toggle-detail' }]);
    expect(state.cursor).toBe(18);
    expect(state.cursor - state.top).toBeLessThan(listRows(state));
  });

  it('keeps the cursor on screen when the terminal shrinks, and fills the screen when it grows', () => {
    const moved = run(uniform(100), Array(15).fill({ type: 'move', delta: 1 }));
    const small = reduceView(moved, { type: 'resize', size: { columns: 80, rows: 10 } });
    expect(small.cursor).toBe(15);
    expect(small.cursor - small.top).toBeLessThan(listRows(small));
    const end = run(uniform(30), [{ type: 'jump', to: 'last' }]);
    const tall = reduceView(end, { type: 'resize', size: { columns: 80, rows: 60 } });
    expect(tall.top).toBe(0);
  });
});

describe('filter', () => {
  it('Tab cycles all -> flagged -> all and keeps the selected pair when it is flagged', () => {
    const onLow = run(mixed(), [{ type: 'move', delta: 3 }]);
    expect(selectedPair(onLow)).toBe(3);
    const flagged = reduceView(onLow, { type: 'cycle-filter' });
    expect(flagged.filter).toBe('flagged');
    expect(flagged.visible).toEqual([1, 2, 3, 4]);
    expect(selectedPair(flagged)).toBe(3);
    const all = reduceView(flagged, { type: 'cycle-filter' });
    expect(all.filter).toBe('all');
    expect(selectedPair(all)).toBe(3);
  });

  it('moves to the next shown pair when the selected one is filtered out', () => {
    const onFine = run(mixed(), [{ type: 'move', delta: 0 }, { type: 'cycle-filter' }]);
    expect(selectedPair(onFine)).toBe(1);
    const afterLast = run(mixed(), [{ type: 'jump', to: 'last' }, { type: 'cycle-filter' }]);
    expect(selectedPair(afterLast)).toBe(4);
  });

  it('says so when nothing is flagged', () => {
    const state = reduceView(uniform(5), { type: 'cycle-filter' });
    expect(state.visible).toEqual([]);
    expect(selectedPair(state)).toBeNull();
    expect(state.message?.text).toMatch(/no pairs match/);
  });
});

describe('n / N', () => {
  it.each<[string, readonly ViewAction[], number | null, string | null]>([
    ['next from the top', [{ type: 'next-flagged', direction: 1 }], 1, null],
    ['next twice', [{ type: 'next-flagged', direction: 1 }, { type: 'next-flagged', direction: 1 }], 2, null],
    ['previous from the end', [{ type: 'jump', to: 'last' }, { type: 'next-flagged', direction: -1 }], 4, null],
    ['none above', [{ type: 'next-flagged', direction: -1 }], 0, 'no flagged pair above'],
    ['none below', [{ type: 'jump', to: 'last' }, { type: 'next-flagged', direction: 1 }], 10, 'no flagged pair below'],
  ])('%s', (_name, actions, pair, message) => {
    const state = run(mixed(), actions);
    expect(selectedPair(state)).toBe(pair);
    expect(state.message?.text ?? null).toBe(message);
  });

  it('the next key clears the message', () => {
    const state = run(mixed(), [{ type: 'next-flagged', direction: -1 }, { type: 'move', delta: 1 }]);
    expect(state.message).toBeNull();
  });
});

describe('search', () => {
  it('narrows as you type, keeps it on Enter, clears on Esc', () => {
    const typing = run(mixed(), [{ type: 'start-search' }, { type: 'search-input', text: 'minis' }]);
    expect(inputModeOf(typing)).toBe('search');
    expect(typing.visible).toEqual([0, 10]);
    const kept = reduceView(typing, { type: 'commit-search' });
    expect(inputModeOf(kept)).toBe('browse');
    expect(kept.query).toBe('minis');
    expect(kept.visible).toEqual([0, 10]);
    const cleared = reduceView(kept, { type: 'cancel' });
    expect(cleared.query).toBe('');
    expect(cleared.visible).toHaveLength(11);
  });

  it('backspace widens again, and Esc while typing clears', () => {
    const state = run(mixed(), [
      { type: 'start-search' },
      { type: 'search-input', text: 'minisx' },
      { type: 'search-backspace' },
    ]);
    expect(state.query).toBe('minis');
    expect(reduceView(state, { type: 'cancel' }).query).toBe('');
  });

  it('ignores typing when no search is open, and control characters in it', () => {
    expect(reduceView(mixed(), { type: 'search-input', text: 'x' }).query).toBe('');
    const state = run(mixed(), [{ type: 'start-search' }, { type: 'search-input', text: 'a\u001Bb' }]);
    expect(state.query).toBe('ab');
  });

  it('reports a search that matches nothing when it is kept', () => {
    const state = run(mixed(), [{ type: 'start-search' }, { type: 'search-input', text: 'zzz' }, { type: 'commit-search' }]);
    expect(state.visible).toEqual([]);
    expect(state.message?.text).toBe('no pair contains "zzz"');
  });
});

describe('Esc closes the innermost thing', () => {
  it.each<[string, readonly ViewAction[], Partial<ViewState>]>([
    ['help first', [{ type: 'toggle-detail' }, { type: 'toggle-help' }, { type: 'cancel' }], { isHelpOpen: false, isDetailOpen: true }],
    ['then the detail pane', [{ type: 'toggle-detail' }, { type: 'cancel' }], { isDetailOpen: false }],
    [
      'search before the detail pane',
      [{ type: 'toggle-detail' }, { type: 'start-search' }, { type: 'search-input', text: 'a' }, { type: 'commit-search' }, { type: 'cancel' }],
      { isDetailOpen: true, query: '' },
    ],
  ])('%s', (_name, actions, expected) => {
    expect(run(mixed(), actions)).toMatchObject(expected);
  });
});

describe('commandsForInput: a run of characters is a run of keys', () => {
  it.each<[string, string, readonly string[]]>([
    ['one key', 'j', ['move']],
    ['key repeat', 'jjj', ['move', 'move', 'move']],
    ['slash then the query', '/club', ['start-search', 'search-input', 'search-input', 'search-input', 'search-input']],
    ['stops after quit', 'jqj', ['move', 'quit']],
    ['unbound characters are skipped', 'jxj', ['move', 'move']],
    ['Enter inside a run', 'nn\r', ['next-flagged', 'next-flagged', 'toggle-detail']],
    ['Tab inside a run', 'j\tj', ['move', 'cycle-filter', 'move']],
    ['a search typed and kept in one go', '/ab\r', ['start-search', 'search-input', 'search-input', 'commit-search']],
    ['backspace inside a search run', '/ab\u007F', ['start-search', 'search-input', 'search-input', 'search-backspace']],
    ['Ctrl-C inside a run quits', 'j\u0003j', ['move', 'quit']],
  ])('%s', (_name, input, types) => {
    expect(commandsForInput(mixed(), input, {}).map((command) => command.type)).toEqual(types);
  });

  it('reads Alt+key (Esc and a key in one read) as Esc, then the key', () => {
    const searching = run(mixed(), [{ type: 'start-search' }, { type: 'search-input', text: 'x' }]);
    expect(commandsForInput(searching, '/', { meta: true }).map((c) => c.type)).toEqual(['cancel', 'start-search']);
    expect(commandsForInput(mixed(), '', { meta: true, upArrow: true })).toEqual([{ type: 'move', delta: -1 }]);
  });

  it('while typing a search, q is a letter, not quit', () => {
    const searching = reduceView(mixed(), { type: 'start-search' });
    expect(commandsForInput(searching, 'q', {})).toEqual([{ type: 'search-input', text: 'q' }]);
  });
});

describe('opened from the versions overview', () => {
  function nested(options: { readonly initialPair?: number } = {}): ViewState {
    return createViewState(buildReviewModel(mixedAlignment()), SIZE, { canGoBack: true, ...options });
  }

  it.each<[string, string, ReturnType<typeof commandsForInput>]>([
    ['v goes back', 'v', [{ type: 'back' }]],
    ['Esc with nothing open goes back', '\u001B', [{ type: 'back' }]],
    ['keys after back are not the review’s', 'vj', [{ type: 'back' }]],
    ['v in a search is a letter', '/v', [{ type: 'start-search' }, { type: 'search-input', text: 'v' }]],
  ])('%s', (_name, input, expected) => {
    // Esc reaches Ink as a key of its own.
    const key = input === '\u001B' ? { escape: true } : {};
    expect(commandsForInput(nested(), input === '\u001B' ? '' : input, key)).toEqual(expected);
  });

  /** The commands of several reads in turn, the state following each. */
  function pressAll(state: ViewState, reads: readonly (readonly [string, Partial<Key>])[]): Command[] {
    const commands: Command[] = [];
    let current = state;
    for (const [input, key] of reads) {
      for (const command of commandsForInput(current, input, key)) {
        commands.push(command);
        if (command.type !== 'back' && command.type !== 'quit' && command.type !== 'export') current = reduceView(current, command);
      }
    }
    return commands;
  }
  const ESC = ['', { escape: true }] as const;

  it.each<[string, readonly (readonly [string, Partial<Key>])[], readonly Command[]]>([
    ['Esc closes the detail pane first', [['\r', { return: true }], ESC, ESC], [{ type: 'toggle-detail' }, { type: 'cancel' }, { type: 'back' }]],
    [
      'Esc clears the search first',
      [['/x\r', {}], ESC, ESC],
      [{ type: 'start-search' }, { type: 'search-input', text: 'x' }, { type: 'commit-search' }, { type: 'cancel' }, { type: 'back' }],
    ],
    ['Esc closes the help first', [['?', {}], ESC, ESC], [{ type: 'toggle-help' }, { type: 'toggle-help' }, { type: 'back' }]],
  ])('%s', (_name, reads, expected) => {
    expect(pressAll(nested(), reads)).toEqual(expected);
  });

  it('a review opened on its own has no back key, and Esc with nothing open does nothing', () => {
    const alone = mixed();
    expect(commandsForInput(alone, 'v', {})).toEqual([]);
    expect(commandsForInput(alone, '', { escape: true })).toEqual([{ type: 'cancel' }]);
    expect(reduceView(alone, { type: 'cancel' })).toBe(alone);
  });

  it.each([
    [undefined, 0],
    [4, 4],
    [10, 10],
    [99, 0],
  ])('starts on pair %s (position %i)', (initialPair, cursor) => {
    const state = nested(initialPair === undefined ? {} : { initialPair });
    expect(state.cursor).toBe(cursor);
    expect(selectedPair(state)).toBe(cursor);
    expect(state.cursor - state.top).toBeLessThan(listRows(state));
  });

  it('keeps two pairs of context above the pair it starts on', () => {
    const state = createViewState(buildReviewModel(uniformAlignment(100)), SIZE, { canGoBack: true, initialPair: 50 });
    expect(state.top).toBe(48);
  });
});
