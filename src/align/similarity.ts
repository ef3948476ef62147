/**
 * Where the engine gets the similarity of two "overlaps" (runs of 1-3 consecutive sentences, one per document) and
 * how similar an overlap is to the other document by chance. Two providers behind one interface:
 *
 * - `OverlapSimilarity`: explicit, L2-normalised vectors of every overlap (models whose vector of "A B" is not
 *   derived from those of A and B, such as the transformers pulled with `selaras models pull`).
 * - `AdditiveSimilarity`: models whose vector of a text is normalize(boundary + sum of its sentences' parts), such
 *   as the bundled bag-of-pieces model (boundary: the <s> and </s> rows) and the lexical embedder (no boundary).
 *   An overlap's vector is then normalize(c + P) with P a sum of consecutive parts, so every bead similarity is
 *   (P_S + c)·(Q_T + c) / (|P_S + c| |Q_T + c|): it needs only the Gram entries p_i·q_j inside the band, the parts'
 *   dots with c, and per-overlap norms. No overlap is ever embedded or stored.
 *
 * Both compute the chance distance of an overlap as one minus its cosine with the mean of the other document's
 * sentence vectors: the expectation that sampling unrelated sentences (as Vecalign does) estimates.
 */
import type { Band } from './dp.js';
import { addRow, gramRow, rowDot, rowDotVector, type DenseRows, type SparseRows, type VectorRows } from './vectors.js';

export type SideName = 'source' | 'target';

export interface Similarity {
  readonly sourceCount: number;
  readonly targetCount: number;
  readonly dimension: number;
  /** The largest overlap available on each side. */
  readonly maxOverlap: number;
  /**
   * Whether a similarity costs a few lookups (once prepared) rather than a dot product of two vectors: the engine
   * then does not memoise semantic costs (on the bench's long pair the memo saved no time there, and took 24 bytes
   * per band cell).
   */
  readonly isCheap: boolean;
  /** Cosine similarity of source sentences i .. i + a - 1 and target sentences j .. j + b - 1 (a, b >= 1). */
  similarity(i: number, j: number, a: number, b: number): number;
  /** 1 - the cosine of overlap (index, size) of `side` with the other side's mean sentence vector. */
  chance(side: SideName, index: number, size: number): number;
  /** out += the unit vectors of sentences from .. from + count - 1 of one side. */
  addUnitVectors(side: SideName, from: number, count: number, out: Float64Array): void;
  /** Precompute what the dynamic programme will read inside the cells of its band; similarity() stays exact outside. */
  prepare(cells: BandCells): void;
}

/**
 * For each source sentence i, the target sentences [from[i], to[i]) that any bead of at most `maxOverlap`
 * sentences a side between two band states can pair it with, widened by one column each way for the best-pair
 * scan around the band. `lo` and `hi` of a band are non-decreasing, which makes this a contiguous range.
 */
export interface BandCells {
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Cell of (i, from[i]); cells of row i follow contiguously. */
  readonly offset: Int32Array;
  readonly cells: number;
}

export function bandCells(band: Band, n: number, m: number, maxOverlap: number): BandCells {
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    from[i] = Math.max(0, band.lo[Math.max(0, i - maxOverlap + 1)]! - 1);
    to[i] = Math.max(from[i]!, Math.min(m, band.hi[Math.min(n, i + maxOverlap)]! + 1));
    offset[i + 1] = offset[i]! + to[i]! - from[i]!;
  }
  return { from, to, offset, cells: offset[n]! };
}

/** The cell of (i, j), or -1 outside the cells. */
export function cellOf(cells: BandCells, i: number, j: number): number {
  return j >= cells.from[i]! && j < cells.to[i]! ? cells.offset[i]! + j - cells.from[i]! : -1;
}

/** Mean of the rows scaled by `scale(r)` (1 / its norm: a mean of unit vectors), `extra` added to each row first. */
function meanOfRows(rows: VectorRows, scale: (r: number) => number, extra?: Float32Array | null): Float64Array {
  const mean = new Float64Array(rows.dimension);
  let scales = 0;
  for (let r = 0; r < rows.count; r++) {
    const s = scale(r);
    addRow(rows, r, mean, s);
    scales += s;
  }
  if (extra) for (let k = 0; k < extra.length; k++) mean[k]! += scales * extra[k]!;
  if (rows.count > 0) for (let k = 0; k < mean.length; k++) mean[k]! /= rows.count;
  return mean;
}

