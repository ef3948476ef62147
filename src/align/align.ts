/**
 * The alignment engine: sentence vectors in, beads out. Pure apart from the embedder call; no I/O.
 *
 * Cost of a bead (after Vecalign): the cosine distance of the vectors of its concatenated sentences ("overlaps"),
 * divided by how far each side is from unrelated sentences of the other document (one minus the cosine with the
 * other document's mean sentence vector: the expectation Vecalign estimates by sampling), so that ~1 means "no better
 * than chance" whatever the model; plus length-ratio and number evidence; weighted by the sentences it covers. The
 * price of leaving a sentence unaligned is derived from the documents themselves. Long documents are aligned
 * coarse-to-fine: blocks of sentences first, then a band around that path at each finer level.
 *
 * Similarities come from a provider (similarity.ts): additive models (the bundled one, the lexical embedder) need
 * only their sentences' parts and the Gram entries inside the band; other models embed every overlap.
 */
import type { AdditiveParts, Embedder } from '../embed/embedder.js';
import type { PairStatus } from '../types.js';
import { beadEvidence, evidenceAfterChanges, type BeadCostView, type BeadEvidence, type CostTerms } from './bead-evidence.js';
import { isBoilerplate } from './boilerplate.js';
import { beadScore, type ScoreCalibration } from './confidence.js';
import { BEAD_SHAPES, bandAroundPath, fullBand, pathConfidence, runDp, type Band, type BeadCost, type BeadShape, type PathBead, type PathConfidence } from './dp.js';
import { distinct, numberMismatch, sentenceEvidence } from './evidence.js';
import { findMoves, markMoves, type MoveHalf, type MoveWindow } from './moves.js';
import { repairPath, type RepairJudge } from './repair.js';
import { confidenceAfterRerun, rerunAround, type Rerun } from './rerun.js';
import { BUNDLED_SCORE, LEXICAL_SCORE } from './score-coefficients.js';
import {
  AdditiveSimilarity,
  bandCells,
  blockMeans,
  cellOf,
  OverlapSimilarity,
  type BandCells,
  type GramHelper,
  type SideName,
  type Similarity,
} from './similarity.js';
import { cosine as cosineOf, denseRows, type VectorRows } from './vectors.js';

/** Largest bead side (1-3, 3-1): the overlaps embedded for each document. */
export const MAX_OVERLAP = 3;
/** Floor of the chance-level distance, so that degenerate documents (all sentences alike) never divide by ~0. */
const CHANCE_MIN = 0.05;
/** Full DP up to this many cells; beyond, coarse-to-fine (a 300 x 300 article stays exact). */
const FULL_DP_MAX_CELLS = 90_000;
/** The coarsest level is small enough to be aligned in full. */
const COARSE_MAX_CELLS = 40_000;
/** Band half-width, in sentences of the level being refined; wide enough for a run of omitted sentences. */
const BAND_WIDTH = 8;
/**
 * Each coarse level has blocks this many times longer than the next finer one. 8 rather than 2: on the bench's long
 * pair the coarse levels took 0.7-1.0 s of CPU with 2 and 0.2 s with 8, for the same beads (strict F1 0.993).
 */
const LEVEL_FACTOR = 8;
/** Smoothing added to character lengths so that very short lines do not dominate the length ratio. */
const LENGTH_SMOOTHING = 20;
/**
 * Bounds of the expected target/source length ratio. Indonesian runs 0.9-1.25 times English in characters on the dev
 * cases; a whole-document ratio beyond that means one side lost or gained content, not a different language.
 */
const LENGTH_RATIO_MIN = 0.8;
const LENGTH_RATIO_MAX = 1.3;
/** Bead shapes whose semantic cost is memoised per band cell: 1-1, 1-2 and 2-1. */
const MEMO_SHAPES = 3;
/** Lower bound of the skip price per sentence, so that near-duplicates never make skipping free. */
const SKIP_MIN = 0.1;
/**
 * Half-width of the band around the best path in which a bead's margin looks for alternatives: the boundary errors
 * seen on dev (a merge or a split instead, an omission next to a pair) lie within two sentences of the path.
 */
const MARGIN_BAND_WIDTH = 3;
/**
 * Temperature of the bead posteriors, in skip prices: an alternative path half a skip price dearer weighs e^-2 of
 * the best one, so the posterior separates the near ties of the dev benchmark's errors from clear choices.
 */
const POSTERIOR_TEMPERATURE = 0.25;
/** Gaps around a reviewer's bead are refilled by a full DP up to this many cells, and left unpaired beyond. */
const GAP_DP_MAX_CELLS = 90_000;

/** The numbers the engine was tuned with; every value was chosen on the dev benchmark (`selaras eval`). */
export interface AlignTuning {
  /** Weight of the squared log length-ratio deviation. */
  readonly lengthWeight: number;
  /** Weight of number agreement (-1) / disagreement (+1). */
  readonly numberWeight: number;
  /** Extra cost per sentence beyond two in a bead: merges must pay for themselves. */
  readonly mergePenalty: number;
  /** Which quantile of the per-sentence best 1-1 costs defines "a good match" for the skip price. */
  readonly skipQuantile: number;
  /** Skip price per sentence as a multiple of that quantile. */
  readonly skipScale: number;
  /** A boilerplate line ("Baca Juga: ...", "Editor: ...") costs this share of the skip price to leave unaligned. */
  readonly boilerplateSkipFactor: number;
  /** Extra cost of a merge that contains a boilerplate line. */
  readonly boilerplateMergePenalty: number;
  /** Weight of a merge member's unrelatedness to the other side, beyond `memberFree` (0: off). */
  readonly memberWeight: number;
  /** A merge member this unrelated (semantic cost) to the other side is still free of the member penalty. */
  readonly memberFree: number;
  /**
   * Upper bound of the skip price per sentence. Skipping two sentences costs twice this, so below 0.5 unrelated
   * sentences (cost ~1 by construction) are never forced together. Across languages the lexical embedder needs more
   * (many true translations share no feature with each other).
   */
  readonly skipMax: number;
  /** The map from a bead's evidence to its calibrated score, fitted for this embedder family. */
  readonly score: ScoreCalibration;
  /**
   * How much dearer than the DP's own cut (in skip prices) a doubted stretch's other cuts may be for the score to
   * choose among them (repair.ts). The more the score knows beyond the costs, the further it is trusted: measured on
   * the dev benchmark and on generated cases the score was not fitted on, 0.75 for the bundled model (0.5 and 1 did
   * worse on one or the other), 0.25 for the lexical embedder (0.5 lost omitted and added pairs on dev).
   */
  readonly repairSlack: number;
}

