/**
 * The alignment engine: sentence vectors in, beads out. Pure apart from the embedder call; no I/O.
 *
 * Cost of a bead (after Vecalign): the cosine distance of the vectors of its concatenated sentences ("overlaps"),
 * divided by how far each side is from unrelated sentences of the other document, so that ~1 means "no better than
 * chance" whatever the model; plus length-ratio and number evidence; weighted by the sentences it covers. The price
 * of leaving a sentence unaligned is derived from the documents themselves. Long documents are aligned
 * coarse-to-fine: blocks of sentences first, then a band around that path at each finer level.
 */
import type { Embedder } from '../embed/embedder.js';
import type { PairStatus } from '../types.js';
import { beadEvidence, type BeadCostView, type BeadEvidence, type CostTerms } from './bead-evidence.js';
import { isBoilerplate } from './boilerplate.js';
import { beadScore, type ScoreCalibration } from './confidence.js';
import { BEAD_SHAPES, bandAroundPath, fullBand, pathConfidence, runDp, type BeadShape, type PathBead } from './dp.js';
import { distinct, numberMismatch, sentenceEvidence } from './evidence.js';
import { seededRandom } from './random.js';
import { BUNDLED_SCORE, LEXICAL_SCORE } from './score-coefficients.js';
import { dot, meanOf, sparseDot, toSparse, type SparseVector } from './vectors.js';

/** Largest bead side (1-3, 3-1): the overlaps embedded for each document. */
export const MAX_OVERLAP = 3;
/** Unrelated sentences sampled per vector to estimate its chance-level distance (Vecalign samples similarly). */
const NORMALIZER_SAMPLES = 24;
/** Coarse levels only steer the band: fewer samples do. */
const COARSE_NORMALIZER_SAMPLES = 6;
/** Full DP up to this many cells; beyond, coarse-to-fine (a 300 x 300 article stays exact). */
const FULL_DP_MAX_CELLS = 90_000;
/** The coarsest level is small enough to be aligned in full. */
const COARSE_MAX_CELLS = 40_000;
/** Band half-width, in sentences of the level being refined; wide enough for a run of omitted sentences. */
const BAND_WIDTH = 8;
/** Smoothing added to character lengths so that very short lines do not dominate the length ratio. */
const LENGTH_SMOOTHING = 20;
/**
 * Bounds of the expected target/source length ratio. Indonesian runs 0.9-1.25 times English in characters on the dev
 * cases; a whole-document ratio beyond that means one side lost or gained content, not a different language.
 */
const LENGTH_RATIO_MIN = 0.8;
const LENGTH_RATIO_MAX = 1.3;
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
};

