/**
 * The reviewer's operations on an alignment, as pure functions that return a PairEdit (or say why they cannot).
 *
 * Joining, unlinking, linking and splitting change which sentences go together, so the engine must say how sure it
 * is of the new pairs. They come in two steps: `plan*` says which beads the engine is to judge (score them, or split
 * one into single pairs), and `editFromJudged` turns the judged beads into the edit, with differences found again
 * and `edited: true`. Marking pairs reviewed and writing notes need no engine. Pair numbers in messages are 0-based,
 * as everywhere.
 */
import type { BeadSentences } from '../align/align.js';
import { comparePair, type ScoredBead } from '../compare/pair.js';
import type { Alignment, SentencePair } from '../types.js';
import { dissolvingMoves, type PairEdit } from './edit.js';

export type EditKind = 'join' | 'unlink' | 'link' | 'split';

export interface EditPlan {
  readonly kind: EditKind;
  /** The pairs replaced: `count` of them from index `at`. */
  readonly at: number;
  readonly count: number;
  /** What to ask the engine: the status and score of each bead (`score`), or the single pairs of one (`split`). */
  readonly ask: 'score' | 'split';
  readonly beads: readonly BeadSentences[];
  readonly label: string;
}

/** A plan, or why the operation does not apply to this pair (shown to the user as it is). */
export type Planned = { readonly plan: EditPlan; readonly refusal?: undefined } | { readonly plan?: undefined; readonly refusal: string };

function refuse(refusal: string): Planned {
  return { refusal };
}

function shape(pair: SentencePair): string {
  return pair.status === 'aligned' ? `${pair.source.length}-${pair.target.length}` : pair.status;
}

/** J: the pair and the next one become one bead of all their sentences (vim's join). */
export function planJoin(pairs: readonly SentencePair[], index: number): Planned {
  const pair = pairs[index];
  const next = pairs[index + 1];
  if (pair === undefined) return refuse('no pair selected');
  if (next === undefined) return refuse(`pair ${index} is the last one: there is no next pair to join it with`);
  return {
    plan: {
      kind: 'join',
      at: index,
      count: 2,
      ask: 'score',
      beads: [{ source: [...pair.source, ...next.source], target: [...pair.target, ...next.target] }],
      label: `joined pairs ${index} and ${index + 1}`,
    },
  };
}

/** x: an aligned pair's sentences become omitted and added rows, one per sentence. */
export function planUnlink(pairs: readonly SentencePair[], index: number): Planned {
  const pair = pairs[index];
  if (pair === undefined) return refuse('no pair selected');
  if (pair.status !== 'aligned') return refuse(`pair ${index} is ${pair.status}: there is no link to undo`);
  return {
    plan: {
      kind: 'unlink',
      at: index,
      count: 1,
      ask: 'score',
      beads: [...pair.source.map((i) => ({ source: [i], target: [] })), ...pair.target.map((j) => ({ source: [], target: [j] }))],
      label: `unlinked pair ${index}`,
    },
  };
}

/**
 * L: an omitted row pairs with the added row beside it (the next one first), or else takes the target side of the
 * next pair, whose source sentences are then left unpaired; an added row likewise, the other way round. Both sides
 * stay in document order because only neighbours are joined.
 */
export function planLink(pairs: readonly SentencePair[], index: number): Planned {
  const pair = pairs[index];
  if (pair === undefined) return refuse('no pair selected');
  if (pair.status === 'aligned') {
    return refuse(`pair ${index} is already aligned (${shape(pair)}): L links an omitted or added row; x unlinks this one`);
  }
  const isOmitted = pair.status === 'omitted';
  const partnerStatus = isOmitted ? 'added' : 'omitted';
  const label = (other: number) => `linked pairs ${Math.min(index, other)} and ${Math.max(index, other)}`;
  const bead = (mine: SentencePair, theirs: SentencePair): BeadSentences =>
    isOmitted ? { source: mine.source, target: theirs.target } : { source: theirs.source, target: mine.target };
  for (const other of [index + 1, index - 1]) {
    const neighbour = pairs[other];
    if (neighbour?.status === partnerStatus) {
      const at = Math.min(index, other);
      return { plan: { kind: 'link', at, count: 2, ask: 'score', beads: [bead(pair, neighbour)], label: label(other) } };
    }
  }
  const next = pairs[index + 1];
  const otherSide = isOmitted ? 'target' : 'source';
  if (next === undefined) return refuse(`pair ${index} is the last one and has no ${partnerStatus} row beside it to link with`);
  if (next.status !== 'aligned') {
    return refuse(`no ${partnerStatus} row beside pair ${index}, and the next pair has no ${otherSide} side to link with`);
  }
  // The next pair gives up its other side: its own sentences on this side are left unpaired, after the new pair.
  const leftOver: BeadSentences = isOmitted ? { source: next.source, target: [] } : { source: [], target: next.target };
  return {
    plan: { kind: 'link', at: index, count: 2, ask: 'score', beads: [bead(pair, next), leftOver], label: `linked pair ${index} with the ${otherSide} of pair ${index + 1}` },
  };
}

