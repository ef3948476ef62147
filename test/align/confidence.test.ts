import { describe, expect, it } from 'vitest';
import type { BeadEvidence } from '../../src/align/bead-evidence.js';
import {
  ALIGNED_FEATURES,
  applyIsotonic,
  beadScore,
  FITTED_SENTENCES,
  isModelSpecific,
  logisticProbability,
  UNPAIRED_FEATURES,
  type ScoreCalibration,
} from '../../src/align/confidence.js';
import { BUNDLED_SCORE, LEXICAL_SCORE, PULLED_SCORE } from '../../src/align/score-coefficients.js';
import { clearPair } from './fixtures/bead-evidence.js';

const knots: Array<[number, number]> = [
  [0.2, 0.1],
  [0.6, 0.5],
  [0.9, 0.95],
];

describe('applyIsotonic', () => {
  it.each([
    [0, 0, 'towards 0 before the first knot'],
    [0.1, 0.05, 'in proportion before the first knot'],
    [0.2, 0.1, 'at a knot'],
    [0.4, 0.3, 'linear between knots'],
    [0.75, 0.725, 'linear between the last two'],
    [0.96, 0.98, 'in proportion after the last knot'],
    [1, 1, 'towards 1 after the last knot'],
  ])('maps %f to %f (%s)', (p, expected) => {
    expect(applyIsotonic(knots, p)).toBeCloseTo(expected, 10);
  });

  it('is the identity without knots', () => {
    expect(applyIsotonic([], 0.37)).toBe(0.37);
  });
});

/** The same bead with nothing going for it: unrelated text the DP only just preferred to skipping. */
const doubtfulPair: BeadEvidence = {
  ...clearPair,
  terms: { cosine: 0.05, chance: 0.9, semantic: 1.05, lengthTerm: 0.2, numberMismatch: 1, hasNumbers: true, unit: 1.2 },
  rivalCosine: 0.1,
  margin: 0.01,
  posterior: 0.5,
};

const FITS: Array<[string, ScoreCalibration]> = [
  ['bundled', BUNDLED_SCORE],
  ['lexical', LEXICAL_SCORE],
  ['pulled', PULLED_SCORE],
];

describe('beadScore with the fitted coefficients', () => {
  it.each(FITS)('%s: a clear translation scores high, a doubtful pair clearly lower', (_, fit) => {
    expect(beadScore(fit, clearPair)).toBeGreaterThan(0.9);
    expect(beadScore(fit, doubtfulPair)).toBeLessThan(beadScore(fit, clearPair) - 0.1);
  });

  it('bundled model: a pair no better than chance that the DP only just preferred is more likely wrong', () => {
    // The lexical embedder's translations often share no feature, so there the same costs are less damning.
    expect(beadScore(BUNDLED_SCORE, doubtfulPair)).toBeLessThan(0.5);
  });

  it('bundled model: a merge whose best member already says what the merge says is doubted ("Thank you. Thank you.")', () => {
    const merge: BeadEvidence = { ...clearPair, sourceCount: 2, posterior: 0.6, margin: 0.1, mergeGain: 0.2, weakestMember: 0.3 };
    const adds = beadScore(BUNDLED_SCORE, { ...merge, mergeCosineGain: 0.08 });
    const repeats = beadScore(BUNDLED_SCORE, { ...merge, mergeCosineGain: 0 });
    expect(repeats).toBeLessThan(adds - 0.2);
  });

  it.each(FITS)('%s: every fitted feature exists and is finite on both kinds of bead', (_, fit) => {
    for (const [model, features] of [
      [fit.aligned, ALIGNED_FEATURES],
      [fit.unpaired, UNPAIRED_FEATURES],
    ] as const) {
      for (const [name, [, scale, weight]] of Object.entries(model.weights)) {
        expect(features[name], name).toBeDefined();
        expect(Number.isFinite(scale) && scale > 0 && Number.isFinite(weight), name).toBe(true);
      }
      const xs = model.isotonic.map(([x]) => x);
      const ys = model.isotonic.map(([, y]) => y);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
    }
    const omitted: BeadEvidence = { ...clearPair, kind: 'omitted', targetCount: 0 };
    for (const evidence of [clearPair, doubtfulPair, omitted]) {
      const score = beadScore(fit, evidence);
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThan(1);
    }
  });

  it.each(FITS)('%s: a document longer than any the fit saw scores as the longest it saw, not beyond', (_, fit) => {
    const sized = (sentences: number): BeadEvidence => ({ ...doubtfulPair, sourceSentences: sentences, targetSentences: sentences + 40 });
    expect(beadScore(fit, sized(9000))).toBe(beadScore(fit, sized(FITTED_SENTENCES)));
    expect(beadScore(fit, sized(400_000))).toBe(beadScore(fit, sized(FITTED_SENTENCES)));
    // Within what the fit saw, the document's size still counts.
    expect(beadScore(fit, sized(5))).not.toBe(beadScore(fit, sized(FITTED_SENTENCES)));
  });

  it.each(FITS)('%s: the logistic part is the weighted sum of the named features, each bend computed from its quantity', (_, fit) => {
    const omitted: BeadEvidence = { ...doubtfulPair, kind: 'omitted', targetCount: 0 };
    for (const [model, features, evidence] of [
      [fit.aligned, ALIGNED_FEATURES, doubtfulPair],
      [fit.unpaired, UNPAIRED_FEATURES, omitted],
    ] as const) {
      let z = model.intercept;
      for (const [name, [mean, scale, weight]] of Object.entries(model.weights)) z += (weight * (features[name]!(evidence) - mean)) / scale;
      expect(logisticProbability(model, evidence)).toBe(1 / (1 + Math.exp(-z)));
    }
  });

  it('the fit for pulled models reads no raw similarity', () => {
    const names = [...Object.keys(PULLED_SCORE.aligned.weights), ...Object.keys(PULLED_SCORE.unpaired.weights)];
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter(isModelSpecific)).toEqual([]);
    expect(Object.keys(BUNDLED_SCORE.aligned.weights).some(isModelSpecific)).toBe(true);
  });
});
