/**
 * The score of a bead: a calibrated probability that the bead is exactly right (matches the gold bead: the same
 * sentences on both sides, or the same sentence left unpaired). A logistic regression on features of the engine's
 * evidence (bead-evidence.ts), then an isotonic map, fitted by `npm run fit-score` (src/calibrate/fit-score.ts) for
 * each embedder family; the coefficients live in score-coefficients.ts. Pure.
 */
import type { BeadEvidence } from './bead-evidence.js';

/**
 * Beads scoring below this are flagged for review ("low confidence"): under one half a bead is more likely wrong than
 * right. The score is a calibrated probability, so the threshold needs no other tuning.
 */
export const LOW_CONFIDENCE_SCORE = 0.5;

/** A feature: a number computed from a bead's evidence. */
type Feature = (e: BeadEvidence) => number;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
/**
 * Sentences of the shorter version, held at the largest the fit has seen (the dev cases and the generated ones have at
 * most 56 a side): a linear term carried far past its data says nothing true, and a 9,000-sentence document would
 * otherwise score as if its beads were all doubtful or all sure.
 */
export const FITTED_SENTENCES = 64;
const fewest = (e: BeadEvidence): number => Math.min(FITTED_SENTENCES, Math.max(1, Math.min(e.sourceSentences, e.targetSentences)));
/** Margins are in DP cost units; relative to the price of skipping a sentence they compare across documents. */
const relativeMargin = (e: BeadEvidence): number => Math.min(e.margin / Math.max(e.documentSkip, 1e-3), 4);
const neighbourWorst = (e: BeadEvidence): number => Math.max(e.previousUnit ?? 0, e.nextUnit ?? 0);
const semantic = (e: BeadEvidence): number => clamp(e.terms.semantic, 0, 2);
const cosine = (e: BeadEvidence): number => e.terms.cosine;
const absorbGain = (e: BeadEvidence): number => clamp(e.absorbGain ?? -1, -1, 1);
/** Log-odds of the bead's posterior, bounded: beyond a million to one the DP's weights say nothing more. */
const posteriorLogit = (e: BeadEvidence): number => {
  const p = clamp(e.posterior, 1e-6, 1 - 1e-6);
  return Math.log(p / (1 - p));
};
const isMerge = (e: BeadEvidence): boolean => e.sourceCount + e.targetCount > 2;

/** The bends spline() made: `margin>0.15` is max(0, margin - 0.15), so the score computes margin once for all its bends. */
const BENDS = new Map<string, { readonly base: string; readonly knot: number }>();

/**
 * A quantity and its bends: max(0, value - knot) at each knot, so that a logistic regression can follow a curve (a
 * score that falls steeply as the margin nears zero, and hardly moves once it is large). Knots sit where the dev
 * benchmark's beads change from mostly right to mostly wrong.
 */
function spline(name: string, value: Feature, knots: readonly number[]): Record<string, Feature> {
  for (const knot of knots) BENDS.set(`${name}>${knot}`, { base: name, knot });
  return {
    [name]: value,
    ...Object.fromEntries(knots.map((knot) => [`${name}>${knot}`, (e: BeadEvidence) => Math.max(0, value(e) - knot)])),
  };
}

/**
 * Features that read raw cosine similarities, whose scale belongs to one embedder (unrelated sentences score ~0.1
 * with one model, ~0.7 with another). The fit for models we could not measure (pulled ones) leaves them out.
 */
const MODEL_SPECIFIC = new Set(['cosine', 'chance', 'rivalGap', 'tinyCosine']);
export function isModelSpecific(feature: string): boolean {
  return MODEL_SPECIFIC.has(feature.split('>')[0]!);
}

const MARGIN_KNOTS = [0.05, 0.15, 0.3, 0.5, 0.8];
const SEMANTIC_KNOTS = [0.3, 0.5, 0.7, 0.9];
const COSINE_KNOTS = [0.2, 0.4, 0.6, 0.8];
const ABSORB_KNOTS = [-0.1, -0.03, 0.03];
const POSTERIOR_KNOTS = [-2, 0, 2, 4];

/** The splines both kinds of bead start with: the same evidence, weighed by each kind's own coefficients. */
const SPLINE_FEATURES: Readonly<Record<string, Feature>> = {
  ...spline('semantic', semantic, SEMANTIC_KNOTS),
  ...spline('cosine', cosine, COSINE_KNOTS),
  ...spline('margin', relativeMargin, MARGIN_KNOTS),
  ...spline('absorbGain', absorbGain, ABSORB_KNOTS),
  ...spline('posterior', posteriorLogit, POSTERIOR_KNOTS),
};