/** The unit sentence vectors of one side summed over blocks of `block` sentences, each block normalised. */
export function blockMeans(similarity: Similarity, side: SideName, block: number): DenseRows {
  const count = side === 'source' ? similarity.sourceCount : similarity.targetCount;
  const { dimension } = similarity;
  const blocks = Math.ceil(count / block);
  const data = new Float32Array(blocks * dimension);
  const sum = new Float64Array(dimension);
  for (let b = 0; b < blocks; b++) {
    sum.fill(0);
    similarity.addUnitVectors(side, b * block, Math.min(count, (b + 1) * block) - b * block, sum);
    let sq = 0;
    for (let k = 0; k < dimension; k++) sq += sum[k]! * sum[k]!;
    const inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    for (let k = 0; k < dimension; k++) data[b * dimension + k] = sum[k]! * inv;
  }
  return { kind: 'dense', count: blocks, dimension, data };
}

/**
 * Explicit overlap vectors: `source[k - 1]` holds the normalised vectors of every run of k source sentences.
 */
export class OverlapSimilarity implements Similarity {
  readonly isCheap = false;
  readonly sourceCount: number;
  readonly targetCount: number;
  readonly maxOverlap: number;
  readonly dimension: number;
  private readonly chances: Record<SideName, Float64Array[]>;

  constructor(
    private readonly source: readonly VectorRows[],
    private readonly target: readonly VectorRows[],
  ) {
    this.sourceCount = source[0]?.count ?? 0;
    this.targetCount = target[0]?.count ?? 0;
    this.maxOverlap = Math.min(source.length, target.length);
    this.dimension = source[0]?.dimension ?? target[0]?.dimension ?? 0;
    const one = () => 1;
    const sourceMean = source[0] ? meanOfRows(source[0], one) : new Float64Array(0);
    const targetMean = target[0] ? meanOfRows(target[0], one) : new Float64Array(0);
    const chancesOf = (levels: readonly VectorRows[], mean: Float64Array) =>
      levels.map((rows) => Float64Array.from({ length: rows.count }, (_, r) => 1 - rowDotVector(rows, r, mean)));
    this.chances = { source: chancesOf(source, targetMean), target: chancesOf(target, sourceMean) };
  }

  similarity(i: number, j: number, a: number, b: number): number {
    return rowDot(this.source[a - 1]!, i, this.target[b - 1]!, j);
  }

  chance(side: SideName, index: number, size: number): number {
    return this.chances[side][size - 1]![index]!;
  }

  addUnitVectors(side: SideName, from: number, count: number, out: Float64Array): void {
    const rows = this[side][0]!;
    for (let r = from; r < from + count; r++) addRow(rows, r, out);
  }

  prepare(): void {
    // Nothing to precompute: each similarity is one dot product, and the engine memoises the ones it reuses.
  }
}

/**
 * The Gram entries of a band as plain data, so that another thread can compute a share of them: row i's entries
 * p_i · q_j for j in [from[i], to[i]) go to gram[offset[i] ..].
 */
export interface GramJob {
  readonly source: VectorRows;
  readonly target: VectorRows;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly offset: Int32Array;
  readonly gram: Float32Array;
}

/**
 * Rows of a Gram job handed out in chunks of this many, through a shared counter, to the threads that compute it:
 * small enough that a busy core takes fewer (the machine may be shared), large enough that taking one costs nothing.
 */
export const GRAM_CHUNK_ROWS = 128;

/** `control` of a Gram job shared between threads: [next chunk to take, then one done flag (0 / 1) per chunk]. */
export function gramControl(rows: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (1 + Math.ceil(rows / GRAM_CHUNK_ROWS))));
}

/** Compute chunks of the job's rows until none is left to take; each done chunk is flagged and its waiter woken. */
export function takeGramChunks(job: GramJob, control: Int32Array): void {
  const rows = job.from.length;
  const chunks = control.length - 1;
  const scratch = new Float64Array(job.source.dimension);
  for (let c = Atomics.add(control, 0, 1); c < chunks; c = Atomics.add(control, 0, 1)) {
    for (let i = c * GRAM_CHUNK_ROWS; i < Math.min(rows, (c + 1) * GRAM_CHUNK_ROWS); i++) {
      gramRow(job.source, i, job.target, job.from[i]!, job.to[i]!, job.gram, job.offset[i]!, scratch);
    }
    Atomics.store(control, 1 + c, 1);
    Atomics.notify(control, 1 + c);
  }
}

/**
 * How long the thread that owns a Gram job waits for a chunk another thread took before computing it itself: a
 * helper that died or stalls never hangs an alignment, and recomputing writes the same values.
 */