/** Tuned for the model-free lexical embedder, whose similarities are weak: length evidence carries much of it. */
export const DEFAULT_TUNING: AlignTuning = {
  lengthWeight: 1,
  numberWeight: 0.15,
  mergePenalty: 0.4,
  skipQuantile: 0.7,
  skipScale: 0.75,
  boilerplateSkipFactor: 0.3,
  boilerplateMergePenalty: 1,
  skipMax: 1,
  memberWeight: 0,
  memberFree: 1,
  score: LEXICAL_SCORE,
  repairSlack: 0.25,
};

/** Tuned for sentence-embedding models (the bundled one), whose similarities separate translations clearly. */
export const EMBEDDING_MODEL_TUNING: AlignTuning = {
  ...DEFAULT_TUNING,
  lengthWeight: 0.75,
  skipScale: 1.05,
  memberWeight: 3,
  memberFree: 0.9,
  score: BUNDLED_SCORE,
  repairSlack: 0.75,
};

/** For two versions in one language: a paraphrase shares words, and unrelated sentences must stay apart. */
export const SAME_LANGUAGE_SKIP_MAX = 0.45;

export type BeadStatus = PairStatus;

export interface AlignedBead {
  readonly source: readonly number[];
  readonly target: readonly number[];
  readonly status: BeadStatus;
  /** The calibrated probability that the bead is exactly right (confidence.ts), for every kind of bead. */
  readonly score: number;
  /** For an omitted or added sentence that is half of a moved passage (see moves.ts). */
  readonly move?: MoveHalf;
}

export interface AlignProgress {
  (done: number, total: number): void;
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const pos = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[pos]!;
}

export function overlapTexts(sentences: readonly string[], maxOverlap = MAX_OVERLAP): string[][] {
  const levels: string[][] = [];
  for (let k = 1; k <= maxOverlap; k++) {
    const level: string[] = [];
    for (let i = 0; i + k <= sentences.length; i++) level.push(sentences.slice(i, i + k).join(' '));
    levels.push(level);
  }
  return levels;
}

/** Each distinct text once, and where each input text went. */
function distinctTexts(texts: readonly string[]): { unique: string[]; slot: Int32Array } {
  const index = new Map<string, number>();
  const slot = new Int32Array(texts.length);
  texts.forEach((text, k) => {
    let at = index.get(text);
    if (at === undefined) index.set(text, (at = index.size));
    slot[k] = at;
  });
  return { unique: [...index.keys()], slot };
}

/** Vectors for every overlap of both documents, embedding each distinct text once (models that are not additive). */
export async function embedOverlaps(
  sourceSentences: readonly string[],
  targetSentences: readonly string[],
  embedder: Embedder,
  onProgress?: AlignProgress,
): Promise<{ source: VectorRows[]; target: VectorRows[] }> {
  const sourceLevels = overlapTexts(sourceSentences);
  const targetLevels = overlapTexts(targetSentences);
  const { unique, slot } = distinctTexts([...sourceLevels, ...targetLevels].flat());
  const vectors = await embedder.embed(unique, onProgress);
  let next = 0;
  const rows = (levels: string[][]): VectorRows[] =>
    levels.map((level) => denseRows(level.map(() => vectors[slot[next++]!]!), embedder.dimension));
  return { source: rows(sourceLevels), target: rows(targetLevels) };
}

/** A second thread with the same additive model (src/parallel): it embeds one document and shares the Gram table. */
export interface AlignmentHelper extends GramHelper {
  embedParts(texts: readonly string[]): Promise<AdditiveParts>;
}

/** The similarity provider for two documents: from additive parts when the model has them, else overlap vectors. */
export async function similarityFor(
  sourceSentences: readonly string[],
  targetSentences: readonly string[],
  embedder: Embedder,
  onProgress?: AlignProgress,
  helper?: AlignmentHelper,
): Promise<Similarity> {
  if (!embedder.embedParts) {
    const vectors = await embedOverlaps(sourceSentences, targetSentences, embedder, onProgress);
    return new OverlapSimilarity(vectors.source, vectors.target);
  }
  // One side at a time, each straight into its own rows: no matrix of both documents to copy from.
  const n = sourceSentences.length;
  const total = n + targetSentences.length;
  // With a helper, the target is embedded on its thread meanwhile (or here, if it cannot).
  const helped = helper?.embedParts(targetSentences);
  helped?.catch(() => undefined);
  const source = await embedder.embedParts(sourceSentences, (done) => onProgress?.(done, total));
  const embedTarget = () => embedder.embedParts!(targetSentences, (done) => onProgress?.(n + done, total));
  const target = helped ? await helped.catch(embedTarget) : await embedTarget();
  onProgress?.(total, total);
  return new AdditiveSimilarity(source.parts, target.parts, source.boundary, MAX_OVERLAP, helper ?? null);
}

/** `source[k - 1][i]`: the normalised vector of source sentences i .. i + k - 1 (and the same for the target). */
export interface OverlapVectors {
  readonly source: readonly (readonly Float32Array[])[];
  readonly target: readonly (readonly Float32Array[])[];
}

/** What the costs need of one document: chance distances, lengths, numbers and boilerplate of every overlap. */
interface Side {
  readonly count: number;
  /** `chance[k - 1][i]`: chance-level distance of sentences i .. i + k - 1 to the other side (at least CHANCE_MIN). */
  readonly chance: readonly Float64Array[];
  /** `lengths[k - 1][i]`: characters in sentences i .. i + k - 1. */
  readonly lengths: readonly Float64Array[];
  /** `logLengths[k - 1][i]`: log(lengths + LENGTH_SMOOTHING), so a bead's length term is a subtraction. */
  readonly logLengths: readonly Float64Array[];
  /** `numbers[k - 1][i]`: distinct numbers in sentences i .. i + k - 1. */
  readonly numbers: readonly (readonly (readonly string[])[])[];
  /** `boilerplate[k - 1][i]`: how many of sentences i .. i + k - 1 are boilerplate lines. */
  readonly boilerplate: readonly Uint8Array[];
}

