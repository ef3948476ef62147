/**
 * The dynamic programme over beads, alone in one file (after Vecalign's dp_core).
 *
 * State (i, j) means "the first i source and first j target sentences are aligned". A bead of shape (a, b) moves
 * from (i - a, j - b) to (i, j). Only states inside a band are stored: for each i, j in [lo[i], hi[i]].
 * Invariants: the band contains (0, 0) and (n, m); the result covers every sentence exactly once, in order.
 * Memory is one float and one byte per band cell, so a narrow band keeps 10k x 10k documents small.
 */

export interface BeadShape {
  readonly source: number;
  readonly target: number;
}

/** 1-1, omissions, additions, and the merges a translator makes. */
export const BEAD_SHAPES: readonly BeadShape[] = [
  { source: 1, target: 1 },
  { source: 1, target: 0 },
  { source: 0, target: 1 },
  { source: 1, target: 2 },
  { source: 2, target: 1 },
  { source: 2, target: 2 },
  { source: 1, target: 3 },
  { source: 3, target: 1 },
];

/** A band of allowed target positions for each source position 0..n (inclusive ranges). */
export interface Band {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
}

export interface PathBead {
  /** First source sentence and count. */
  readonly sourceStart: number;
  readonly sourceCount: number;
  readonly targetStart: number;
  readonly targetCount: number;
  readonly cost: number;
}

/**
 * Cost of the bead covering source [i, i + a) and target [j, j + b); Infinity forbids it. The DP also says what the
 * bead must beat: `reached` is the cost of the path to the bead's start, `toBeat` the best way into its end found so
 * far. A cost may then return, instead of the whole cost, a part of it that already loses (reached + part >= toBeat),
 * and skip the rest (the engine's merge member check); other callers pass neither and get the whole cost.
 */
export type BeadCost = (i: number, j: number, a: number, b: number, reached?: number, toBeat?: number) => number;

/** Whether a bead leaves its sentences unpaired (an omission or an addition). */
export function isUnpaired(bead: PathBead): boolean {
  return bead.sourceCount === 0 || bead.targetCount === 0;
}

export function fullBand(n: number, m: number): Band {
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1).fill(m);
  return { lo, hi };
}

/**
 * The best path through the band. `floors`, when given, holds per shape a number no bead of that shape costs less
 * than (the coster's own: a merge pays its penalty whatever its sentences): a bead whose floor already loses to the
 * best way into its cell found so far is not costed at all. It could not have won (costs only add), so the path is
 * the same; on the bench's long pair most merges are never costed.
 */
export function runDp(
  n: number,
  m: number,
  band: Band,
  beadCost: BeadCost,
  shapes: readonly BeadShape[] = BEAD_SHAPES,
  floors?: ArrayLike<number>,
): PathBead[] {
  const { lo, hi } = band;
  if (lo[0] !== 0 || hi[n]! < m || lo[n]! > m) throw new Error('runDp: band must contain (0, 0) and (n, m)');
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i]! + Math.max(0, hi[i]! - lo[i]! + 1);
  const cells = offset[n + 1]!;
  const cost = new Float64Array(cells).fill(Infinity);
  const back = new Uint8Array(cells).fill(255);
  cost[0] = 0;

  for (let i = 0; i <= n; i++) {
    const rowLo = lo[i]!;
    const rowHi = hi[i]!;
    const rowOffset = offset[i]! - rowLo;
    for (let j = rowLo; j <= rowHi; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestShape = 255;
      for (let s = 0; s < shapes.length; s++) {
        const shape = shapes[s]!;
        const pi = i - shape.source;
        const pj = j - shape.target;
        if (pi < 0 || pj < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const prev = cost[offset[pi]! - lo[pi]! + pj]!;
        if (prev === Infinity) continue;
        if (floors !== undefined && prev + floors[s]! >= best) continue;
        const c = prev + beadCost(pi, pj, shape.source, shape.target, prev, best);
        if (c < best) {
          best = c;
          bestShape = s;
        }
      }
      cost[rowOffset + j] = best;
      back[rowOffset + j] = bestShape;
    }
  }

  const path: PathBead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const index = offset[i]! - lo[i]! + j;
    const s = back[index]!;
    const shape = shapes[s];
    if (!shape) throw new Error(`runDp: no path reaches (${i}, ${j}); the band is too narrow`);
    const pi = i - shape.source;
    const pj = j - shape.target;
    const stepCost = cost[index]! - cost[offset[pi]! - lo[pi]! + pj]!;
    path.push({ sourceStart: pi, sourceCount: shape.source, targetStart: pj, targetCount: shape.target, cost: stepCost });
    i = pi;
    j = pj;
  }
  return path.reverse();
}

/**
 * The band for a finer level from a path found at a coarser one: every fine cell within `width` of the coarse
 * path scaled by `factor`. Coarse bead (I, J)->(I', J') covers fine rows [I*factor, I'*factor] and columns
 * [J*factor, J'*factor].
 */
