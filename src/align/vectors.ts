/** Small vector helpers on Float32Array; all vectors the engine sees are L2-normalised. */

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) sum += a[k]! * b[k]!;
  return sum;
}

/** The cosine of two vectors of any length; 0 when either is zero. */
export function cosine(a: Float32Array | Float64Array, b: Float32Array | Float64Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < a.length; k++) {
    ab += a[k]! * b[k]!;
    aa += a[k]! * a[k]!;
    bb += b[k]! * b[k]!;
  }
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
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
export type VectorRows = DenseRows | Int16Rows | SparseRows;

export interface DenseRows {
  readonly kind: 'dense';
  readonly count: number;
  readonly dimension: number;
  readonly data: Float32Array;
}

/**
 * Dense rows stored as int16 with one scale per row (row r's value k is data[r * dimension + k] * scales[r]): half
 * the bytes of float32. Sums of a piece model's rows keep 15 bits of their largest value, far finer than the int8
 * table they were summed from.
 */
export interface Int16Rows {
  readonly kind: 'int16';
  readonly count: number;
  readonly dimension: number;
  readonly data: Int16Array;
  readonly scales: Float32Array;
}

const INT16_MAX = 32767;

/** Rows of an Int16Rows, each written from a float vector. */
export function int16Rows(count: number, dimension: number): Int16Rows & { readonly set: (r: number, row: ArrayLike<number>) => void } {
  const data = new Int16Array(count * dimension);
  const scales = new Float32Array(count);
  const set = (r: number, row: ArrayLike<number>): void => {
    let peak = 0;
    for (let k = 0; k < dimension; k++) peak = Math.max(peak, Math.abs(row[k]!));
    const scale = peak > 0 ? peak / INT16_MAX : 0;
    scales[r] = scale;
    const inverse = scale > 0 ? 1 / scales[r]! : 0;
    // Clamped: the float32 scale may round below peak / INT16_MAX.
    for (let k = 0; k < dimension; k++) data[r * dimension + k] = Math.max(-INT16_MAX, Math.min(INT16_MAX, Math.round(row[k]! * inverse)));
  };
  return { kind: 'int16', count, dimension, data, scales, set };
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

/** Sparse rows from each row's ascending indexes and their values. */
export function sparseRowsOf(rows: ReadonlyArray<{ readonly indexes: Int32Array; readonly values: Float32Array }>, dimension: number): SparseRows {
  const offsets = new Int32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) offsets[r + 1] = offsets[r]! + rows[r]!.indexes.length;
  const indexes = new Int32Array(offsets[rows.length]!);
  const values = new Float32Array(indexes.length);
  for (let r = 0; r < rows.length; r++) {
    indexes.set(rows[r]!.indexes, offsets[r]!);
    values.set(rows[r]!.values, offsets[r]!);
  }
  return { kind: 'sparse', count: rows.length, dimension, offsets, indexes, values };
}

/** Sparse rows from (index, value) maps. */
export function sparseRows(rows: readonly ReadonlyMap<number, number>[], dimension: number): SparseRows {
  return sparseRowsOf(
    rows.map((row) => {
      const indexes = Int32Array.from(row.keys()).sort();
      return { indexes, values: Float32Array.from(indexes, (index) => row.get(index)!) };
    }),
    dimension,
  );
}

/** Row r as a fresh dense vector. */
export function rowVector(rows: VectorRows, r: number): Float32Array {
  if (rows.kind === 'dense') return rows.data.slice(r * rows.dimension, (r + 1) * rows.dimension);
  if (rows.kind === 'int16') {
    const scale = rows.scales[r]!;
    return Float32Array.from(rows.data.subarray(r * rows.dimension, (r + 1) * rows.dimension), (x) => x * scale);
  }
  const out = new Float32Array(rows.dimension);
  for (let k = rows.offsets[r]!; k < rows.offsets[r + 1]!; k++) out[rows.indexes[k]!] = rows.values[k]!;
  return out;
}

/** `out += scale * row r`. */
export function addRow(rows: VectorRows, r: number, out: Float64Array, scale = 1): void {
  // One loop per kind of array, so that each stays monomorphic (a loop over both runs at half speed).
  if (rows.kind === 'int16') {
    const d = rows.dimension;
    const at = r * d;
    const s = scale * rows.scales[r]!;
    const data = rows.data;
    for (let k = 0; k < d; k++) out[k]! += s * data[at + k]!;
    return;
  }
  if (rows.kind === 'dense') {
    const d = rows.dimension;
    const at = r * d;
    const data = rows.data;
    for (let k = 0; k < d; k++) out[k]! += scale * data[at + k]!;
    return;
  }
  for (let k = rows.offsets[r]!; k < rows.offsets[r + 1]!; k++) out[rows.indexes[k]!]! += scale * rows.values[k]!;
}

