import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { BINDINGS, NESTED_BINDINGS, commandForKey, type Command } from '../../../src/ui/review/key-map.js';
import { isMouseReport, keyLabel, keyNameOf, mouseEventOf } from '../../../src/ui/shared/keys.js';
import { OVERVIEW_TABLES, overviewCommandForKey, type OverviewCommand } from '../../../src/ui/versions/key-map.js';

describe('keyNameOf', () => {
  it.each<[string, string, Partial<Key>, string | null]>([
    ['arrow', '', { upArrow: true }, 'up'],
    ['page down', '', { pageDown: true }, 'pagedown'],
    ['home', '', { home: true }, 'home'],
    ['tab', '\t', { tab: true }, 'tab'],
    ['shift tab', '', { tab: true, shift: true }, 'shift-tab'],
    ['enter from a terminal', '\r', { return: true }, 'enter'],
    ['ctrl-j enter', '\n', {}, 'enter'],
    ['escape', '', { escape: true, meta: true }, 'escape'],
    ['DEL is backspace', '', { delete: true }, 'backspace'],
    ['ctrl-c', 'c', { ctrl: true }, 'ctrl-c'],
    ['capital letter', 'G', { shift: true }, 'G'],
    ['nothing', '', {}, null],
  ])('%s', (_name, input, key, expected) => {
    expect(keyNameOf(input, key)).toBe(expected);
  });
});

describe('mouse reports (SGR), as Ink hands them over', () => {
  it.each([
    ['[<64;10;5M', { kind: 'wheel', direction: -1 }],
    ['[<65;10;5M', { kind: 'wheel', direction: 1 }],
    ['[<0;10;5M', { kind: 'click', line: 4 }],
    ['\u001B[<0;1;1M', { kind: 'click', line: 0 }],
    ['[<0;10;5m', null],
    ['[<32;10;5M', null],
    ['[A', null],
    ['j', null],
  ])('%j', (input, expected) => {
    expect(mouseEventOf(input)).toEqual(expected);
  });

  it('knows a report it ignores from typed text', () => {
    expect(isMouseReport('[<0;10;5m')).toBe(true);
    expect(isMouseReport('[<0;10')).toBe(false);
  });
});

describe('browse keys', () => {
  it.each<[string, Partial<Key>, Command | null]>([
    ['j', {}, { type: 'move', delta: 1 }],
    ['', { downArrow: true }, { type: 'move', delta: 1 }],
    ['k', {}, { type: 'move', delta: -1 }],
    ['', { upArrow: true }, { type: 'move', delta: -1 }],
    ['', { pageDown: true }, { type: 'page', direction: 1 }],
    ['', { pageUp: true }, { type: 'page', direction: -1 }],
    ['d', { ctrl: true }, { type: 'half-page', direction: 1 }],
    ['u', { ctrl: true }, { type: 'half-page', direction: -1 }],
    ['g', {}, { type: 'jump', to: 'first' }],
    ['', { home: true }, { type: 'jump', to: 'first' }],
    ['G', { shift: true }, { type: 'jump', to: 'last' }],
    ['', { end: true }, { type: 'jump', to: 'last' }],
    [':', {}, { type: 'start-goto' }],
    ['\t', { tab: true }, { type: 'cycle-filter', direction: 1 }],
    ['', { tab: true, shift: true }, { type: 'cycle-filter', direction: -1 }],
    ['o', {}, { type: 'cycle-order' }],
    ['n', {}, { type: 'next-flagged', direction: 1 }],
    ['N', { shift: true }, { type: 'next-flagged', direction: -1 }],
    ['\r', { return: true }, { type: 'toggle-detail' }],
    ['', { rightArrow: true }, { type: 'focus', pane: 'detail' }],
    ['l', {}, { type: 'focus', pane: 'detail' }],
    ['', { leftArrow: true }, { type: 'focus', pane: 'list' }],
    ['h', {}, { type: 'focus', pane: 'list' }],
    ['z', {}, { type: 'toggle-expand' }],
    ['/', {}, { type: 'start-search' }],
    ['', { escape: true }, { type: 'cancel' }],
    ['J', { shift: true }, { type: 'engine-edit', edit: 'join' }],
    ['x', {}, { type: 'engine-edit', edit: 'unlink' }],
    ['L', { shift: true }, { type: 'engine-edit', edit: 'link' }],
    ['S', { shift: true }, { type: 'engine-edit', edit: 'split' }],
    ['u', {}, { type: 'undo' }],
    ['r', { ctrl: true }, { type: 'redo' }],
    ['r', {}, { type: 'toggle-reviewed' }],
    ['R', { shift: true }, { type: 'review-through' }],
    ['c', {}, { type: 'start-note' }],
    ['w', {}, { type: 'write' }],
    ['e', {}, { type: 'export' }],
    ['y', {}, { type: 'copy' }],
    ['v', {}, { type: 'open-editor', side: 'source' }],
    ['V', { shift: true }, { type: 'open-editor', side: 'target' }],
    ['l', { ctrl: true }, { type: 'redraw' }],
    ['?', {}, { type: 'toggle-help' }],
    ['q', {}, { type: 'quit' }],
    ['c', { ctrl: true }, { type: 'quit' }],
    ['Q', { shift: true }, null],
  ])('%j %j', (input, key, expected) => {
    expect(commandForKey('browse', input, key)).toEqual(expected);
  });
});

