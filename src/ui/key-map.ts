/** Which key does what, as one table per input mode. The `?` screen is generated from the same tables, so the help
 * can never disagree with the behaviour. Pure: Ink's key object goes in, a command comes out. */
import type { Key } from 'ink';
import type { InputMode, ViewAction } from './view-state.js';

/** What a key asks for: a view change for the reducer, or one of the two effects the app runs itself. */
export type Command = ViewAction | { readonly type: 'quit' } | { readonly type: 'export' };

/** Named keys as `keyNameOf` reports them; printable keys are the character itself (`j`, `G`, `?`). */
export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageup'
  | 'pagedown'
  | 'home'
  | 'end'
  | 'enter'
  | 'escape'
  | 'tab'
  | 'shift-tab'
  | 'backspace'
  | 'ctrl-c'
  | (string & {});

export interface KeyBinding {
  readonly keys: readonly KeyName[];
  readonly command: Command;
  /** One line for the `?` screen. */
  readonly help: string;
}


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

export const BINDINGS: Readonly<Record<InputMode, readonly KeyBinding[]>> = {
  browse: BROWSE_BINDINGS,
  search: SEARCH_BINDINGS,
  help: HELP_BINDINGS,
};

/** Ink's key object and input string as one name. */
export function keyNameOf(input: string, key: Partial<Key>): KeyName | null {
  if (key.upArrow === true) return 'up';
  if (key.downArrow === true) return 'down';
  if (key.leftArrow === true) return 'left';
  if (key.rightArrow === true) return 'right';
  if (key.pageUp === true) return 'pageup';
  if (key.pageDown === true) return 'pagedown';
  if (key.home === true) return 'home';
  if (key.end === true) return 'end';
  if (key.tab === true) return key.shift === true ? 'shift-tab' : 'tab';
  // Terminals send \r for Enter; \n (Ctrl-J) arrives as `enter` too.
  if (key.return === true || input === '\r' || input === '\n') return 'enter';
  if (key.escape === true) return 'escape';
  // Most terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
  if (key.backspace === true || key.delete === true) return 'backspace';
  if (key.ctrl === true) return input.length === 1 ? `ctrl-${input.toLowerCase()}` : null;
  return input.length > 0 ? input : null;
}

export function bindingFor(mode: InputMode, name: KeyName): KeyBinding | null {
  return BINDINGS[mode].find((binding) => binding.keys.includes(name)) ?? null;
}

/** The command for a key press in a mode, or null to ignore it. In search mode, text that is not bound is typed. */
export function commandForKey(mode: InputMode, input: string, key: Partial<Key>): Command | null {
  const name = keyNameOf(input, key);
  if (name === null) return null;
  const binding = bindingFor(mode, name);
  if (binding !== null) return binding.command;
  if (mode === 'search' && key.ctrl !== true && key.meta !== true && /^[^\u0000-\u001F\u007F]+$/u.test(input)) {
    return { type: 'search-input', text: input };
  }
  return null;
}

const KEY_LABELS: Readonly<Record<string, string>> = {
  up: '↑',
  down: '↓',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  'shift-tab': 'S-Tab',
  backspace: 'Bksp',
  ' ': 'Space',
};

export function keyLabel(name: KeyName): string {
  if (name.startsWith('ctrl-')) return `Ctrl-${name.slice(5).toUpperCase()}`;
  return KEY_LABELS[name] ?? name;
}