/** Row r of `rows` dotted with a dense vector. */
export function rowDotVector(rows: VectorRows, r: number, v: ArrayLike<number>): number {
  let sum = 0;
  if (rows.kind === 'int16') {
    const d = rows.dimension;
    const at = r * d;
    const data = rows.data;
    for (let k = 0; k < d; k++) sum += data[at + k]! * v[k]!;
    return sum * rows.scales[r]!;
  }
  if (rows.kind === 'dense') {
    const d = rows.dimension;
    const at = r * d;
    const data = rows.data;
    for (let k = 0; k < d; k++) sum += data[at + k]! * v[k]!;
    return sum;
  }
  for (let k = rows.offsets[r]!; k < rows.offsets[r + 1]!; k++) sum += rows.values[k]! * v[rows.indexes[k]!]!;
  return sum;
}

/** Row i of `a` dotted with row j of `b` (same dimension). */
export function rowDot(a: VectorRows, i: number, b: VectorRows, j: number): number {
  if (a.kind === 'dense' && b.kind === 'dense') {
    // Four sums side by side: one sum waits for each addition before the next (the coarse band search's dense
    // block vectors are most of its time).
    const d = a.dimension;
    const x = a.data;
    const y = b.data;
    const p = i * d;
    const q = j * d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let k = 0;
    for (; k + 3 < d; k += 4) {
      s0 += x[p + k]! * y[q + k]!;
      s1 += x[p + k + 1]! * y[q + k + 1]!;
      s2 += x[p + k + 2]! * y[q + k + 2]!;
      s3 += x[p + k + 3]! * y[q + k + 3]!;
    }
    for (; k < d; k++) s0 += x[p + k]! * y[q + k]!;
    return s0 + s1 + (s2 + s3);
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
  if (a.kind === 'int16' && b.kind === 'int16') {
    // Exact integer sums in any order (see gramRow): four side by side.
    const d = a.dimension;
    const x = a.data;
    const y = b.data;
    const p = i * d;
    const q = j * d;
    const d4 = d - (d % 4);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let k = 0; k < d4; k += 4) {
      s0 += x[p + k]! * y[q + k]!;
      s1 += x[p + k + 1]! * y[q + k + 1]!;
      s2 += x[p + k + 2]! * y[q + k + 2]!;
      s3 += x[p + k + 3]! * y[q + k + 3]!;
    }
    for (let k = d4; k < d; k++) s0 += x[p + k]! * y[q + k]!;
    return (s0 + s1 + s2 + s3) * a.scales[i]! * b.scales[j]!;
  }
  // Rows of two kinds: not what one model gives, but still exact.
  return b.kind === 'sparse' ? rowDotVector(b, j, rowVector(a, i)) : rowDotVector(a, i, rowVector(b, j));
}

/**
 * `out[k] = a[i] · b[from + k]` for k in [0, to - from): one row of a Gram matrix. Row i is spread into a dense
 * scratch vector once, so each product costs only the other row's entries.
 */
export function gramRow(a: VectorRows, i: number, b: VectorRows, from: number, to: number, out: Float32Array | Float64Array, at: number, scratch: Float64Array): void {
  if (a.kind === 'int16' && b.kind === 'int16') {
    // Integer products summed in doubles are exact (each below 2^30, 2^39 for 512 of them), in any order: row i is
    // spread into the scratch row once, and four sums run side by side (half the CPU of one int16 x int16 sum).
    const d = a.dimension;
    const y = b.data;
    const x = scratch;
    for (let k = 0, p = i * d; k < d; k++) x[k] = a.data[p + k]!;
    const scale = a.scales[i]!;
    const d4 = d - (d % 4);
    for (let j = from; j < to; j++) {
      const q = j * d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < d4; k += 4) {
        s0 += x[k]! * y[q + k]!;
        s1 += x[k + 1]! * y[q + k + 1]!;
        s2 += x[k + 2]! * y[q + k + 2]!;
        s3 += x[k + 3]! * y[q + k + 3]!;
      }
      for (let k = d4; k < d; k++) s0 += x[k]! * y[q + k]!;
      out[at + j - from] = (s0 + s1 + s2 + s3) * scale * b.scales[j]!;
    }
    return;
  }
  scratch.fill(0);
  addRow(a, i, scratch);
  for (let j = from; j < to; j++) out[at + j - from] = rowDotVector(b, j, scratch);
}
