/**
 * A second look at the beads the score doubts. The dynamic programme weighs bead costs alone; the calibrated score
 * (confidence.ts) weighs more evidence (a bead against its neighbours, what absorbing an unpaired neighbour would
 * gain, the posterior over nearby paths) and tells a wrong bead from a right one far better than the cost does. Where
 * a bead scores under REPAIR_THRESHOLD, the stretch of the path from the bead before it to the bead after it is cut
 * again in every way the bead shapes allow that costs at most `slack` skip prices more than the path's own cut; each
 * cut is scored in place, and the one that puts the most sentences into beads expected to be right (each bead's score
 * times its sentences, summed over the stretch and its two neighbours, whose evidence reads the stretch) replaces
 * the stretch when it does better. How much dearer a cut may be is the embedder's own (AlignTuning.repairSlack). Beads `isFixed` picks (a moved sentence's) are never touched. Pure.
 *
 * Measured on the dev benchmark and on cases generated from dev-raw with seeds the score was not fitted on: forced
 * pairs of unrelated sentences where the skip price of a noisy document is high, a sentence split in one version
 * and kept whole in the other, and a false merge become the beads the gold has, in documents that only partly
 * overlap most of all.
 */
import { LOW_CONFIDENCE_SCORE } from './confidence.js';
import { BEAD_SHAPES, isUnpaired, type BeadCost, type PathBead } from './dp.js';
import type { Rerun } from './rerun.js';

/** Beads scoring under this get a second look: the score's own line between "likely right" and "likely wrong". */
export const REPAIR_THRESHOLD = LOW_CONFIDENCE_SCORE;
/** Sentences a side of a stretch beyond which it is left as it is (a stretch has 3 beads of up to 3 sentences). */
const MAX_STRETCH = 7;
/**
 * Beads either side of a stretch that its scoring reads as context (the window of the posteriors). Measured on the dev
 * benchmark, the long pair and generated cases: 2 chooses as 4 and 8 do (F1 within 0.001 either way), at a third of
 * the cost of 8.
 */
export const REPAIR_CONTEXT = 2;
/**
 * Most cuts of one stretch weighed; a stretch with more within its cost limit is left as it is. The dev benchmark
 * and 405 generated cases (unrelated and different documents among them) have at most 49, but where every bead costs
 * about the same a 7 x 7 stretch has 267,237 cuts, and weighing them all would take many seconds.
 */
export const MAX_CUTS = 256;
/** A cut must beat the old one by more than this (expected right sentences) to replace it. */
const MIN_GAIN = 1e-6;

/**
 * Scores of beads [from, to) of `part`, a run of consecutive beads of a whole path (beads around [from, to) are
 * context), with `unpairedShare` the share of the whole path's beads that are unpaired.
 */
export type RepairJudge = (part: readonly PathBead[], from: number, to: number, unpairedShare: number) => ArrayLike<number>;

export interface RepairOptions {
  readonly beadCost: BeadCost;
  /** The DP's price of leaving one sentence unaligned. */
  readonly skip: number;
  readonly judge: RepairJudge;
  /**
   * How much dearer (in skip prices) than the path's own cut another cut may be and still be considered: dearer
   * cuts lie where the score, fitted on the DP's best paths, says less (AlignTuning.repairSlack).
   */
  readonly slack: number;
  readonly isFixed?: (bead: PathBead) => boolean;
  readonly threshold?: number;
}

const sizeOf = (bead: PathBead): number => bead.sourceCount + bead.targetCount;
const sameBead = (a: PathBead, b: PathBead): boolean =>
  a.sourceStart === b.sourceStart && a.sourceCount === b.sourceCount && a.targetStart === b.targetStart && a.targetCount === b.targetCount;

/**
 * Every cut of source [i0, i1) x target [j0, j1) into beads of the DP's shapes costing at most `limit` in all, or
 * null when there are more than `most`.
 */
export function cutsOf(i0: number, j0: number, i1: number, j1: number, beadCost: BeadCost, limit: number, most = MAX_CUTS): PathBead[][] | null {
  const cuts: PathBead[][] = [];
  const beads: PathBead[] = [];
  const extend = (i: number, j: number, cost: number): void => {
    if (cuts.length > most) return;
    if (i === i1 && j === j1) {
      cuts.push(beads.slice());
      return;
    }
    for (const { source: a, target: b } of BEAD_SHAPES) {
      if (i + a > i1 || j + b > j1) continue;
      const c = beadCost(i, j, a, b);
      if (!Number.isFinite(c) || !(cost + c <= limit)) continue; // a bead the DP could not take, or over the limit
      beads.push({ sourceStart: i, sourceCount: a, targetStart: j, targetCount: b, cost: c });
      extend(i + a, j + b, cost + c);
      beads.pop();
    }
  };
  extend(i0, j0, 0);
  return cuts.length > most ? null : cuts;
}