/** Features of an aligned bead (1-1 or a merge). */
export const ALIGNED_FEATURES: Readonly<Record<string, Feature>> = {
  ...SPLINE_FEATURES,
  chance: (e) => e.terms.chance,
  lengthDeviation: (e) => Math.sqrt(e.terms.lengthTerm),
  numberMismatch: (e) => e.terms.numberMismatch,
  hasNumbers: (e) => (e.terms.hasNumbers ? 1 : 0),
  unitOverSkip: (e) => clamp(e.terms.unit / (2 * Math.max(e.skipPrice, 1e-3)), 0, 3),
  documentSkip: (e) => e.documentSkip,
  weakestMember: (e) => clamp(e.weakestMember, 0, 2),
  isMerge: (e) => (isMerge(e) ? 1 : 0),
  // 2-2, 1-3 and 3-1 beads: translators seldom make them; the DP takes them for two beads it could not split.
  isLargeMerge: (e) => (e.sourceCount + e.targetCount > 3 ? 1 : 0),
  // A merge is a near tie with a pair and a skip by nature: its margin means something else than a 1-1 bead's.
  mergeMargin: (e) => (isMerge(e) ? Math.min(relativeMargin(e), 1) : 0),
  mergeGain: (e) => clamp(e.mergeGain, -1, 1),
  // A merge whose meaning its best member already carries: the other member is extra ("Thank you. Thank you."
  // against one "Terima kasih"); generated cases: 5 of 20 such merges right, 113 of 125 of the others.
  mergeCosineGain: (e) => (isMerge(e) ? clamp(e.mergeCosineGain, -0.1, 0.2) : 0),
  mergeAddsLittle: (e) => (isMerge(e) && e.mergeCosineGain < 0.01 ? 1 : 0),
  hasUnpairedNeighbour: (e) => (e.absorbGain === null ? 0 : 1),
  boilerplate: (e) => (e.boilerplate > 0 ? 1 : 0),
  neighbourWorst: (e) => clamp(neighbourWorst(e), 0, 2),
  unpairedNeighbours: (e) => e.unpairedNeighbours,
  unpairedShare: (e) => e.unpairedShare,
  logSentences: (e) => Math.log(fewest(e)),
  inverseSentences: (e) => 1 / fewest(e),
  // With one or two sentences a side the chance normaliser is the bead itself: only the raw similarity is left.
  tinyCosine: (e) => e.terms.cosine / fewest(e),
  rivalGap: (e) => e.terms.cosine - e.rivalCosine,
  logCharacters: (e) => Math.log(1 + e.characters),
};

/** Features of an unpaired sentence (omitted or added); `best` is its best nearby pairing it did not take. */
export const UNPAIRED_FEATURES: Readonly<Record<string, Feature>> = {
  ...SPLINE_FEATURES,
  bestOverSkip: (e) => clamp(e.terms.unit / Math.max(e.skipPrice, 1e-3), 0, 6),
  bestHasNumbers: (e) => (e.terms.hasNumbers ? 1 : 0),
  hasAlignedNeighbour: (e) => (e.absorbGain === null ? 0 : 1),
  documentSkip: (e) => e.documentSkip,
  boilerplate: (e) => (e.boilerplate > 0 ? 1 : 0),
  unpairedNeighbours: (e) => e.unpairedNeighbours,
  neighbourWorst: (e) => clamp(neighbourWorst(e), 0, 2),
  unpairedShare: (e) => e.unpairedShare,
  // Where most sentences pair, a narrowly chosen skip is a coin toss; between unrelated documents it is the rule.
  pairedMargin: (e) => (1 - e.unpairedShare) * Math.min(relativeMargin(e), 1),
  logSentences: (e) => Math.log(fewest(e)),
  inverseSentences: (e) => 1 / fewest(e),
  tinyCosine: (e) => e.terms.cosine / fewest(e),
  logCharacters: (e) => Math.log(1 + e.characters),
  isAdded: (e) => (e.kind === 'added' ? 1 : 0),
};

/** A logistic regression over standardised features, then an isotonic map of its probability. */
export interface LogisticModel {
  readonly intercept: number;
  /** Per feature: [mean, scale, weight]; the term is weight * (value - mean) / scale. Absent features are unused. */
  readonly weights: Readonly<Record<string, readonly [number, number, number]>>;
  /**
   * Increasing knots [logistic probability, calibrated probability], linear in between; empty for none. The fit
   * never puts a knot at 0 or 1 (no bead is certain), and applyIsotonic keeps the ends away from them too.
   */
  readonly isotonic: readonly (readonly [number, number])[];
}