const NO_NUMBERS: readonly string[] = Object.freeze([]);

function makeSide(texts: readonly string[], similarity: Similarity, side: SideName): Side {
  const evidence = texts.map(sentenceEvidence);
  const levels = Array.from({ length: similarity.maxOverlap }, (_, k) => Math.max(0, texts.length - k));
  const chance = levels.map((count, k) =>
    Float64Array.from({ length: count }, (_, i) => Math.max(similarity.chance(side, i, k + 1), CHANCE_MIN)),
  );
  const lengths = levels.map((count, k) => {
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) for (let d = 0; d <= k; d++) out[i]! += evidence[i + d]!.length;
    return out;
  });
  const logLengths = lengths.map((level) => level.map((length) => Math.log(length + LENGTH_SMOOTHING)));
  const numbers = levels.map((count, k) =>
    Array.from({ length: count }, (_, i) => {
      const found: string[] = [];
      for (let d = 0; d <= k; d++) found.push(...evidence[i + d]!.numbers);
      return found.length === 0 ? NO_NUMBERS : distinct(found);
    }),
  );
  const isLine = texts.map(isBoilerplate);
  const boilerplate = levels.map((count, k) => {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) for (let d = 0; d <= k; d++) out[i]! += isLine[i + d] ? 1 : 0;
    return out;
  });
  return { count: texts.length, chance, lengths, logLengths, numbers, boilerplate };
}

/** The parts of a bead's cost, for explaining and calibrating a score; `total` is what the DP pays. */
export interface BeadCostTerms {
  /** Cosine distance over chance distance: ~1 for unrelated text, near 0 for a clear translation. */
  semantic: number;
  /** Weighted squared log ratio of the lengths against the document's ratio. */
  length: number;
  /** Weighted number agreement (negative) or disagreement (positive). */
  number: number;
  /** The cost per sentence before weighting by size: max(0, semantic + length + number). */
  unit: number;
  /** Penalty for sentences beyond two. */
  merge: number;
  /** Penalty for the least related member of a merge. */
  member: number;
  /** Penalty for a merge holding a boilerplate line. */
  boilerplate: number;
  /** The skip price, for a 1-0 or 0-1 bead. */
  skip: number;
  total: number;
}

export function emptyCostTerms(): BeadCostTerms {
  return { semantic: 0, length: 0, number: 0, unit: 0, merge: 0, member: 0, boilerplate: 0, skip: 0, total: 0 };
}

/** Bead costs over a similarity provider and the documents' model-free evidence. */
export class BeadCoster implements BeadCostView {
  private readonly source: Side;
  private readonly target: Side;
  private readonly lengthRatio: number;
  private readonly logLengthRatio: number;
  private cells: BandCells | null = null;
  private memo: Float64Array | null = null;
  skip = SKIP_MIN;

  constructor(
    readonly similarity: Similarity,
    sourceTexts: readonly string[],
    targetTexts: readonly string[],
    private readonly tuning: AlignTuning,
  ) {
    this.source = makeSide(sourceTexts, similarity, 'source');
    this.target = makeSide(targetTexts, similarity, 'target');
    const sourceLength = this.source.lengths[0]?.reduce((sum, x) => sum + x, 0) ?? 0;
    const targetLength = this.target.lengths[0]?.reduce((sum, x) => sum + x, 0) ?? 0;
    const ratio = sourceLength > 0 && targetLength > 0 ? targetLength / sourceLength : 1;
    this.lengthRatio = Math.min(LENGTH_RATIO_MAX, Math.max(LENGTH_RATIO_MIN, ratio));
    this.logLengthRatio = Math.log(this.lengthRatio);
  }

  /**
   * Restrict to the band the dynamic programme will search: the similarity precomputes what it reads there, and
   * unless its similarities are cheap, the semantic costs of 1-1, 1-2 and 2-1 beads are memoised per start cell
   * (every merge check asks for them again).
   */
  prepare(band: Band): void {
    const cells = bandCells(band, this.source.count, this.target.count, this.similarity.maxOverlap);
    this.similarity.prepare(cells);
    this.cells = cells;
    this.memo = this.similarity.isCheap ? null : new Float64Array(cells.cells * MEMO_SHAPES).fill(NaN);
  }

  private computeSemanticCost(i: number, j: number, a: number, b: number): number {
    const chance = (this.source.chance[a - 1]![i]! + this.target.chance[b - 1]![j]!) / 2;
    return (1 - this.similarity.similarity(i, j, a, b)) / chance;
  }

  /** Cosine distance over chance distance: ~1 for unrelated text, near 0 for a clear translation. */
  private semanticCost(i: number, j: number, a: number, b: number): number {
    const memo = this.memo;
    if (memo === null || a + b > 3) return this.computeSemanticCost(i, j, a, b);
    const cell = cellOf(this.cells!, i, j);
    if (cell < 0) return this.computeSemanticCost(i, j, a, b);
    // (1, 1) -> 0, (1, 2) -> 1, (2, 1) -> 2.
    const slot = cell * MEMO_SHAPES + (a - 1) * 2 + (b - 1);
    let value = memo[slot]!;
    if (Number.isNaN(value)) memo[slot] = value = this.computeSemanticCost(i, j, a, b);
    return value;
  }

  /**
   * How unrelated the least related sentence of a merge is to the other side of the bead. Concatenated vectors
   * forgive an extra sentence (it only shifts the mean), so a merge can swallow an omitted neighbour; each of its
   * sentences must be about what the other side says.
   */
  weakestMember(i: number, j: number, a: number, b: number): number {
    // A reviewer's join can be larger than any overlap: its members are costed as terms() costs it.
    const semantic = (x: number, y: number, p: number, q: number): number =>
      this.fits(x, y, p, q) ? this.semanticCost(x, y, p, q) : (this.terms(x, y, p, q)?.semantic ?? Infinity);
    let worst = 0;
    if (a > 1) for (let k = i; k < i + a; k++) worst = Math.max(worst, semantic(k, j, 1, b));
    if (b > 1) for (let k = j; k < j + b; k++) worst = Math.max(worst, semantic(i, k, a, 1));
    return worst;
  }

