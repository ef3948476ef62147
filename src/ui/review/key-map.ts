/** Which key does what in the review, as one table per input mode. The `?` screen is generated from the same tables,
 * so the help can never disagree with the behaviour. Pure: Ink's key object goes in, a command comes out. */
import type { Key } from 'ink';
import { BACK_KEYS, bindingIn, keyNameOf, type KeyBinding as GenericKeyBinding, type KeyName } from '../shared/keys.js';
import type { Command, InputMode } from './actions.js';

export type { Command, InputMode } from './actions.js';

export type KeyBinding = GenericKeyBinding<Command>;

/** The key tables of one screen, one per input mode (a confirmation's keys come with its question). */
export type KeyTables = Readonly<Record<Exclude<InputMode, 'confirm'>, readonly KeyBinding[]>>;

const QUIT: KeyBinding = { keys: ['q', 'ctrl-c'], command: { type: 'quit' }, help: 'quit (asks first when edits are not written)' };
const REDRAW: KeyBinding = { keys: ['ctrl-l'], command: { type: 'redraw' }, help: 'redraw the screen' };

export const BROWSE_BINDINGS: readonly KeyBinding[] = [
  { keys: ['down', 'j'], command: { type: 'move', delta: 1 }, help: 'next pair', group: 'move' },
  { keys: ['up', 'k'], command: { type: 'move', delta: -1 }, help: 'previous pair', group: 'move' },
  { keys: ['pagedown', 'ctrl-f', ' '], command: { type: 'page', direction: 1 }, help: 'page down', group: 'move' },
  { keys: ['pageup', 'ctrl-b'], command: { type: 'page', direction: -1 }, help: 'page up', group: 'move' },
  { keys: ['ctrl-d'], command: { type: 'half-page', direction: 1 }, help: 'half a page down', group: 'move' },
  { keys: ['ctrl-u'], command: { type: 'half-page', direction: -1 }, help: 'half a page up', group: 'move' },
  { keys: ['home', 'g'], command: { type: 'jump', to: 'first' }, help: 'first pair', group: 'move' },
  { keys: ['end', 'G'], command: { type: 'jump', to: 'last' }, help: 'last pair', group: 'move' },
  { keys: [':'], command: { type: 'start-goto' }, help: 'go to pair N (the 0-based number of the exports)', group: 'move' },
  { keys: ['enter'], command: { type: 'toggle-detail' }, help: 'open / close the detail pane', group: 'move' },
  { keys: ['right', 'l'], command: { type: 'focus', pane: 'detail' }, help: 'into the detail pane, to scroll it', group: 'move' },
  { keys: ['left', 'h'], command: { type: 'focus', pane: 'list' }, help: 'back to the list', group: 'move' },
  { keys: ['z'], command: { type: 'toggle-expand' }, help: 'show the whole row / shorten it again', group: 'move' },
  { keys: ['m'], command: { type: 'jump-move' }, help: 'moved sentence (~): to its counterpart, the other half of the move', group: 'move' },
  { keys: ['tab'], command: { type: 'cycle-filter', direction: 1 }, help: 'filter: all, flagged, omitted, added, low score, not reviewed, per kind', group: 'find' },
  { keys: ['shift-tab'], command: { type: 'cycle-filter', direction: -1 }, help: 'the filter before', group: 'find' },
  { keys: ['o'], command: { type: 'cycle-order' }, help: 'order: document, score ascending, score descending', group: 'find' },
  { keys: ['/'], command: { type: 'start-search' }, help: 'search (Tab in the box: both sides, source, target)', group: 'find' },
  { keys: ['n'], command: { type: 'next-flagged', direction: 1 }, help: 'next flagged pair; after a search, the next match', group: 'find' },
  { keys: ['N'], command: { type: 'next-flagged', direction: -1 }, help: 'previous flagged pair or match', group: 'find' },
  { keys: ['escape'], command: { type: 'cancel' }, help: 'clear the search, close the detail pane', group: 'find' },
  { keys: ['J'], command: { type: 'engine-edit', edit: 'join' }, help: 'join the pair with the next one', group: 'edit' },
  { keys: ['x'], command: { type: 'engine-edit', edit: 'unlink' }, help: 'unlink the pair: its sentences become omitted and added', group: 'edit' },
  { keys: ['L'], command: { type: 'engine-edit', edit: 'link' }, help: 'link an omitted or added row with its neighbour', group: 'edit' },
  { keys: ['S'], command: { type: 'engine-edit', edit: 'split' }, help: 'split a merged pair into its best single pairs', group: 'edit' },
  { keys: ['u'], command: { type: 'undo' }, help: 'undo', group: 'edit' },
  { keys: ['ctrl-r'], command: { type: 'redo' }, help: 'redo', group: 'edit' },
  { keys: ['r'], command: { type: 'toggle-reviewed' }, help: 'mark the pair reviewed / not reviewed', group: 'edit' },
  { keys: ['R'], command: { type: 'review-through' }, help: 'mark every pair from the top through this one reviewed', group: 'edit' },
  { keys: ['c'], command: { type: 'start-note' }, help: 'write a note on the pair (a query for the translator)', group: 'edit' },
  { keys: ['w'], command: { type: 'write' }, help: 'write the session (resume with the same command)', group: 'files' },
  { keys: ['e'], command: { type: 'export' }, help: 'export in the format of the export file\'s extension', group: 'files' },
  { keys: ['y'], command: { type: 'copy' }, help: 'copy the pair (source, a tab, target) to the clipboard', group: 'files' },
  { keys: ['v'], command: { type: 'open-editor', side: 'source' }, help: 'open $EDITOR at this sentence of the source file', group: 'files' },
  { keys: ['V'], command: { type: 'open-editor', side: 'target' }, help: 'open $EDITOR at this sentence of the target file', group: 'files' },
  REDRAW,
  { keys: ['?'], command: { type: 'toggle-help' }, help: 'this help' },
  QUIT,
];