const GRAM_WAIT_MS = 2000;

/** Wait for the chunks other threads took; compute any still missing after GRAM_WAIT_MS. */
function finishGramChunks(job: GramJob, control: Int32Array): void {
  const scratch = new Float64Array(job.source.dimension);
  for (let c = 0; c < control.length - 1; c++) {
    if (Atomics.load(control, 1 + c) === 1) continue;
    if (Atomics.wait(control, 1 + c, 0, GRAM_WAIT_MS) !== 'timed-out') continue;
    for (let i = c * GRAM_CHUNK_ROWS; i < Math.min(job.from.length, (c + 1) * GRAM_CHUNK_ROWS); i++) {
      gramRow(job.source, i, job.target, job.from[i]!, job.to[i]!, job.gram, job.offset[i]!, scratch);
    }
  }
}

/** Another thread that computes chunks of a Gram job (src/parallel); it takes them from `control` as they come. */
export interface GramHelper {
  help(job: GramJob, control: Int32Array): void;
}

/**
 * Gram tables of at least this many cells are shared with a helper thread: below, posting the parts to it costs more
 * than it saves (the bench's long pair has about 220,000 cells).
 */
const SHARED_GRAM_MIN_CELLS = 20_000;

/** Per-side quantities of the additive model, for overlaps of 1 .. maxOverlap sentences. */
interface AdditiveSide {
  readonly parts: VectorRows;
  /** p_i · c. */
  readonly boundaryDots: Float64Array;
  /** `inverseNorms[k - 1][i]`: 1 / |c + p_i + ... + p_{i+k-1}| (0 for a zero vector). */
  readonly inverseNorms: Float64Array[];
}

function additiveSide(parts: VectorRows, boundary: Float32Array | null, maxOverlap: number): AdditiveSide {
  const n = parts.count;
  const boundaryVector = boundary ? Float64Array.from(boundary) : null;
  const boundaryDots = new Float64Array(n);
  if (boundaryVector) for (let i = 0; i < n; i++) boundaryDots[i] = rowDotVector(parts, i, boundaryVector);
  let cc = 0;
  if (boundary) for (let k = 0; k < boundary.length; k++) cc += boundary[k]! * boundary[k]!;
  // near[d][i] = p_i · p_{i+d}, for d < maxOverlap.
  const near = Array.from({ length: maxOverlap }, (_, d) => {
    const out = new Float64Array(Math.max(0, n - d));
    for (let i = 0; i + d < n; i++) out[i] = rowDot(parts, i, parts, i + d);
    return out;
  });
  const inverseNorms = Array.from({ length: maxOverlap }, (_, level) => {
    const size = level + 1;
    const out = new Float64Array(Math.max(0, n - size + 1));
    for (let i = 0; i + size <= n; i++) {
      let sq = cc;
      for (let x = 0; x < size; x++) {
        sq += 2 * boundaryDots[i + x]! + near[0]![i + x]!;
        for (let y = x + 1; y < size; y++) sq += 2 * near[y - x]![i + x]!;
      }
      out[i] = sq > 1e-12 ? 1 / Math.sqrt(sq) : 0;
    }
    return out;
  });
  return { parts, boundaryDots, inverseNorms };
}

export class AdditiveSimilarity implements Similarity {
  readonly isCheap = true;
  readonly sourceCount: number;
  readonly targetCount: number;
  readonly dimension: number;
  private readonly sides: Record<SideName, AdditiveSide>;
  private readonly boundarySquare: number;
  private readonly chances: Record<SideName, Float64Array[]>;
  private cells: BandCells | null = null;
  /** float32: the entries are sums of float32 products; half the bytes of float64 per band cell. */
  private gram: Float32Array | null = null;

  constructor(
    sourceParts: VectorRows,
    targetParts: VectorRows,
    private readonly boundary: Float32Array | null,
    readonly maxOverlap = 3,
    private readonly helper: GramHelper | null = null,
  ) {
    this.sourceCount = sourceParts.count;
    this.targetCount = targetParts.count;
    this.dimension = sourceParts.dimension;
    this.sides = {
      source: additiveSide(sourceParts, boundary, maxOverlap),
      target: additiveSide(targetParts, boundary, maxOverlap),
    };
    let cc = 0;
    if (boundary) for (let k = 0; k < boundary.length; k++) cc += boundary[k]! * boundary[k]!;
    this.boundarySquare = cc;
    this.chances = { source: this.chancesOf('source', 'target'), target: this.chancesOf('target', 'source') };
  }

