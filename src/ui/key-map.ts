/** Which key does what, as one table per input mode. The `?` screen is generated from the same tables, so the help
 * can never disagree with the behaviour. Pure: Ink's key object goes in, a command comes out. */
import type { Key } from 'ink';
import type { InputMode, ViewAction } from './view-state.js';
import type { OverviewAction, OverviewMode } from './versions-state.js';

/** What a key asks for: a view change for the reducer, or one of the effects the app runs itself (`back` leaves
 * the two-version review for the versions overview it was opened from). */
export type Command = ViewAction | { readonly type: 'quit' } | { readonly type: 'export' } | { readonly type: 'back' };

/** What a key asks for in the versions overview: a change for its reducer, or an effect (`open` shows the pivot
 * and the chosen version in the two-version review). */
export type OverviewCommand =
  | OverviewAction
  | { readonly type: 'quit' }
  | { readonly type: 'export' }
  | { readonly type: 'open' };

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

export interface KeyBinding<C = Command> {
  readonly keys: readonly KeyName[];
  readonly command: C;
  /** One line for the `?` screen. */
  readonly help: string;
}

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
export const BACK_BINDING: KeyBinding = { keys: ['v'], command: { type: 'back' }, help: 'back to the versions overview' };

export const NESTED_BINDINGS: KeyTables = {
  ...BINDINGS,
  browse: BROWSE_BINDINGS.flatMap((binding): KeyBinding[] => {
    if (binding.command.type === 'cancel') {
      return [{ ...binding, help: 'clear the search, close the detail pane, else back to the versions' }];
    }
    return binding.command.type === 'quit' ? [BACK_BINDING, binding] : [binding];
  }),
};

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

export function bindingIn<C>(bindings: readonly KeyBinding<C>[], name: KeyName): KeyBinding<C> | null {
  return bindings.find((binding) => binding.keys.includes(name)) ?? null;
}

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

/** The command for a key press in the versions overview, or null to ignore it. */
export function overviewCommandForKey(mode: OverviewMode, input: string, key: Partial<Key>): OverviewCommand | null {
  const name = keyNameOf(input, key);
  return name === null ? null : (bindingIn(OVERVIEW_TABLES[mode], name)?.command ?? null);
}

const KEY_LABELS: Readonly<Record<string, string>> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
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
