/** The versions overview's view state and its reducer. Pure, like the review's (view-state.ts): keys become
 * actions, the reducer returns the next state. Which versions are on screen depends on the width, so the state
 * knows the terminal size. */
import type { Key } from 'ink';
import { splitKeys } from '../shared/keys.js';
import { bodyRows, fillViewport, rowsThatFit, scrollToCursor, type TerminalSize } from '../shared/layout.js';
import { info, type StatusMessage } from '../shared/status.js';
import type { OverviewAction, OverviewMode } from './actions.js';
import { overviewCommandForKey, type OverviewCommand } from './key-map.js';
import { overviewRowHeight, shownVersionCount, shownVersions } from './columns.js';
import { rowForPair, type VersionsModel } from './versions-model.js';

export type { OverviewAction, OverviewMode } from './actions.js';

export interface OverviewState {
  readonly model: VersionsModel;
  readonly size: TerminalSize;
  /** The selected row, an index into `model.multi.rows` (0 when there are none). */
  readonly cursor: number;
  /** The first row on screen. */
  readonly top: number;
  /** The version compared with the pivot: an index into `model.multi.versions`. */
  readonly chosen: number;
  /** The first version (index into `model.multi.versions`) with a column on screen; the pivot always has one. */
  readonly firstShown: number;
  readonly isHelpOpen: boolean;
  readonly message: StatusMessage | null;
}

export function overviewModeOf(state: OverviewState): OverviewMode {
  return state.isHelpOpen ? 'help' : 'overview';
}

export function overviewListRows(state: Pick<OverviewState, 'size'>): number {
  return bodyRows(state.size);
}

function heightAtFor(state: OverviewState): (row: number) => number {
  const shown = shownVersions(state);
  return (row) => overviewRowHeight(state.model, row, shown, state.size.columns);
}

/** Keep the chosen version on screen, and the cursor in range and on screen. */
function settle(state: OverviewState): OverviewState {
  const versionCount = state.model.multi.versions.length;
  const chosen = Math.min(Math.max(0, state.chosen), Math.max(0, versionCount - 1));
  const shownCount = shownVersionCount(state);
  let firstShown = Math.min(Math.max(0, state.firstShown), Math.max(0, versionCount - shownCount));
  if (chosen < firstShown) firstShown = chosen;
  if (chosen >= firstShown + shownCount) firstShown = chosen - shownCount + 1;
  const count = state.model.multi.rows.length;
  const cursor = Math.min(Math.max(0, state.cursor), Math.max(0, count - 1));
  const withColumns = { ...state, chosen, firstShown, cursor, top: Math.min(Math.max(0, state.top), cursor) };
  const heightAt = heightAtFor(withColumns);
  const rows = overviewListRows(withColumns);
  const top = fillViewport(scrollToCursor(withColumns.top, cursor, rows, heightAt), count, rows, heightAt);
  return { ...withColumns, top };
}

export function createOverviewState(model: VersionsModel, size: TerminalSize): OverviewState {
  return settle({ model, size, cursor: 0, top: 0, chosen: 0, firstShown: 0, isHelpOpen: false, message: null });
}

function findFlagged(state: OverviewState, direction: 1 | -1): number | null {
  const { flags } = state.model;
  for (let row = state.cursor + direction; row >= 0 && row < flags.length; row += direction) {
    if (flags[row] !== null && flags[row] !== undefined) return row;
  }
  return null;
}

/** Rows of context kept above a row selected on coming back from the review, so it is not glued to the top. */
export const CONTEXT_ROWS_ABOVE = 2;

export function reduceOverview(previous: OverviewState, action: OverviewAction): OverviewState {
  // A message answers the key that caused it; the next key clears it.
  const state: OverviewState =
    action.type === 'resize' || previous.message === null ? previous : { ...previous, message: null };
  switch (action.type) {
    case 'move':
      return settle({ ...state, cursor: state.cursor + action.delta });
    case 'page': {
      const fit = rowsThatFit(state.top, state.model.multi.rows.length, overviewListRows(state), heightAtFor(state));
      const step = fit * action.direction;
      return settle({ ...state, cursor: state.cursor + step, top: Math.min(state.top + step, state.cursor + step) });
    }
    case 'jump':
      return settle({ ...state, cursor: action.to === 'first' ? 0 : state.model.multi.rows.length - 1 });
    case 'next-flagged': {
      const row = findFlagged(state, action.direction);
      if (row === null) {
        return { ...state, message: info(action.direction === 1 ? 'no differing row below' : 'no differing row above') };
      }
      return settle({ ...state, cursor: row });
    }
    case 'choose-version': {
      const chosen = state.chosen + action.delta;
      if (chosen < 0 || chosen >= state.model.multi.versions.length) {
        return { ...state, message: info(action.delta === 1 ? 'this is the last version' : 'this is the first version after the pivot') };
      }
      return settle({ ...state, chosen });
    }
    case 'toggle-help':
      return { ...state, isHelpOpen: !state.isHelpOpen };
    case 'resize':
      return settle({ ...state, size: action.size });
    case 'show-message':
      return { ...state, message: action.message };
    case 'return-from-review': {
      const row = action.pairIndex === null ? null : rowForPair(state.model, action.version, action.pairIndex);
      const chosen = action.version;
      if (row === null) return settle({ ...state, chosen });
      // Still on screen: leave the view where it was; else show the row with a little context above it.
      const kept = settle({ ...state, chosen, cursor: row });
      return kept.top === state.top ? kept : settle({ ...kept, top: Math.max(0, row - CONTEXT_ROWS_ABOVE) });
    }
  }
}

/** Ink hands over a run of characters as one input; each is a key (see view-state.ts `commandsForInput`). Stops
 * after a quit or an open, which leave this screen. */
export function commandsForOverviewInput(state: OverviewState, input: string, key: Partial<Key>): readonly OverviewCommand[] {
  const commands: OverviewCommand[] = [];
  let current = state;
  for (const one of splitKeys(input, key)) {
    const command = overviewCommandForKey(overviewModeOf(current), one.input, one.key);
    if (command === null) continue;
    commands.push(command);
    if (command.type === 'quit' || command.type === 'open') break;
    if (command.type !== 'export') current = reduceOverview(current, command);
  }
  return commands;
}