  /** Chance distances of every overlap of `side` against the mean unit sentence vector of `other`. */
  private chancesOf(side: SideName, other: SideName): Float64Array[] {
    const o = this.sides[other];
    const mean = meanOfRows(o.parts, (r) => o.inverseNorms[0]![r]!, this.boundary);
    const s = this.sides[side];
    const partDots = Float64Array.from({ length: s.parts.count }, (_, i) => rowDotVector(s.parts, i, mean));
    let boundaryDot = 0;
    if (this.boundary) for (let k = 0; k < this.boundary.length; k++) boundaryDot += this.boundary[k]! * mean[k]!;
    return s.inverseNorms.map((inverse, level) =>
      Float64Array.from(inverse, (inv, i) => {
        let dotSum = boundaryDot;
        for (let x = 0; x <= level; x++) dotSum += partDots[i + x]!;
        return 1 - dotSum * inv;
      }),
    );
  }

  /** p_i · q_j: from the Gram table inside the band, computed outside it. */
  private partDot(i: number, j: number): number {
    const cells = this.cells;
    if (cells !== null && j >= cells.from[i]! && j < cells.to[i]!) return this.gram![cells.offset[i]! + j - cells.from[i]!]!;
    const source = this.sides.source.parts;
    const target = this.sides.target.parts;
    if (source.kind === 'sparse' && target.kind === 'sparse') return this.spreadDot(source, i, target, j);
    return rowDot(source, i, target, j);
  }

  /** The last sparse source row asked for outside the band, spread out densely. */
  private spread: { row: number; dense: Float64Array } | null = null;

  /**
   * Sparse p_i · q_j through a dense copy of p_i: the moves search asks for one source sentence against several
   * target sentences in turn, so the copy is made once for them, and each product is one pass over q_j instead of a
   * merge of two index lists (a sixth of the lexical long pair's time went to those merges). The same products in
   * the same ascending index order as rowDot's merge, plus exact zeros: the same number.
   */
  private spreadDot(source: SparseRows, i: number, target: SparseRows, j: number): number {
    this.spread ??= { row: -1, dense: new Float64Array(source.dimension) };
    const spread = this.spread;
    const dense = spread.dense;
    if (spread.row !== i) {
      // Only the entries of the row spread before are non-zero: they are cleared, not the whole copy.
      if (spread.row >= 0) for (let k = source.offsets[spread.row]!; k < source.offsets[spread.row + 1]!; k++) dense[source.indexes[k]!] = 0;
      addRow(source, i, dense);
      spread.row = i;
    }
    return rowDotVector(target, j, dense);
  }

  similarity(i: number, j: number, a: number, b: number): number {
    const s = this.sides.source;
    const t = this.sides.target;
    let sum = this.boundarySquare;
    for (let x = 0; x < a; x++) {
      sum += s.boundaryDots[i + x]!;
      for (let y = 0; y < b; y++) sum += this.partDot(i + x, j + y);
    }
    for (let y = 0; y < b; y++) sum += t.boundaryDots[j + y]!;
    return sum * s.inverseNorms[a - 1]![i]! * t.inverseNorms[b - 1]![j]!;
  }

  chance(side: SideName, index: number, size: number): number {
    return this.chances[side][size - 1]![index]!;
  }

  addUnitVectors(side: SideName, from: number, count: number, out: Float64Array): void {
    // A unit sentence vector is inverseNorm * (c + p): the boundary is added once, scaled by the inverse norms' sum.
    const s = this.sides[side];
    let scales = 0;
    for (let r = from; r < from + count; r++) {
      const inv = s.inverseNorms[0]![r]!;
      addRow(s.parts, r, out, inv);
      scales += inv;
    }
    if (this.boundary) for (let k = 0; k < this.boundary.length; k++) out[k]! += scales * this.boundary[k]!;
  }

  prepare(cells: BandCells): void {
    const shared = this.helper !== null && cells.cells >= SHARED_GRAM_MIN_CELLS;
    const bytes = cells.cells * Float32Array.BYTES_PER_ELEMENT;
    const gram = new Float32Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    const job: GramJob = {
      source: this.sides.source.parts,
      target: this.sides.target.parts,
      from: cells.from,
      to: cells.to,
      offset: cells.offset,
      gram,
    };
    const control = gramControl(this.sourceCount);
    if (shared) this.helper!.help(job, control);
    takeGramChunks(job, control);
    finishGramChunks(job, control);
    this.cells = cells;
    this.gram = gram;
  }
}
