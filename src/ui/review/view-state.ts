/** The review screen's state and its reducer. Pure: every key press becomes an action, the reducer returns the next
 * state, and the screen only draws it. Edits are in the state too (the model, the undo history), so undoing is a
 * reducer case like moving. Scrolling needs row heights, which come from the pure layout functions, so the state
 * knows the terminal size (a `resize` action keeps it current). */
import type { Key } from 'ink';
import { applyEdit, type PairEdit } from '../../edit/edit.js';
import type { Alignment } from '../../types.js';
import { EMPTY_HISTORY, hasUnsavedEdits, markSaved, recordEdit, redoEdit, undoEdit, type EditHistory } from '../../edit/history.js';
import { markReviewed, setNote, toggleReviewed } from '../../edit/operations.js';
import { isMouseReport, keyNameOf, mouseEventOf, splitKeys } from '../shared/keys.js';
import {
  COLUMN_HEADER_ROWS,
  HEADER_ROWS,
  bodyRows,
  fillViewport,
  rowsThatFit,
  screenLayout,
  scrollToCursor,
  type TerminalSize,
} from '../shared/layout.js';
import { info, type StatusMessage } from '../shared/status.js';
import type { Command, ConfirmPrompt, InputMode, Step, ViewAction } from './actions.js';
import {
  ALL_PAIRS,
  SEARCH_SCOPES,
  SORT_LABELS,
  SORT_ORDERS,
  nextFilter,
  visiblePairs,
  type PairFilter,
  type Search,
  type SearchScope,
  type SortOrder,
} from './filters.js';
import { helpContentLineCount } from './help-lines.js';
import { BINDINGS, NESTED_BINDINGS, commandForKey, type KeyTables } from './key-map.js';
import { clampScroll, detailLineCount, pairRowHeight } from './pair-lines.js';
import { applyEditToModel, buildReviewModel, otherHalf, type ReviewModel } from './review-model.js';
import { numberWidth } from './row-layout.js';

export type { InputMode, ViewAction } from './actions.js';

/** A line the user is typing into, or a question, shown in the footer. */
export type Prompt =
  | { readonly kind: 'search'; readonly text: string; readonly scope: SearchScope }
  | { readonly kind: 'goto'; readonly text: string }
  | { readonly kind: 'note'; readonly text: string; readonly pairIndex: number }
  | ConfirmPrompt;

export interface ViewState {
  readonly model: ReviewModel;
  readonly history: EditHistory;
  readonly size: TerminalSize;
  readonly filter: PairFilter;
  readonly order: SortOrder;
  /** The search that filters the list: the one being typed, or the one kept with Enter (null for none). */
  readonly search: Search | null;
  readonly prompt: Prompt | null;
  /** Pair indexes the list shows, in the order shown. */
  readonly visible: readonly number[];
  /** Position of the selected pair in `visible` (0 when the list is empty). */
  readonly cursor: number;
  /** Position in `visible` of the first row on screen. */
  readonly top: number;
  readonly isDetailOpen: boolean;
  /** Where j/k go: the list, or the detail pane (→ / l). */
  readonly focus: 'list' | 'detail';
  /** First content line of the detail pane on screen. */
  readonly detailTop: number;
  readonly isHelpOpen: boolean;
  readonly helpTop: number;
  /** Rows shown whole (z), by pair key (see `pairKey`). */
  readonly expanded: ReadonlySet<string>;
  readonly message: StatusMessage | null;
  /** An engine edit in progress ("joining pairs 3 and 4"), or null. */
  readonly pending: string | null;
  /** Opened from the versions overview: `v` (and Esc with nothing to close) goes back to it. */
  readonly canGoBack: boolean;
  /** Edits, marks, notes and sessions: the review of two files has them, the one opened from the versions not. */
  readonly canEdit: boolean;
}

export interface ViewStateOptions {
  readonly canGoBack?: boolean;
  readonly canEdit?: boolean;
  /** The pair to select first (an index into alignment.pairs); the first pair by default. */
  readonly initialPair?: number;
  /** Shown in the status line on opening (a resumed session, say). */
  readonly message?: StatusMessage;
  /** The undo history to go on with (a resumed session's). */
  readonly history?: EditHistory;
}

/** Rows of context kept above a pair selected on opening, so it is not glued to the top of the list. */
export const INITIAL_CONTEXT_ROWS = 2;
/** Pairs a turn of the mouse wheel moves: three, as terminals scroll three lines. */
export const WHEEL_STEP = 3;

