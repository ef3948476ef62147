/**
 * Every change a reviewer makes to an alignment is one PairEdit: a run of pairs replaced by others. Joins, unlinks,
 * links, splits, "reviewed" marks and notes are all of this one shape, so undo and redo are the same two lines for
 * all of them, and undo restores exactly the pairs that were there (the same objects). Pure.
 */
import type { Alignment, MovedPassage, SentencePair } from '../types.js';

export interface PairEdit {
  /** Index into the pairs of the first pair replaced. */
  readonly at: number;
  readonly removed: readonly SentencePair[];
  readonly inserted: readonly SentencePair[];
  /** What the edit did, for the status line ("joined pairs 4 and 5"). */
  readonly label: string;
  /** The whole list of moved passages before and after, when the edit dissolved a move (see dissolvingMoves). */
  readonly moves?: { readonly removed: readonly MovedPassage[]; readonly inserted: readonly MovedPassage[] };
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
  const moves = edit.moves && { moves: { removed: edit.moves.inserted, inserted: edit.moves.removed } };
  return { at: edit.at, removed: edit.inserted, inserted: edit.removed, label: edit.label, ...moves };
}

/** The moves list after the edit (the same list when the edit leaves the moves alone). */
export function movesAfter(alignment: Alignment, edit: PairEdit): readonly MovedPassage[] | undefined {
  if (edit.moves === undefined) return alignment.moves;
  if ((alignment.moves ?? []).length !== edit.moves.removed.length) throw new StaleEditError(`the edit "${edit.label}" does not fit these moves`);
  return edit.moves.inserted;
}

export function applyToAlignment(alignment: Alignment, edit: PairEdit): Alignment {
  const moves = movesAfter(alignment, edit);
  return { ...alignment, pairs: applyEdit(alignment.pairs, edit), ...(moves === undefined ? {} : { moves }) };
}

/** For each sentence of one side, the index of the pair that holds it. */
function holders(pairs: readonly SentencePair[], side: 'source' | 'target'): Map<number, number> {
  const held = new Map<number, number>();
  for (const [index, pair] of pairs.entries()) for (const sentence of pair[side]) held.set(sentence, index);
  return held;
}

/** The moves (indexes into `moves`) not whole in `pairs`: some sentence of theirs is not in an omitted or added
 * pair marked with that move. */
function brokenMoves(pairs: readonly SentencePair[], moves: readonly MovedPassage[]): Set<number> {
  const broken = new Set<number>();
  if (moves.length === 0) return broken;
  const held = { source: holders(pairs, 'source'), target: holders(pairs, 'target') };
  const status = { source: 'omitted', target: 'added' } as const;
  for (const [k, move] of moves.entries()) {
    const whole = (['source', 'target'] as const).every((side) =>
      move[side].every((sentence) => {
        const pair = pairs[held[side].get(sentence) ?? -1];
        return pair?.move === k && pair.status === status[side];
      }),
    );
    if (!whole) broken.add(k);
  }
  return broken;
}

/**
 * The edit made to keep the moved passages consistent: a move that the edit broke (one of its halves joined, linked,
 * unlinked or split) is dissolved, its halves on both sides lose `move`, the list drops it and later moves are
 * numbered down. The edit grows to every pair that changes, and carries the moves list before and after, so undo
 * puts back exactly what was there. An edit that breaks no move is returned as it is.
 */
export function dissolvingMoves(alignment: Alignment, edit: PairEdit): PairEdit {
  const moves = alignment.moves ?? [];
  if (moves.length === 0) return edit;
  const after = applyEdit(alignment.pairs, edit);
  const lost = brokenMoves(after, moves);
  if (lost.size === 0) return edit;
  const renumbered = new Map<number, number>();
  for (const k of moves.keys()) if (!lost.has(k)) renumbered.set(k, renumbered.size);
  const final = after.map((pair) => {
    if (pair.move === undefined || renumbered.get(pair.move) === pair.move) return pair;
    const { move, ...rest } = pair;
    const to = renumbered.get(move);
    return to === undefined ? rest : { ...rest, move: to };
  });
  const before = alignment.pairs;
  const limit = Math.min(before.length, final.length);
  let prefix = 0;
  while (prefix < limit && before[prefix] === final[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < limit - prefix && before[before.length - 1 - suffix] === final[final.length - 1 - suffix]) suffix += 1;
  return {
    at: prefix,
    removed: before.slice(prefix, before.length - suffix),
    inserted: final.slice(prefix, final.length - suffix),
    label: edit.label,
    moves: { removed: moves, inserted: moves.filter((_, k) => !lost.has(k)) },
  };
}

/** Why the moved passages of an alignment are inconsistent (a `move` that names no listed move, a pair marked with a
 * move it is no half of, a listed move without both halves), or null when they are consistent. */
export function moveViolation(alignment: Alignment): string | null {
  const moves = alignment.moves ?? [];
  for (const [index, pair] of alignment.pairs.entries()) {
    if (pair.move === undefined) continue;
    const move = moves[pair.move];
    if (move === undefined) return `pair ${index}: move ${pair.move} is not in the moves list`;
    const own = pair.source.length > 0 ? move.source : move.target;
    if (![...pair.source, ...pair.target].every((sentence) => own.includes(sentence))) return `pair ${index} is no half of move ${pair.move}`;
  }
  const broken = [...brokenMoves(alignment.pairs, moves)];
  return broken.length === 0 ? null : `move ${broken[0]} has lost a half`;
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
