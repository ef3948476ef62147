/** Which key does what, as one table per input mode. The `?` screen is generated from the same tables, so the help
 * can never disagree with the behaviour. Pure: Ink's key object goes in, a command comes out. */
import type { Key } from 'ink';
import { BACK_KEYS, bindingIn, keyNameOf, type KeyBinding as GenericKeyBinding, type KeyName } from '../shared/keys.js';
import type { Command, InputMode } from './actions.js';

export type { Command, InputMode } from './actions.js';

export type KeyBinding = GenericKeyBinding<Command>;

/** The key tables of one screen, one per input mode. */
export type KeyTables = Readonly<Record<InputMode, readonly KeyBinding[]>>;

export const BROWSE_BINDINGS: readonly KeyBinding[] = [
  { keys: ['down', 'j'], command: { type: 'move', delta: 1 }, help: 'next pair' },
  { keys: ['up', 'k'], command: { type: 'move', delta: -1 }, help: 'previous pair' },
  { keys: ['pagedown', 'ctrl-f', ' '], command: { type: 'page', direction: 1 }, help: 'page down' },
  { keys: ['pageup', 'ctrl-b'], command: { type: 'page', direction: -1 }, help: 'page up' },
  { keys: ['home', 'g'], command: { type: 'jump', to: 'first' }, help: 'first pair' },
  { keys: ['end', 'G'], command: { type: 'jump', to: 'last' }, help: 'last pair' },
  { keys: ['tab', 'shift-tab'], command: { type: 'cycle-filter' }, help: 'filter: all pairs / flagged only' },
  { keys: ['n'], command: { type: 'next-flagged', direction: 1 }, help: 'next flagged pair' },
  { keys: ['N'], command: { type: 'next-flagged', direction: -1 }, help: 'previous flagged pair' },
  { keys: ['enter'], command: { type: 'toggle-detail' }, help: 'open / close the detail pane' },
  { keys: ['/'], command: { type: 'start-search' }, help: 'search both sides' },
  { keys: ['escape'], command: { type: 'cancel' }, help: 'clear the search, close the detail pane' },
  { keys: ['e'], command: { type: 'export' }, help: 'export the alignment to CSV' },
  { keys: ['?'], command: { type: 'toggle-help' }, help: 'this help' },
  { keys: ['q', 'ctrl-c'], command: { type: 'quit' }, help: 'quit' },
];

/** While typing a search: printable keys go to the query (see `commandForKey`). */
export const SEARCH_BINDINGS: readonly KeyBinding[] = [
  { keys: ['enter'], command: { type: 'commit-search' }, help: 'keep the search, back to the list' },
  { keys: ['escape'], command: { type: 'cancel' }, help: 'clear the search' },
  { keys: ['backspace'], command: { type: 'search-backspace' }, help: 'delete a character' },
  { keys: ['down'], command: { type: 'move', delta: 1 }, help: 'next match' },
  { keys: ['up'], command: { type: 'move', delta: -1 }, help: 'previous match' },
  { keys: ['ctrl-c'], command: { type: 'quit' }, help: 'quit' },
];

export const HELP_BINDINGS: readonly KeyBinding[] = [
  { keys: ['?', 'escape', 'enter'], command: { type: 'toggle-help' }, help: 'close this help' },
  { keys: ['q', 'ctrl-c'], command: { type: 'quit' }, help: 'quit' },
];

export const BINDINGS: KeyTables = {
  browse: BROWSE_BINDINGS,
  search: SEARCH_BINDINGS,
  help: HELP_BINDINGS,
};

/** In the two-version review opened from the versions overview: one more key, and Esc with nothing left to
 * close goes back too (see `commandsForInput`). */
export const BACK_BINDING: KeyBinding = { keys: BACK_KEYS, command: { type: 'back' }, help: 'back to the versions overview' };

export const NESTED_BINDINGS: KeyTables = {
  ...BINDINGS,
  browse: BROWSE_BINDINGS.flatMap((binding): KeyBinding[] => {
    if (binding.command.type === 'cancel') {
      return [{ ...binding, help: 'clear the search, close the detail pane, else back to the versions' }];
    }
    return binding.command.type === 'quit' ? [BACK_BINDING, binding] : [binding];
  }),
};

export function bindingFor(mode: InputMode, name: KeyName, tables: KeyTables = BINDINGS): KeyBinding | null {
  return bindingIn(tables[mode], name);
}

/** The command for a key press in a mode, or null to ignore it. In search mode, text that is not bound is typed. */
export function commandForKey(
  mode: InputMode,
  input: string,
  key: Partial<Key>,
  tables: KeyTables = BINDINGS,
): Command | null {
  const name = keyNameOf(input, key);
  if (name === null) return null;
  const binding = bindingFor(mode, name, tables);
  if (binding !== null) return binding.command;
  if (mode === 'search' && key.ctrl !== true && key.meta !== true && /^[^\u0000-\u001F\u007F]+$/u.test(input)) {
    return { type: 'search-input', text: input };
  }
  return null;
}
