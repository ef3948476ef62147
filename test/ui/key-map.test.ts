import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { BINDINGS, commandForKey, keyLabel, keyNameOf, type Command } from '../../src/ui/key-map.js';

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

describe('the tables', () => {
  it.each(Object.entries(BINDINGS))('%s binds each key once and describes every binding', (_mode, bindings) => {
    const keys = bindings.flatMap((binding) => binding.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const binding of bindings) expect(binding.help.length).toBeGreaterThan(0);
  });

  it.each([
    ['up', '↑'],
    ['ctrl-c', 'Ctrl-C'],
    ['shift-tab', 'S-Tab'],
    ['G', 'G'],
  ])('labels %s as %s', (name, label) => {
    expect(keyLabel(name)).toBe(label);
  });
});
