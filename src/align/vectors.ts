/** Small vector helpers on Float32Array; all vectors the engine sees are L2-normalised. */

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) sum += a[k]! * b[k]!;
  return sum;
}

export function normalize(v: Float32Array): Float32Array {
  let sq = 0;
  for (let k = 0; k < v.length; k++) sq += v[k]! * v[k]!;
  if (sq === 0) return v;
  const inv = 1 / Math.sqrt(sq);
  for (let k = 0; k < v.length; k++) v[k]! *= inv;
  return v;
}

/**
 * Many vectors of one dimension in one allocation: dense (row r at `data[r * dimension ..]`) or sparse (CSR: row
 * r's non-zero entries at `offsets[r] .. offsets[r + 1]` of `indexes` and `values`, indexes ascending). One array per
 * document instead of one small typed array per sentence keeps memory at the vectors' own bytes.
 */
export type VectorRows = DenseRows | SparseRows;

export interface DenseRows {
  readonly kind: 'dense';
  readonly count: number;
  readonly dimension: number;
  readonly data: Float32Array;
}

export interface SparseRows {
  readonly kind: 'sparse';
  readonly count: number;
  readonly dimension: number;
  readonly offsets: Int32Array;
  readonly indexes: Int32Array;
  readonly values: Float32Array;
}

export function denseRows(vectors: readonly Float32Array[], dimension = vectors[0]?.length ?? 0): DenseRows {
  const data = new Float32Array(vectors.length * dimension);
  vectors.forEach((v, r) => data.set(v.subarray(0, dimension), r * dimension));
  return { kind: 'dense', count: vectors.length, dimension, data };
}

/** Sparse rows from (index, value) maps; entries are sorted by index. */
export function sparseRows(rows: readonly ReadonlyMap<number, number>[], dimension: number): SparseRows {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((row, r) => (offsets[r + 1] = offsets[r]! + row.size));
  const indexes = new Int32Array(offsets[rows.length]!);
  const values = new Float32Array(indexes.length);
  rows.forEach((row, r) => {
    let at = offsets[r]!;
    for (const index of [...row.keys()].sort((x, y) => x - y)) {
      indexes[at] = index;
      values[at++] = row.get(index)!;
    }
  });
  return { kind: 'sparse', count: rows.length, dimension, offsets, indexes, values };
}

/** Row r as a fresh dense vector. */
export function rowVector(rows: VectorRows, r: number): Float32Array {
  if (rows.kind === 'dense') return rows.data.slice(r * rows.dimension, (r + 1) * rows.dimension);
  const out = new Float32Array(rows.dimension);
  for (let k = rows.offsets[r]!; k < rows.offsets[r + 1]!; k++) out[rows.indexes[k]!] = rows.values[k]!;
  return out;
}

/** `out += scale * row r`. */
export function addRow(rows: VectorRows, r: number, out: Float64Array, scale = 1): void {
  if (rows.kind === 'dense') {
    const d = rows.dimension;
    const at = r * d;
    for (let k = 0; k < d; k++) out[k]! += scale * rows.data[at + k]!;
    return;
  }
  for (let k = rows.offsets[r]!; k < rows.offsets[r + 1]!; k++) out[rows.indexes[k]!]! += scale * rows.values[k]!;
}

/** Row r of `rows` dotted with a dense vector. */
export function rowDotVector(rows: VectorRows, r: number, v: ArrayLike<number>): number {
  let sum = 0;
  if (rows.kind === 'dense') {
    const d = rows.dimension;
    const at = r * d;
    for (let k = 0; k < d; k++) sum += rows.data[at + k]! * v[k]!;
    return sum;
  }
  for (let k = rows.offsets[r]!; k < rows.offsets[r + 1]!; k++) sum += rows.values[k]! * v[rows.indexes[k]!]!;
  return sum;
}

/** Row i of `a` dotted with row j of `b` (same dimension). */
export function rowDot(a: VectorRows, i: number, b: VectorRows, j: number): number {
  if (a.kind === 'dense' && b.kind === 'dense') {
    const d = a.dimension;
    const x = a.data;
    const y = b.data;
    let sum = 0;
    for (let k = 0, p = i * d, q = j * d; k < d; k++) sum += x[p + k]! * y[q + k]!;
    return sum;
  }
  if (a.kind === 'sparse' && b.kind === 'sparse') {
    // Merge of two ascending index lists.
    let sum = 0;
    let p = a.offsets[i]!;
    let q = b.offsets[j]!;
    const pEnd = a.offsets[i + 1]!;
    const qEnd = b.offsets[j + 1]!;
    while (p < pEnd && q < qEnd) {
      const x = a.indexes[p]!;
      const y = b.indexes[q]!;
      if (x === y) sum += a.values[p++]! * b.values[q++]!;
      else if (x < y) p++;
      else q++;
    }
    return sum;
  }
  if (a.kind === 'sparse') return rowDotVector(a, i, (b as DenseRows).data.subarray(j * b.dimension, (j + 1) * b.dimension));
  return rowDotVector(b, j, a.data.subarray(i * a.dimension, (i + 1) * a.dimension));
}

/**
 * `out[k] = a[i] · b[from + k]` for k in [0, to - from): one row of a Gram matrix. Row i is spread into a dense
 * scratch vector once, so each product costs only the other row's entries.
 */
export function gramRow(a: VectorRows, i: number, b: VectorRows, from: number, to: number, out: Float32Array | Float64Array, at: number, scratch: Float64Array): void {
  scratch.fill(0);
  addRow(a, i, scratch);
  for (let j = from; j < to; j++) out[at + j - from] = rowDotVector(b, j, scratch);
}

/** The rows at `picks`, in that order, as rows of their own. */
export function selectRows(rows: VectorRows, picks: readonly number[]): VectorRows {
  if (rows.kind === 'dense') {
    const d = rows.dimension;
    const data = new Float32Array(picks.length * d);
    picks.forEach((r, k) => data.set(rows.data.subarray(r * d, (r + 1) * d), k * d));
    return { kind: 'dense', count: picks.length, dimension: d, data };
  }
  const offsets = new Int32Array(picks.length + 1);
  picks.forEach((r, k) => (offsets[k + 1] = offsets[k]! + rows.offsets[r + 1]! - rows.offsets[r]!));
  const indexes = new Int32Array(offsets[picks.length]!);
  const values = new Float32Array(indexes.length);
  picks.forEach((r, k) => {
    indexes.set(rows.indexes.subarray(rows.offsets[r]!, rows.offsets[r + 1]!), offsets[k]!);
    values.set(rows.values.subarray(rows.offsets[r]!, rows.offsets[r + 1]!), offsets[k]!);
  });
  return { kind: 'sparse', count: picks.length, dimension: rows.dimension, offsets, indexes, values };
}
