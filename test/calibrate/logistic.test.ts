import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/align/random.js';
import { fitIsotonic, fitLogistic, logisticOf } from '../../src/calibrate/logistic.js';

describe('fitLogistic', () => {
  it('recovers the coefficients the labels were drawn with', () => {
    const next = seededRandom(7);
    const rows: number[][] = [];
    const labels: boolean[] = [];
    for (let k = 0; k < 20_000; k++) {
      const x = [next() * 4 - 2, next() * 10];
      const eta = 0.5 + 2 * x[0]! - 0.3 * x[1]!;
      rows.push(x);
      labels.push(next() < 1 / (1 + Math.exp(-eta)));
    }
    const fit = fitLogistic(rows, labels, { l2: 0 });
    // Back from standardised weights to the raw ones: w_raw = w / scale, b_raw = b - sum w_raw * mean.
    const raw = fit.terms.map(([, scale, weight]) => weight / scale);
    const intercept = fit.intercept - fit.terms.reduce((sum, [mean], k) => sum + raw[k]! * mean, 0);
    expect(raw[0]).toBeCloseTo(2, 0);
    expect(raw[1]).toBeCloseTo(-0.3, 1);
    expect(intercept).toBeCloseTo(0.5, 0);
    expect(logisticOf(fit, [0, 0])).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 1);
  });

  it('stays finite on separable data (the penalty holds the weights)', () => {
    const rows = [[0], [1], [2], [3]];
    const fit = fitLogistic(rows, [false, false, true, true], { l2: 1 });
    expect(Number.isFinite(fit.terms[0]![2])).toBe(true);
    expect(logisticOf(fit, [3])).toBeGreaterThan(0.5);
    expect(logisticOf(fit, [0])).toBeLessThan(0.5);
  });

  it('treats a constant feature as no evidence', () => {
    const fit = fitLogistic([[1], [1], [1], [1]], [true, true, true, false], { l2: 1 });
    expect(fit.terms[0]![2]).toBeCloseTo(0, 6);
    expect(logisticOf(fit, [1])).toBeCloseTo(0.75, 6);
  });
});

describe('fitIsotonic', () => {
  // Knot heights are (right + 1) / (beads + 2): a block of 2 right beads says 3/4, not certainty.
  it.each([
    ['already increasing (equal neighbours share a block)', [1, 2, 3], [false, true, true], 1, [[1, 1 / 3], [2.5, 3 / 4]]],
    // 2 and 3 violate the order (1 then 0): pooled into one block at x 2.5, share 1 of 2.
    ['pools a violation', [1, 2, 3, 4], [false, true, false, true], 1, [[1, 1 / 3], [2.5, 1 / 2], [4, 2 / 3]]],
    ['minimum block size', [1, 2, 3, 4], [false, false, true, true], 2, [[1.5, 1 / 4], [3.5, 3 / 4]]],
    ['small last block pooled backwards', [1, 2, 3], [false, false, true], 2, [[2, 2 / 5]]],
    // One wrong bead (1/3 smoothed) before a block of 100 with one right (2/102): smoothing broke the order, pooled.
    [
      'blocks pooled again after smoothing',
      Array.from({ length: 101 }, (_, k) => k + 1),
      [false, true, ...Array.from({ length: 99 }, () => false)],
      1,
      [[51, 2 / 103]],
    ],
  ])('%s', (_, xs, labels, minBlock, knots) => {
    const fitted = fitIsotonic(xs, labels, minBlock);
    expect(fitted.length).toBe(knots.length);
    fitted.forEach(([x, y], k) => {
      expect(x).toBeCloseTo(knots[k]![0]!, 10);
      expect(y).toBeCloseTo(knots[k]![1]!, 10);
    });
  });
});
