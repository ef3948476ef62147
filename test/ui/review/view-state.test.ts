import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import type { Command } from '../../../src/ui/review/key-map.js';
import { planJoin, editFromJudged } from '../../../src/edit/operations.js';
import { buildReviewModel } from '../../../src/ui/review/review-model.js';
import {
  commandsForInput,
  createViewState,
  inputModeOf,
  isDirty,
  isViewAction,
  listRows,
  rowHeightAt,
  UNKNOWN_KEY,
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
  it('Tab moves on to flagged, Shift-Tab back to all, keeping the selected pair when it is shown', () => {
    const onLow = run(mixed(), [{ type: 'move', delta: 3 }]);
    expect(selectedPair(onLow)).toBe(3);
    const flagged = reduceView(onLow, { type: 'cycle-filter', direction: 1 });
    expect(flagged.filter.id).toBe('flagged');
    expect(flagged.visible).toEqual([1, 2, 3, 4]);
    expect(selectedPair(flagged)).toBe(3);
    const back = reduceView(flagged, { type: 'cycle-filter', direction: -1 });
    expect(back.filter.id).toBe('all');
    expect(selectedPair(back)).toBe(3);
  });

  it('moves to the next shown pair when the selected one is filtered out', () => {
    const onFine = run(mixed(), [{ type: 'move', delta: 0 }, { type: 'cycle-filter', direction: 1 }]);
    expect(selectedPair(onFine)).toBe(1);
    const afterLast = run(mixed(), [{ type: 'jump', to: 'last' }, { type: 'cycle-filter', direction: 1 }]);
    expect(selectedPair(afterLast)).toBe(4);
  });

  it('says so when nothing is flagged', () => {
    const state = reduceView(uniform(5), { type: 'cycle-filter', direction: 1 });
    expect(state.visible).toEqual([]);
    expect(selectedPair(state)).toBeNull();
    expect(state.message?.text).toBe('no pairs: flagged only');
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
    const typing = run(mixed(), [{ type: 'start-search' }, { type: 'prompt-input', text: 'minis' }]);
    expect(inputModeOf(typing)).toBe('search');
    expect(typing.visible).toEqual([0, 10]);
    const kept = reduceView(typing, { type: 'prompt-submit' });
    expect(inputModeOf(kept)).toBe('browse');
    expect(kept.search).toEqual({ query: 'minis', scope: 'both' });
    expect(kept.visible).toEqual([0, 10]);
    const cleared = reduceView(kept, { type: 'cancel' });
    expect(cleared.search).toBeNull();
    expect(cleared.visible).toHaveLength(11);
  });

  it('backspace widens again, and Esc while typing clears', () => {
    const state = run(mixed(), [
      { type: 'start-search' },
      { type: 'prompt-input', text: 'minisx' },
      { type: 'prompt-backspace' },
    ]);
    expect(state.search?.query).toBe('minis');
    expect(reduceView(state, { type: 'cancel' }).search).toBeNull();
  });

  it('ignores typing when no search is open, and control characters in it', () => {
    expect(reduceView(mixed(), { type: 'prompt-input', text: 'x' }).search).toBeNull();
    const state = run(mixed(), [{ type: 'start-search' }, { type: 'prompt-input', text: 'a\u001Bb' }]);
    expect(state.search?.query).toBe('ab');
  });

  it('reports a search that matches nothing when it is kept', () => {
    const state = run(mixed(), [{ type: 'start-search' }, { type: 'prompt-input', text: 'zzz' }, { type: 'prompt-submit' }]);
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
      [{ type: 'toggle-detail' }, { type: 'start-search' }, { type: 'prompt-input', text: 'a' }, { type: 'prompt-submit' }, { type: 'cancel' }],
      { isDetailOpen: true, search: null },
    ],
  ])('%s', (_name, actions, expected) => {
    expect(run(mixed(), actions)).toMatchObject(expected);
  });
});