/** Tuned for sentence-embedding models (the bundled one), whose similarities separate translations clearly. */
export const EMBEDDING_MODEL_TUNING: AlignTuning = {
  ...DEFAULT_TUNING,
  lengthWeight: 0.75,
  skipScale: 1.05,
  memberWeight: 3,
  memberFree: 0.9,
  score: BUNDLED_SCORE,
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

/** Vectors for every overlap of both documents, embedding each distinct text once. */
export async function embedOverlaps(
  sourceSentences: readonly string[],
  targetSentences: readonly string[],
  embedder: Embedder,
  onProgress?: AlignProgress,
): Promise<{ source: Float32Array[][]; target: Float32Array[][] }> {
  const sourceLevels = overlapTexts(sourceSentences);
  const targetLevels = overlapTexts(targetSentences);
  const unique = new Map<string, number>();
  for (const level of [...sourceLevels, ...targetLevels]) {
    for (const text of level) if (!unique.has(text)) unique.set(text, unique.size);
  }
  const texts = [...unique.keys()];
  const vectors = await embedder.embed(texts, onProgress);
  const lookup = (levels: string[][]): Float32Array[][] =>
    levels.map((level) => level.map((text) => vectors[unique.get(text)!]!));
  return { source: lookup(sourceLevels), target: lookup(targetLevels) };
}

export interface OverlapVectors {
  /** `source[k - 1][i]`: the vector of source sentences i .. i + k - 1. */
  readonly source: readonly (readonly Float32Array[])[];
  readonly target: readonly (readonly Float32Array[])[];
}

interface Side {
  readonly vectors: readonly (readonly Float32Array[])[];
  /** Sparse forms of the vectors where they are sparse (null where dense). */
  readonly sparse: readonly (readonly (SparseVector | null)[])[];
  /** Chance-level cosine distance of each overlap vector to the other side's sentences. */
  readonly chance: readonly Float64Array[];
  /** `lengths[k - 1][i]`: characters in sentences i .. i + k - 1. */
  readonly lengths: readonly Float64Array[];
  /** `numbers[k - 1][i]`: numbers in sentences i .. i + k - 1. */
  readonly numbers: readonly (readonly (readonly string[])[])[];
  /** `boilerplate[k - 1][i]`: how many of sentences i .. i + k - 1 are boilerplate lines. */
  readonly boilerplate: readonly Uint8Array[];
}

function makeSide(
  vectors: readonly (readonly Float32Array[])[],
  others: readonly Float32Array[],
  texts: readonly string[],
  seed: number,
  samples: number,
): Side {
  const evidence = texts.map(sentenceEvidence);
  const lengths = vectors.map((level, k) => {
    const out = new Float64Array(level.length);
    for (let i = 0; i < level.length; i++) for (let d = 0; d <= k; d++) out[i]! += evidence[i + d]?.length ?? 0;
    return out;
  });
  const numbers = vectors.map((level, k) =>
    level.map((_, i) => distinct(evidence.slice(i, i + k + 1).flatMap((e) => e.numbers))),
  );
  const isLine = texts.map(isBoilerplate);
  const boilerplate = vectors.map((level, k) => {
    const out = new Uint8Array(level.length);
    for (let i = 0; i < level.length; i++) for (let d = 0; d <= k; d++) out[i]! += isLine[i + d] ? 1 : 0;
    return out;
  });
  const sparse = vectors.map((level) => level.map(toSparse));
  return { vectors, sparse, chance: chanceDistances(vectors, sparse, others, seed, samples), lengths, numbers, boilerplate };
}

function chanceDistances(
  vectors: readonly (readonly Float32Array[])[],
  sparseVectors: readonly (readonly (SparseVector | null)[])[],
  others: readonly Float32Array[],
  seed: number,
  sampleCount: number,
): Float64Array[] {
  const next = seededRandom(seed);
  return vectors.map((level, k) => {
    const out = new Float64Array(level.length);
    const samples = Math.min(sampleCount, others.length);
    for (let i = 0; i < level.length; i++) {
      let sum = 0;
      const sparse = sparseVectors[k]![i];
      for (let s = 0; s < samples; s++) {
        const other = others[Math.floor(next() * others.length)]!;
        sum += 1 - (sparse ? sparseDot(sparse, other) : dot(level[i]!, other));
      }
      // Guard against degenerate documents (all sentences identical): chance distance cannot be zero.
      out[i] = Math.max(samples > 0 ? sum / samples : 1, 0.05);
    }
    return out;
  });
}

class BeadCoster implements BeadCostView {
  private readonly source: Side;
  private readonly target: Side;
  private readonly lengthRatio: number;
  skip = SKIP_MIN;

  constructor(
    vectors: OverlapVectors,
    sourceTexts: readonly string[],
    targetTexts: readonly string[],
    private readonly tuning: AlignTuning,
    samples = NORMALIZER_SAMPLES,
  ) {
    this.source = makeSide(vectors.source, vectors.target[0] ?? [], sourceTexts, 17, samples);
    this.target = makeSide(vectors.target, vectors.source[0] ?? [], targetTexts, 29, samples);
    const sourceLength = this.source.lengths[0]?.reduce((sum, x) => sum + x, 0) ?? 0;
    const targetLength = this.target.lengths[0]?.reduce((sum, x) => sum + x, 0) ?? 0;
    const ratio = sourceLength > 0 && targetLength > 0 ? targetLength / sourceLength : 1;
    this.lengthRatio = Math.min(LENGTH_RATIO_MAX, Math.max(LENGTH_RATIO_MIN, ratio));
  }

  private similarity(i: number, j: number, a: number, b: number): number {
    const y = this.target.vectors[b - 1]![j]!;
    const sparse = this.source.sparse[a - 1]![i];
    return sparse ? sparseDot(sparse, y) : dot(this.source.vectors[a - 1]![i]!, y);
  }

  /** Cosine distance over chance distance: ~1 for unrelated text, near 0 for a clear translation. */
  private semanticCost(i: number, j: number, a: number, b: number): number {
    const chance = (this.source.chance[a - 1]![i]! + this.target.chance[b - 1]![j]!) / 2;
    return (1 - this.similarity(i, j, a, b)) / chance;
  }

  /**
   * How unrelated the least related sentence of a merge is to the other side of the bead. Concatenated vectors
   * forgive an extra sentence (it only shifts the mean), so a merge can swallow an omitted neighbour; each of its
   * sentences must be about what the other side says.
   */
  weakestMember(i: number, j: number, a: number, b: number): number {
    // A reviewer's join can be larger than any embedded overlap: its members are costed as terms() costs it.
    const semantic = (x: number, y: number, p: number, q: number): number =>
      p <= MAX_OVERLAP && q <= MAX_OVERLAP ? this.semanticCost(x, y, p, q) : (this.terms(x, y, p, q)?.semantic ?? Infinity);
    let worst = 0;
    if (a > 1) for (let k = i; k < i + a; k++) worst = Math.max(worst, semantic(k, j, 1, b));
    if (b > 1) for (let k = j; k < j + b; k++) worst = Math.max(worst, semantic(i, k, a, 1));
    return worst;
  }

  /** Whether a sentence is a boilerplate line ("Baca Juga: ...", "Editor: ..."). */
  isBoilerplate(side: 'source' | 'target', index: number): boolean {
    return this[side].boilerplate[0]![index]! > 0;
  }

  /** Cost per sentence of the bead, before weighting: ~1 at chance, near 0 for a clear translation. */
  unitCost(i: number, j: number, a: number, b: number): number {
    if (this.source.vectors[a - 1]?.[i] === undefined || this.target.vectors[b - 1]?.[j] === undefined) return Infinity;
    const logRatio = Math.log(
      (this.target.lengths[b - 1]![j]! + LENGTH_SMOOTHING) /
        (this.lengthRatio * (this.source.lengths[a - 1]![i]! + LENGTH_SMOOTHING)),
    );
    return this.combine(this.semanticCost(i, j, a, b), logRatio, this.source.numbers[a - 1]![i]!, this.target.numbers[b - 1]![j]!);
  }

  /** The unit cost from its parts: semantic cost, log length ratio against the document's, the numbers of each side. */
  private combine(semantic: number, logRatio: number, sourceNumbers: readonly string[], targetNumbers: readonly string[]): number {
    let cost = semantic + this.tuning.lengthWeight * logRatio * logRatio;
    if (sourceNumbers.length > 0 || targetNumbers.length > 0) {
      cost += this.tuning.numberWeight * numberMismatch(sourceNumbers, targetNumbers);
    }
    return Math.max(0, cost);
  }

  /**
   * The parts of a bead's unit cost, for its score (bead-evidence.ts), for beads of any size; null outside the
   * documents. The engine embeds overlaps of at most MAX_OVERLAP sentences; a larger bead (a reviewer's join) is
   * costed with the normalised mean of its sentence vectors and chance distances, which is what a mean-pooled model
   * gives for the concatenation, up to the weighting by length.
   */
  terms(i: number, j: number, a: number, b: number): CostTerms | null {
    const n = this.source.lengths[0]!.length;
    const m = this.target.lengths[0]!.length;
    if (a < 1 || b < 1 || i < 0 || j < 0 || i + a > n || j + b > m) return null;
    const isEmbedded = a <= MAX_OVERLAP && b <= MAX_OVERLAP;
    const mean = (values: Float64Array, from: number, count: number): number => {
      let sum = 0;
      for (let k = from; k < from + count; k++) sum += values[k]!;
      return sum / count;
    };
    const cosine = isEmbedded
      ? this.similarity(i, j, a, b)
      : dot(meanOf(this.source.vectors[0]!, i, i + a), meanOf(this.target.vectors[0]!, j, j + b));
    const chance = isEmbedded
      ? (this.source.chance[a - 1]![i]! + this.target.chance[b - 1]![j]!) / 2
      : (mean(this.source.chance[0]!, i, a) + mean(this.target.chance[0]!, j, b)) / 2;
    const sourceLength = isEmbedded ? this.source.lengths[a - 1]![i]! : mean(this.source.lengths[0]!, i, a) * a;
    const targetLength = isEmbedded ? this.target.lengths[b - 1]![j]! : mean(this.target.lengths[0]!, j, b) * b;
    const logRatio = Math.log((targetLength + LENGTH_SMOOTHING) / (this.lengthRatio * (sourceLength + LENGTH_SMOOTHING)));
    const sourceNumbers = isEmbedded ? this.source.numbers[a - 1]![i]! : distinct(this.source.numbers[0]!.slice(i, i + a).flat());
    const targetNumbers = isEmbedded ? this.target.numbers[b - 1]![j]! : distinct(this.target.numbers[0]!.slice(j, j + b).flat());
    const semantic = (1 - cosine) / chance;
    return {
      cosine,
      chance,
      semantic,
      lengthTerm: logRatio * logRatio,
      numberMismatch: numberMismatch(sourceNumbers, targetNumbers),
      hasNumbers: sourceNumbers.length > 0 || targetNumbers.length > 0,
      unit: this.combine(semantic, logRatio, sourceNumbers, targetNumbers),
    };
  }

  sentenceLength(side: 'source' | 'target', index: number): number {
    return this[side].lengths[0]![index]!;
  }

  /** The price of leaving one sentence unaligned. */
  skipPrice(side: 'source' | 'target', index: number): number {
    return this.skip * (this[side].boilerplate[0]![index] ? this.tuning.boilerplateSkipFactor : 1);
  }

  beadCost = (i: number, j: number, a: number, b: number): number => {
    if (a === 0) return this.skipPrice('target', j);
    if (b === 0) return this.skipPrice('source', i);
    const unit = this.unitCost(i, j, a, b);
    if (unit === Infinity) return Infinity;
    const size = a + b;
    let cost = unit * (size / 2) + this.tuning.mergePenalty * Math.max(0, size - 2);
    if (size > 2 && this.tuning.memberWeight > 0) {
      cost += this.tuning.memberWeight * Math.max(0, this.weakestMember(i, j, a, b) - this.tuning.memberFree);
    }
    if (size > 2 && (this.source.boilerplate[a - 1]![i]! > 0 || this.target.boilerplate[b - 1]![j]! > 0)) {
      cost += this.tuning.boilerplateMergePenalty;
    }
    return cost;
  };
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

function coarseVectors(vectors: readonly Float32Array[], block: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let i = 0; i < vectors.length; i += block) out.push(meanOf(vectors, i, Math.min(vectors.length, i + block)));
  return out;
}

const COARSE_SHAPES: readonly BeadShape[] = BEAD_SHAPES.filter((s) => s.source + s.target <= 3);

/** The search band for the fine DP: everything for small inputs, coarse-to-fine otherwise. */
function searchBand(vectors: OverlapVectors, n: number, m: number, onProgress?: AlignProgress) {
  if ((n + 1) * (m + 1) <= FULL_DP_MAX_CELLS) return fullBand(n, m);
  const sourceSingles = vectors.source[0]!;
  const targetSingles = vectors.target[0]!;
  let block = 1;
  while (Math.ceil(n / block) * Math.ceil(m / block) > COARSE_MAX_CELLS) block *= 2;
  let band: ReturnType<typeof fullBand> | null = null;
  const levels = Math.log2(block);
  for (let level = 0; block >= 2; level++, block /= 2) {
    const cs = coarseVectors(sourceSingles, block);
    const ct = coarseVectors(targetSingles, block);
    const coarseCoster = new BeadCoster({ source: [cs], target: [ct] }, cs.map(() => ''), ct.map(() => ''), DEFAULT_TUNING, COARSE_NORMALIZER_SAMPLES);
    coarseCoster.skip = DEFAULT_TUNING.skipMax;
    const levelBand = band ?? fullBand(cs.length, ct.length);
    const path = runDp(cs.length, ct.length, levelBand, coarseCoster.beadCost, COARSE_SHAPES);
    const finerN = block === 2 ? n : Math.ceil(n / (block / 2));
    const finerM = block === 2 ? m : Math.ceil(m / (block / 2));
    band = bandAroundPath(path, 2, finerN, finerM, BAND_WIDTH);
    onProgress?.(level + 1, levels + 1);
  }
  return band ?? fullBand(n, m);
}

/** The engine set up for two documents: the coster with its skip price, and the band the DP searches. */
interface PreparedEngine {
  readonly coster: BeadCoster;
  readonly band: ReturnType<typeof fullBand>;
  readonly tuning: AlignTuning;
}

function prepareEngine(
  vectors: OverlapVectors,
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  tuning: AlignTuning,
  onProgress?: AlignProgress,
): PreparedEngine {
  const n = sourceTexts.length;
  const m = targetTexts.length;
  const coster = new BeadCoster(vectors, sourceTexts, targetTexts, tuning);
  const band = searchBand(vectors, n, m, onProgress);
  const { sourceBest, targetBest } = bestPairCosts(coster, n, m, band);
  // Boilerplate lines are no translation candidates: their best costs must not set what "a good match" costs.
  const finite = [
    ...[...sourceBest].filter((_, i) => !coster.isBoilerplate('source', i)),
    ...[...targetBest].filter((_, j) => !coster.isBoilerplate('target', j)),
  ].filter(Number.isFinite);
  const derived = tuning.skipScale * quantile(finite, tuning.skipQuantile);
  coster.skip = Math.min(tuning.skipMax, Math.max(SKIP_MIN, Number.isFinite(derived) ? derived : tuning.skipMax));
  return { coster, band, tuning };
}

/** Beads and, for each, the evidence its score came from (null where a side is empty and the bead is certain). */
export interface AlignmentDetail {
  readonly beads: AlignedBead[];
  readonly evidence: readonly (BeadEvidence | null)[];
}

/** The beads of a path with their scores: margins and posteriors are taken in a band around the path. */
function scorePath(engine: PreparedEngine, path: readonly PathBead[], n: number, m: number): AlignmentDetail {
  const { coster } = engine;
  const band = bandAroundPath(path, 1, n, m, MARGIN_BAND_WIDTH);
  const confidence = pathConfidence(n, m, band, coster.beadCost, path, POSTERIOR_TEMPERATURE * coster.skip);
  const evidence = beadEvidence(coster, path, confidence, n, m);
  return { beads: path.map((bead, k) => toAlignedBead(bead, beadScore(engine.tuning.score, evidence[k]!))), evidence };
}

/** With one side empty nothing can pair: every sentence of the other is unpaired, certainly. */
function unpairedAll(n: number, m: number): AlignedBead[] {
  return [
    ...Array.from({ length: n }, (_, i) => ({ source: [i], target: [], status: 'omitted' as const, score: 1 })),
    ...Array.from({ length: m }, (_, j) => ({ source: [], target: [j], status: 'added' as const, score: 1 })),
  ];
}

/**
 * Align two documents given their overlap vectors and sentence texts (texts feed the model-free evidence).
 * Returns beads covering every sentence exactly once, in document order on both sides.
 */
export function alignVectors(
  vectors: OverlapVectors,
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  onProgress?: AlignProgress,
  tuning: AlignTuning = DEFAULT_TUNING,
): AlignedBead[] {
  return alignVectorsInDetail(vectors, sourceTexts, targetTexts, onProgress, tuning).beads;
}

/** `alignVectors`, with the evidence behind each score (for the score fit and its checks). */
export function alignVectorsInDetail(
  vectors: OverlapVectors,
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  onProgress?: AlignProgress,
  tuning: AlignTuning = DEFAULT_TUNING,
): AlignmentDetail {
  const n = sourceTexts.length;
  const m = targetTexts.length;
  if (n === 0 || m === 0) {
    const beads = unpairedAll(n, m);
    return { beads, evidence: beads.map(() => null) };
  }
  const engine = prepareEngine(vectors, sourceTexts, targetTexts, tuning, onProgress);
  const path = runDp(n, m, engine.band, engine.coster.beadCost);
  onProgress?.(1, 1);
  return scorePath(engine, path, n, m);
}

/** A bead a reviewer made or wants split: consecutive sentence indexes on each side. */
export interface BeadSentences {
  readonly source: readonly number[];
  readonly target: readonly number[];
}

/** What the engine thinks of beads a reviewer made, with the costs, skip price and scores of `alignVectors`. */
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
  vectors: OverlapVectors,
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  tuning: AlignTuning = DEFAULT_TUNING,
): BeadJudge {
  const n = sourceTexts.length;
  const m = targetTexts.length;
  const engine = n > 0 && m > 0 ? prepareEngine(vectors, sourceTexts, targetTexts, tuning) : null;
  const path = engine ? runDp(n, m, engine.band, engine.coster.beadCost) : [];
  const chosen = new Map((engine ? scorePath(engine, path, n, m).beads : unpairedAll(n, m)).map((bead) => [beadKey(bead), bead]));
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

/** Embed and align in one call: the engine's entry point for the pipeline. */
export async function alignSentences(
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  embedder: Embedder,
  options: { embed?: AlignProgress; align?: AlignProgress; tuning?: Partial<AlignTuning> } = {},
): Promise<AlignedBead[]> {
  const vectors = await embedOverlaps(sourceTexts, targetTexts, embedder, options.embed);
  return alignVectors(vectors, sourceTexts, targetTexts, options.align, { ...DEFAULT_TUNING, ...options.tuning });
}