export const NOT_EDITABLE = 'edits, marks and notes work in the review of two files (selaras align SOURCE TARGET)';

export function createViewState(alignmentOrModel: ReviewModel | Alignment, size: TerminalSize, options: ViewStateOptions = {}): ViewState {
  const model = 'rows' in alignmentOrModel ? alignmentOrModel : buildReviewModel(alignmentOrModel);
  const visible = visiblePairs(model, ALL_PAIRS, 'document', null);
  const position = options.initialPair === undefined ? -1 : visible.indexOf(options.initialPair);
  const cursor = Math.max(0, position);
  return settle({
    model,
    history: options.history ?? EMPTY_HISTORY,
    size,
    filter: ALL_PAIRS,
    order: 'document',
    search: null,
    prompt: null,
    visible,
    cursor,
    top: Math.max(0, cursor - INITIAL_CONTEXT_ROWS),
    isDetailOpen: false,
    focus: 'list',
    detailTop: 0,
    isHelpOpen: false,
    helpTop: 0,
    expanded: new Set(),
    message: options.message ?? null,
    pending: null,
    canGoBack: options.canGoBack === true,
    canEdit: options.canEdit ?? true,
  });
}

/** The key tables that apply: the review opened from the versions overview has `v` for back. */
export function keyTablesOf(state: ViewState): KeyTables {
  return state.canGoBack ? NESTED_BINDINGS : BINDINGS;
}

export function inputModeOf(state: ViewState): InputMode {
  if (state.prompt !== null) return state.prompt.kind;
  if (state.isHelpOpen) return 'help';
  if (state.focus === 'detail' && state.isDetailOpen) return 'detail';
  return 'browse';
}

export function isDirty(state: ViewState): boolean {
  return hasUnsavedEdits(state.history);
}

/** Index into alignment.pairs of the selected pair, or null when the list is empty. */
export function selectedPair(state: ViewState): number | null {
  return state.visible[state.cursor] ?? null;
}

/** What identifies a pair across edits of its marks (its first sentence on each side). */
export function pairKey(state: Pick<ViewState, 'model'>, pairIndex: number): string {
  const pair = state.model.alignment.pairs[pairIndex];
  return `${pair?.source[0] ?? ''}:${pair?.target[0] ?? ''}`;
}

export function pairNumberWidth(state: Pick<ViewState, 'model'>): number {
  return numberWidth(state.model.rows.length);
}

/** Height of the row at a list position, at the current width. */
export function rowHeightAt(state: ViewState, position: number): number {
  const pairIndex = state.visible[position];
  const row = pairIndex === undefined ? undefined : state.model.rows[pairIndex];
  if (pairIndex === undefined || row === undefined) return 1;
  return pairRowHeight(row, { columns: state.size.columns, numberWidth: pairNumberWidth(state), isExpanded: state.expanded.has(pairKey(state, pairIndex)) });
}

/** Lines the list and the detail pane get now (the pane, when open, takes its share first). */
export function paneRows(state: ViewState): { readonly list: number; readonly detail: number } {
  const pairIndex = selectedPair(state);
  const wanted = state.isDetailOpen && pairIndex !== null ? detailLineCount(state.model, pairIndex, state.size.columns) : null;
  const layout = screenLayout(state.size, wanted);
  return { list: layout.list, detail: layout.detail };
}