describe('commandsForInput: a run of characters is a run of keys', () => {
  it.each<[string, string, readonly string[]]>([
    ['one key', 'j', ['move']],
    ['key repeat', 'jjj', ['move', 'move', 'move']],
    ['slash then the query', '/club', ['start-search', 'prompt-input', 'prompt-input', 'prompt-input', 'prompt-input']],
    ['stops after quit', 'jqj', ['move', 'quit']],
    ['an unbound key says so', 'jQj', ['move', 'show-message', 'move']],
    ['Enter inside a run', 'nn\r', ['next-flagged', 'next-flagged', 'toggle-detail']],
    ['Tab inside a run', 'j\tj', ['move', 'cycle-filter', 'move']],
    ['a search typed and kept in one go', '/ab\r', ['start-search', 'prompt-input', 'prompt-input', 'prompt-submit']],
    ['backspace inside a search run', '/ab\u007F', ['start-search', 'prompt-input', 'prompt-input', 'prompt-backspace']],
    ['Ctrl-C inside a run quits', 'j\u0003j', ['move', 'quit']],
  ])('%s', (_name, input, types) => {
    expect(commandsForInput(mixed(), input, {}).map((command) => command.type)).toEqual(types);
  });

  it('reads Alt+key (Esc and a key in one read) as Esc, then the key', () => {
    const searching = run(mixed(), [{ type: 'start-search' }, { type: 'prompt-input', text: 'x' }]);
    expect(commandsForInput(searching, '/', { meta: true }).map((c) => c.type)).toEqual(['cancel', 'start-search']);
    expect(commandsForInput(mixed(), '', { meta: true, upArrow: true })).toEqual([{ type: 'move', delta: -1 }]);
  });

  it('while typing a search, q is a letter, not quit', () => {
    const searching = reduceView(mixed(), { type: 'start-search' });
    expect(commandsForInput(searching, 'q', {})).toEqual([{ type: 'prompt-input', text: 'q' }]);
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
    ['v in a search is a letter', '/v', [{ type: 'start-search' }, { type: 'prompt-input', text: 'v' }]],
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
        if (isViewAction(command)) current = reduceView(current, command);
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
      [{ type: 'start-search' }, { type: 'prompt-input', text: 'x' }, { type: 'prompt-submit' }, { type: 'cancel' }, { type: 'back' }],
    ],
    ['Esc closes the help first', [['?', {}], ESC, ESC], [{ type: 'toggle-help' }, { type: 'toggle-help' }, { type: 'back' }]],
  ])('%s', (_name, reads, expected) => {
    expect(pressAll(nested(), reads)).toEqual(expected);
  });

  it('a review opened on its own has no back key (v opens the editor), and Esc with nothing open does nothing', () => {
    const alone = mixed();
    expect(commandsForInput(alone, 'v', {})).toEqual([{ type: 'open-editor', side: 'source' }]);
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

describe('order', () => {
  it('o cycles document order, score ascending, score descending, keeping the selected pair', () => {
    const onLow = run(mixed(), [{ type: 'move', delta: 3 }]);
    const ascending = reduceView(onLow, { type: 'cycle-order' });
    expect(ascending.order).toBe('score-ascending');
    expect(ascending.visible.slice(0, 3)).toEqual([3, 5, 1]);
    expect(selectedPair(ascending)).toBe(3);
    expect(ascending.message?.text).toBe('order: score ↑');
    const descending = reduceView(ascending, { type: 'cycle-order' });
    expect(descending.visible[0]).toBe(2);
    expect(reduceView(descending, { type: 'cycle-order' }).visible).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('search as in less', () => {
  it('after Enter, n and N step through every match, flagged or not', () => {
    const kept = run(mixed(), [{ type: 'start-search' }, { type: 'prompt-input', text: 'the' }, { type: 'prompt-submit' }]);
    expect(kept.visible.length).toBeGreaterThan(2);
    const second = reduceView(kept, { type: 'next-flagged', direction: 1 });
    expect(second.cursor).toBe(1);
    expect(reduceView(second, { type: 'next-flagged', direction: -1 }).cursor).toBe(0);
    expect(reduceView(kept, { type: 'next-flagged', direction: -1 }).message?.text).toBe('no match above');
  });

  it('Tab in the box limits the search to one side, then the other', () => {
    const typed = run(mixed(), [{ type: 'start-search' }, { type: 'prompt-input', text: 'menteri' }]);
    expect(typed.visible).toEqual([0, 10]);
    const source = reduceView(typed, { type: 'cycle-search-scope' });
    expect(source.search).toEqual({ query: 'menteri', scope: 'source' });
    expect(source.visible).toEqual([]);
    const target = reduceView(source, { type: 'cycle-search-scope' });
    expect(target.visible).toEqual([0, 10]);
  });
});

describe(':N goes to pair N', () => {
  const go = (state: ViewState, text: string): ViewState => run(state, [{ type: 'start-goto' }, { type: 'prompt-input', text }, { type: 'prompt-submit' }]);

  it.each<[string, string, number, string | null]>([
    ['a pair in the list', '7', 7, null],
    ['the first, 0-based', '0', 0, null],
    ['past the end', '11', 0, 'no pair 11: the pairs are numbered 0 to 10'],
    ['letters are not typed', 'x', 0, 'type a pair number, 0 to 10'],
  ])('%s', (_name, text, pair, message) => {
    const state = go(mixed(), text);
    expect(selectedPair(state)).toBe(pair);
    expect(state.message?.text ?? null).toBe(message);
    expect(state.prompt).toBeNull();
  });

  it('scrolls to a pair off screen, with two rows of context above it', () => {
    const state = go(uniform(100), '50');
    expect(selectedPair(state)).toBe(50);
    expect(state.top).toBe(48);
  });

  it('shows all pairs when the pair is hidden by the filter', () => {
    const flagged = reduceView(mixed(), { type: 'cycle-filter', direction: 1 });
    const state = go(flagged, '8');
    expect(selectedPair(state)).toBe(8);
    expect(state.filter.id).toBe('all');
    expect(state.message?.text).toBe('pair 8 was not in the list: showing all pairs');
  });
});

describe('the detail pane and the help scroll', () => {
  const long = (): ViewState => {
    const sentence = 'word '.repeat(160).trim();
    return createViewState(buildReviewModel(uniformAlignment(3, { sentence: () => sentence })), SIZE);
  };

  it('→ focuses the pane (opening it), j/k scroll it, ← gives the keys back to the list', () => {
    const focused = reduceView(long(), { type: 'focus', pane: 'detail' });
    expect(focused).toMatchObject({ isDetailOpen: true, focus: 'detail' });
    expect(inputModeOf(focused)).toBe('detail');
    const down = run(focused, [{ type: 'scroll', step: 'line', direction: 1 }, { type: 'scroll', step: 'line', direction: 1 }]);
    expect(down.detailTop).toBe(2);
    expect(selectedPair(down)).toBe(0);
    const bottom = reduceView(down, { type: 'scroll', step: 'end', direction: 1 });
    expect(bottom.detailTop).toBeGreaterThan(2);
    expect(reduceView(bottom, { type: 'scroll', step: 'line', direction: 1 }).detailTop).toBe(bottom.detailTop);
    const back = reduceView(bottom, { type: 'focus', pane: 'list' });
    expect(inputModeOf(back)).toBe('browse');
    expect(reduceView(back, { type: 'move', delta: 1 }).detailTop).toBe(0);
  });

  it('the help scrolls and starts at its top each time', () => {
    const open = reduceView(mixed(), { type: 'toggle-help' });
    const scrolled = reduceView(open, { type: 'scroll', step: 'page', direction: 1 });
    expect(scrolled.helpTop).toBeGreaterThan(0);
    expect(run(scrolled, [{ type: 'toggle-help' }, { type: 'toggle-help' }]).helpTop).toBe(0);
  });

  it('← in the list says what it is for', () => {
    expect(reduceView(mixed(), { type: 'focus', pane: 'list' }).message?.text).toBe('→ or l moves into the detail pane, ← or h back here');
  });

  it('z shows a long row whole, and again shortens it', () => {
    const state = long();
    const expanded = reduceView(state, { type: 'toggle-expand' });
    expect(rowHeightAt(state, 0)).toBe(4);
    expect(rowHeightAt(expanded, 0)).toBeGreaterThan(4);
    expect(rowHeightAt(expanded, 1)).toBe(4);
    expect(rowHeightAt(reduceView(expanded, { type: 'toggle-expand' }), 0)).toBe(4);
  });
});

describe('the mouse', () => {
  it('a click on a row selects it; the wheel moves three pairs', () => {
    // 80x24: the list starts on screen line 3, one line a pair.
    expect(selectedPair(reduceView(uniform(100), { type: 'click', line: 3 + 4 }))).toBe(4);
    expect(selectedPair(reduceView(uniform(100), { type: 'click', line: 1 }))).toBe(0);
    expect(selectedPair(reduceView(uniform(100), { type: 'wheel', direction: 1 }))).toBe(3);
  });

  it('commandsForInput reads mouse reports, never as typed text', () => {
    expect(commandsForInput(mixed(), '[<65;3;9M', {})).toEqual([{ type: 'wheel', direction: 1 }]);
    expect(commandsForInput(mixed(), '[<0;3;9M', {})).toEqual([{ type: 'click', line: 8 }]);
    expect(commandsForInput(mixed(), '[<0;3;9m', {})).toEqual([]);
  });
});

describe('edits in the view', () => {
  const joined = (state: ViewState, at: number) => {
    const plan = planJoin(state.model.alignment.pairs, at).plan!;
    return editFromJudged(state.model.alignment, plan, [{ ...plan.beads[0]!, status: 'aligned', score: 0.6 }]);
  };

  it('an edit from the engine is applied, counted, selected, and undone and redone exactly', () => {
    const start = run(mixed(), [{ type: 'move', delta: 1 }]);
    const edited = reduceView(start, { type: 'apply-edit', edit: joined(start, 1), select: 1 });
    expect(edited.model.counts).toMatchObject({ pairs: 10, omitted: 0, added: 0, edited: 1 });
    expect(selectedPair(edited)).toBe(1);
    expect(edited.message?.text).toBe('joined pairs 1 and 2 (u undoes)');
    expect(isDirty(edited)).toBe(true);
    const undone = reduceView(edited, { type: 'undo' });
    expect(undone.model.alignment.pairs).toEqual(start.model.alignment.pairs);
    undone.model.alignment.pairs.forEach((pair, k) => expect(pair).toBe(start.model.alignment.pairs[k]));
    expect(isDirty(undone)).toBe(false);
    expect(undone.message?.text).toBe('undid: joined pairs 1 and 2 (Ctrl-R redoes)');
    const redone = reduceView(undone, { type: 'redo' });
    expect(redone.model.counts.pairs).toBe(10);
    expect(reduceView(mixed(), { type: 'undo' }).message?.text).toBe('nothing to undo');
  });

  it('r toggles reviewed; the "not reviewed" filter then moves on to the next pair', () => {
    const notReviewed = run(mixed(), [...Array(5).fill({ type: 'cycle-filter', direction: 1 }), { type: 'jump', to: 'first' }]);
    expect(notReviewed.filter.id).toBe('not-reviewed');
    const marked = reduceView(notReviewed, { type: 'toggle-reviewed' });
    expect(marked.model.counts.reviewed).toBe(1);
    expect(selectedPair(marked)).toBe(1);
    expect(marked.visible).not.toContain(0);
  });

  it('R marks every pair of the list through the selected one', () => {
    const state = run(mixed(), [{ type: 'move', delta: 3 }, { type: 'review-through' }]);
    expect(state.model.alignment.pairs.map((pair) => pair.reviewed === true)).toEqual([true, true, true, true, false, false, false, false, false, false, false]);
    expect(state.message?.text).toBe('marked 4 pairs reviewed (u undoes)');
    expect(reduceView(state, { type: 'review-through' }).message?.text).toBe('every pair up to here is reviewed already');
  });

  it('c writes a note through its prompt', () => {
    const state = run(mixed(), [{ type: 'start-note' }, { type: 'prompt-input', text: 'ask the desk' }, { type: 'prompt-submit' }]);
    expect(state.model.alignment.pairs[0]?.note).toBe('ask the desk');
    expect(isDirty(state)).toBe(true);
    const again = reduceView(state, { type: 'start-note' });
    expect(again.prompt).toEqual({ kind: 'note', text: 'ask the desk', pairIndex: 0 });
  });

  it('saving makes the state clean again', () => {
    const state = run(mixed(), [{ type: 'toggle-reviewed' }, { type: 'saved' }]);
    expect(isDirty(state)).toBe(false);
  });

  it('the review opened from the versions overview refuses edits, saying where they work', () => {
    const nested = createViewState(buildReviewModel(mixedAlignment()), SIZE, { canGoBack: true, canEdit: false });
    for (const action of [{ type: 'toggle-reviewed' }, { type: 'undo' }, { type: 'start-note' }, { type: 'review-through' }] as const) {
      expect(reduceView(nested, action).message?.text).toMatch(/work in the review of two files/);
    }
  });
});

describe('unknown keys', () => {
  it('say so, once, until the next key', () => {
    const [command] = commandsForInput(mixed(), 'Q', {});
    expect(command).toEqual({ type: 'show-message', message: { text: UNKNOWN_KEY, tone: 'info' } });
    expect(isViewAction(command!)).toBe(true);
  });

  it('a question takes its answer keys, and any other key cancels', () => {
    const asking = reduceView(mixed(), {
      type: 'ask',
      prompt: { kind: 'confirm', question: 'sure?', answers: [{ keys: ['w'], command: { type: 'write-and-quit' } }] },
    });
    expect(inputModeOf(asking)).toBe('confirm');
    expect(commandsForInput(asking, 'w', {})).toEqual([{ type: 'cancel' }, { type: 'write-and-quit' }]);
    expect(commandsForInput(asking, 'j', {})).toEqual([{ type: 'cancel' }]);
    expect(reduceView(asking, { type: 'cancel' }).prompt).toBeNull();
  });
});