export function bandAroundPath(
  path: readonly PathBead[],
  factor: number,
  n: number,
  m: number,
  width: number,
): Band {
  const lo = new Int32Array(n + 1).fill(m);
  const hi = new Int32Array(n + 1).fill(0);
  // Each bead's corners, from the end of the one before (the path starts at (0, 0)); no arrays per bead, as this runs
  // for every window the repair and the moves search weigh.
  let i0 = 0;
  let j0 = 0;
  for (const bead of path) {
    const i1 = bead.sourceStart + bead.sourceCount;
    const j1 = bead.targetStart + bead.targetCount;
    const rowFrom = Math.min(n, i0 * factor);
    const rowTo = Math.min(n, i1 * factor);
    const from = Math.max(0, Math.min(m, j0 * factor) - width);
    const to = Math.min(m, j1 * factor + width);
    for (let row = rowFrom; row <= rowTo; row++) {
      if (from < lo[row]!) lo[row] = from;
      if (to > hi[row]!) hi[row] = to;
    }
    i0 = i1;
    j0 = j1;
  }
  // Widen rows by `width` in the source direction too, then make the band monotone and connected.
  const widenedLo = new Int32Array(lo);
  const widenedHi = new Int32Array(hi);
  for (let row = 0; row <= n; row++) {
    for (let d = -width; d <= width; d++) {
      const other = row + d;
      if (other < 0 || other > n || hi[other]! < lo[other]!) continue;
      widenedLo[row] = Math.min(widenedLo[row]!, lo[other]!);
      widenedHi[row] = Math.max(widenedHi[row]!, hi[other]!);
    }
  }
  widenedLo[0] = 0;
  widenedHi[n] = m;
  for (let row = 1; row <= n; row++) widenedHi[row] = Math.max(widenedHi[row]!, widenedHi[row - 1]!);
  for (let row = n - 1; row >= 0; row--) widenedLo[row] = Math.min(widenedLo[row]!, widenedLo[row + 1]!);
  return { lo: widenedLo, hi: widenedHi };
}

/** What the engine can say about each bead of its best path, from all the paths around it. */
export interface PathConfidence {
  /**
   * How much more the best path that does not contain the bead costs (>= 0). A small margin means the DP nearly chose
   * otherwise for those sentences (a merge instead of two 1-1 beads, an omission instead of a pair).
   */
  readonly margins: Float64Array;
  /**
   * The bead's posterior probability when every path is weighed by exp(-cost / temperature): the share of nearly as
   * good paths that agree with it.
   */
  readonly posteriors: Float64Array;
}

/**
 * Margins and posteriors of the beads of `path` (the best path within `band`). An unpaired sentence counts as the
 * same bead wherever the path leaves it out (an omission just before or just after an addition is one output).
 *
 * Every path covers a sentence with exactly one bead, so the paths without bead b are those that cover b's first
 * sentence with another bead e; the cheapest of them costs min over such e of forward(start e) + cost(e) +
 * backward(end e). The posteriors are the same sums with soft minima. Two passes over the band each way, then one
 * pass over its beads.
 */