export function listRows(state: ViewState): number {
  return paneRows(state).list;
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

/** The position to select in `visible` for pair `wanted`: its own, else the first shown after it in document order,
 * else the last. */
function positionFor(visible: readonly number[], wanted: number | null): number {
  if (wanted === null) return 0;
  const exact = visible.indexOf(wanted);
  if (exact !== -1) return exact;
  let best = -1;
  visible.forEach((pairIndex, position) => {
    if (pairIndex > wanted && (best === -1 || pairIndex < (visible[best] ?? Infinity))) best = position;
  });
  return best === -1 ? visible.length - 1 : best;
}

/** Recompute the visible list, keeping `select` (by default the selected pair) when it is still shown. */
function refilter(state: ViewState, change: Partial<Pick<ViewState, 'filter' | 'order' | 'search' | 'model'>>, select = selectedPair(state)): ViewState {
  const next = { ...state, ...change };
  const visible = visiblePairs(next.model, next.filter, next.order, next.search);
  const pairChanged = positionFor(visible, select) !== state.cursor || visible[positionFor(visible, select)] !== selectedPair(state);
  return settle({ ...next, visible, cursor: positionFor(visible, select), detailTop: pairChanged ? 0 : state.detailTop });
}

function findFlagged(state: ViewState, direction: 1 | -1): number | null {
  for (let position = state.cursor + direction; position >= 0 && position < state.visible.length; position += direction) {
    const pairIndex = state.visible[position];
    if (pairIndex !== undefined && state.model.rows[pairIndex]?.isFlagged === true) return position;
  }
  return null;
}

/** Move the selection; the detail pane shows the new pair from its top. */
function select(state: ViewState, cursor: number): ViewState {
  const next = settle({ ...state, cursor });
  return selectedPair(next) === selectedPair(state) ? next : { ...next, detailTop: 0 };
}

/** Select a list position far away: when it is off screen, show it with a little context above. */
function jumpTo(state: ViewState, position: number): ViewState {
  const moved = select(state, position);
  return moved.top === state.top ? moved : select({ ...moved, top: Math.max(0, position - INITIAL_CONTEXT_ROWS) }, position);
}

function scrolled(top: number, step: Step, direction: 1 | -1, rows: number, content: number): number {
  const by = step === 'line' ? 1 : step === 'half' ? Math.max(1, Math.floor(rows / 2)) : step === 'page' ? Math.max(1, rows - 1) : content;
  return clampScroll(top + direction * by, content, rows);
}

/** An edit put in place: the model follows it, the history records it (unless undoing or redoing), the list is
 * made again with `selectPair` selected. */
function withEdit(state: ViewState, edit: PairEdit, history: EditHistory, selectPair: number, message: string): ViewState {
  applyEdit(state.model.alignment.pairs, edit); // throws StaleEditError for an edit of other pairs
  const model = applyEditToModel(state.model, edit);
  return { ...refilter({ ...state, history }, { model }, selectPair), message: info(message) };
}

/** Selects pair `number`; one the filter or the search hides is shown by showing all pairs. */
function goToPair(state: ViewState, number: number, message?: string): ViewState {
  const position = state.visible.indexOf(number);
  if (position >= 0) {
    const moved = jumpTo(state, position);
    return message === undefined ? moved : { ...moved, message: info(message) };
  }
  const shown = refilter(state, { filter: ALL_PAIRS, search: null }, number);
  return { ...jumpTo(shown, shown.cursor), message: info(`${message === undefined ? '' : `${message}; `}pair ${number} was not in the list: showing all pairs`) };
}

/** `m`: from a moved sentence to its counterpart, the first pair of the move's other half. */
function jumpToOtherHalf(state: ViewState): ViewState {
  const pairIndex = state.visible[state.cursor];
  if (pairIndex === undefined) return state;
  const other = otherHalf(state.model, pairIndex);
  if (other === null) {
    const isMoved = state.model.rows[pairIndex]?.pair.move !== undefined;
    return { ...state, message: info(isMoved ? `pair ${pairIndex}: the other half of its move was edited away` : `pair ${pairIndex} is not moved (m works on ~ rows)`) };
  }
  return goToPair(state, other, `pair ${other}: the counterpart of moved pair ${pairIndex} (m goes back)`);
}

function parsePairNumber(text: string, count: number): number | string {
  const number = Number(text);
  if (text.trim() === '' || !Number.isInteger(number)) return `type a pair number, 0 to ${count - 1}`;
  if (number < 0 || number >= count) return `no pair ${text}: the pairs are numbered 0 to ${count - 1}`;
  return number;
}

function hasSomethingToCancel(state: ViewState): boolean {
  return state.prompt !== null || state.isHelpOpen || state.focus === 'detail' || state.search !== null || state.isDetailOpen;
}

function cancel(state: ViewState): ViewState {
  const { prompt } = state;
  if (prompt !== null) {
    // Esc in the search box drops the search; elsewhere it only closes the prompt.
    return prompt.kind === 'search' ? refilter({ ...state, prompt: null }, { search: null }) : { ...state, prompt: null };
  }
  if (state.isHelpOpen) return { ...state, isHelpOpen: false };
  if (state.focus === 'detail') return { ...state, focus: 'list' };
  if (state.search !== null) return refilter(state, { search: null });
  if (state.isDetailOpen) return settle({ ...state, isDetailOpen: false, detailTop: 0 });
  return state;
}

function submitPrompt(state: ViewState): ViewState {
  const { prompt } = state;
  if (prompt === null || prompt.kind === 'confirm') return state;
  const closed = { ...state, prompt: null };
  switch (prompt.kind) {
    case 'search': {
      if (prompt.text.length === 0) return refilter(closed, { search: null });
      return closed.visible.length === 0 ? { ...closed, message: info(`no pair contains "${prompt.text}"`) } : closed;
    }
    case 'goto': {
      const number = parsePairNumber(prompt.text, state.model.rows.length);
      if (typeof number === 'string') return { ...closed, message: info(number) };
      return goToPair(closed, number);
    }
    case 'note': {
      const edit = setNote(state.model.alignment.pairs, prompt.pairIndex, prompt.text);
      if (edit === null) return closed;
      return withEdit(closed, edit, recordEdit(state.history, edit), prompt.pairIndex, `${edit.label} (u undoes)`);
    }
  }
}

function typed(state: ViewState, text: string): ViewState {
  const { prompt } = state;
  if (prompt === null || prompt.kind === 'confirm') return state;
  const clean = text.replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
  if (clean.length === 0) return state;
  if (prompt.kind === 'goto') {
    const digits = clean.replace(/\D/g, '');
    return digits.length === 0 ? state : { ...state, prompt: { ...prompt, text: prompt.text + digits } };
  }
  const next = { ...prompt, text: prompt.text + clean };
  if (next.kind === 'search') return refilter({ ...state, prompt: next }, { search: { query: next.text, scope: next.scope } });
  return { ...state, prompt: next };
}

function backspaced(state: ViewState): ViewState {
  const { prompt } = state;
  if (prompt === null || prompt.kind === 'confirm') return state;
  const text = [...prompt.text].slice(0, -1).join('');
  if (prompt.kind === 'search') {
    return refilter({ ...state, prompt: { ...prompt, text } }, { search: text.length === 0 ? null : { query: text, scope: prompt.scope } });
  }
  return { ...state, prompt: { ...prompt, text } };
}

/** The list line a screen line shows, or null when it is not in the list. */
function clickedPosition(state: ViewState, line: number): number | null {
  const offset = line - HEADER_ROWS - COLUMN_HEADER_ROWS;
  if (offset < 0 || offset >= listRows(state)) return null;
  let used = 0;
  for (let position = state.top; position < state.visible.length; position += 1) {
    used += rowHeightAt(state, position);
    if (offset < used) return position;
  }
  return null;
}

function editOrRefuse(state: ViewState, make: () => ViewState): ViewState {
  return state.canEdit ? make() : { ...state, message: info(NOT_EDITABLE) };
}

export function reduceView(previous: ViewState, action: ViewAction): ViewState {
  // A message answers the key that caused it; the next key clears it.
  const keepsMessage = action.type === 'resize' || action.type === 'set-pending' || action.type === 'saved';
  const state: ViewState = keepsMessage || previous.message === null ? previous : { ...previous, message: null };
  switch (action.type) {
    case 'move':
      return select(state, state.cursor + action.delta);
    case 'page':
    case 'half-page': {
      const fit = rowsThatFit(state.top, state.visible.length, listRows(state), (p) => rowHeightAt(state, p));
      const rows = action.type === 'page' ? fit : Math.max(1, Math.floor(fit / 2));
      const step = rows * action.direction;
      return select({ ...state, top: Math.max(0, state.top + step) }, state.cursor + step);
    }
    case 'jump':
      return select(state, action.to === 'first' ? 0 : state.visible.length - 1);
    case 'cycle-filter': {
      const next = refilter(state, { filter: nextFilter(state.model, state.filter, action.direction) });
      return next.visible.length === 0 ? { ...next, message: info(`no pairs: ${next.filter.label}`) } : next;
    }
    case 'jump-move':
      return jumpToOtherHalf(state);
    case 'cycle-order': {
      const order = SORT_ORDERS[(SORT_ORDERS.indexOf(state.order) + 1) % SORT_ORDERS.length] ?? 'document';
      return { ...refilter(state, { order }), message: info(`order: ${SORT_LABELS[order]}`) };
    }
    case 'next-flagged': {
      if (state.search !== null) {
        const position = state.cursor + action.direction;
        if (position < 0 || position >= state.visible.length) {
          return { ...state, message: info(action.direction === 1 ? 'no match below' : 'no match above') };
        }
        return select(state, position);
      }
      const position = findFlagged(state, action.direction);
      if (position === null) return { ...state, message: info(action.direction === 1 ? 'no flagged pair below' : 'no flagged pair above') };
      return select(state, position);
    }
    case 'toggle-detail':
      return settle({ ...state, isDetailOpen: !state.isDetailOpen, focus: 'list', detailTop: 0 });
    case 'focus':
      if (action.pane === 'detail') return settle({ ...state, isDetailOpen: true, focus: 'detail' });
      if (state.focus === 'list') return { ...state, message: info('→ or l moves into the detail pane, ← or h back here') };
      return { ...state, focus: 'list' };
    case 'scroll': {
      if (state.isHelpOpen) {
        const rows = bodyRows(state.size);
        return { ...state, helpTop: scrolled(state.helpTop, action.step, action.direction, rows, helpContentLineCount(state.size.columns, keyTablesOf(state))) };
      }
      const pairIndex = selectedPair(state);
      if (pairIndex === null) return state;
      // The last pane line says where the view is, so the content gets one line less.
      const rows = Math.max(1, paneRows(state).detail - 1);
      return { ...state, detailTop: scrolled(state.detailTop, action.step, action.direction, rows, detailLineCount(state.model, pairIndex, state.size.columns)) };
    }
    case 'toggle-help':
      return { ...state, isHelpOpen: !state.isHelpOpen, helpTop: 0 };
    case 'toggle-expand': {
      const pairIndex = selectedPair(state);
      if (pairIndex === null) return state;
      const key = pairKey(state, pairIndex);
      const expanded = new Set(state.expanded);
      if (!expanded.delete(key)) expanded.add(key);
      return settle({ ...state, expanded });
    }
    case 'start-search':
      return { ...state, prompt: { kind: 'search', text: '', scope: state.search?.scope ?? 'both' }, isHelpOpen: false };
    case 'start-goto':
      return { ...state, prompt: { kind: 'goto', text: '' } };
    case 'start-note':
      return editOrRefuse(state, () => {
        const pairIndex = selectedPair(state);
        if (pairIndex === null) return state;
        return { ...state, prompt: { kind: 'note', text: state.model.alignment.pairs[pairIndex]?.note ?? '', pairIndex } };
      });
    case 'prompt-input':
      return typed(state, action.text);
    case 'prompt-backspace':
      return backspaced(state);
    case 'cycle-search-scope': {
      const { prompt } = state;
      if (prompt?.kind !== 'search') return state;
      const scope = SEARCH_SCOPES[(SEARCH_SCOPES.indexOf(prompt.scope) + 1) % SEARCH_SCOPES.length] ?? 'both';
      const search = prompt.text.length === 0 ? null : { query: prompt.text, scope };
      return refilter({ ...state, prompt: { ...prompt, scope } }, { search });
    }
    case 'prompt-submit':
      return submitPrompt(state);
    case 'cancel':
      return cancel(state);
    case 'resize':
      return settle({ ...state, size: action.size });
    case 'show-message':
      return { ...state, message: action.message };
    case 'click': {
      if (state.isHelpOpen || state.prompt !== null) return state;
      const position = clickedPosition(state, action.line);
      if (position !== null) return { ...select(state, position), focus: 'list' };
      const detailStart = HEADER_ROWS + COLUMN_HEADER_ROWS + listRows(state);
      if (state.isDetailOpen && action.line >= detailStart && action.line < detailStart + paneRows(state).detail) return { ...state, focus: 'detail' };
      return state;
    }
    case 'wheel':
      if (state.isHelpOpen || (state.focus === 'detail' && state.isDetailOpen)) {
        let next = state;
        for (let k = 0; k < WHEEL_STEP; k += 1) next = reduceView(next, { type: 'scroll', step: 'line', direction: action.direction });
        return next;
      }
      return select(state, state.cursor + WHEEL_STEP * action.direction);
    case 'apply-edit':
      return withEdit(state, action.edit, recordEdit(state.history, action.edit), action.select, `${action.edit.label} (u undoes)`);
    case 'undo':
      return editOrRefuse(state, () => {
        const undone = undoEdit(state.history);
        if (undone === null) return { ...state, message: info('nothing to undo') };
        return withEdit(state, undone.edit, undone.history, undone.edit.at, `undid: ${undone.edit.label} (Ctrl-R redoes)`);
      });
    case 'redo':
      return editOrRefuse(state, () => {
        const redone = redoEdit(state.history);
        if (redone === null) return { ...state, message: info('nothing to redo') };
        return withEdit(state, redone.edit, redone.history, redone.edit.at, `redid: ${redone.edit.label}`);
      });
    case 'toggle-reviewed':
      return editOrRefuse(state, () => {
        const pairIndex = selectedPair(state);
        const edit = pairIndex === null ? null : toggleReviewed(state.model.alignment.pairs, pairIndex);
        if (edit === null || pairIndex === null) return state;
        return withEdit(state, edit, recordEdit(state.history, edit), pairIndex, edit.label);
      });
    case 'review-through':
      return editOrRefuse(state, () => {
        const through = state.visible.slice(0, state.cursor + 1);
        const edit = markReviewed(state.model.alignment.pairs, through);
        const pairIndex = selectedPair(state);
        if (edit === null || pairIndex === null) return { ...state, message: info('every pair up to here is reviewed already') };
        return withEdit(state, edit, recordEdit(state.history, edit), pairIndex, `${edit.label} (u undoes)`);
      });
    case 'saved':
      return { ...state, history: markSaved(state.history) };
    case 'set-pending':
      return { ...state, pending: action.text };
    case 'ask':
      return { ...state, prompt: action.prompt };
  }
}

/** The command a confirmation's answer gives, or a plain cancel for any other key. */
function answerOf(prompt: ConfirmPrompt, input: string, key: Partial<Key>): Command {
  const name = keyNameOf(input, key);
  const answer = name === null ? undefined : prompt.answers.find((one) => one.keys.includes(name));
  return answer?.command ?? { type: 'cancel' };
}

/** Asked when q or Ctrl-C would lose edits that were not written. */
export const QUIT_QUESTION: ConfirmPrompt = {
  kind: 'confirm',
  question: 'edits not written: w writes them and quits · q quits without them · any other key stays',
  answers: [
    { keys: ['w'], command: { type: 'write-and-quit' } },
    { keys: ['q', 'ctrl-c'], command: { type: 'discard-and-quit' } },
  ],
};

/** Commands that end the handling of an input: they leave this screen or quit. */
const LEAVING: ReadonlySet<Command['type']> = new Set(['quit', 'discard-and-quit', 'write-and-quit', 'back']);

/** The message for a key that means nothing here. */
export const UNKNOWN_KEY = 'unknown key, ? for help';

/** The commands for one input, in order. Each key may change the mode for the next (`/` starts a search, so the
 * letters after it are typed into it). Stops after a command that leaves the screen. */
export function commandsForInput(state: ViewState, input: string, key: Partial<Key>): readonly Command[] {
  const mouse = mouseEventOf(input);
  if (mouse !== null) return [mouse.kind === 'wheel' ? { type: 'wheel', direction: mouse.direction } : { type: 'click', line: mouse.line }];
  if (isMouseReport(input)) return [];
  const commands: Command[] = [];
  let current = state;
  for (const one of splitKeys(input, key)) {
    const mode = inputModeOf(current);
    if (mode === 'confirm' && current.prompt?.kind === 'confirm') {
      // The question closes first, whatever the answer.
      const answer = answerOf(current.prompt, one.input, one.key);
      commands.push({ type: 'cancel' });
      current = reduceView(current, { type: 'cancel' });
      if (answer.type === 'cancel') continue;
      commands.push(answer);
      if (LEAVING.has(answer.type)) break;
      if (isViewAction(answer)) current = reduceView(current, answer);
      continue;
    }
    let command: Command | null = commandForKey(mode === 'confirm' ? 'browse' : mode, one.input, one.key, keyTablesOf(current));
    if (command === null) {
      if (keyNameOf(one.input, one.key) === null) continue;
      command = { type: 'show-message', message: info(UNKNOWN_KEY) };
    }
    // Esc with nothing left to close leaves the review opened from the versions overview.
    if (command.type === 'cancel' && current.canGoBack && !hasSomethingToCancel(current)) command = { type: 'back' };
    // Quitting would lose edits: ask first (the next key answers).
    if (command.type === 'quit' && isDirty(current)) command = { type: 'ask', prompt: QUIT_QUESTION };
    commands.push(command);
    if (LEAVING.has(command.type)) break;
    if (isViewAction(command)) current = reduceView(current, command);
  }
  return commands;
}

const EFFECTS: ReadonlySet<Command['type']> = new Set([
  'quit',
  'discard-and-quit',
  'export',
  'export-over',
  'write',
  'write-and-quit',
  'copy',
  'open-editor',
  'engine-edit',
  'redraw',
  'back',
]);

export function isViewAction(command: Command): command is ViewAction {
  return !EFFECTS.has(command.type);
}
