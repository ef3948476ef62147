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

/** The normalised mean of consecutive vectors, `vectors[from]` to `vectors[to - 1]`. */
export function meanOf(vectors: readonly Float32Array[], from: number, to: number): Float32Array {
  const first = vectors[from];
  if (!first) throw new RangeError(`meanOf: empty range ${from}..${to}`);
  const out = new Float32Array(first.length);
  for (let i = from; i < to; i++) {
    const v = vectors[i]!;
    for (let k = 0; k < out.length; k++) out[k]! += v[k]!;
  }
  return normalize(out);
}

/** A vector as its non-zero entries: hashed lexical vectors are ~95% zeros, so their dot products get ~20x cheaper. */
export interface SparseVector {
  readonly indexes: Int32Array;
  readonly values: Float32Array;
}

/** Below this share of non-zero entries the sparse form pays for itself. */
const SPARSE_MAX_DENSITY = 0.25;

export function toSparse(v: Float32Array): SparseVector | null {
  let nonZero = 0;
  for (let k = 0; k < v.length; k++) if (v[k] !== 0) nonZero++;
  if (nonZero > v.length * SPARSE_MAX_DENSITY) return null;
  const indexes = new Int32Array(nonZero);
  const values = new Float32Array(nonZero);
  let p = 0;
  for (let k = 0; k < v.length; k++) {
    if (v[k] !== 0) {
      indexes[p] = k;
      values[p++] = v[k]!;
    }
  }
  return { indexes, values };
}

export function sparseDot(a: SparseVector, b: Float32Array): number {
  let sum = 0;
  const { indexes, values } = a;
  for (let k = 0; k < indexes.length; k++) sum += values[k]! * b[indexes[k]!]!;
  return sum;
}