  private fits(i: number, j: number, a: number, b: number): boolean {
    const max = this.similarity.maxOverlap;
    return a <= max && b <= max && i + a <= this.source.count && j + b <= this.target.count;
  }

  /** Whether a sentence is a boilerplate line ("Baca Juga: ...", "Editor: ..."). */
  isBoilerplate(side: SideName, index: number): boolean {
    return this[side].boilerplate[0]![index]! > 0;
  }

  /** Cost per sentence of the bead, before weighting: ~1 at chance, near 0 for a clear translation. */
  unitCost(i: number, j: number, a: number, b: number, terms?: BeadCostTerms): number {
    if (!this.fits(i, j, a, b)) return Infinity;
    const semantic = this.semanticCost(i, j, a, b);
    const logRatio = this.target.logLengths[b - 1]![j]! - this.source.logLengths[a - 1]![i]! - this.logLengthRatio;
    const length = this.tuning.lengthWeight * logRatio * logRatio;
    const sourceNumbers = this.source.numbers[a - 1]![i]!;
    const targetNumbers = this.target.numbers[b - 1]![j]!;
    const number =
      sourceNumbers.length > 0 || targetNumbers.length > 0 ? this.tuning.numberWeight * numberMismatch(sourceNumbers, targetNumbers) : 0;
    const unit = Math.max(0, semantic + length + number);
    if (terms) Object.assign(terms, { semantic, length, number, unit });
    return unit;
  }

  /**
   * The parts of a bead's unit cost, for its score (bead-evidence.ts), for beads of any size; null outside the
   * documents. The engine reads overlaps of at most MAX_OVERLAP sentences; a larger bead (a reviewer's join) is
   * costed with the normalised sum of its unit sentence vectors and the mean of their chance distances, which is what
   * a mean-pooled model gives for the concatenation, up to the weighting by length.
   */
  terms(i: number, j: number, a: number, b: number): CostTerms | null {
    if (a < 1 || b < 1 || i < 0 || j < 0 || i + a > this.source.count || j + b > this.target.count) return null;
    if (this.fits(i, j, a, b)) {
      const parts = emptyCostTerms();
      const unit = this.unitCost(i, j, a, b, parts);
      const logRatio = this.target.logLengths[b - 1]![j]! - this.source.logLengths[a - 1]![i]! - this.logLengthRatio;
      const sourceNumbers = this.source.numbers[a - 1]![i]!;
      const targetNumbers = this.target.numbers[b - 1]![j]!;
      return {
        cosine: this.similarity.similarity(i, j, a, b),
        chance: (this.source.chance[a - 1]![i]! + this.target.chance[b - 1]![j]!) / 2,
        semantic: parts.semantic,
        lengthTerm: logRatio * logRatio,
        numberMismatch: numberMismatch(sourceNumbers, targetNumbers),
        hasNumbers: sourceNumbers.length > 0 || targetNumbers.length > 0,
        unit,
      };
    }
    const x = new Float64Array(this.similarity.dimension);
    const y = new Float64Array(this.similarity.dimension);
    this.similarity.addUnitVectors('source', i, a, x);
    this.similarity.addUnitVectors('target', j, b, y);
    const cosine = cosineOf(x, y);
    const mean = (values: Float64Array, from: number, count: number): number => {
      let sum = 0;
      for (let k = from; k < from + count; k++) sum += values[k]!;
      return sum / count;
    };
    const chance = (mean(this.source.chance[0]!, i, a) + mean(this.target.chance[0]!, j, b)) / 2;
    const semantic = (1 - cosine) / chance;
    const logRatio = Math.log(
      (mean(this.target.lengths[0]!, j, b) * b + LENGTH_SMOOTHING) / (this.lengthRatio * (mean(this.source.lengths[0]!, i, a) * a + LENGTH_SMOOTHING)),
    );
    const sourceNumbers = distinct(this.source.numbers[0]!.slice(i, i + a).flat());
    const targetNumbers = distinct(this.target.numbers[0]!.slice(j, j + b).flat());
    const mismatch = numberMismatch(sourceNumbers, targetNumbers);
    const hasNumbers = sourceNumbers.length > 0 || targetNumbers.length > 0;
    const unit = Math.max(
      0,
      semantic + this.tuning.lengthWeight * logRatio * logRatio + (hasNumbers ? this.tuning.numberWeight * mismatch : 0),
    );
    return { cosine, chance, semantic, lengthTerm: logRatio * logRatio, numberMismatch: mismatch, hasNumbers, unit };
  }

  /** `unitCost` for beads of any size (see terms). */
  unitCostOfAnySize(i: number, j: number, a: number, b: number): number {
    // The unit terms() gives a bead that fits, without its other parts: the moves search asks this of many pairs.
    if (a >= 1 && b >= 1 && i >= 0 && j >= 0 && this.fits(i, j, a, b)) return this.unitCost(i, j, a, b);
    return this.terms(i, j, a, b)?.unit ?? Infinity;
  }

  sentenceLength(side: SideName, index: number): number {
    return this[side].lengths[0]![index]!;
  }

  /** The price of leaving one sentence unaligned. */
  skipPrice(side: SideName, index: number): number {
    return this.skip * (this[side].boilerplate[0]![index] ? this.tuning.boilerplateSkipFactor : 1);
  }

