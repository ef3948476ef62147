/** The review screen's view state and its reducer. Pure: every key press becomes an action, the reducer returns
 * the next state, and Ink only draws it. Scrolling needs row heights, which come from the pure layout
 * functions, so the reducer knows the terminal size (a `resize` action keeps it current). */
import type { Key } from 'ink';
import {
  fillViewport,
  listColumns,
  rowHeight,
  rowsThatFit,
  screenLayout,
  scrollToCursor,
  type TerminalSize,
} from '../shared/layout.js';
import { splitKeys } from '../shared/keys.js';
import { info, type StatusMessage } from '../shared/status.js';
import type { Command, InputMode, ViewAction } from './actions.js';
import { BINDINGS, NESTED_BINDINGS, commandForKey, type KeyTables } from './key-map.js';
import { detailLineCount } from './pair-lines.js';
import { visiblePairs, type PairFilter, type ReviewModel } from './review-model.js';

export type { InputMode, ViewAction } from './actions.js';

export interface ViewState {
  readonly model: ReviewModel;
  readonly size: TerminalSize;
  readonly filter: PairFilter;
  /** The applied search ('' for none); the list shows only pairs that contain it on either side. */
  readonly query: string;
  /** True while the user types after `/`. */
  readonly isEditingSearch: boolean;
  /** Pair indexes the list shows, in document order. */
  readonly visible: readonly number[];
  /** Position of the selected pair in `visible` (0 when the list is empty). */
  readonly cursor: number;
  /** Position in `visible` of the first row on screen. */
  readonly top: number;
  readonly isDetailOpen: boolean;
  readonly isHelpOpen: boolean;
  readonly message: StatusMessage | null;
  /** Opened from the versions overview: `v` (and Esc with nothing to close) goes back to it. */
  readonly canGoBack: boolean;
}

export const FILTER_CYCLE: readonly PairFilter[] = ['all', 'flagged'];

export interface ViewStateOptions {
  /** Opened from the versions overview (see `ViewState.canGoBack`). */
  readonly canGoBack?: boolean;
  /** The pair to select first (an index into alignment.pairs); the first pair by default. */
  readonly initialPair?: number;
}

/** Rows of context kept above a pair selected on opening, so it is not glued to the top of the list. */
export const INITIAL_CONTEXT_ROWS = 2;

export function createViewState(model: ReviewModel, size: TerminalSize, options: ViewStateOptions = {}): ViewState {
  const visible = visiblePairs(model, 'all', '');
  const position = options.initialPair === undefined ? -1 : visible.indexOf(options.initialPair);
  const cursor = Math.max(0, position);
  return settle({
    model,
    size,
    filter: 'all',
    query: '',
    isEditingSearch: false,
    visible,
    cursor,
    top: Math.max(0, cursor - INITIAL_CONTEXT_ROWS),
    isDetailOpen: false,
    isHelpOpen: false,
    message: null,
    canGoBack: options.canGoBack === true,
  });
}

/** The key tables that apply: the versions overview's review has a key more. */
export function keyTablesOf(state: ViewState): KeyTables {
  return state.canGoBack ? NESTED_BINDINGS : BINDINGS;
}

/** Whether Esc would close or clear anything. */
function hasSomethingToCancel(state: ViewState): boolean {
  return state.isHelpOpen || state.isEditingSearch || state.query.length > 0 || state.isDetailOpen;
}

/** Which key table applies now. */
export function inputModeOf(state: ViewState): InputMode {
  if (state.isHelpOpen) return 'help';
  if (state.isEditingSearch) return 'search';
  return 'browse';
}

/** Index into alignment.pairs of the selected pair, or null when the list is empty. */
export function selectedPair(state: ViewState): number | null {
  return state.visible[state.cursor] ?? null;
}

/** Row heights never change for a given pair and width; scrolling asks for the same ones on every key. */
const rowHeightCache = new WeakMap<ReviewModel, Map<number, number>>();

/** Height of the row at a list position, at the current width. */
export function rowHeightAt(state: ViewState, position: number): number {
  const pairIndex = state.visible[position];
  if (pairIndex === undefined) return 1;
  const { model, size } = state;
  let cache = rowHeightCache.get(model);
  if (cache === undefined) {
    cache = new Map();
    rowHeightCache.set(model, cache);
  }
  const key = pairIndex * 65_536 + size.columns;
  let height = cache.get(key);
  if (height === undefined) {
    height = rowHeight(model.sourceTexts[pairIndex] ?? '', model.targetTexts[pairIndex] ?? '', listColumns(size.columns));
    cache.set(key, height);
  }
  return height;
}

/** Lines the list gets now (the detail pane, when open, takes its share first). */
export function listRows(state: ViewState): number {
  const pairIndex = selectedPair(state);
  const detailWanted =
    state.isDetailOpen && pairIndex !== null ? detailLineCount(state.model, pairIndex, state.size.columns) : null;
  return screenLayout(state.size, detailWanted).list;
}