export function pathConfidence(
  n: number,
  m: number,
  band: Band,
  beadCost: BeadCost,
  path: readonly PathBead[],
  temperature: number,
  shapes: readonly BeadShape[] = BEAD_SHAPES,
): PathConfidence {
  const { lo, hi } = band;
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i]! + Math.max(0, hi[i]! - lo[i]! + 1);
  const cells = offset[n + 1]!;
  const at = (i: number, j: number): number => (i < 0 || i > n || j < lo[i]! || j > hi[i]! ? -1 : offset[i]! - lo[i]! + j);
  const count = shapes.length;
  // Edge (cell, s): the bead of shape s that ends at the cell, from cell `from[e]`, costing `costs[e]` (float32: eight
  // bytes an edge in all; margins are differences of sums over the same rounded costs). Cells are numbered in DP
  // order, so one pass each way.
  const from = new Int32Array(cells * count).fill(-1);
  const costs = new Float32Array(cells * count).fill(Infinity);
  const rowOf = new Int32Array(cells);
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      const cell = at(i, j);
      rowOf[cell] = i;
      for (let s = 0; s < count; s++) {
        const { source: a, target: b } = shapes[s]!;
        if (a === 0 && b === 0) continue;
        const prev = at(i - a, j - b);
        if (prev >= 0) {
          from[cell * count + s] = prev;
          costs[cell * count + s] = beadCost(i - a, j - b, a, b);
        }
      }
    }
  }
  // Hard (min) and soft (-T log sum exp(-x / T)) sums, forward from (0, 0) and backward from (n, m).
  const hardForward = new Float64Array(cells).fill(Infinity);
  const softForward = new Float64Array(cells).fill(Infinity);
  hardForward[0] = 0;
  softForward[0] = 0;
  for (let cell = 1; cell < cells; cell++) {
    let hard = Infinity;
    for (let s = 0; s < count; s++) {
      const prev = from[cell * count + s]!;
      if (prev >= 0) hard = Math.min(hard, hardForward[prev]! + costs[cell * count + s]!);
    }
    hardForward[cell] = hard;
    softForward[cell] = softSum(cell, count, from, costs, softForward, temperature, false);
  }
  const hardBackward = new Float64Array(cells).fill(Infinity);
  const softBackward = new Float64Array(cells).fill(Infinity);
  const end = at(n, m);
  hardBackward[end] = 0;
  softBackward[end] = 0;
  const to = new Int32Array(count);
  for (let cell = cells - 1; cell >= 0; cell--) {
    if (cell === end) continue;
    const i = rowOf[cell]!;
    const j = cell - offset[i]! + lo[i]!;
    let hard = Infinity;
    for (let s = 0; s < count; s++) {
      const next = at(i + shapes[s]!.source, j + shapes[s]!.target);
      to[s] = next === cell ? -1 : next;
      if (to[s]! >= 0) hard = Math.min(hard, costs[next * count + s]! + hardBackward[next]!);
    }
    hardBackward[cell] = hard;
    softBackward[cell] = softSum(0, count, to, costs, softBackward, temperature, true);
  }
  const best = hardForward[end]!;
  const total = softForward[end]!;
  // Which path bead covers each sentence; the alternatives are the other beads that cover it.
  const sourceBead = new Int32Array(n).fill(-1);
  const targetBead = new Int32Array(m).fill(-1);
  path.forEach((bead, k) => {
    for (let d = 0; d < bead.sourceCount; d++) sourceBead[bead.sourceStart + d] = k;
    for (let d = 0; d < bead.targetCount; d++) targetBead[bead.targetStart + d] = k;
  });
  // An unpaired sentence is the same bead wherever the path leaves it out: an omission just before or just after an
  // addition is one output, so only its own sentence identifies it.
  const isPathBead = (k: number, i: number, j: number, shape: BeadShape): boolean => {
    const bead = path[k]!;
    if (bead.sourceCount !== shape.source || bead.targetCount !== shape.target) return false;
    if (shape.target === 0) return bead.sourceStart === i;
    if (shape.source === 0) return bead.targetStart === j;
    return bead.sourceStart === i && bead.targetStart === j;
  };
  const sourceAlternative = new Float64Array(n).fill(Infinity);
  const targetAlternative = new Float64Array(m).fill(Infinity);
  const posteriors = new Float64Array(path.length);
  for (let cell = 1; cell < cells; cell++) {
    if (hardBackward[cell] === Infinity) continue;
    const i = rowOf[cell]!;
    const j = cell - offset[i]! + lo[i]!;
    for (let s = 0; s < count; s++) {
      const prev = from[cell * count + s]!;
      if (prev < 0) continue;
      const shape = shapes[s]!;
      const pi = i - shape.source;
      const pj = j - shape.target;
      const c = costs[cell * count + s]!;
      const through = hardForward[prev]! + c + hardBackward[cell]!;
      if (through === Infinity) continue;
      const k = shape.source > 0 ? sourceBead[pi]! : targetBead[pj]!;
      if (isPathBead(k, pi, pj, shape)) {
        posteriors[k]! += Math.exp(-(softForward[prev]! + c + softBackward[cell]! - total) / temperature);
        continue;
      }
      // Per sentence, the cheapest path that covers it with another bead than the best path does.
      for (let d = 0; d < shape.source; d++) sourceAlternative[pi + d] = Math.min(sourceAlternative[pi + d]!, through);
      for (let d = 0; d < shape.target; d++) targetAlternative[pj + d] = Math.min(targetAlternative[pj + d]!, through);
    }
  }
  const margins = Float64Array.from(path, (bead) => {
    const alternative =
      bead.sourceCount > 0 ? sourceAlternative[bead.sourceStart]! : targetAlternative[bead.targetStart]!;
    return Math.max(0, alternative - best);
  });
  return { margins, posteriors: posteriors.map((p) => Math.min(1, p)) };
}

/**
 * -T log sum over the cell's edges of exp(-(cost + sum at the other end) / T), shifted by the smallest term so that
 * nothing overflows. Forward, `ends[cell * count + s]` is where edge s comes from and costs what it costs there;
 * backward, `ends[s]` (cell 0) is where it leads, and it costs what the bead ending there costs.
 */
function softSum(
  cell: number,
  count: number,
  ends: Int32Array,
  costs: Float32Array,
  sums: Float64Array,
  temperature: number,
  backward: boolean,
): number {
  let smallest = Infinity;
  for (let s = 0; s < count; s++) {
    const other = ends[cell * count + s]!;
    if (other < 0) continue;
    const x = sums[other]! + costs[(backward ? other : cell) * count + s]!;
    if (x < smallest) smallest = x;
  }
  if (smallest === Infinity) return Infinity;
  let sum = 0;
  for (let s = 0; s < count; s++) {
    const other = ends[cell * count + s]!;
    if (other < 0) continue;
    const x = sums[other]! + costs[(backward ? other : cell) * count + s]!;
    if (x !== Infinity) sum += Math.exp(-(x - smallest) / temperature);
  }
  return smallest - temperature * Math.log(sum);
}