describe('detail pane keys', () => {
  it.each<[string, Partial<Key>, Command | null]>([
    ['j', {}, { type: 'scroll', step: 'line', direction: 1 }],
    ['', { upArrow: true }, { type: 'scroll', step: 'line', direction: -1 }],
    [' ', {}, { type: 'scroll', step: 'page', direction: 1 }],
    ['d', { ctrl: true }, { type: 'scroll', step: 'half', direction: 1 }],
    ['G', { shift: true }, { type: 'scroll', step: 'end', direction: 1 }],
    ['h', {}, { type: 'focus', pane: 'list' }],
    ['', { escape: true }, { type: 'focus', pane: 'list' }],
    // Everything else acts as in the list.
    ['r', {}, { type: 'toggle-reviewed' }],
    ['q', {}, { type: 'quit' }],
  ])('%j %j', (input, key, expected) => {
    expect(commandForKey('detail', input, key)).toEqual(expected);
  });
});

describe('search keys', () => {
  it.each<[string, Partial<Key>, Command | null]>([
    ['a', {}, { type: 'prompt-input', text: 'a' }],
    ['q', {}, { type: 'prompt-input', text: 'q' }],
    ['é', {}, { type: 'prompt-input', text: 'é' }],
    ['\r', { return: true }, { type: 'prompt-submit' }],
    ['', { escape: true }, { type: 'cancel' }],
    ['', { delete: true }, { type: 'prompt-backspace' }],
    ['\t', { tab: true }, { type: 'cycle-search-scope' }],
    ['c', { ctrl: true }, { type: 'quit' }],
    ['x', { ctrl: true }, null],
  ])('%j %j', (input, key, expected) => {
    expect(commandForKey('search', input, key)).toEqual(expected);
  });

  it.each(['goto', 'note'] as const)('%s: typing, Enter, Esc', (mode) => {
    expect(commandForKey(mode, '7', {})).toEqual({ type: 'prompt-input', text: '7' });
    expect(commandForKey(mode, '\r', { return: true })).toEqual({ type: 'prompt-submit' });
    expect(commandForKey(mode, '', { escape: true })).toEqual({ type: 'cancel' });
  });
});

