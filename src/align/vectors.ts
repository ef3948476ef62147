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