  /**
   * What the DP pays for the bead of source [i, i + a) and target [j, j + b); `terms`, when given, gets the parts.
   * With `reached` and `toBeat` (BeadCost), a merge that loses before its member penalty returns without it: the
   * penalty only adds, and weighing the members is most of a merge's cost.
   */
  cost(i: number, j: number, a: number, b: number, terms?: BeadCostTerms, reached = 0, toBeat = Infinity): number {
    if (a === 0 || b === 0) {
      const skip = a === 0 ? this.skipPrice('target', j) : this.skipPrice('source', i);
      if (terms) Object.assign(terms, emptyCostTerms(), { skip, total: skip });
      return skip;
    }
    const unit = this.unitCost(i, j, a, b, terms);
    if (unit === Infinity) return Infinity;
    const size = a + b;
    const merge = this.tuning.mergePenalty * Math.max(0, size - 2);
    const boilerplate =
      size > 2 && (this.source.boilerplate[a - 1]![i]! > 0 || this.target.boilerplate[b - 1]![j]! > 0)
        ? this.tuning.boilerplateMergePenalty
        : 0;
    const weighsMembers = size > 2 && this.tuning.memberWeight > 0;
    if (weighsMembers && terms === undefined) {
      // The total below adds the member penalty (>= 0) to unit * (size / 2) + merge before the boilerplate penalty;
      // rounding is monotone, so the total is at least this part and loses wherever it does.
      const part = unit * (size / 2) + merge + boilerplate;
      if (reached + part >= toBeat) return part;
    }
    const member = weighsMembers ? this.tuning.memberWeight * Math.max(0, this.weakestMember(i, j, a, b) - this.tuning.memberFree) : 0;
    const total = unit * (size / 2) + merge + member + boilerplate;
    if (terms) Object.assign(terms, { merge, member, boilerplate, skip: 0, total });
    return total;
  }

  beadCost: BeadCost = (i, j, a, b, reached, toBeat) => this.cost(i, j, a, b, undefined, reached, toBeat);

  /** Per shape, the least any bead of it costs (runDp's floors): the cheapest skip price, or a merge's penalty. */
  costFloors(shapes: readonly BeadShape[] = BEAD_SHAPES): Float64Array {
    const cheapestSkip = this.skip * Math.min(1, this.tuning.boilerplateSkipFactor);
    return Float64Array.from(shapes, ({ source, target }) =>
      source === 0 || target === 0 ? cheapestSkip : this.tuning.mergePenalty * Math.max(0, source + target - 2),
    );
  }
}

/** Per-row best 1-1 cost over the band: what the sentence could at best be paired with. */
function bestPairCosts(coster: BeadCoster, n: number, m: number, band: { lo: Int32Array; hi: Int32Array }) {
  const sourceBest = new Float64Array(n).fill(Infinity);
  const targetBest = new Float64Array(m).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, band.lo[i]! - 1);
    const to = Math.min(m - 1, band.hi[i + 1]!);
    for (let j = from; j <= to; j++) {
      const c = coster.unitCost(i, j, 1, 1);
      if (c < sourceBest[i]!) sourceBest[i] = c;
      if (c < targetBest[j]!) targetBest[j] = c;
    }
  }
  return { sourceBest, targetBest };
}

const COARSE_SHAPES: readonly BeadShape[] = BEAD_SHAPES.filter((s) => s.source + s.target <= 3);

/** The search band for the fine DP: everything for small inputs, coarse-to-fine otherwise. */
function searchBand(similarity: Similarity, n: number, m: number, onProgress?: AlignProgress): Band {
  if ((n + 1) * (m + 1) <= FULL_DP_MAX_CELLS) return fullBand(n, m);
  let block = 1;
  while (Math.ceil(n / block) * Math.ceil(m / block) > COARSE_MAX_CELLS) block *= LEVEL_FACTOR;
  let band: Band | null = null;
  const levels = Math.round(Math.log(block) / Math.log(LEVEL_FACTOR));
  for (let level = 0; block > 1; level++, block /= LEVEL_FACTOR) {
    const cs = blockMeans(similarity, 'source', block);
    const ct = blockMeans(similarity, 'target', block);
    const blank = (count: number) => Array.from({ length: count }, () => '');
    const coarseCoster = new BeadCoster(new OverlapSimilarity([cs], [ct]), blank(cs.count), blank(ct.count), DEFAULT_TUNING);
    coarseCoster.skip = DEFAULT_TUNING.skipMax;
    const levelBand = band ?? fullBand(cs.count, ct.count);
    const path = runDp(cs.count, ct.count, levelBand, coarseCoster.beadCost, COARSE_SHAPES, coarseCoster.costFloors(COARSE_SHAPES));
    const finer = block / LEVEL_FACTOR;
    band = bandAroundPath(path, LEVEL_FACTOR, Math.ceil(n / finer), Math.ceil(m / finer), BAND_WIDTH);
    onProgress?.(level + 1, levels + 1);
  }
  return band ?? fullBand(n, m);
}

/**
 * The engine set up for two documents, and after aligning the path it found: what judging a reviewer's beads, a
 * score calibration or an explanation of a bead needs. `coster.cost(i, j, a, b, terms)` gives any bead's cost terms.
 */
export interface AlignmentState {
  readonly coster: BeadCoster;
  readonly band: Band;
  /** Best 1-1 unit cost of each sentence inside the band: what it could at best be paired with. */
  readonly sourceBest: Float64Array;
  readonly targetBest: Float64Array;
  /** The map from a bead's evidence to its score. */
  readonly score: ScoreCalibration;
}

/** The coster restricted to its band, with the skip price derived from each sentence's best 1-1 cost in the band. */
function prepareEngine(
  similarity: Similarity,
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  tuning: AlignTuning,
  onProgress?: AlignProgress,
): AlignmentState {
  const n = sourceTexts.length;
  const m = targetTexts.length;
  const coster = new BeadCoster(similarity, sourceTexts, targetTexts, tuning);
  const band = searchBand(similarity, n, m, onProgress);
  coster.prepare(band);
  const { sourceBest, targetBest } = bestPairCosts(coster, n, m, band);
  // Boilerplate lines are no translation candidates: their best costs must not set what "a good match" costs.
  const finite = [
    ...[...sourceBest].filter((_, i) => !coster.isBoilerplate('source', i)),
    ...[...targetBest].filter((_, j) => !coster.isBoilerplate('target', j)),
  ].filter(Number.isFinite);
  const derived = tuning.skipScale * quantile(finite, tuning.skipQuantile);
  coster.skip = Math.min(tuning.skipMax, Math.max(SKIP_MIN, Number.isFinite(derived) ? derived : tuning.skipMax));
  return { coster, band, sourceBest, targetBest, score: tuning.score };
}

/**
 * The beads of a path with their scores and evidence: margins and posteriors are taken in a band around the path.
 * The one place beads get their score: the engine's path over the whole documents, and a moved passage's pairs,
 * whose path runs through the window of the two moved runs (margins and posteriors within it).
 */