/** S: a merged pair (1-2, 2-1, 2-2, ... or a joined run of unpaired sentences) becomes its best single pairs. */
export function planSplit(pairs: readonly SentencePair[], index: number): Planned {
  const pair = pairs[index];
  if (pair === undefined) return refuse('no pair selected');
  if (pair.source.length + pair.target.length <= 2 && pair.source.length <= 1 && pair.target.length <= 1) {
    return refuse(`pair ${index} is ${shape(pair)}: S splits merged pairs (1-2, 2-1, 2-2 ...)`);
  }
  return {
    plan: { kind: 'split', at: index, count: 1, ask: 'split', beads: [{ source: pair.source, target: pair.target }], label: `split pair ${index}` },
  };
}

function sentencesOf(beads: readonly BeadSentences[], side: 'source' | 'target'): string {
  return beads.flatMap((bead) => bead[side]).join(',');
}

/** The engine answered with beads that do not hold exactly the planned sentences, in order. */
export class JudgedBeadsError extends Error {
  override readonly name = 'JudgedBeadsError';
}

/** The notes of several pairs as one (a join keeps what was written on either). */
function joinedNote(pairs: readonly SentencePair[]): string | undefined {
  const notes = pairs.map((pair) => pair.note).filter((note): note is string => note !== undefined && note.length > 0);
  return notes.length === 0 ? undefined : notes.join(' / ');
}

/** The edit that puts the judged beads in place of the plan's pairs: differences found again, each marked edited,
 * not reviewed (it is new), and the replaced pairs' notes kept on the first; a move one of whose halves it replaced
 * is dissolved with it (dissolvingMoves), so no passage is listed as moved without both halves. */
export function editFromJudged(alignment: Alignment, plan: EditPlan, judged: readonly ScoredBead[]): PairEdit {
  const removed = alignment.pairs.slice(plan.at, plan.at + plan.count);
  for (const side of ['source', 'target'] as const) {
    if (sentencesOf(judged, side) !== sentencesOf(removed, side)) {
      throw new JudgedBeadsError(`the engine's beads for "${plan.label}" do not hold the same ${side} sentences`);
    }
  }
  const note = joinedNote(removed);
  const inserted = judged.map((bead, k): SentencePair => {
    const pair: SentencePair = { ...comparePair(bead, alignment.source, alignment.target), edited: true };
    return k === 0 && note !== undefined ? { ...pair, note } : pair;
  });
  return dissolvingMoves(alignment, { at: plan.at, removed, inserted, label: plan.label });
}

/** The pair with `reviewed` set, or the field gone (fields appear only when set). */
function withReviewed(pair: SentencePair, reviewed: boolean): SentencePair {
  const { reviewed: _old, ...rest } = pair;
  return reviewed ? { ...rest, reviewed: true } : rest;
}

/** r: the pair is marked reviewed, or unmarked. */
export function toggleReviewed(pairs: readonly SentencePair[], index: number): PairEdit | null {
  const pair = pairs[index];
  if (pair === undefined) return null;
  const reviewed = pair.reviewed !== true;
  return {
    at: index,
    removed: [pair],
    inserted: [withReviewed(pair, reviewed)],
    label: `${reviewed ? 'marked' : 'unmarked'} pair ${index} ${reviewed ? 'reviewed' : 'as not reviewed'}`,
  };
}

/** R: every pair of `indexes` marked reviewed, as one edit (null when they all are already). */
export function markReviewed(pairs: readonly SentencePair[], indexes: readonly number[]): PairEdit | null {
  const wanted = indexes.filter((index) => pairs[index] !== undefined && pairs[index]?.reviewed !== true);
  if (wanted.length === 0) return null;
  const first = Math.min(...wanted);
  const last = Math.max(...wanted);
  const marks = new Set(wanted);
  const removed = pairs.slice(first, last + 1);
  const inserted = removed.map((pair, k) => (marks.has(first + k) ? withReviewed(pair, true) : pair));
  return { at: first, removed, inserted, label: `marked ${wanted.length} pair${wanted.length === 1 ? '' : 's'} reviewed` };
}

/** c: the pair's note set (an empty note removes it); null when nothing changes. */
export function setNote(pairs: readonly SentencePair[], index: number, note: string): PairEdit | null {
  const pair = pairs[index];
  if (pair === undefined) return null;
  const text = note.replace(/\s+/g, ' ').trim();
  if ((pair.note ?? '') === text) return null;
  const { note: _old, ...rest } = pair;
  return {
    at: index,
    removed: [pair],
    inserted: [text.length === 0 ? rest : { ...rest, note: text }],
    label: text.length === 0 ? `removed the note of pair ${index}` : `noted pair ${index}`,
  };
}
