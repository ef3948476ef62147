import { describe, expect, it } from 'vitest';
import { auroc, expectedCalibrationError, summarizeCalibration, type ScoredBead } from '../../src/eval/calibration.js';

const beads = (...pairs: Array<[number, boolean]>): ScoredBead[] => pairs.map(([score, isRight]) => ({ score, isRight }));

describe('auroc', () => {
  it.each([
    ['every right bead above every wrong one', beads([0.9, true], [0.8, true], [0.2, false]), 1],
    ['every wrong bead above every right one', beads([0.1, true], [0.7, false], [0.9, false]), 0],
    ['all tied: chance', beads([0.5, true], [0.5, false], [0.5, true], [0.5, false]), 0.5],
    // Right 0.9 beats both wrongs, right 0.4 beats the wrong 0.3 and ties nothing: 3 of 4 pairs.
    ['one inversion in four pairs', beads([0.9, true], [0.4, true], [0.6, false], [0.3, false]), 0.75],
    // Right 0.6 ties the wrong 0.6 (one half) and beats 0.2; right 0.8 beats both: 3.5 of 4.
    ['a tie counts one half', beads([0.8, true], [0.6, true], [0.6, false], [0.2, false]), 0.875],
  ])('%s', (_, input, expected) => {
    expect(auroc(input)).toBeCloseTo(expected, 10);
  });

  it('is undefined without both right and wrong beads', () => {
    expect(auroc(beads([0.9, true], [0.2, true]))).toBeNull();
    expect(auroc([])).toBeNull();
  });
});

describe('expectedCalibrationError', () => {
  it.each([
    ['scores that are the share right in their bin', beads([0.75, true], [0.75, true], [0.75, true], [0.75, false]), 0],
    ['certain and right', beads([1, true], [1, true]), 0],
    // One bin (0.9-1.0): mean score 0.95, share right 0.5.
    ['overconfident', beads([0.95, true], [0.95, false]), 0.45],
    // Bin 0.1: mean 0.1, right 0 -> 0.1 x 1/2; bin 0.9: mean 0.9, right 1 -> 0.1 x 1/2.
    ['two bins weighed by their beads', beads([0.1, false], [0.9, true]), 0.1],
    // A score of exactly 1 falls in the last bin, 0 in the first.
    ['the ends of the range', beads([0, true], [1, false]), 1],
  ])('%s', (_, input, expected) => {
    expect(expectedCalibrationError(input)).toBeCloseTo(expected, 10);
  });
});

describe('summarizeCalibration', () => {
  it('counts wrong beads scored high and right beads scored low', () => {
    const summary = summarizeCalibration(
      beads([0.95, false], [0.5, false], [0.2, false], [0.3, true], [0.9, true], [0.99, true], [0.6, true]),
    );
    expect(summary.beads).toBe(7);
    expect(summary.rightShare).toBeCloseTo(4 / 7);
    expect(summary.wrongScoredHigh).toBeCloseTo(1 / 3);
    expect(summary.rightScoredLow).toBeCloseTo(1 / 4);
  });

  it('leaves the shares undefined when a kind is missing', () => {
    const summary = summarizeCalibration(beads([0.9, true]));
    expect(summary.wrongScoredHigh).toBeNull();
    expect(summary.rightScoredLow).toBe(0);
    expect(summary.auroc).toBeNull();
  });
});