function scorePath(
  engine: AlignmentState,
  path: readonly PathBead[],
  n: number,
  m: number,
  window: MoveWindow = wholeDocuments(n, m),
): { beads: AlignedBead[]; evidence: BeadEvidence[] } {
  return scoreWithConfidence(engine, path, n, m, confidenceInWindow(engine, path, window));
}

function wholeDocuments(n: number, m: number): MoveWindow {
  return { sourceStart: 0, targetStart: 0, sourceCount: n, targetCount: m };
}

/** Margins and posteriors of a path's beads, over the paths within the window. */
function confidenceInWindow(engine: AlignmentState, path: readonly PathBead[], window: MoveWindow): PathConfidence {
  const { coster } = engine;
  const { sourceStart: i0, targetStart: j0 } = window;
  const whole = i0 === 0 && j0 === 0;
  const local = whole ? path : path.map((bead) => ({ ...bead, sourceStart: bead.sourceStart - i0, targetStart: bead.targetStart - j0 }));
  const cost: BeadCost = whole ? coster.beadCost : (i, j, a, b) => coster.beadCost(i0 + i, j0 + j, a, b);
  const band = bandAroundPath(local, 1, window.sourceCount, window.targetCount, MARGIN_BAND_WIDTH);
  return pathConfidence(window.sourceCount, window.targetCount, band, cost, local, POSTERIOR_TEMPERATURE * coster.skip);
}

function scoreWithConfidence(
  engine: AlignmentState,
  path: readonly PathBead[],
  n: number,
  m: number,
  confidence: PathConfidence,
  /** The path this one was made from, when it was: its beads' evidence is reused where nothing it reads changed. */
  before?: { readonly evidence: readonly BeadEvidence[]; readonly confidence: PathConfidence; readonly oldIndex: Int32Array },
): { beads: AlignedBead[]; evidence: BeadEvidence[] } {
  const evidence = before ? evidenceAfterChanges(engine.coster, path, confidence, n, m, before) : beadEvidence(engine.coster, path, confidence, n, m);
  return { beads: path.map((bead, k) => toAlignedBead(bead, beadScore(engine.score, evidence[k]!))), evidence };
}

/** With one side empty nothing can pair: every sentence of the other is unpaired, certainly. */
function unpairedAll(n: number, m: number): AlignedBead[] {
  return [
    ...Array.from({ length: n }, (_, i) => ({ source: [i], target: [], status: 'omitted' as const, score: 1 })),
    ...Array.from({ length: m }, (_, j) => ({ source: [], target: [j], status: 'added' as const, score: 1 })),
  ];
}

/** Beads, the evidence behind each score (null where a side is empty and the bead certain), and the engine's state. */
export interface AlignmentDetail {
  readonly beads: AlignedBead[];
  readonly evidence: readonly (BeadEvidence | null)[];
  readonly state: (AlignmentState & { readonly path: readonly PathBead[] }) | null;
}

/**
 * Align two documents given a similarity provider and their sentence texts (texts feed the model-free evidence).
 * Returns beads covering every sentence exactly once, in document order on both sides, and the engine's state.
 */
export function alignWithSimilarity(
  similarity: Similarity,
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  onProgress?: AlignProgress,
  tuning: AlignTuning = DEFAULT_TUNING,
  { repair = true }: { readonly repair?: boolean } = {},
): AlignmentDetail {
  const n = sourceTexts.length;
  const m = targetTexts.length;
  if (n === 0 || m === 0) {
    const beads = unpairedAll(n, m);
    return { beads, evidence: beads.map(() => null), state: null };
  }
  const engine = prepareEngine(similarity, sourceTexts, targetTexts, tuning, onProgress);
  const first = runDp(n, m, engine.band, engine.coster.beadCost, BEAD_SHAPES, engine.coster.costFloors());
  const firstConfidence = confidenceInWindow(engine, first, wholeDocuments(n, m));
  let result = scoreWithConfidence(engine, first, n, m, firstConfidence);
  // Moved passages are judged by the same costs as the pairs in place, and scored by the same calibrated scoring.
  const { coster } = engine;
  const moves = findMoves(result.beads, {
    beadCost: coster.beadCost,
    unitCost: (i, j, a, b) => coster.unitCostOfAnySize(i, j, a, b),
    pairBoundary: 2 * coster.skip,
    score: (movePath, window) => scorePath(engine, movePath, n, m, window).beads.map((bead) => bead.score),
  });
  // With the moved sentences known to stand elsewhere, the rest is aligned again without them: a moved sentence
  // no longer pulls its neighbours into the wrong pairs, and stays unaligned in place at no cost.
  const holdsMoved = moves.length === 0 ? null : movedIn(moves, n, m);
  const confidenceIn = (part: readonly PathBead[], window: MoveWindow) => confidenceInWindow(engine, part, window);
  let path = first;
  let confidence = firstConfidence;
  const takeChanges = (changes: Rerun): void => {
    const before = { evidence: result.evidence, confidence, oldIndex: changes.oldIndex };
    path = changes.path;
    confidence = confidenceAfterRerun(confidence, changes, n, m, confidenceIn);
    result = scoreWithConfidence(engine, path, n, m, confidence, before);
  };
  if (holdsMoved) takeChanges(realignWithoutMoved(engine, first, holdsMoved, n, m));
  // The stretches the score doubts, cut again where the score's fuller evidence does better (repair.ts). The score's
  // fit asks for the path before it (src/calibrate/fit.ts), so that the fit does not feed on the map it replaces.
  const repaired = !repair ? null : repairPath(path, result.beads.map((bead) => bead.score), {
    beadCost: coster.beadCost,
    skip: coster.skip,
    slack: tuning.repairSlack,
    judge: repairJudge(engine, n, m),
    ...(holdsMoved ? { isFixed: (bead: PathBead) => holdsMoved(bead.sourceStart, bead.targetStart, bead.sourceCount, bead.targetCount) } : {}),
  });
  if (repaired) takeChanges(repaired);
  onProgress?.(1, 1);
  return { beads: markMoves(result.beads, moves), evidence: result.evidence, state: { ...engine, path } };
}

/** Scores of a stretch of a path in place, for repair.ts: margins and posteriors over the paths through the
 * stretch's window, evidence for the beads asked about only. */
