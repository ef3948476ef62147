/**
 * Moved passages: after the monotone alignment, sentences left omitted on one side and added on the other that
 * translate each other although they stand elsewhere in the documents (an outlet moved a paragraph). Pure: the
 * engine's bead costs and scores come in as functions, so a move is judged exactly as a pair in place would be.
 *
 * Each run of consecutive omitted source sentences is set against each run of consecutive added target sentences
 * that some sentence of it resembles (a 1-1 pair cheaper than leaving both unaligned), with aligned pairs between the two
 * in the path; the two runs are aligned to each other by the same dynamic programme and bead costs as the whole
 * documents, and each stretch of consecutive pairs found is one move. Moves are taken best first (the most cost
 * saved over leaving their sentences unaligned), no sentence in two. A move then grows by the 1-1 pairs next to
 * it whose sentences the monotone alignment paired in place more poorly (extendMove); the engine aligns the rest
 * again without the moved sentences.
 */
import { BEAD_SHAPES, fullBand, runDp, type BeadCost, type PathBead } from './dp.js';

/** The rectangle of sentences a move's pairs were aligned in: a run of omitted source sentences, one of added
 * target sentences. */
export interface MoveWindow {
  readonly sourceStart: number;
  readonly targetStart: number;
  readonly sourceCount: number;
  readonly targetCount: number;
}

/** What a move is judged by: the engine's own costs and scores. */
export interface MoveCosts {
  /** The engine's bead cost (0-sided beads cost the skip price), for source [i, i + a) and target [j, j + b). */
  readonly beadCost: BeadCost;
  /** The engine's cost per sentence of an aligned bead: about 1 for unrelated sentences, near 0 for a clear
   * translation. */
  readonly unitCost: (i: number, j: number, a: number, b: number) => number;
  /** The unit cost at which a 1-1 pair costs as much as leaving both its sentences unaligned (twice the skip
   * price): what a pair in place must beat. */
  readonly pairBoundary: number;
  /** The engine's scores (calibrated probabilities) of the beads of a path through `window`, document indexes:
   * the same scoring as the beads in place, given the path the two runs align by. */
  readonly score: (path: readonly PathBead[], window: MoveWindow) => number[];
}

/** The beads of a monotone alignment, as the engine returns them. */
export interface PathPair {
  readonly source: readonly number[];
  readonly target: readonly number[];
  readonly status: 'aligned' | 'omitted' | 'added';
}

export interface MoveBead {
  readonly source: readonly number[];
  readonly target: readonly number[];
  readonly score: number;
  /** The engine's cost per sentence of the pair (about 1 for unrelated sentences, by construction). */
  readonly unitCost: number;
}

export interface Move {
  /** The moved sentences of each side, ascending. */
  readonly source: readonly number[];
  readonly target: readonly number[];
  /** The move's pairs, in order. */
  readonly beads: readonly MoveBead[];
  /** The weakest of its pairs' scores. */
  readonly score: number;
}

/**
 * A move's pairs must cost less than leaving their sentences unaligned (MoveCosts.pairBoundary), and at most this
 * per sentence. In place, a pair's neighbours keep unrelated sentences apart, and with the bundled model's skip
 * prices an unrelated pair (cost about 1) can still score over 0.5; a move has no such neighbours, except for a
 * pair between two good pairs of the move, which needs only the boundary (moved links found on the move benchmark
 * 0.874 -> 0.909, precision 1.000). On the move benchmark and the dev cases, 0.7 keeps 154 of 155 moved links
 * found below 1 and drops 33 of 34 false ones (0.5: 92 of 93, and a fifth fewer moved links found).
 */
const MAX_MOVE_UNIT_COST = 0.7;
/** Omitted x added sentence comparisons above which moves are not looked for: two documents that share little
 * (two different stories) would cost minutes and move nothing real. */
const MAX_COMPARISONS = 1_000_000;

interface Run {
  /** First sentence index and count. */
  readonly start: number;
  readonly count: number;
  /** Path positions (bead indexes) of its first and last sentence. */
  readonly first: number;
  readonly last: number;
}

