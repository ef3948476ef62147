import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BEAD_SHAPES, bandAroundPath, fullBand, pathConfidence, runDp, type BeadCost } from '../../src/align/dp.js';

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

  it('finds the same path when it skips beads their floors or a losing part of their cost rule out', () => {
    // Random costs above per-shape floors; the bounded cost returns only a part (at least the floor) whenever that
    // part already loses, as the engine's merges do before their member penalty.
    let parts = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer(), (n, m, seed) => {
        const floors = BEAD_SHAPES.map(({ source, target }) => (source === 0 || target === 0 ? 0.3 : 0.4 * Math.max(0, source + target - 2)));
        const costOf = (i: number, j: number, a: number, b: number): number => {
          const hash = Math.abs(Math.sin(seed + 13 * i + 7 * j + 3 * a + b) * 10000) % 1;
          return floors[BEAD_SHAPES.findIndex((s) => s.source === a && s.target === b)]! + 2 * hash * (a + b);
        };
        const bounded: BeadCost = (i, j, a, b, reached = 0, toBeat = Infinity) => {
          const whole = costOf(i, j, a, b);
          const part = whole / 2;
          if (a + b > 2 && reached + part >= toBeat) {
            parts++;
            return part;
          }
          return whole;
        };
        const plain = runDp(n, m, fullBand(n, m), costOf);
        const pruned = runDp(n, m, fullBand(n, m), bounded, BEAD_SHAPES, floors);
        expect(pruned.map(({ cost, ...bead }) => bead)).toEqual(plain.map(({ cost, ...bead }) => bead));
        // The path's own beads are never cut short: their costs are whole.
        pruned.forEach((bead, k) => expect(bead.cost).toBeCloseTo(plain[k]!.cost, 12));
      }),
      { numRuns: 300 },
    );
    // The shortcut was taken, so the property says something about it.
    expect(parts).toBeGreaterThan(0);
  });

  it('does not ask for the cost of a bead whose floor already loses', () => {
    let asked = 0;
    const floors = BEAD_SHAPES.map(({ source, target }) => (source + target > 2 ? 5 : 0));
    runDp(6, 6, fullBand(6, 6), (i, j, a, b) => {
      if (a + b > 2) asked++;
      return diagonalCost(i, j, a, b);
    }, BEAD_SHAPES, floors);
    expect(asked).toBe(0);
  });
});

/** What a bead outputs: an unpaired sentence is one bead wherever the path leaves it out. */
const outputKey = (i: number, j: number, a: number, b: number): string =>
  b === 0 ? `omitted ${i}` : a === 0 ? `added ${j}` : `${i},${j},${a},${b}`;

/** Every path through the grid, as its beads' output keys and total cost (small grids only). */
function allPaths(n: number, m: number, cost: BeadCost): Array<{ beads: string[]; total: number }> {
  if (n === 0 && m === 0) return [{ beads: [], total: 0 }];
  const out: Array<{ beads: string[]; total: number }> = [];
  for (const { source: a, target: b } of BEAD_SHAPES) {
    if (a > n || b > m) continue;
    for (const rest of allPaths(n - a, m - b, cost)) {
      const bead = outputKey(n - a, m - b, a, b);
      out.push({ beads: [...rest.beads, bead], total: rest.total + cost(n - a, m - b, a, b) });
    }
  }
  return out;
}

describe('pathConfidence', () => {
  it('is what the best path without each bead costs more, as brute force finds it', () => {
    // Skips cost the same wherever they fall (as the engine's do), so an omission can move past an addition.
    const table = fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 64, maxLength: 64 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), table, (n, m, values) => {
        const cost: BeadCost = (i, j, a, b) =>
          b === 0 ? values[i]! : a === 0 ? values[32 + j]! : values[(i * 7 + j * 3 + a * 5 + b * 11) % values.length]! + 0.1 * (a + b);
        const path = runDp(n, m, fullBand(n, m), cost);
        const { margins, posteriors } = pathConfidence(n, m, fullBand(n, m), cost, path, 0.5);
        const paths = allPaths(n, m, cost);
        const best = Math.min(...paths.map((p) => p.total));
        path.forEach((bead, k) => {
          const key = outputKey(bead.sourceStart, bead.targetStart, bead.sourceCount, bead.targetCount);
          const without = Math.min(...paths.filter((p) => !p.beads.includes(key)).map((p) => p.total));
          // Costs are kept as float32 inside pathConfidence: equal to about 6 digits.
          expect(margins[k]).toBeCloseTo(without - best, 5);
          // Posterior: the weight of the paths with this output bead over the weight of all paths.
          const weight = (p: { total: number }) => Math.exp(-p.total / 0.5);
          const all = paths.reduce((sum, p) => sum + weight(p), 0);
          const withBead = paths.filter((p) => p.beads.includes(key)).reduce((sum, p) => sum + weight(p), 0);
          expect(posteriors[k]).toBeCloseTo(withBead / all, 5);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('is small where a merge nearly beats two 1-1 beads, large where nothing competes', () => {
    // Source 0-1 against target 0: the 2-1 merge costs 0.55, the 1-1 plus a skip 0.5.
    const cost: BeadCost = (i, j, a, b) => {
      if (a === 0 || b === 0) return 0.4 * (a + b);
      if (a === 2 && b === 1 && i === 0 && j === 0) return 0.55;
      if (a === 1 && b === 1 && ((i === 0 && j === 0) || (i === 2 && j === 1))) return 0.1;
      return 3;
    };
    const path = runDp(3, 2, fullBand(3, 2), cost);
    expect(path.map((b) => `${b.sourceStart}:${b.sourceCount}-${b.targetStart}:${b.targetCount}`)).toEqual([
      '0:1-0:1',
      '1:1-1:0',
      '2:1-1:1',
    ]);
    const { margins } = pathConfidence(3, 2, fullBand(3, 2), cost, path, 0.5);
    expect(margins[0]).toBeCloseTo(0.05, 6);
    expect(margins[1]).toBeCloseTo(0.05, 6);
    // The last pair's best alternative skips both of its sentences (0.8 instead of 0.1).
    expect(margins[2]).toBeCloseTo(0.7, 6);
  });
});