/**
 * The path with the doubted stretches cut again where that does better, as a Rerun (the beads kept from `path` know
 * their old index; new ones have -1), and the scores the judge gave each bead it placed; null when nothing changed.
 */
export function repairPath(path: readonly PathBead[], scores: ArrayLike<number>, options: RepairOptions): Rerun | null {
  const threshold = options.threshold ?? REPAIR_THRESHOLD;
  const { beadCost, judge, isFixed, slack } = options;
  // The path so far (beads settled, the last of them still the previous bead of the next stretch), and the old
  // path's beads from `next` on, not yet looked at: built as it goes, so a long document pays no splices.
  const out: PathBead[] = [];
  const outScores: number[] = [];
  const outOld: number[] = [];
  const pendingScores: number[] = Array.from(scores);
  let next = 0;
  let unpaired = path.filter(isUnpaired).length;
  let changed = false;
  const keep = (): void => {
    out.push(path[next]!);
    outScores.push(pendingScores[next]!);
    outOld.push(next);
    next++;
  };
  while (next < path.length) {
    if (!(pendingScores[next]! < threshold)) {
      keep();
      continue;
    }
    const hasPrevious = out.length > 0;
    const hasNext = next + 1 < path.length;
    const stretch = [...(hasPrevious ? [out.at(-1)!] : []), path[next]!, ...(hasNext ? [path[next + 1]!] : [])];
    const i0 = stretch[0]!.sourceStart;
    const j0 = stretch[0]!.targetStart;
    const end = stretch.at(-1)!;
    const i1 = end.sourceStart + end.sourceCount;
    const j1 = end.targetStart + end.targetCount;
    if ((isFixed && stretch.some(isFixed)) || i1 - i0 > MAX_STRETCH || j1 - j0 > MAX_STRETCH) {
      keep();
      continue;
    }
    const own = stretch.reduce((sum, bead) => sum + bead.cost, 0);
    const cuts = cutsOf(i0, j0, i1, j1, beadCost, own + slack * options.skip)?.filter(
      (cut) => cut.length !== stretch.length || cut.some((bead, d) => !sameBead(bead, stretch[d]!)),
    );
    if (!cuts || cuts.length === 0) {
      keep();
      continue;
    }
    const first = out.length - (hasPrevious ? 1 : 0);
    const before = out.slice(Math.max(0, first - REPAIR_CONTEXT), first);
    const afterStart = next + (hasNext ? 2 : 1);
    const after = path.slice(afterStart, afterStart + REPAIR_CONTEXT);
    const length = out.length + path.length - next;
    const stretchUnpaired = stretch.filter(isUnpaired).length;
    // The stretch and its neighbours, whose evidence (neighbouring units, absorbing gains) reads the stretch.
    const evaluate = (cut: readonly PathBead[]) => {
      const from = Math.max(0, before.length - 1);
      const to = Math.min(before.length + cut.length + after.length, before.length + cut.length + 1);
      const share = (unpaired - stretchUnpaired + cut.filter(isUnpaired).length) / (length - stretch.length + cut.length);
      const part = [...before, ...cut, ...after];
      const judged = judge(part, from, to, share);
      let value = 0;
      for (let d = from; d < to; d++) value += judged[d - from]! * sizeOf(part[d]!);
      return { value, judged, from };
    };
    const base = evaluate(stretch);
    let best: { cut: PathBead[]; value: number; judged: ArrayLike<number>; from: number } | null = null;
    for (const cut of cuts) {
      const result = evaluate(cut);
      if (result.value > (best?.value ?? base.value) + MIN_GAIN) best = { cut, ...result };
    }
    if (!best) {
      keep();
      continue;
    }
    out.length = outScores.length = outOld.length = first;
    for (const bead of best.cut) {
      out.push(bead);
      outScores.push(0);
      outOld.push(-1);
    }
    // The judged scores of the beads around the stretch and of the new ones, in place of theirs.
    for (let d = 0; d < best.judged.length; d++) {
      const at = best.from + d - before.length;
      if (at < best.cut.length) outScores[first + at] = best.judged[d]!;
      else pendingScores[afterStart + at - best.cut.length] = best.judged[d]!;
    }
    unpaired += best.cut.filter(isUnpaired).length - stretchUnpaired;
    changed = true;
    // On after the new stretch: its last bead's neighbour is the next to look at.
    next = afterStart;
  }
  return changed ? { path: out, oldIndex: Int32Array.from(outOld) } : null;
}