function repairJudge(engine: AlignmentState, n: number, m: number): RepairJudge {
  return (part, from, to, unpairedShare) => {
    const start = part[0]!;
    const end = part.at(-1)!;
    const window: MoveWindow = {
      sourceStart: start.sourceStart,
      targetStart: start.targetStart,
      sourceCount: end.sourceStart + end.sourceCount - start.sourceStart,
      targetCount: end.targetStart + end.targetCount - start.targetStart,
    };
    const confidence = confidenceInWindow(engine, part, window);
    const evidence = beadEvidence(engine.coster, part, confidence, n, m, { range: [from, to], unpairedShare });
    return evidence.map((e) => beadScore(engine.score, e));
  };
}

/** The best path once the moved sentences stand alone: the DP again only around the first path's beads that hold
 * one (rerun.ts), as a run over the whole band finds the same path. */
function realignWithoutMoved(
  engine: AlignmentState,
  first: readonly PathBead[],
  holdsMoved: (i: number, j: number, a: number, b: number) => boolean,
  n: number,
  m: number,
): Rerun {
  const beadCost = engine.coster.beadCost;
  // A moved sentence can only stand alone and unaligned, for nothing.
  const withoutMoved: BeadCost = (i, j, a, b) => (!holdsMoved(i, j, a, b) ? beadCost(i, j, a, b) : a + b === 1 ? 0 : Infinity);
  const isChanged = (k: number): boolean => {
    const bead = first[k]!;
    return holdsMoved(bead.sourceStart, bead.targetStart, bead.sourceCount, bead.targetCount);
  };
  return rerunAround(n, m, engine.band, withoutMoved, first, isChanged);
}

/** Whether the bead of source [i, i + a) and target [j, j + b) holds a moved sentence. */
function movedIn(
  moves: readonly { readonly source: readonly number[]; readonly target: readonly number[] }[],
  n: number,
  m: number,
): (i: number, j: number, a: number, b: number) => boolean {
  // Moved sentences before each index: whether a bead holds one is two look-ups, as the DP asks for every bead.
  const before = (count: number, side: 'source' | 'target'): Int32Array => {
    const moved = new Uint8Array(count);
    for (const move of moves) for (const index of move[side]) moved[index] = 1;
    const out = new Int32Array(count + 1);
    for (let k = 0; k < count; k++) out[k + 1] = out[k]! + moved[k]!;
    return out;
  };
  const source = before(n, 'source');
  const target = before(m, 'target');
  return (i, j, a, b) => source[i + a]! - source[i]! + target[j + b]! - target[j]! > 0;
}

/** Align two documents given the vectors of all their overlaps (see OverlapVectors). */
export function alignVectors(
  vectors: OverlapVectors,
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  onProgress?: AlignProgress,
  tuning: AlignTuning = DEFAULT_TUNING,
): AlignedBead[] {
  const rows = (levels: OverlapVectors['source']) => levels.map((level) => denseRows(level));
  const similarity = new OverlapSimilarity(rows(vectors.source), rows(vectors.target));
  return alignWithSimilarity(similarity, sourceTexts, targetTexts, onProgress, tuning).beads;
}

/** A bead a reviewer made or wants split: consecutive sentence indexes on each side. */
export interface BeadSentences {
  readonly source: readonly number[];
  readonly target: readonly number[];
}

/** What the engine thinks of beads a reviewer made, with the costs, skip price and scores of `alignWithSimilarity`. */
export interface BeadJudge {
  /**
   * The bead's status and score, as if the engine had chosen it: a bead of the engine's alignment keeps its score;
   * another is scored within the engine's path with the bead put in (neighbours refilled by the DP), where its
   * margin is nil, since the engine preferred something else.
   */
  score(bead: BeadSentences): AlignedBead;
  /** The best 1-1, 1-0 and 0-1 beads for the bead's sentences: a merge split back into single pairs. */
  split(bead: BeadSentences): AlignedBead[];
}

/** Only single pairs: what a split merge may become. */
const SINGLE_SHAPES: readonly BeadShape[] = BEAD_SHAPES.filter((shape) => shape.source + shape.target <= 2);

function firstOfRun(indexes: readonly number[], side: string): number {
  indexes.forEach((index, k) => {
    if (k > 0 && index !== indexes[k - 1]! + 1) throw new RangeError(`a bead's ${side} sentences must be consecutive: ${indexes.join(', ')}`);
  });
  return indexes[0] ?? 0;
}

const beadKey = (bead: { readonly source: readonly number[]; readonly target: readonly number[] }): string =>
  `${bead.source.join(',')}|${bead.target.join(',')}`;

/** The best beads of a rectangle of sentences (shapes given), as a piece of a path from (i0, j0). */
function fillRectangle(
  coster: BeadCoster,
  i0: number,
  j0: number,
  rows: number,
  columns: number,
  shapes: readonly BeadShape[] = BEAD_SHAPES,
): PathBead[] {
  if (rows === 0 && columns === 0) return [];
  if (rows === 0 || columns === 0 || (rows + 1) * (columns + 1) > GAP_DP_MAX_CELLS) {
    return [
      ...Array.from({ length: rows }, (_, d) => ({ sourceStart: i0 + d, sourceCount: 1, targetStart: j0, targetCount: 0, cost: 0 })),
      ...Array.from({ length: columns }, (_, d) => ({ sourceStart: i0 + rows, sourceCount: 0, targetStart: j0 + d, targetCount: 1, cost: 0 })),
    ];
  }
  const cost = (i: number, j: number, a: number, b: number): number => coster.beadCost(i0 + i, j0 + j, a, b);
  return runDp(rows, columns, fullBand(rows, columns), cost, shapes).map((step) => ({
    ...step,
    sourceStart: i0 + step.sourceStart,
    targetStart: j0 + step.targetStart,
  }));
}

