/** Which key does what in the versions overview, as one table per mode; its `?` screen is generated from them.
 * Pure: Ink's key object goes in, a command comes out. */
import type { Key } from 'ink';
import { bindingIn, keyNameOf, type KeyBinding } from '../shared/keys.js';
import type { OverviewAction, OverviewMode } from './actions.js';

/** What a key asks for in the versions overview: a change for its reducer, or an effect (`open` shows the pivot
 * and the chosen version in the two-version review). */
export type OverviewCommand =
  | OverviewAction
  | { readonly type: 'quit' }
  | { readonly type: 'export' }
  | { readonly type: 'open' };

export const OVERVIEW_BINDINGS: readonly KeyBinding<OverviewCommand>[] = [
  { keys: ['down', 'j'], command: { type: 'move', delta: 1 }, help: 'next row' },
  { keys: ['up', 'k'], command: { type: 'move', delta: -1 }, help: 'previous row' },
  { keys: ['pagedown', 'ctrl-f', ' '], command: { type: 'page', direction: 1 }, help: 'page down' },
  { keys: ['pageup', 'ctrl-b'], command: { type: 'page', direction: -1 }, help: 'page up' },
  { keys: ['home', 'g'], command: { type: 'jump', to: 'first' }, help: 'first row' },
  { keys: ['end', 'G'], command: { type: 'jump', to: 'last' }, help: 'last row' },
  { keys: ['right', ']', 'l'], command: { type: 'choose-version', delta: 1 }, help: 'compare the pivot with the next version' },
  { keys: ['left', '[', 'h'], command: { type: 'choose-version', delta: -1 }, help: 'compare the pivot with the previous version' },
  { keys: ['n'], command: { type: 'next-flagged', direction: 1 }, help: 'next row where the versions differ' },
  { keys: ['N'], command: { type: 'next-flagged', direction: -1 }, help: 'previous row where the versions differ' },
  { keys: ['enter'], command: { type: 'open' }, help: 'the pivot and the chosen version side by side, at this row' },
  { keys: ['e'], command: { type: 'export' }, help: 'export all versions to CSV' },
  { keys: ['?'], command: { type: 'toggle-help' }, help: 'this help' },
  { keys: ['q', 'ctrl-c'], command: { type: 'quit' }, help: 'quit' },
];

export const OVERVIEW_HELP_BINDINGS: readonly KeyBinding<OverviewCommand>[] = [
  { keys: ['?', 'escape', 'enter'], command: { type: 'toggle-help' }, help: 'close this help' },
  { keys: ['q', 'ctrl-c'], command: { type: 'quit' }, help: 'quit' },
];

export const OVERVIEW_TABLES: Readonly<Record<OverviewMode, readonly KeyBinding<OverviewCommand>[]>> = {
  overview: OVERVIEW_BINDINGS,
  help: OVERVIEW_HELP_BINDINGS,
};

/** The command for a key press in the versions overview, or null to ignore it. */
export function overviewCommandForKey(mode: OverviewMode, input: string, key: Partial<Key>): OverviewCommand | null {
  const name = keyNameOf(input, key);
  return name === null ? null : (bindingIn(OVERVIEW_TABLES[mode], name)?.command ?? null);
}
