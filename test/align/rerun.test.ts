import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandAroundPath, fullBand, pathConfidence, runDp, type BeadCost, type PathBead } from '../../src/align/dp.js';
import { seededRandom } from '../../src/align/random.js';
import type { MoveWindow } from '../../src/align/moves.js';
import { confidenceAfterRerun, rangesAround, rerunAround, runDpBetween } from '../../src/align/rerun.js';

/** A translation with noise: sentence i pairs best with target i (shifted after `gap`), every cost a little random. */
function noisyCost(n: number, seed: number): BeadCost {
  const random = seededRandom(seed);
  const noise = Float64Array.from({ length: (n + 4) * (n + 4) * 8 }, () => random());
  return (i, j, a, b) => {
    if (a === 0 || b === 0) return 0.9 * (a + b);
    const shape = a * 3 + b;
    const offBy = Math.abs(i - j);
    return (offBy === 0 && a === 1 && b === 1 ? 0.1 : 1 + 0.3 * offBy) * (a + b) + 0.2 * noise[((i * (n + 4) + j) * 8 + (shape % 8)) % noise.length]!;
  };
}

/** The costs once some sentences are set apart: they stand alone for nothing, and no bead may hold them. */
function setApart(cost: BeadCost, source: ReadonlySet<number>, target: ReadonlySet<number>): BeadCost {
  return (i, j, a, b) => {
    let holds = false;
    for (let d = 0; d < a; d++) holds ||= source.has(i + d);
    for (let d = 0; d < b; d++) holds ||= target.has(j + d);
    if (!holds) return cost(i, j, a, b);
    return a + b === 1 ? 0 : Infinity;
  };
}

const key = (path: readonly PathBead[]) => path.map((b) => `${b.sourceStart}:${b.sourceCount}-${b.targetStart}:${b.targetCount}`);

describe('rangesAround', () => {
  it('puts a margin around each picked bead and merges ranges that touch', () => {
    const picked = new Set([3, 5, 20]);
    expect(rangesAround(30, (k) => picked.has(k), 2)).toEqual([
      [1, 8],
      [18, 23],
    ]);
    expect(rangesAround(10, (k) => k === 0 || k === 9, 3)).toEqual([
      [0, 4],
      [6, 10],
    ]);
    expect(rangesAround(10, () => false, 3)).toEqual([]);
  });
});

describe('runDpBetween', () => {
  it('finds the best path between two corners of the band, in document coordinates', () => {
    const cost = noisyCost(40, 1);
    const full = runDp(40, 40, fullBand(40, 40), cost);
    const corners = [0, ...full.map((b) => b.sourceStart + b.sourceCount)];
    const k0 = 10;
    const k1 = 25;
    const from = [full[k0]!.sourceStart, full[k0]!.targetStart] as const;
    const to = [full[k1]!.sourceStart, full[k1]!.targetStart] as const;
    expect(corners).toContain(from[0]);
    expect(key(runDpBetween(fullBand(40, 40), cost, from, to))).toEqual(key(full.slice(k0, k1)));
  });
});