/** The engine for two documents, kept to judge the beads a reviewer makes (see BeadJudge). */
export function judgeBeads(
  similarity: Similarity,
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  tuning: AlignTuning = DEFAULT_TUNING,
): BeadJudge {
  const n = sourceTexts.length;
  const m = targetTexts.length;
  // The engine's own alignment (moves, their realignment and the repair included): a bead it chose gets the status
  // and score it was given (not its move: which passages moved is the alignment's, not one bead's), and a reviewer's
  // bead is put into its path.
  const detail = alignWithSimilarity(similarity, sourceTexts, targetTexts, undefined, tuning);
  const engine = detail.state;
  const path = engine?.path ?? [];
  const chosen = new Map(detail.beads.map(({ move: _move, ...bead }) => [beadKey(bead), bead]));
  const toPathBeads = (bead: BeadSentences): PathBead[] => {
    const sourceStart = firstOfRun(bead.source, 'source');
    const targetStart = firstOfRun(bead.target, 'target');
    // An unpaired bead of several sentences (a reviewer's join) is its sentences, each unpaired.
    if (bead.target.length === 0) return bead.source.map((i) => ({ sourceStart: i, sourceCount: 1, targetStart, targetCount: 0, cost: 0 }));
    if (bead.source.length === 0) return bead.target.map((j) => ({ sourceStart, sourceCount: 0, targetStart: j, targetCount: 1, cost: 0 }));
    return [{ sourceStart, sourceCount: bead.source.length, targetStart, targetCount: bead.target.length, cost: 0 }];
  };
  /** Scores of consecutive beads put into the engine's path in place of what covered their sentences. */
  const judgeInPath = (beads: readonly PathBead[]): AlignedBead[] => {
    if (engine === null) return beads.map((bead) => toAlignedBead(bead, 1));
    const first = beads[0]!;
    const last = beads[beads.length - 1]!;
    const [i0, j0] = [first.sourceStart, first.targetStart];
    const [i1, j1] = [last.sourceStart + last.sourceCount, last.targetStart + last.targetCount];
    let before = 0;
    while (before < path.length && path[before]!.sourceStart + path[before]!.sourceCount <= i0 && path[before]!.targetStart + path[before]!.targetCount <= j0) before++;
    let after = path.length;
    while (after > before && path[after - 1]!.sourceStart >= i1 && path[after - 1]!.targetStart >= j1) after--;
    const prefixEnd = before > 0 ? path[before - 1]! : null;
    const [pi, pj] = prefixEnd ? [prefixEnd.sourceStart + prefixEnd.sourceCount, prefixEnd.targetStart + prefixEnd.targetCount] : [0, 0];
    const suffixStart = path[after];
    const [si, sj] = suffixStart ? [suffixStart.sourceStart, suffixStart.targetStart] : [n, m];
    const gapBefore = fillRectangle(engine.coster, pi, pj, i0 - pi, j0 - pj);
    const forced = [...path.slice(0, before), ...gapBefore, ...beads, ...fillRectangle(engine.coster, i1, j1, si - i1, sj - j1), ...path.slice(after)];
    const start = before + gapBefore.length;
    return scorePath(engine, forced, n, m).beads.slice(start, start + beads.length);
  };
  const score = (bead: BeadSentences): AlignedBead => {
    if (bead.source.length === 0 && bead.target.length === 0) throw new RangeError('a bead needs at least one sentence');
    const pieces = toPathBeads(bead);
    const known = chosen.get(beadKey(bead));
    if (known) return known;
    const judged = judgeInPath(pieces);
    // An unpaired join is as doubtful as its most doubtful sentence.
    return { ...toAlignedBead({ ...pieces[0]!, sourceCount: bead.source.length, targetCount: bead.target.length }, 0), score: Math.min(...judged.map((b) => b.score)) };
  };
  const split = (bead: BeadSentences): AlignedBead[] => {
    const pieces = toPathBeads(bead);
    if (engine === null || pieces.length > 1 || bead.source.length === 0 || bead.target.length === 0) {
      return [...bead.source.map((i) => score({ source: [i], target: [] })), ...bead.target.map((j) => score({ source: [], target: [j] }))];
    }
    const whole = pieces[0]!;
    const steps = fillRectangle(engine.coster, whole.sourceStart, whole.targetStart, whole.sourceCount, whole.targetCount, SINGLE_SHAPES);
    const judged = judgeInPath(steps);
    return judged.map((b) => chosen.get(beadKey(b)) ?? b);
  };
  return { score, split };
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => start + k);
}

function toAlignedBead(bead: PathBead, score: number): AlignedBead {
  const source = range(bead.sourceStart, bead.sourceCount);
  const target = range(bead.targetStart, bead.targetCount);
  const status = bead.targetCount === 0 ? 'omitted' : bead.sourceCount === 0 ? 'added' : 'aligned';
  return { source, target, status, score };
}

/** Memory an alignment may take beyond the program and its model: 2 GB in all (issue 13's bound). */
const ALIGNMENT_MEMORY_BYTES = 1.8 * 2 ** 30;
/**
 * Memory per sentence (both documents counted) aligning with an additive model: 2.5 KiB measured on the bench's
 * pairs from 16,000 to 513,000 sentences, a KiB of it the int16 parts.
 */
const ADDITIVE_SENTENCE_BYTES = 2.5 * 1024;
/** The same without the parts, for models whose overlaps are embedded: their vectors come on top. */
const SENTENCE_BYTES_BESIDES_VECTORS = 1.5 * 1024;

/**
 * The most sentences (both documents together) the engine aligns with this embedder within its memory bound:
 * 750,000 with the bundled model, 180,000 with a 768-dimensional transformer (three overlap vectors a sentence).
 */
export function maxSentences(embedder: Embedder): number {
  const perSentence = embedder.embedParts
    ? ADDITIVE_SENTENCE_BYTES
    : SENTENCE_BYTES_BESIDES_VECTORS + MAX_OVERLAP * Float32Array.BYTES_PER_ELEMENT * embedder.dimension;
  return Math.floor(ALIGNMENT_MEMORY_BYTES / perSentence / 10_000) * 10_000;
}

/** Embed and align in one call: the engine's entry point for the pipeline. */
export async function alignSentences(
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  embedder: Embedder,
  options: { embed?: AlignProgress; align?: AlignProgress; tuning?: Partial<AlignTuning>; helper?: AlignmentHelper } = {},
): Promise<AlignedBead[]> {
  const similarity = await similarityFor(sourceTexts, targetTexts, embedder, options.embed, options.helper);
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  return alignWithSimilarity(similarity, sourceTexts, targetTexts, options.align, tuning).beads;
}