/** Keep the cursor in range and on screen. */
function settle(state: ViewState): ViewState {
  const last = Math.max(0, state.visible.length - 1);
  const cursor = Math.min(Math.max(0, state.cursor), last);
  const clampedTop = Math.min(Math.max(0, state.top), cursor);
  const withCursor = { ...state, cursor, top: clampedTop };
  const rows = listRows(withCursor);
  const heightAt = (position: number): number => rowHeightAt(withCursor, position);
  const top = fillViewport(scrollToCursor(clampedTop, cursor, rows, heightAt), state.visible.length, rows, heightAt);
  return top === clampedTop && cursor === state.cursor && clampedTop === state.top ? state : { ...withCursor, top };
}

/** Recompute the visible list, keeping the selected pair when it is still shown, else the next one after it. */
function refilter(state: ViewState, filter: PairFilter, query: string): ViewState {
  const previous = selectedPair(state);
  const visible = visiblePairs(state.model, filter, query);
  let cursor = 0;
  if (previous !== null) {
    const next = visible.findIndex((pairIndex) => pairIndex >= previous);
    cursor = next === -1 ? visible.length - 1 : next;
  }
  return settle({ ...state, filter, query, visible, cursor, top: state.top });
}

function findFlagged(state: ViewState, direction: 1 | -1): number | null {
  for (let position = state.cursor + direction; position >= 0 && position < state.visible.length; position += direction) {
    const pairIndex = state.visible[position];
    if (pairIndex !== undefined && state.model.isFlagged[pairIndex] === true) return position;
  }
  return null;
}

export function reduceView(previous: ViewState, action: ViewAction): ViewState {
  // A message answers the key that caused it; the next key clears it.
  const state: ViewState =
    action.type === 'resize' || previous.message === null ? previous : { ...previous, message: null };
  switch (action.type) {
    case 'move':
      return settle({ ...state, cursor: state.cursor + action.delta });
    case 'page': {
      const fit = rowsThatFit(state.top, state.visible.length, listRows(state), (p) => rowHeightAt(state, p));
      const step = fit * action.direction;
      return settle({ ...state, cursor: state.cursor + step, top: Math.min(state.top + step, state.cursor + step) });
    }
    case 'jump':
      return settle({ ...state, cursor: action.to === 'first' ? 0 : state.visible.length - 1 });
    case 'cycle-filter': {
      const index = FILTER_CYCLE.indexOf(state.filter);
      const filter = FILTER_CYCLE[(index + 1) % FILTER_CYCLE.length] ?? 'all';
      const next = refilter(state, filter, state.query);
      return next.visible.length === 0 ? { ...next, message: info('no pairs match this filter') } : next;
    }
    case 'next-flagged': {
      const position = findFlagged(state, action.direction);
      if (position === null) {
        return { ...state, message: info(action.direction === 1 ? 'no flagged pair below' : 'no flagged pair above') };
      }
      return settle({ ...state, cursor: position });
    }
    case 'toggle-detail':
      return settle({ ...state, isDetailOpen: !state.isDetailOpen });
    case 'toggle-help':
      return { ...state, isHelpOpen: !state.isHelpOpen };
    case 'start-search':
      return { ...state, isEditingSearch: true, isHelpOpen: false };
    case 'search-input': {
      if (!state.isEditingSearch) return state;
      const text = action.text.replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
      return text.length === 0 ? state : refilter(state, state.filter, state.query + text);
    }
    case 'search-backspace': {
      if (!state.isEditingSearch) return state;
      const characters = [...state.query];
      return refilter(state, state.filter, characters.slice(0, -1).join(''));
    }
    case 'commit-search': {
      const next = { ...state, isEditingSearch: false };
      return next.query.length > 0 && next.visible.length === 0
        ? { ...next, message: info(`no pair contains "${next.query}"`) }
        : next;
    }
    case 'cancel':
      if (state.isHelpOpen) return { ...state, isHelpOpen: false };
      if (state.isEditingSearch || state.query.length > 0) {
        return refilter({ ...state, isEditingSearch: false }, state.filter, '');
      }
      if (state.isDetailOpen) return settle({ ...state, isDetailOpen: false });
      return state;
    case 'resize':
      return settle({ ...state, size: action.size });
    case 'show-message':
      return { ...state, message: action.message };
  }
}

/** The commands for one input, in order. Each key may change the mode for the next (`/` starts a search, so the
 * letters after it are typed into it). Stops after a quit or a back, which leave this screen. */
export function commandsForInput(state: ViewState, input: string, key: Partial<Key>): readonly Command[] {
  const commands: Command[] = [];
  let current = state;
  for (const one of splitKeys(input, key)) {
    let command = commandForKey(inputModeOf(current), one.input, one.key, keyTablesOf(current));
    if (command === null) continue;
    // Esc with nothing left to close leaves the review opened from the versions overview.
    if (command.type === 'cancel' && current.canGoBack && !hasSomethingToCancel(current)) command = { type: 'back' };
    commands.push(command);
    if (command.type === 'quit' || command.type === 'back') break;
    if (command.type !== 'export') current = reduceView(current, command);
  }
  return commands;
}
