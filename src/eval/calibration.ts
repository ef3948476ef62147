/**
 * How well a score tells right beads from wrong ones, for `selaras eval` and the score fit: AUROC, expected
 * calibration error over equal-width bins, and the two failure shares a reviewer feels (wrong beads scored high,
 * right beads scored low). Pure.
 */

/** One scored bead: its score in [0, 1] and whether it matches a gold bead exactly. */
export interface ScoredBead {
  readonly score: number;
  readonly isRight: boolean;
}

export interface CalibrationSummary {
  readonly beads: number;
  /** Share of beads that match a gold bead exactly. */
  readonly rightShare: number;
  /** Mean score: equals `rightShare` when the score is calibrated on average. */
  readonly meanScore: number;
  /** Area under the ROC curve of the score for "this bead is right" (ties count one half); null without both kinds. */
  readonly auroc: number | null;
  /** Expected calibration error over `CALIBRATION_BINS` equal-width bins of the score. */
  readonly ece: number;
  /** Share of wrong beads scored at least `HIGH_SCORE`; null when no bead is wrong. */
  readonly wrongScoredHigh: number | null;
  /** Share of right beads scored below `LOW_SCORE`; null when no bead is right. */
  readonly rightScoredLow: number | null;
}

/** Ten equal-width bins: the usual ECE (Guo et al. 2017). */
export const CALIBRATION_BINS = 10;
/** "Scored high": a wrong bead a reviewer would skip. */
export const HIGH_SCORE = 0.9;
/** "Scored low": a right bead flagged as more likely wrong than right. */
export const LOW_SCORE = 0.5;

/** Mann-Whitney form of the AUROC: the chance that a random right bead outscores a random wrong one. */
export function auroc(beads: readonly ScoredBead[]): number | null {
  const right = beads.filter((b) => b.isRight).length;
  const wrong = beads.length - right;
  if (right === 0 || wrong === 0) return null;
  const sorted = [...beads].sort((x, y) => x.score - y.score);
  // Sum of the ranks of the right beads, tied scores sharing their mean rank.
  let rankSum = 0;
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1]!.score === sorted[start]!.score) end++;
    const meanRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) if (sorted[k]!.isRight) rankSum += meanRank;
    start = end + 1;
  }
  return (rankSum - (right * (right + 1)) / 2) / (right * wrong);
}

/** Sum over bins of (share of beads in the bin) x |mean score - share right| in the bin. */
export function expectedCalibrationError(beads: readonly ScoredBead[], bins = CALIBRATION_BINS): number {
  if (beads.length === 0) return 0;
  const count = new Float64Array(bins);
  const scoreSum = new Float64Array(bins);
  const rightSum = new Float64Array(bins);
  for (const bead of beads) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(bead.score * bins)));
    count[bin]!++;
    scoreSum[bin]! += bead.score;
    if (bead.isRight) rightSum[bin]!++;
  }
  let error = 0;
  for (let bin = 0; bin < bins; bin++) {
    if (count[bin] === 0) continue;
    error += Math.abs(scoreSum[bin]! - rightSum[bin]!) / beads.length;
  }
  return error;
}

function share(beads: readonly ScoredBead[], test: (bead: ScoredBead) => boolean): number | null {
  return beads.length === 0 ? null : beads.filter(test).length / beads.length;
}

export function summarizeCalibration(beads: readonly ScoredBead[]): CalibrationSummary {
  const right = beads.filter((b) => b.isRight);
  const wrong = beads.filter((b) => !b.isRight);
  return {
    beads: beads.length,
    rightShare: beads.length === 0 ? 0 : right.length / beads.length,
    meanScore: beads.length === 0 ? 0 : beads.reduce((sum, b) => sum + b.score, 0) / beads.length,
    auroc: auroc(beads),
    ece: expectedCalibrationError(beads),
    wrongScoredHigh: share(wrong, (b) => b.score >= HIGH_SCORE),
    rightScoredLow: share(right, (b) => b.score < LOW_SCORE),
  };
}