/** With the focus in the detail pane these keys scroll it; every other key does what it does in the list. */
export const DETAIL_BINDINGS: readonly KeyBinding[] = [
  { keys: ['down', 'j'], command: { type: 'scroll', step: 'line', direction: 1 }, help: 'scroll down a line' },
  { keys: ['up', 'k'], command: { type: 'scroll', step: 'line', direction: -1 }, help: 'scroll up a line' },
  { keys: ['pagedown', 'ctrl-f', ' '], command: { type: 'scroll', step: 'page', direction: 1 }, help: 'scroll down a page' },
  { keys: ['pageup', 'ctrl-b'], command: { type: 'scroll', step: 'page', direction: -1 }, help: 'scroll up a page' },
  { keys: ['ctrl-d'], command: { type: 'scroll', step: 'half', direction: 1 }, help: 'scroll down half a page' },
  { keys: ['ctrl-u'], command: { type: 'scroll', step: 'half', direction: -1 }, help: 'scroll up half a page' },
  { keys: ['home', 'g'], command: { type: 'scroll', step: 'end', direction: -1 }, help: 'top of the pane' },
  { keys: ['end', 'G'], command: { type: 'scroll', step: 'end', direction: 1 }, help: 'bottom of the pane' },
  { keys: ['left', 'h', 'escape'], command: { type: 'focus', pane: 'list' }, help: 'back to the list' },
];

export const HELP_BINDINGS: readonly KeyBinding[] = [
  { keys: ['down', 'j'], command: { type: 'scroll', step: 'line', direction: 1 }, help: 'scroll down' },
  { keys: ['up', 'k'], command: { type: 'scroll', step: 'line', direction: -1 }, help: 'scroll up' },
  { keys: ['pagedown', 'ctrl-f', ' ', 'ctrl-d'], command: { type: 'scroll', step: 'page', direction: 1 }, help: 'page down' },
  { keys: ['pageup', 'ctrl-b', 'ctrl-u'], command: { type: 'scroll', step: 'page', direction: -1 }, help: 'page up' },
  { keys: ['home', 'g'], command: { type: 'scroll', step: 'end', direction: -1 }, help: 'top' },
  { keys: ['end', 'G'], command: { type: 'scroll', step: 'end', direction: 1 }, help: 'bottom' },
  { keys: ['?', 'escape', 'enter'], command: { type: 'toggle-help' }, help: 'close this help' },
  { keys: ['q', 'ctrl-c'], command: { type: 'quit' }, help: 'quit' },
];

