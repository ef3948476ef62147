/** What the review screen knows about an alignment: one row per pair with its display text, the counts, the kinds of
 * difference present. Built once when the alignment loads, then kept up to date edit by edit (only the replaced rows
 * are made again, and the counts adjusted), so an edit costs the pairs it touches, not the document. Pure, no Ink. */
import { movesAfter, type PairEdit } from '../../edit/edit.js';
import { otherHalf as otherHalfPair } from '../../moved-passages.js';
import { countPairs, pairFlags, sentenceTexts, type PairCounts } from '../../review.js';
import type { Alignment, DifferenceKind, SentencePair } from '../../types.js';
import { foldForSearch } from '../shared/highlight.js';

export interface PairRow {
  readonly pair: SentencePair;
  /** The source sentences joined with a space, cleaned for display ('' for an added pair). */
  readonly sourceText: string;
  /** The target sentences joined with a space, cleaned for display ('' for an omitted pair). */
  readonly targetText: string;
  /** The texts as search compares them (case and quotation marks folded, same length as the display texts). */
  readonly sourceFolded: string;
  readonly targetFolded: string;
  /** Whether the flagged filter and n/N stop at it. */
  readonly isFlagged: boolean;
}

export interface ReviewCounts extends PairCounts {
  readonly reviewed: number;
  readonly edited: number;
}

export interface ReviewModel {
  readonly alignment: Alignment;
  readonly rows: readonly PairRow[];
  readonly counts: ReviewCounts;
  /** How many pairs have a difference of each kind (kinds absent have no entry). */
  readonly kindCounts: ReadonlyMap<DifferenceKind, number>;
  /** Each moved passage still marked on some pair: the pairs of its source half (where the source has it, as omitted
   * rows) and of its target half (added rows), in document order. The moves with both halves left are what the header
   * counts (`alignment.moves` keeps the passages an edit took apart). */
  readonly moveHalves: ReadonlyMap<number, MoveHalves>;
}

export interface MoveHalves {
  readonly source: readonly number[];
  readonly target: readonly number[];
}

/** The pairs of each move, by the `move` marks: one pass over the pairs, when the model is built or edited (an edit
 * already copies the pair list). */
function moveHalvesOf(pairs: readonly SentencePair[]): Map<number, MoveHalves> {
  const halves = new Map<number, { source: number[]; target: number[] }>();
  pairs.forEach((pair, index) => {
    if (pair.move === undefined) return;
    const entry = halves.get(pair.move) ?? { source: [], target: [] };
    (pair.status === 'added' ? entry.target : entry.source).push(index);
    halves.set(pair.move, entry);
  });
  return halves;
}

/** The pair to jump to from `pairIndex`: the pair holding its sentence's counterpart in the other half of its move
 * (see moved-passages.ts); null when it is in none, or the other half is gone (edited away). */
export function otherHalf(model: ReviewModel, pairIndex: number): number | null {
  // Only a moved pair pays for the look-up, which walks the pairs.
  if (model.rows[pairIndex]?.pair.move === undefined) return null;
  return otherHalfPair(model.alignment, pairIndex) ?? null;
}

function rowOf(alignment: Alignment, pair: SentencePair): PairRow {
  const sourceText = sentenceTexts(alignment.source, pair.source).join(' ');
  const targetText = sentenceTexts(alignment.target, pair.target).join(' ');
  return {
    pair,
    sourceText,
    targetText,
    sourceFolded: foldForSearch(sourceText),
    targetFolded: foldForSearch(targetText),
    isFlagged: pairFlags(pair).length > 0,
  };
}

function tally(pairs: readonly SentencePair[]): ReviewCounts {
  let reviewed = 0;
  let edited = 0;
  for (const pair of pairs) {
    if (pair.reviewed === true) reviewed += 1;
    if (pair.edited === true) edited += 1;
  }
  return { ...countPairs(pairs), reviewed, edited };
}

function combine(a: ReviewCounts, b: ReviewCounts, sign: 1 | -1): ReviewCounts {
  const out: Record<string, number> = {};
  for (const key of Object.keys(a) as (keyof ReviewCounts)[]) out[key] = a[key] + sign * b[key];
  return out as unknown as ReviewCounts;
}

function addKinds(counts: Map<DifferenceKind, number>, pairs: readonly SentencePair[], sign: 1 | -1): void {
  for (const pair of pairs) {
    for (const kind of new Set(pair.differences.map((difference) => difference.kind))) {
      const next = (counts.get(kind) ?? 0) + sign;
      if (next > 0) counts.set(kind, next);
      else counts.delete(kind);
    }
  }
}

export function buildReviewModel(alignment: Alignment): ReviewModel {
  const kindCounts = new Map<DifferenceKind, number>();
  addKinds(kindCounts, alignment.pairs, 1);
  return {
    alignment,
    rows: alignment.pairs.map((pair) => rowOf(alignment, pair)),
    counts: tally(alignment.pairs),
    kindCounts,
    moveHalves: moveHalvesOf(alignment.pairs),
  };
}

/** The model after an edit: the replaced rows made again, the counts and kinds adjusted by what changed. */
export function applyEditToModel(model: ReviewModel, edit: PairEdit): ReviewModel {
  const pairs = [...model.alignment.pairs.slice(0, edit.at), ...edit.inserted, ...model.alignment.pairs.slice(edit.at + edit.removed.length)];
  const moves = movesAfter(model.alignment, edit);
  const alignment: Alignment = { ...model.alignment, pairs, ...(moves === undefined ? {} : { moves }) };
  const rows = [
    ...model.rows.slice(0, edit.at),
    ...edit.inserted.map((pair) => rowOf(alignment, pair)),
    ...model.rows.slice(edit.at + edit.removed.length),
  ];
  const kindCounts = new Map(model.kindCounts);
  addKinds(kindCounts, edit.removed, -1);
  addKinds(kindCounts, edit.inserted, 1);
  const counts = combine(combine(model.counts, tally(edit.removed), -1), tally(edit.inserted), 1);
  return { alignment, rows, counts, kindCounts, moveHalves: moveHalvesOf(pairs) };
}

/** The kinds of difference present, in one stable order (the UI makes one filter per kind). */
export function differenceKinds(model: ReviewModel): readonly DifferenceKind[] {
  return [...model.kindCounts.keys()].sort();
}

/** The status column: `moved` (half of a moved passage), `omitted`, `added`, or the bead shape of an aligned pair
 * (`1-1`, `1-2`, `2-1` ...). */
export function pairLabel(pair: SentencePair): string {
  if (pair.move !== undefined) return 'moved';
  if (pair.status === 'omitted') return 'omitted';
  if (pair.status === 'added') return 'added';
  return `${pair.source.length}-${pair.target.length}`;
}
