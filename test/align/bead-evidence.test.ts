import { describe, expect, it } from 'vitest';
import { beadEvidence, type BeadCostView, type CostTerms } from '../../src/align/bead-evidence.js';
import type { PathBead } from '../../src/align/dp.js';

/** A coster whose cosine for a bead is given by `cosineOf` (by its sentences), every other term plain. */
function coster(cosineOf: (i: number, j: number, a: number, b: number) => number): BeadCostView {
  const terms = (i: number, j: number, a: number, b: number): CostTerms => {
    const cosine = cosineOf(i, j, a, b);
    return { cosine, chance: 0.9, semantic: (1 - cosine) / 0.9, lengthTerm: 0, numberMismatch: 0, hasNumbers: false, unit: (1 - cosine) / 0.9 };
  };
  return {
    skip: 0.6,
    terms,
    unitCostOfAnySize: (i, j, a, b) => terms(i, j, a, b).unit,
    weakestMember: () => 0,
    skipPrice: () => 0.6,
    isBoilerplate: () => false,
    sentenceLength: () => 40,
  };
}

const bead = (sourceStart: number, sourceCount: number, targetStart: number, targetCount: number): PathBead => ({ sourceStart, sourceCount, targetStart, targetCount, cost: 0 });
const path = [bead(0, 1, 0, 1), bead(1, 2, 1, 1)];
const confidence = { margins: Float64Array.of(1, 0.1), posteriors: Float64Array.of(0.99, 0.5) };

describe('bead evidence of a merge', () => {
  it('says how much meaning the merge adds beyond its best member alone', () => {
    // Source 1 and 2 together say what target 1 says; each alone says part of it.
    const split = coster((i, _j, a) => (i === 1 && a === 2 ? 0.8 : i === 1 || i === 2 ? 0.5 : 0.9));
    const [pair, merge] = beadEvidence(split, path, confidence, 3, 2);
    expect(pair!.mergeCosineGain).toBe(0);
    expect(merge!.mergeCosineGain).toBeCloseTo(0.3, 12);
    // "Thank you. Thank you.": the second member repeats the first, and the merge says no more than either.
    const repeated = coster((i) => (i >= 1 ? 0.6 : 0.9));
    expect(beadEvidence(repeated, path, confidence, 3, 2)[1]!.mergeCosineGain).toBeCloseTo(0, 12);
  });
});