/** The score maps of one embedder family: one for aligned beads, one for unpaired sentences. */
export interface ScoreCalibration {
  /** Which embedders it was fitted for, and on what. */
  readonly name: string;
  readonly aligned: LogisticModel;
  readonly unpaired: LogisticModel;
}

export function featuresFor(kind: BeadEvidence['kind']): Readonly<Record<string, Feature>> {
  return kind === 'aligned' ? ALIGNED_FEATURES : UNPAIRED_FEATURES;
}

/**
 * A model's terms with their features looked up once: the distinct quantities to compute (a spline's bends share
 * theirs), and per term, in the model's order, [quantity, knot (NaN for the quantity itself), mean, scale, weight].
 */
interface CompiledModel {
  readonly quantities: readonly Feature[];
  /** TERM_FIELDS numbers a term, flat: read with indexes, as a loop over tuples allocated for every bead. */
  readonly terms: Float64Array;
}
const TERM_FIELDS = 5;
const compiled = new WeakMap<LogisticModel, Map<BeadEvidence['kind'], CompiledModel>>();

function compile(model: LogisticModel, kind: BeadEvidence['kind']): CompiledModel {
  let byKind = compiled.get(model);
  if (!byKind) compiled.set(model, (byKind = new Map()));
  let done = byKind.get(kind);
  if (!done) {
    const features = featuresFor(kind);
    const quantities: Feature[] = [];
    const indexOf = new Map<string, number>();
    const quantity = (name: string): number => {
      let index = indexOf.get(name);
      if (index === undefined) indexOf.set(name, (index = quantities.push(features[name]!) - 1));
      return index;
    };
    const terms: number[] = [];
    for (const [name, [mean, scale, weight]] of Object.entries(model.weights)) {
      if (!features[name]) continue;
      const bend = BENDS.get(name);
      terms.push(...(bend && features[bend.base] ? [quantity(bend.base), bend.knot, mean, scale, weight] : [quantity(name), NaN, mean, scale, weight]));
    }
    byKind.set(kind, (done = { quantities, terms: Float64Array.from(terms) }));
  }
  return done;
}

let scratch = new Float64Array(64);

/** The logistic regression's probability, before the isotonic map. */
export function logisticProbability(model: LogisticModel, evidence: BeadEvidence): number {
  const { quantities, terms } = compile(model, evidence.kind);
  // One scratch row for every call (this runs for every bead, more than once): no array per bead.
  if (scratch.length < quantities.length) scratch = new Float64Array(quantities.length);
  const values = scratch;
  for (let q = 0; q < quantities.length; q++) values[q] = quantities[q]!(evidence);
  let z = model.intercept;
  for (let t = 0; t < terms.length; t += TERM_FIELDS) {
    const index = terms[t]!;
    const knot = terms[t + 1]!;
    const value = Number.isNaN(knot) ? values[index]! : Math.max(0, values[index]! - knot);
    z += (terms[t + 4]! * (value - terms[t + 2]!)) / terms[t + 3]!;
  }
  return 1 / (1 + Math.exp(-z));
}

/**
 * Piecewise-linear through the knots; beyond the first and last, proportional to the distance from 0 or 1, so that
 * the order of the beads is kept at the ends too (two joins the regression tells apart stay apart).
 */
export function applyIsotonic(knots: LogisticModel['isotonic'], p: number): number {
  if (knots.length === 0) return p;
  const first = knots[0]!;
  const last = knots[knots.length - 1]!;
  if (p <= first[0]) return first[0] > 0 ? (first[1] * p) / first[0] : first[1];
  if (p >= last[0]) return last[0] < 1 ? 1 - ((1 - last[1]) * (1 - p)) / (1 - last[0]) : last[1];
  let lo = 0;
  let hi = knots.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (knots[mid]![0] <= p) lo = mid;
    else hi = mid;
  }
  const [x0, y0] = knots[lo]!;
  const [x1, y1] = knots[hi]!;
  return x1 === x0 ? y1 : y0 + ((p - x0) * (y1 - y0)) / (x1 - x0);
}

/** The calibrated probability that the bead is exactly right. */
export function beadScore(calibration: ScoreCalibration, evidence: BeadEvidence): number {
  const model = evidence.kind === 'aligned' ? calibration.aligned : calibration.unpaired;
  return applyIsotonic(model.isotonic, logisticProbability(model, evidence));
}