describe('help keys', () => {
  it.each<[string, Partial<Key>, Command | null]>([
    ['?', {}, { type: 'toggle-help' }],
    ['', { escape: true }, { type: 'toggle-help' }],
    ['q', {}, { type: 'quit' }],
    ['j', {}, { type: 'scroll', step: 'line', direction: 1 }],
    ['', { pageDown: true }, { type: 'scroll', step: 'page', direction: 1 }],
    ['r', {}, null],
  ])('%j %j', (input, key, expected) => {
    expect(commandForKey('help', input, key)).toEqual(expected);
  });
});

describe('keys of the review opened from the versions overview', () => {
  it.each<[string, Partial<Key>, Command | null]>([
    ['v', {}, { type: 'back' }],
    ['', { escape: true }, { type: 'cancel' }],
    ['j', {}, { type: 'move', delta: 1 }],
    ['q', {}, { type: 'quit' }],
  ])('%j %j', (input, key, expected) => {
    expect(commandForKey('browse', input, key, NESTED_BINDINGS)).toEqual(expected);
  });

  it('has every key of the review but the editor\'s v, which goes back', () => {
    const keysOf = (tables: typeof BINDINGS): string[] => tables.browse.flatMap((binding) => binding.keys);
    expect(keysOf(NESTED_BINDINGS).filter((name) => !keysOf(BINDINGS).includes(name))).toEqual([]);
    expect(keysOf(BINDINGS).filter((name) => !keysOf(NESTED_BINDINGS).includes(name))).toEqual([]);
    expect(commandForKey('browse', 'v', {})).toEqual({ type: 'open-editor', side: 'source' });
  });
});

describe('versions overview keys', () => {
  it.each<[string, Partial<Key>, OverviewCommand | null]>([
    ['j', {}, { type: 'move', delta: 1 }],
    ['', { upArrow: true }, { type: 'move', delta: -1 }],
    [' ', {}, { type: 'page', direction: 1 }],
    ['G', { shift: true }, { type: 'jump', to: 'last' }],
    ['', { rightArrow: true }, { type: 'choose-version', delta: 1 }],
    [']', {}, { type: 'choose-version', delta: 1 }],
    ['l', {}, { type: 'choose-version', delta: 1 }],
    ['', { leftArrow: true }, { type: 'choose-version', delta: -1 }],
    ['[', {}, { type: 'choose-version', delta: -1 }],
    ['n', {}, { type: 'next-flagged', direction: 1 }],
    ['\r', { return: true }, { type: 'open' }],
    ['e', {}, { type: 'export' }],
    ['?', {}, { type: 'toggle-help' }],
    ['q', {}, { type: 'quit' }],
    ['c', { ctrl: true }, { type: 'quit' }],
    ['\t', { tab: true }, null],
    ['v', {}, null],
  ])('%j %j', (input, key, expected) => {
    expect(overviewCommandForKey('overview', input, key)).toEqual(expected);
  });

  it.each<[string, Partial<Key>, OverviewCommand | null]>([
    ['?', {}, { type: 'toggle-help' }],
    ['', { escape: true }, { type: 'toggle-help' }],
    ['q', {}, { type: 'quit' }],
    ['j', {}, null],
  ])('help: %j %j', (input, key, expected) => {
    expect(overviewCommandForKey('help', input, key)).toEqual(expected);
  });
});

describe('the tables', () => {
  it.each([
    ...Object.entries(BINDINGS),
    ...Object.entries(NESTED_BINDINGS).map(([mode, bindings]) => [`nested ${mode}`, bindings] as const),
    ...Object.entries(OVERVIEW_TABLES).map(([mode, bindings]) => [`overview ${mode}`, bindings] as const),
  ])('%s binds each key once and describes every binding', (_mode, bindings) => {
    const keys = bindings.flatMap((binding) => binding.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const binding of bindings) expect(binding.help.length).toBeGreaterThan(0);
  });

  it.each([
    ['up', '↑'],
    ['right', '→'],
    ['ctrl-c', 'Ctrl-C'],
    ['shift-tab', 'S-Tab'],
    ['G', 'G'],
  ])('labels %s as %s', (name, label) => {
    expect(keyLabel(name)).toBe(label);
  });
});
