import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AdditiveSimilarity, bandCells, blockMeans, OverlapSimilarity } from '../../src/align/similarity.js';
import { bandAroundPath, fullBand, type PathBead } from '../../src/align/dp.js';
import { denseRows, int16Rows, rowVector, sparseRows, type VectorRows } from '../../src/align/vectors.js';

const DIMENSION = 12;

function normalised(v: Float64Array): Float32Array {
  let sq = 0;
  for (const x of v) sq += x * x;
  const inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
  return Float32Array.from(v, (x) => x * inv);
}

/** The explicit vector of parts i .. i + k - 1 of an additive model: normalize(boundary + their sum). */
function overlapVector(parts: VectorRows, boundary: Float32Array | null, i: number, k: number): Float32Array {
  const sum = new Float64Array(parts.dimension);
  if (boundary) boundary.forEach((x, d) => (sum[d]! += x));
  for (let r = i; r < i + k; r++) rowVector(parts, r).forEach((x, d) => (sum[d]! += x));
  return normalised(sum);
}

function explicitOverlaps(parts: VectorRows, boundary: Float32Array | null): VectorRows[] {
  return [1, 2, 3].map((k) =>
    denseRows(Array.from({ length: Math.max(0, parts.count - k + 1) }, (_, i) => overlapVector(parts, boundary, i, k)), parts.dimension),
  );
}

/** Multiples of 1/64: real parts are never denormal, where "zero vector" and "tiny vector" part ways. */
const value = (min: number, max: number) => fc.integer({ min: min * 64, max: max * 64 }).map((x) => x / 64);
const values = (length: number) => fc.array(value(-1, 1), { minLength: length, maxLength: length });
const denseParts = (count: number) =>
  fc.array(values(DIMENSION), { minLength: count, maxLength: count }).map((rows) => denseRows(rows.map((r) => Float32Array.from(r)), DIMENSION));
/** The same values as int16 rows with a scale each, as the piece embedder keeps a document's parts. */
const int16Parts = (count: number) =>
  fc.array(values(DIMENSION), { minLength: count, maxLength: count }).map((rows) => {
    const parts = int16Rows(rows.length, DIMENSION);
    rows.forEach((row, r) => parts.set(r, row));
    return parts;
  });
/** Sparse parts with about half the entries zero, as the lexical embedder's are. */
const sparseParts = (count: number) =>
  fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: DIMENSION - 1 }), value(0, 2)), { maxLength: 6 }), {
    minLength: count,
    maxLength: count,
  }).map((rows) => sparseRows(rows.map((entries) => new Map(entries)), DIMENSION));

const scenario = fc
  .record({
    n: fc.integer({ min: 3, max: 9 }),
    m: fc.integer({ min: 3, max: 9 }),
    kind: fc.constantFrom('dense', 'int16', 'sparse'),
    withBoundary: fc.boolean(),
  })
  .chain(({ n, m, kind, withBoundary }) => {
    const parts = { dense: denseParts, int16: int16Parts, sparse: sparseParts }[kind];
    return fc.record({
      source: parts(n),
      target: parts(m),
      boundary: withBoundary ? values(DIMENSION).map((v) => Float32Array.from(v)) : fc.constant(null),
    });
  });