/** Maximal runs of consecutive sentence indexes of one side that the path leaves unaligned. */
function runs(path: readonly PathPair[], side: 'source' | 'target', status: PathPair['status']): Run[] {
  const found: Run[] = [];
  path.forEach((bead, position) => {
    if (bead.status !== status) return;
    const index = bead[side][0]!;
    const last = found.at(-1);
    if (last !== undefined && last.start + last.count === index) found[found.length - 1] = { ...last, count: last.count + 1, last: position };
    else found.push({ start: index, count: 1, first: position, last: position });
  });
  return found;
}

/** Whether an aligned pair stands in the path between the two runs: else they are one gap, which the monotone
 * alignment already weighed, not a passage moved elsewhere. */
function isElsewhere(source: Run, target: Run, alignedBefore: Int32Array): boolean {
  const from = Math.min(source.first, target.first);
  const to = Math.max(source.last, target.last);
  return alignedBefore[to]! - alignedBefore[from]! > 0;
}

/** The pairs of moves found between two runs: the runs aligned to each other, stretches of good pairs kept. */
function movesBetween(source: Run, target: Run, costs: MoveCosts): Array<{ beads: MoveBead[]; saving: number }> {
  const cost: BeadCost = (i, j, a, b) => costs.beadCost(source.start + i, target.start + j, a, b);
  const local = runDp(source.count, target.count, fullBand(source.count, target.count), cost, BEAD_SHAPES);
  const path = local.map((bead) => ({ ...bead, sourceStart: source.start + bead.sourceStart, targetStart: target.start + bead.targetStart }));
  const window: MoveWindow = { sourceStart: source.start, targetStart: target.start, sourceCount: source.count, targetCount: target.count };
  let scores: number[] | undefined;
  const found: Array<{ beads: MoveBead[]; saving: number }> = [];
  let current: { beads: MoveBead[]; saving: number } | undefined;
  const isPair = (bead: PathBead | undefined): bead is PathBead => bead !== undefined && bead.sourceCount > 0 && bead.targetCount > 0;
  const good = path.map((bead) => isPair(bead) && isGoodPair(costs, bead.sourceStart, bead.targetStart, bead.sourceCount, bead.targetCount));
  // A pair between two good ones has neighbours to vouch for it, as pairs in place do: it needs only to be cheaper
  // than leaving its sentences unaligned.
  const kept = path.map((bead, k) =>
    good[k]! || (isPair(bead) && good[k - 1] === true && good[k + 1] === true && costs.unitCost(bead.sourceStart, bead.targetStart, bead.sourceCount, bead.targetCount) <= costs.pairBoundary),
  );
  path.forEach((bead, k) => {
    const { sourceStart: i, targetStart: j } = bead;
    if (!kept[k]) {
      current = undefined;
      return;
    }
    // Scored once for the whole path, and only when it holds a pair worth moving.
    scores ??= costs.score(path, window);
    let skipped = 0;
    for (let d = 0; d < bead.sourceCount; d++) skipped += costs.beadCost(i + d, 0, 1, 0);
    for (let d = 0; d < bead.targetCount; d++) skipped += costs.beadCost(0, j + d, 0, 1);
    const moved: MoveBead = {
      source: Array.from({ length: bead.sourceCount }, (_, d) => i + d),
      target: Array.from({ length: bead.targetCount }, (_, d) => j + d),
      score: scores[k]!,
      unitCost: costs.unitCost(i, j, bead.sourceCount, bead.targetCount),
    };
    if (current === undefined) {
      current = { beads: [], saving: 0 };
      found.push(current);
    }
    current.beads.push(moved);
    current.saving += skipped - bead.cost;
  });
  return found;
}