/** While typing a search: printable keys go to the query (see `commandForKey`). */
export const SEARCH_BINDINGS: readonly KeyBinding[] = [
  { keys: ['enter'], command: { type: 'prompt-submit' }, help: 'keep the search: the list shows the matches, n/N step through them' },
  { keys: ['escape'], command: { type: 'cancel' }, help: 'clear the search' },
  { keys: ['backspace'], command: { type: 'prompt-backspace' }, help: 'delete a character' },
  { keys: ['tab'], command: { type: 'cycle-search-scope' }, help: 'search both sides, the source only, the target only' },
  { keys: ['down'], command: { type: 'move', delta: 1 }, help: 'next match' },
  { keys: ['up'], command: { type: 'move', delta: -1 }, help: 'previous match' },
  { keys: ['ctrl-c'], command: { type: 'quit' }, help: 'quit' },
];

/** After `:` (a pair number) and `c` (a note): printable keys are typed. */
export const LINE_BINDINGS: readonly KeyBinding[] = [
  { keys: ['enter'], command: { type: 'prompt-submit' }, help: 'done' },
  { keys: ['escape'], command: { type: 'cancel' }, help: 'cancel' },
  { keys: ['backspace'], command: { type: 'prompt-backspace' }, help: 'delete a character' },
  { keys: ['ctrl-c'], command: { type: 'quit' }, help: 'quit' },
];

export const BINDINGS: KeyTables = {
  browse: BROWSE_BINDINGS,
  detail: DETAIL_BINDINGS,
  help: HELP_BINDINGS,
  search: SEARCH_BINDINGS,
  goto: LINE_BINDINGS,
  note: LINE_BINDINGS,
};

/** In the two-version review opened from the versions overview: v goes back (there are no files of its own to
 * open), and Esc with nothing left to close goes back too (see `commandsForInput`). */
export const BACK_BINDING: KeyBinding = { keys: BACK_KEYS, command: { type: 'back' }, help: 'back to the versions overview' };

export const NESTED_BINDINGS: KeyTables = {
  ...BINDINGS,
  browse: BROWSE_BINDINGS.flatMap((binding): KeyBinding[] => {
    if (binding.command.type === 'cancel') {
      return [{ ...binding, help: 'clear the search, close the detail pane, else back to the versions' }];
    }
    if (binding.keys.some((key) => BACK_KEYS.includes(key))) return [];
    return binding.command.type === 'quit' ? [BACK_BINDING, binding] : [binding];
  }),
};

export function bindingFor(mode: Exclude<InputMode, 'confirm'>, name: KeyName, tables: KeyTables = BINDINGS): KeyBinding | null {
  const own = bindingIn(tables[mode], name);
  // The detail pane takes only its scrolling keys; the rest act as in the list.
  return own ?? (mode === 'detail' ? bindingIn(tables.browse, name) : null);
}

/** Modes where unbound printable keys are typed into a line. */
const TYPING_MODES: ReadonlySet<InputMode> = new Set(['search', 'goto', 'note']);

/** The command for a key press in a mode, or null when the key means nothing there. */
export function commandForKey(mode: Exclude<InputMode, 'confirm'>, input: string, key: Partial<Key>, tables: KeyTables = BINDINGS): Command | null {
  const name = keyNameOf(input, key);
  if (name === null) return null;
  const binding = bindingFor(mode, name, tables);
  if (binding !== null) return binding.command;
  if (TYPING_MODES.has(mode) && key.ctrl !== true && key.meta !== true && /^[^\u0000-\u001F\u007F]+$/u.test(input)) {
    return { type: 'prompt-input', text: input };
  }
  return null;
}