describe('AdditiveSimilarity', () => {
  it('gives the similarity and chance distance of the explicit overlap vectors, inside and outside a band', () => {
    fc.assert(
      fc.property(scenario, ({ source, target, boundary }) => {
        const additive = new AdditiveSimilarity(source, target, boundary);
        const explicit = new OverlapSimilarity(explicitOverlaps(source, boundary), explicitOverlaps(target, boundary));
        const n = source.count;
        const m = target.count;
        // A narrow band, so that some of the pairs below come from the Gram table and some are computed.
        const diagonal: PathBead[] = Array.from({ length: Math.min(n, m) }, (_, k) => ({
          sourceStart: k,
          sourceCount: 1,
          targetStart: k,
          targetCount: 1,
          cost: 0,
        }));
        const band = diagonal.length === n && n === m ? bandAroundPath(diagonal, 1, n, m, 1) : fullBand(n, m);
        const check = () => {
          for (let a = 1; a <= 3; a++) {
            for (let b = 1; b <= 3; b++) {
              for (let i = 0; i + a <= n; i++) {
                for (let j = 0; j + b <= m; j++) {
                  expect(additive.similarity(i, j, a, b)).toBeCloseTo(explicit.similarity(i, j, a, b), 4);
                }
              }
            }
          }
        };
        check();
        additive.prepare(bandCells(band, n, m, 3));
        check();
        for (let a = 1; a <= 3; a++) {
          for (let i = 0; i + a <= n; i++) expect(additive.chance('source', i, a)).toBeCloseTo(explicit.chance('source', i, a), 4);
          for (let j = 0; j + a <= m; j++) expect(additive.chance('target', j, a)).toBeCloseTo(explicit.chance('target', j, a), 4);
        }
        const block = 2;
        const means = blockMeans(additive, 'source', block);
        const expected = blockMeans(explicit, 'source', block);
        expect(Array.from(means.data)).toEqual(Array.from(expected.data).map((x) => expect.closeTo(x, 4)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('AdditiveSimilarity with sparse parts', () => {
  it('computes each product outside the band exactly as the same parts held densely do, in whatever order it is asked', () => {
    fc.assert(
      fc.property(
        fc.record({ n: fc.integer({ min: 3, max: 9 }), m: fc.integer({ min: 3, max: 9 }) }).chain(({ n, m }) =>
          fc.record({
            source: sparseParts(n),
            target: sparseParts(m),
            // Which (i, j) to ask, in this order: the same source sentence often several times in a row, as the moves search asks.
            asks: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: m - 1 }), fc.integer({ min: 1, max: 3 })), { maxLength: 40 }),
          }),
        ),
        ({ source, target, asks }) => {
          const dense = (rows: VectorRows) => denseRows(Array.from({ length: rows.count }, (_, r) => rowVector(rows, r)), DIMENSION);
          const sparse = new AdditiveSimilarity(source, target, null);
          const held = new AdditiveSimilarity(dense(source), dense(target), null);
          for (const [i, j, repeat] of asks) {
            for (let k = 0; k < repeat; k++) expect(sparse.similarity(i, Math.min(target.count - 1, j + k), 1, 1)).toBe(held.similarity(i, Math.min(target.count - 1, j + k), 1, 1));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('OverlapSimilarity', () => {
  it('takes the chance distance as one minus the cosine with the mean of the other side', () => {
    const unit = (x: number, y: number) => normalised(Float64Array.from([x, y]));
    const source = [denseRows([unit(1, 0), unit(0, 1)])];
    const target = [denseRows([unit(1, 0), unit(1, 0), unit(0, 1), unit(0, 1)])];
    const similarity = new OverlapSimilarity(source, target);
    // The target's mean vector is (0.5, 0.5): cosine 0.5 with either source vector.
    expect(similarity.chance('source', 0, 1)).toBeCloseTo(0.5, 6);
    expect(similarity.chance('source', 1, 1)).toBeCloseTo(0.5, 6);
    expect(similarity.similarity(0, 2, 1, 1)).toBeCloseTo(0, 6);
    expect(similarity.similarity(1, 2, 1, 1)).toBeCloseTo(1, 6);
  });
});

describe('bandCells', () => {
  it('covers every pair a bead between two band states can join, and the best-pair scan one column around', () => {
    const n = 30;
    const m = 28;
    const path: PathBead[] = Array.from({ length: 14 }, (_, k) => ({ sourceStart: k * 2, sourceCount: 2, targetStart: k * 2, targetCount: 2, cost: 0 }));
    path.push({ sourceStart: 28, sourceCount: 2, targetStart: 28, targetCount: 0, cost: 0 });
    const band = bandAroundPath(path, 1, n, m, 2);
    const cells = bandCells(band, n, m, 3);
    for (let i = 0; i <= n; i++) {
      for (let j = band.lo[i]!; j <= band.hi[i]!; j++) {
        for (let a = 1; a <= 3; a++) {
          for (let b = 1; b <= 3; b++) {
            const end = i + a;
            if (end > n || j + b > m || j + b < band.lo[end]! || j + b > band.hi[end]!) continue;
            for (let x = i; x < end; x++) for (let y = j; y < j + b; y++) expect(y >= cells.from[x]! && y < cells.to[x]!).toBe(true);
          }
        }
      }
    }
    for (let i = 0; i < n; i++) {
      expect(cells.from[i]).toBeLessThanOrEqual(Math.max(0, band.lo[i]! - 1));
      expect(cells.to[i]).toBeGreaterThanOrEqual(Math.min(m, band.hi[i + 1]! + 1));
    }
  });
});
