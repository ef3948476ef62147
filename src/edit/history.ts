/** Undo and redo: the edits made, and those undone since (a new edit forgets them, as in every editor). Pure. */
import { invertEdit, type PairEdit } from './edit.js';

export interface HistoryEntry {
  readonly edit: PairEdit;
  /** Unique within a history: what a save remembers, to tell whether anything changed since. */
  readonly serial: number;
}

export interface EditHistory {
  readonly done: readonly HistoryEntry[];
  readonly undone: readonly HistoryEntry[];
  readonly nextSerial: number;
  /** The serial of the last edit done when the alignment was last written (0: as loaded). */
  readonly savedSerial: number;
}

export const EMPTY_HISTORY: EditHistory = { done: [], undone: [], nextSerial: 1, savedSerial: 0 };

export function recordEdit(history: EditHistory, edit: PairEdit): EditHistory {
  return { ...history, done: [...history.done, { edit, serial: history.nextSerial }], undone: [], nextSerial: history.nextSerial + 1 };
}

/** The edit that undoes the last one (to apply), and the history after it; null when there is nothing to undo. */
export function undoEdit(history: EditHistory): { readonly history: EditHistory; readonly edit: PairEdit } | null {
  const last = history.done[history.done.length - 1];
  if (last === undefined) return null;
  return {
    history: { ...history, done: history.done.slice(0, -1), undone: [...history.undone, last] },
    edit: invertEdit(last.edit),
  };
}

/** The edit to apply again, and the history after it; null when nothing was undone. */
export function redoEdit(history: EditHistory): { readonly history: EditHistory; readonly edit: PairEdit } | null {
  const last = history.undone[history.undone.length - 1];
  if (last === undefined) return null;
  return {
    history: { ...history, done: [...history.done, last], undone: history.undone.slice(0, -1) },
    edit: last.edit,
  };
}

function currentSerial(history: EditHistory): number {
  return history.done[history.done.length - 1]?.serial ?? 0;
}

/** Whether the alignment differs from what was last written (or loaded). */
export function hasUnsavedEdits(history: EditHistory): boolean {
  return currentSerial(history) !== history.savedSerial;
}

export function markSaved(history: EditHistory): EditHistory {
  return { ...history, savedSerial: currentSerial(history) };
}
