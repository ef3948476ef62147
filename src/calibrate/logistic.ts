/**
 * The two fits behind the score: L2-regularised logistic regression (Newton's method on standardised features) and
 * isotonic regression (pool adjacent violators). Small, exact and pure; fit-score.ts runs them.
 */

export interface LogisticFit {
  readonly intercept: number;
  /** Per feature: [mean, scale, weight]; the term is weight * (x - mean) / scale. */
  readonly terms: readonly (readonly [number, number, number])[];
}

/** Newton steps stop when no weight moves by more than this. */
const NEWTON_TOLERANCE = 1e-8;
const NEWTON_MAX_STEPS = 50;

/** Solve A x = b for a symmetric positive definite A (Cholesky); A is n x n, row-major. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j * n + j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * y[k]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}

/**
 * Fit P(y) = sigmoid(b + sum w_k z_k) with z the standardised features, minimising the weighted log loss plus
 * `l2` / 2 * |w|^2 (the intercept is not penalised).
 */
export function fitLogistic(
  rows: readonly (readonly number[])[],
  labels: readonly boolean[],
  options: { l2?: number; weights?: readonly number[] } = {},
): LogisticFit {
  const l2 = options.l2 ?? 1;
  const p = rows[0]?.length ?? 0;
  const count = rows.length;
  const sampleWeight = (r: number): number => options.weights?.[r] ?? 1;
  const means = new Float64Array(p);
  const scales = new Float64Array(p);
  let total = 0;
  for (let r = 0; r < count; r++) {
    total += sampleWeight(r);
    for (let k = 0; k < p; k++) means[k]! += sampleWeight(r) * rows[r]![k]!;
  }
  for (let k = 0; k < p; k++) means[k]! /= total;
  for (let r = 0; r < count; r++) {
    for (let k = 0; k < p; k++) scales[k]! += sampleWeight(r) * (rows[r]![k]! - means[k]!) ** 2;
  }
  for (let k = 0; k < p; k++) scales[k] = Math.sqrt(scales[k]! / total) || 1;
  // Design matrix with a leading 1 for the intercept.
  const d = p + 1;
  const z = rows.map((row) => Float64Array.from({ length: d }, (_, k) => (k === 0 ? 1 : (row[k - 1]! - means[k - 1]!) / scales[k - 1]!)));
  const beta = new Float64Array(d);
  for (let step = 0; step < NEWTON_MAX_STEPS; step++) {
    const gradient = new Float64Array(d);
    const hessian = new Float64Array(d * d);
    for (let r = 0; r < count; r++) {
      const x = z[r]!;
      let eta = 0;
      for (let k = 0; k < d; k++) eta += beta[k]! * x[k]!;
      const prob = 1 / (1 + Math.exp(-eta));
      const w = sampleWeight(r);
      const residual = w * ((labels[r] ? 1 : 0) - prob);
      const curvature = w * prob * (1 - prob);
      for (let i = 0; i < d; i++) {
        gradient[i]! += residual * x[i]!;
        for (let j = 0; j <= i; j++) hessian[i * d + j]! += curvature * x[i]! * x[j]!;
      }
    }
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < i; j++) hessian[j * d + i] = hessian[i * d + j]!;
      if (i > 0) {
        gradient[i]! -= l2 * beta[i]!;
        hessian[i * d + i]! += l2;
      }
      hessian[i * d + i]! += 1e-9;
    }
    const delta = solve(hessian, gradient, d);
    let largest = 0;
    for (let k = 0; k < d; k++) {
      beta[k]! += delta[k]!;
      largest = Math.max(largest, Math.abs(delta[k]!));
    }
    if (largest < NEWTON_TOLERANCE) break;
  }
  return {
    intercept: beta[0]!,
    terms: Array.from({ length: p }, (_, k) => [means[k]!, scales[k]!, beta[k + 1]!] as const),
  };
}

export function logisticOf(fit: LogisticFit, row: readonly number[]): number {
  let eta = fit.intercept;
  fit.terms.forEach(([mean, scale, weight], k) => (eta += (weight * (row[k]! - mean)) / scale));
  return 1 / (1 + Math.exp(-eta));
}

/**
 * Isotonic regression of the labels on x (pool adjacent violators), as knots [mean x of a block, share right in
 * it, smoothed]: increasing in both, to be read linearly in between. Blocks smaller than `minBlock` beads are pooled with a
 * neighbour so that a handful of beads cannot set a probability.
 */
export function fitIsotonic(
  xs: readonly number[],
  labels: readonly boolean[],
  minBlock = 1,
): Array<[number, number]> {
  const order = xs.map((_, k) => k).sort((a, b) => xs[a]! - xs[b]!);
  const blocks: Array<{ x: number; y: number; n: number }> = [];
  for (const k of order) {
    blocks.push({ x: xs[k]!, y: labels[k] ? 1 : 0, n: 1 });
    for (;;) {
      const last = blocks[blocks.length - 1]!;
      const before = blocks[blocks.length - 2];
      if (!before) break;
      // Pool while the order is violated or the earlier block is too small to stand alone.
      if (before.y / before.n < last.y / last.n && before.n >= minBlock) break;
      blocks.splice(blocks.length - 2, 2, { x: before.x + last.x, y: before.y + last.y, n: before.n + last.n });
    }
  }
  // The last block may be small: pool it backwards.
  while (blocks.length > 1 && blocks[blocks.length - 1]!.n < minBlock) {
    const last = blocks.pop()!;
    const before = blocks.pop()!;
    blocks.push({ x: before.x + last.x, y: before.y + last.y, n: before.n + last.n });
  }
  // Each block's share with one right and one wrong bead added (the mean of its beta posterior): no block of right
  // beads makes the score certain. Smoothing can break the order between blocks of unequal size: pool again.
  const smoothed: Array<{ x: number; y: number; n: number }> = [];
  for (const b of blocks) {
    smoothed.push({ x: b.x, y: b.y + 1, n: b.n + 2 });
    while (smoothed.length > 1) {
      const last = smoothed[smoothed.length - 1]!;
      const before = smoothed[smoothed.length - 2]!;
      if (before.y / before.n < last.y / last.n) break;
      smoothed.splice(smoothed.length - 2, 2, { x: before.x + last.x, y: before.y + last.y - 1, n: before.n + last.n - 2 });
    }
  }
  // x sums cover n - 2 beads (the two added ones have no x).
  return smoothed.map((b) => [b.x / (b.n - 2), b.y / b.n]);
}