/** Moved passages of a monotone alignment (see the file's comment). */
export function findMoves(path: readonly PathPair[], costs: MoveCosts): Move[] {
  const omitted = runs(path, 'source', 'omitted');
  const added = runs(path, 'target', 'added');
  const omittedCount = omitted.reduce((sum, run) => sum + run.count, 0);
  const addedCount = added.reduce((sum, run) => sum + run.count, 0);
  if (omittedCount === 0 || addedCount === 0 || omittedCount * addedCount > MAX_COMPARISONS) return [];
  const alignedBefore = new Int32Array(path.length + 1);
  path.forEach((bead, k) => (alignedBefore[k + 1] = alignedBefore[k]! + (bead.status === 'aligned' ? 1 : 0)));
  const candidates: Array<{ beads: MoveBead[]; saving: number }> = [];
  for (const source of omitted) {
    for (const target of added) {
      if (!isElsewhere(source, target, alignedBefore) || !resembles(source, target, costs)) continue;
      candidates.push(...movesBetween(source, target, costs));
    }
  }
  candidates.sort((a, b) => b.saving - a.saving);
  const usedSource = new Set<number>();
  const usedTarget = new Set<number>();
  const moves: Move[] = [];
  for (const candidate of candidates) {
    const source = candidate.beads.flatMap((bead) => bead.source);
    const target = candidate.beads.flatMap((bead) => bead.target);
    if (source.some((i) => usedSource.has(i)) || target.some((j) => usedTarget.has(j))) continue;
    for (const i of source) usedSource.add(i);
    for (const j of target) usedTarget.add(j);
    moves.push({ source, target, beads: candidate.beads, score: Math.min(...candidate.beads.map((bead) => bead.score)) });
  }
  const place = placeOf(path, costs);
  const extended = moves.map((move) => extendMove(move, place, costs, usedSource, usedTarget));
  // In source order, so that move numbers read down the source document.
  return extended.sort((a, b) => a.source[0]! - b.source[0]!);
}

/** The unit cost of the in-place pair each sentence of one side stands in (absent: unaligned). */
function placeCosts(path: readonly PathPair[], side: 'source' | 'target', costs: MoveCosts): Map<number, number> {
  const units = new Map<number, number>();
  for (const bead of path) {
    if (bead.status !== 'aligned') continue;
    const unit = costs.unitCost(bead.source[0]!, bead.target[0]!, bead.source.length, bead.target.length);
    for (const index of bead[side]) units.set(index, unit);
  }
  return units;
}

/** What extendMove reads of the monotone alignment: each sentence's pair in place, and the sentence counts. */
interface Place {
  readonly sourcePlace: ReadonlyMap<number, number>;
  readonly targetPlace: ReadonlyMap<number, number>;
  readonly sourceCount: number;
  readonly targetCount: number;
}

/** Worked out once for all moves: each is a walk over the whole path. */
function placeOf(path: readonly PathPair[], costs: MoveCosts): Place {
  let sourceCount = 0;
  let targetCount = 0;
  for (const bead of path) {
    for (const i of bead.source) sourceCount = Math.max(sourceCount, i + 1);
    for (const j of bead.target) targetCount = Math.max(targetCount, j + 1);
  }
  return { sourcePlace: placeCosts(path, 'source', costs), targetPlace: placeCosts(path, 'target', costs), sourceCount, targetCount };
}

/**
 * A move grown by the 1-1 pairs next to it that the monotone alignment put elsewhere: a moved sentence the
 * alignment paired in place with a neighbour, more poorly than it pairs with the sentence next to the move's other
 * half. Its pairs are scored again, along the move's own path.
 */
function extendMove(move: Move, place: Place, costs: MoveCosts, usedSource: Set<number>, usedTarget: Set<number>): Move {
  const { sourcePlace, targetPlace, sourceCount, targetCount } = place;
  const beads = [...move.beads];
  const steal = (i: number, j: number): MoveBead | undefined => {
    if (i < 0 || j < 0 || i >= sourceCount || j >= targetCount) return undefined;
    if (usedSource.has(i) || usedTarget.has(j) || !isGoodPair(costs, i, j, 1, 1)) return undefined;
    const unitCost = costs.unitCost(i, j, 1, 1);
    // At least one of the two is paired in place (two unaligned ones would be in the move's runs already), and
    // each pairs better here than where it stands.
    if (!sourcePlace.has(i) && !targetPlace.has(j)) return undefined;
    if (!(unitCost < (sourcePlace.get(i) ?? Infinity) && unitCost < (targetPlace.get(j) ?? Infinity))) return undefined;
    usedSource.add(i);
    usedTarget.add(j);
    return { source: [i], target: [j], score: 0, unitCost };
  };
  let grown = false;
  for (;;) {
    const last = beads.at(-1)!;
    const bead = steal(last.source.at(-1)! + 1, last.target.at(-1)! + 1);
    if (bead === undefined) break;
    beads.push(bead);
    grown = true;
  }
  for (;;) {
    const first = beads[0]!;
    const bead = steal(first.source[0]! - 1, first.target[0]! - 1);
    if (bead === undefined) break;
    beads.unshift(bead);
    grown = true;
  }
  if (!grown) return move;
  const sourceStart = beads[0]!.source[0]!;
  const targetStart = beads[0]!.target[0]!;
  const movePath = beads.map((bead) => ({
    sourceStart: bead.source[0]!,
    sourceCount: bead.source.length,
    targetStart: bead.target[0]!,
    targetCount: bead.target.length,
    cost: costs.beadCost(bead.source[0]!, bead.target[0]!, bead.source.length, bead.target.length),
  }));
  const window: MoveWindow = {
    sourceStart,
    targetStart,
    sourceCount: beads.at(-1)!.source.at(-1)! + 1 - sourceStart,
    targetCount: beads.at(-1)!.target.at(-1)! + 1 - targetStart,
  };
  const scores = costs.score(movePath, window);
  const scored = beads.map((bead, k) => ({ ...bead, score: scores[k]! }));
  return {
    source: scored.flatMap((bead) => bead.source),
    target: scored.flatMap((bead) => bead.target),
    beads: scored,
    score: Math.min(...scored.map((bead) => bead.score)),
  };
}

