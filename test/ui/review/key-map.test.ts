import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { BINDINGS, NESTED_BINDINGS, commandForKey, type Command } from '../../../src/ui/review/key-map.js';
import { keyLabel, keyNameOf } from '../../../src/ui/shared/keys.js';
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

describe('browse keys', () => {
  it.each<[string, Partial<Key>, Command | null]>([
    ['j', {}, { type: 'move', delta: 1 }],
    ['', { downArrow: true }, { type: 'move', delta: 1 }],
    ['k', {}, { type: 'move', delta: -1 }],
    ['', { upArrow: true }, { type: 'move', delta: -1 }],
    ['', { pageDown: true }, { type: 'page', direction: 1 }],
    ['', { pageUp: true }, { type: 'page', direction: -1 }],
    ['g', {}, { type: 'jump', to: 'first' }],
    ['', { home: true }, { type: 'jump', to: 'first' }],
    ['G', { shift: true }, { type: 'jump', to: 'last' }],
    ['', { end: true }, { type: 'jump', to: 'last' }],
    ['\t', { tab: true }, { type: 'cycle-filter' }],
    ['n', {}, { type: 'next-flagged', direction: 1 }],
    ['N', { shift: true }, { type: 'next-flagged', direction: -1 }],
    ['\r', { return: true }, { type: 'toggle-detail' }],
    ['/', {}, { type: 'start-search' }],
    ['', { escape: true }, { type: 'cancel' }],
    ['e', {}, { type: 'export' }],
    ['?', {}, { type: 'toggle-help' }],
    ['q', {}, { type: 'quit' }],
    ['c', { ctrl: true }, { type: 'quit' }],
    ['x', {}, null],
  ])('%j %j', (input, key, expected) => {
    expect(commandForKey('browse', input, key)).toEqual(expected);
  });
});

describe('search keys', () => {
  it.each<[string, Partial<Key>, Command | null]>([
    ['a', {}, { type: 'search-input', text: 'a' }],
    ['q', {}, { type: 'search-input', text: 'q' }],
    ['é', {}, { type: 'search-input', text: 'é' }],
    ['\r', { return: true }, { type: 'commit-search' }],
    ['', { escape: true }, { type: 'cancel' }],
    ['', { delete: true }, { type: 'search-backspace' }],
    ['c', { ctrl: true }, { type: 'quit' }],
    ['x', { ctrl: true }, null],
  ])('%j %j', (input, key, expected) => {
    expect(commandForKey('search', input, key)).toEqual(expected);
  });
});

describe('help keys', () => {
  it.each<[string, Partial<Key>, Command | null]>([
    ['?', {}, { type: 'toggle-help' }],
    ['', { escape: true }, { type: 'toggle-help' }],
    ['q', {}, { type: 'quit' }],
    ['j', {}, null],
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

  it('has every key of the review on its own, and v more', () => {
    const keysOf = (tables: typeof BINDINGS): string[] => tables.browse.flatMap((binding) => binding.keys);
    expect(keysOf(NESTED_BINDINGS)).toEqual(expect.arrayContaining(keysOf(BINDINGS)));
    expect(keysOf(NESTED_BINDINGS).filter((name) => !keysOf(BINDINGS).includes(name))).toEqual(['v']);
    expect(commandForKey('browse', 'v', {})).toBeNull();
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
