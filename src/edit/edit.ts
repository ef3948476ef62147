/**
 * Every change a reviewer makes to an alignment is one PairEdit: a run of pairs replaced by others. Joins, unlinks,
 * links, splits, "reviewed" marks and notes are all of this one shape, so undo and redo are the same two lines for
 * all of them, and undo restores exactly the pairs that were there (the same objects). Pure.
 */
import type { Alignment, SentencePair } from '../types.js';

export interface PairEdit {
  /** Index into the pairs of the first pair replaced. */
  readonly at: number;
  readonly removed: readonly SentencePair[];
  readonly inserted: readonly SentencePair[];
  /** What the edit did, for the status line ("joined pairs 4 and 5"). */
  readonly label: string;
}

/** An edit's `removed` are not the pairs at its place: it was made for another list. */
export class StaleEditError extends Error {
  override readonly name = 'StaleEditError';
}

function sameIndexes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, k) => value === b[k]);
}

/** Whether two pairs are the same pair with the same marks: what an edit read back from a session file (a copy of the
 * pairs it replaced) must find in place to apply. */
export function samePair(a: SentencePair, b: SentencePair): boolean {
  return (
    a === b ||
    (sameIndexes(a.source, b.source) &&
      sameIndexes(a.target, b.target) &&
      a.status === b.status &&
      a.score === b.score &&
      a.edited === b.edited &&
      a.reviewed === b.reviewed &&
      a.note === b.note)
  );
}

export function applyEdit(pairs: readonly SentencePair[], edit: PairEdit): SentencePair[] {
  const { at, removed, inserted } = edit;
  if (at < 0 || at + removed.length > pairs.length || removed.some((pair, k) => !samePair(pairs[at + k]!, pair))) {
    throw new StaleEditError(`the edit "${edit.label}" does not fit these pairs`);
  }
  return [...pairs.slice(0, at), ...inserted, ...pairs.slice(at + removed.length)];
}

export function invertEdit(edit: PairEdit): PairEdit {
  return { at: edit.at, removed: edit.inserted, inserted: edit.removed, label: edit.label };
}

export function applyToAlignment(alignment: Alignment, edit: PairEdit): Alignment {
  return { ...alignment, pairs: applyEdit(alignment.pairs, edit) };
}

/** Why an alignment breaks the contract (every sentence of each side in exactly one pair, pairs in document order
 * on both sides, statuses that match the sides), or null when it keeps it. */
export function contractViolation(alignment: Alignment): string | null {
  for (const side of ['source', 'target'] as const) {
    let expected = 0;
    for (const [index, pair] of alignment.pairs.entries()) {
      for (const sentence of pair[side]) {
        if (sentence !== expected) return `pair ${index}: ${side} sentence ${sentence} where ${expected} was due`;
        expected += 1;
      }
    }
    const count = alignment[side].sentences.length;
    if (expected !== count) return `${side}: ${expected} of ${count} sentences are in pairs`;
  }
  for (const [index, pair] of alignment.pairs.entries()) {
    const status = pair.source.length === 0 ? 'added' : pair.target.length === 0 ? 'omitted' : 'aligned';
    if (pair.source.length === 0 && pair.target.length === 0) return `pair ${index} has no sentence`;
    if (pair.status !== status) return `pair ${index} is ${pair.status} but has the sides of an ${status} pair`;
  }
  return null;
}