/** Whether a pair is good enough to be part of a move. */
function isGoodPair(costs: MoveCosts, i: number, j: number, a: number, b: number): boolean {
  return costs.unitCost(i, j, a, b) <= Math.min(MAX_MOVE_UNIT_COST, costs.pairBoundary);
}

/** Whether some sentence of one run pairs well with some sentence of the other: worth aligning the two runs. */
function resembles(source: Run, target: Run, costs: MoveCosts): boolean {
  for (let i = source.start; i < source.start + source.count; i++) {
    for (let j = target.start; j < target.start + target.count; j++) {
      if (isGoodPair(costs, i, j, 1, 1)) return true;
    }
  }
  return false;
}

/** Where a half of a move stands: the move's number, the sentences of the other side it pairs with, and that
 * pair's score. */
export interface MoveHalf {
  readonly index: number;
  readonly partner: readonly number[];
  readonly score: number;
  readonly unitCost: number;
}

/** The path with each omitted or added bead that is half of a move marked with its move. */
export function markMoves<T extends PathPair>(path: readonly T[], moves: readonly Move[]): Array<T & { readonly move?: MoveHalf }> {
  const halves = new Map<string, MoveHalf>();
  moves.forEach((move, index) => {
    for (const bead of move.beads) {
      for (const i of bead.source) halves.set(`s${i}`, { index, partner: bead.target, score: bead.score, unitCost: bead.unitCost });
      for (const j of bead.target) halves.set(`t${j}`, { index, partner: bead.source, score: bead.score, unitCost: bead.unitCost });
    }
  });
  return path.map((bead) => {
    const half =
      bead.status === 'omitted' ? halves.get(`s${bead.source[0]}`) : bead.status === 'added' ? halves.get(`t${bead.target[0]}`) : undefined;
    return half === undefined ? bead : { ...bead, move: half };
  });
}

/** The moves of a marked path, rebuilt from their halves (the inverse of markMoves). */
export function collectMoves(path: ReadonlyArray<PathPair & { readonly move?: MoveHalf }>): Move[] {
  interface Gathered {
    readonly source: number[];
    readonly target: number[];
    readonly beads: Map<string, { source: number[]; target: readonly number[]; score: number; unitCost: number }>;
  }
  const byIndex = new Map<number, Gathered>();
  for (const bead of path) {
    if (bead.move === undefined) continue;
    const entry: Gathered = byIndex.get(bead.move.index) ?? { source: [], target: [], beads: new Map() };
    byIndex.set(bead.move.index, entry);
    if (bead.status === 'omitted') {
      entry.source.push(...bead.source);
      // Source halves with the same partners are one pair of the move: a 2-1 merge has two.
      const key = bead.move.partner.join(',');
      const pair = entry.beads.get(key) ?? { source: [], target: bead.move.partner, score: bead.move.score, unitCost: bead.move.unitCost };
      pair.source.push(...bead.source);
      entry.beads.set(key, pair);
    } else {
      entry.target.push(...bead.target);
    }
  }
  return [...byIndex.keys()].sort((a, b) => a - b).map((index) => {
    const entry = byIndex.get(index)!;
    const beads = [...entry.beads.values()].sort((a, b) => a.source[0]! - b.source[0]!);
    return {
      source: entry.source.sort((a, b) => a - b),
      target: entry.target.sort((a, b) => a - b),
      beads,
      score: Math.min(...beads.map((bead) => bead.score)),
    };
  });
}
