import { describe, expect, it } from 'vitest';
import { bandAroundPath, fullBand, runDp } from '../../src/align/dp.js';

/** Cost table: matching indexes are free, everything else costs 1; skipping costs 0.6 a sentence. */
const diagonalCost = (i: number, j: number, a: number, b: number): number => {
  if (a === 0 || b === 0) return 0.6 * (a + b);
  return a === 1 && b === 1 && i === j ? 0 : 1 * (a + b);
};

describe('runDp', () => {
  it.each([
    [1, 1],
    [3, 3],
    [5, 5],
  ])('aligns %i x %i identical positions 1-1', (n, m) => {
    const path = runDp(n, m, fullBand(n, m), diagonalCost);
    expect(path.map((b) => [b.sourceStart, b.sourceCount, b.targetStart, b.targetCount])).toEqual(
      Array.from({ length: n }, (_, k) => [k, 1, k, 1]),
    );
  });

  it('skips a sentence that has no cheap partner', () => {
    // Source 1 is the odd one out: it matches nothing, so it is omitted and the rest pair off shifted.
    const cost = (i: number, j: number, a: number, b: number): number => {
      if (a === 0 || b === 0) return 0.6 * (a + b);
      if (a !== 1 || b !== 1) return 5;
      const partner = i === 0 ? 0 : i - 1;
      return i !== 1 && j === partner ? 0 : 2;
    };
    const path = runDp(4, 3, fullBand(4, 3), cost);
    expect(path.map((b) => `${b.sourceStart}:${b.sourceCount}-${b.targetStart}:${b.targetCount}`)).toEqual([
      '0:1-0:1',
      '1:1-1:0',
      '2:1-1:1',
      '3:1-2:1',
    ]);
  });

  it('chooses a merge when it is cheaper than 1-1 plus a skip', () => {
    const cost = (_i: number, _j: number, a: number, b: number): number => {
      if (a === 0 || b === 0) return 0.6 * (a + b);
      return a === 2 && b === 1 ? 0.1 : 1;
    };
    const path = runDp(2, 1, fullBand(2, 1), cost);
    expect(path).toHaveLength(1);
    expect(path[0]).toMatchObject({ sourceStart: 0, sourceCount: 2, targetStart: 0, targetCount: 1 });
  });

  it('handles one empty side', () => {
    expect(runDp(0, 2, fullBand(0, 2), diagonalCost).map((b) => b.targetCount)).toEqual([1, 1]);
    expect(runDp(2, 0, fullBand(2, 0), diagonalCost).map((b) => b.sourceCount)).toEqual([1, 1]);
  });

  it('rejects a band that does not contain the corners', () => {
    const band = { lo: new Int32Array([0, 0, 0]), hi: new Int32Array([0, 0, 0]) };
    expect(() => runDp(2, 2, band, diagonalCost)).toThrow(/band/);
  });

  it('finds the same path inside a band around it as in the full grid', () => {
    const n = 40;
    const full = runDp(n, n, fullBand(n, n), diagonalCost);
    const coarse = runDp(n / 2, n / 2, fullBand(n / 2, n / 2), (i, j, a, b) =>
      a === 0 || b === 0 ? 0.6 * (a + b) : a === 1 && b === 1 && i === j ? 0 : 2,
    );
    const band = bandAroundPath(coarse, 2, n, n, 2);
    for (let i = 0; i <= n; i++) expect(band.hi[i]! - band.lo[i]!).toBeLessThanOrEqual(12);
    expect(runDp(n, n, band, diagonalCost)).toEqual(full);
  });
});