describe('rerunAround', () => {
  it('finds the path a full run finds when sentences are set apart, running only windows around them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 60, max: 160 }), (seed, n) => {
        const random = seededRandom(seed);
        const cost = noisyCost(n, seed);
        const band = bandAroundPath(runDp(n, n, fullBand(n, n), cost), 1, n, n, 8);
        const first = runDp(n, n, band, cost);
        // Two runs of two to four sentences set apart on each side, as moves.ts marks a moved passage.
        const run = (): number[] => {
          const start = Math.floor(random() * (n - 5));
          return Array.from({ length: 2 + Math.floor(random() * 3) }, (_, d) => start + d);
        };
        const source = new Set([...run(), ...run()]);
        const target = new Set([...run(), ...run()]);
        const changed = setApart(cost, source, target);
        const holds = (k: number) => {
          const bead = first[k]!;
          for (let d = 0; d < bead.sourceCount; d++) if (source.has(bead.sourceStart + d)) return true;
          for (let d = 0; d < bead.targetCount; d++) if (target.has(bead.targetStart + d)) return true;
          return false;
        };
        const rerun = rerunAround(n, n, band, changed, first, holds);
        expect(key(rerun.path)).toEqual(key(runDp(n, n, band, changed)));
        // Beads kept from the old path say where they were; the windows' beads are new.
        rerun.oldIndex.forEach((was, k) => {
          if (was >= 0) expect(rerun.path[k]).toBe(first[was]);
        });
        expect([...rerun.oldIndex].some((was) => was < 0)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the old path when nothing changed', () => {
    const cost = noisyCost(50, 3);
    const first = runDp(50, 50, fullBand(50, 50), cost);
    const rerun = rerunAround(50, 50, fullBand(50, 50), cost, first, () => false);
    expect(rerun.path).toEqual(first);
    expect([...rerun.oldIndex]).toEqual(first.map((_, k) => k));
  });

  it('widens a window whose new path has not met the old one again well inside it', () => {
    // Pairs in place cost 0.1; pairs shifted by one cost 0.06 for sources 9-49 and 0.3 elsewhere, too little gain to
    // pay a skip in and a skip out. Once target 9 stands apart for nothing, the path shifts into that stretch for
    // free and comes back at source 50, 41 beads on: windows of 24 and 48 beads would have to bring it back early.
    const n = 200;
    const cost: BeadCost = (i, j, a, b) => {
      if (a === 0 || b === 0) return 0.9 * (a + b);
      if (a !== 1 || b !== 1) return 3 * (a + b);
      if (j === i) return 0.1;
      return j === i + 1 ? (i >= 9 && i < 50 ? 0.06 : 0.3) : 3;
    };
    const first = runDp(n, n + 1, fullBand(n, n + 1), cost);
    expect(first.every((bead) => bead.targetCount === 0 || bead.targetStart === bead.sourceStart)).toBe(true);
    const changed = setApart(cost, new Set(), new Set([9]));
    const holds = (k: number) => first[k]!.targetCount > 0 && first[k]!.targetStart === 9;
    const full = runDp(n, n + 1, fullBand(n, n + 1), changed);
    expect(key(full)).toContain('49:1-50:1');
    expect(key(full)).toContain('50:1-51:0');
    const rerun = rerunAround(n, n + 1, fullBand(n, n + 1), changed, first, holds, 24);
    expect(key(rerun.path)).toEqual(key(full));
    // The window it settled on reaches well past the return at source 50, and the old path's end is kept.
    expect(rerun.oldIndex.at(-1)).toBe(first.length - 1);
    expect([...rerun.oldIndex].lastIndexOf(-1)).toBeGreaterThan(50 + 24);
  });
});

describe('confidenceAfterRerun', () => {
  it('gives the margins and posteriors the whole documents give the new path, to far below the score digits', () => {
    const temperature = 0.3;
    /** pathConfidence over a band around the part of the path, as the engine weighs a path. */
    const confidence = (cost: BeadCost) => (part: readonly PathBead[], window: MoveWindow) => {
      const local = part.map((bead) => ({ ...bead, sourceStart: bead.sourceStart - window.sourceStart, targetStart: bead.targetStart - window.targetStart }));
      const band = bandAroundPath(local, 1, window.sourceCount, window.targetCount, 3);
      const shifted: BeadCost = (i, j, a, b) => cost(window.sourceStart + i, window.targetStart + j, a, b);
      return pathConfidence(window.sourceCount, window.targetCount, band, shifted, local, temperature);
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const n = 150;
        const random = seededRandom(seed);
        const cost = noisyCost(n, seed);
        const first = runDp(n, n, fullBand(n, n), cost);
        const start = 20 + Math.floor(random() * 100);
        const source = new Set([start, start + 1]);
        const holds = (k: number) => first[k]!.sourceCount > 0 && source.has(first[k]!.sourceStart);
        const rerun = rerunAround(n, n, fullBand(n, n), setApart(cost, source, new Set()), first, holds);
        const whole = { sourceStart: 0, targetStart: 0, sourceCount: n, targetCount: n };
        const old = confidence(cost)(first, whole);
        // Scored with the engine's own costs, as the pipeline scores the path found without the moved sentences.
        const expected = confidence(cost)(rerun.path, whole);
        const got = confidenceAfterRerun(old, rerun, n, n, confidence(cost));
        rerun.path.forEach((_, k) => {
          expect(Math.abs(got.margins[k]! - expected.margins[k]!)).toBeLessThan(1e-6);
          expect(Math.abs(got.posteriors[k]! - expected.posteriors[k]!)).toBeLessThan(1e-6);
        });
      }),
      { numRuns: 25 },
    );
  });
});
