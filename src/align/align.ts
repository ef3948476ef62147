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
import { isBoilerplate } from './boilerplate.js';
import { BEAD_SHAPES, bandAroundPath, fullBand, runDp, type BeadShape, type PathBead } from './dp.js';
import { distinct, numberMismatch, sentenceEvidence } from './evidence.js';
import { findMoves, markMoves, type MoveHalf } from './moves.js';
import { seededRandom } from './random.js';
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
};

/** Tuned for sentence-embedding models (the bundled one), whose similarities separate translations clearly. */
export const EMBEDDING_MODEL_TUNING: AlignTuning = {
  ...DEFAULT_TUNING,
  lengthWeight: 0.75,
  skipScale: 1.05,
  memberWeight: 3,
  memberFree: 0.9,
};

/** For two versions in one language: a paraphrase shares words, and unrelated sentences must stay apart. */
export const SAME_LANGUAGE_SKIP_MAX = 0.45;

/**
 * Confidence floor that a boilerplate line left unaligned really has no counterpart: its label ("Baca Juga:",
 * "Editor:") says so more surely than its similarity to nearby sentences on the same topic.
 */
const BOILERPLATE_UNPAIRED_CONFIDENCE = 0.9;
/** Steepness of the logistic that maps a bead's cost to a score in [0, 1]. */
const SCORE_STEEPNESS = 6;

export type BeadStatus = PairStatus;

export interface AlignedBead {
  readonly source: readonly number[];
  readonly target: readonly number[];
  readonly status: BeadStatus;
  /** In [0, 1]: certainty of the translation link, or for omitted/added, certainty that none exists. */
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

class BeadCoster {
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
  private weakestMember(i: number, j: number, a: number, b: number): number {
    let worst = 0;
    if (a > 1) for (let k = i; k < i + a; k++) worst = Math.max(worst, this.semanticCost(k, j, 1, b));
    if (b > 1) for (let k = j; k < j + b; k++) worst = Math.max(worst, this.semanticCost(i, k, a, 1));
    return worst;
  }

  /** Whether a sentence is a boilerplate line ("Baca Juga: ...", "Editor: ..."). */
  isBoilerplate(side: 'source' | 'target', index: number): boolean {
    return this[side].boilerplate[0]![index]! > 0;
  }

  /** Cost per sentence of the bead, before weighting: ~1 at chance, near 0 for a clear translation. */
  unitCost(i: number, j: number, a: number, b: number): number {
    if (this.source.vectors[a - 1]?.[i] === undefined || this.target.vectors[b - 1]?.[j] === undefined) return Infinity;
    let cost = this.semanticCost(i, j, a, b);
    const logRatio = Math.log(
      (this.target.lengths[b - 1]![j]! + LENGTH_SMOOTHING) /
        (this.lengthRatio * (this.source.lengths[a - 1]![i]! + LENGTH_SMOOTHING)),
    );
    cost += this.tuning.lengthWeight * logRatio * logRatio;
    const sourceNumbers = this.source.numbers[a - 1]![i]!;
    const targetNumbers = this.target.numbers[b - 1]![j]!;
    if (sourceNumbers.length > 0 || targetNumbers.length > 0) {
      cost += this.tuning.numberWeight * numberMismatch(sourceNumbers, targetNumbers);
    }
    return Math.max(0, cost);
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

/** Maps a cost per sentence to [0, 1]; `boundary` is the cost at which pairing and skipping are equally cheap. */
function scoreFromCost(unitCost: number, boundary: number): number {
  return 1 / (1 + Math.exp((SCORE_STEEPNESS * (unitCost - boundary)) / boundary));
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
  const n = sourceTexts.length;
  const m = targetTexts.length;
  if (n === 0 || m === 0) {
    return [
      ...sourceTexts.map((_, i) => ({ source: [i], target: [], status: 'omitted' as const, score: 1 })),
      ...targetTexts.map((_, j) => ({ source: [], target: [j], status: 'added' as const, score: 1 })),
    ];
  }
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
  const path = runDp(n, m, band, coster.beadCost);
  const beads = path.map((bead) => toAlignedBead(bead, coster, sourceBest, targetBest));
  // Moved passages are judged by the same costs and scores as the pairs in place.
  const moves = findMoves(beads, {
    beadCost: coster.beadCost,
    score: (i, j, a, b) => alignedScore(coster, i, j, a, b),
    unitCost: (i, j, a, b) => coster.unitCost(i, j, a, b),
  });
  onProgress?.(1, 1);
  return markMoves(beads, moves);
}

/** The score of an aligned bead: the one place pairs in place and moved pairs get theirs. */
function alignedScore(coster: BeadCoster, i: number, j: number, a: number, b: number): number {
  return scoreFromCost(coster.unitCost(i, j, a, b), 2 * coster.skip);
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => start + k);
}

function toAlignedBead(
  bead: PathBead,
  coster: BeadCoster,
  sourceBest: Float64Array,
  targetBest: Float64Array,
): AlignedBead {
  const source = range(bead.sourceStart, bead.sourceCount);
  const target = range(bead.targetStart, bead.targetCount);
  // A 1-1 bead wins over skipping both sentences when its cost is below the two skip prices: the 0.5 point.
  const unpairedScore = (side: 'source' | 'target', index: number, best: number): number => {
    const score = 1 - scoreFromCost(best, coster.skipPrice(side, index));
    return coster.isBoilerplate(side, index) ? Math.max(score, BOILERPLATE_UNPAIRED_CONFIDENCE) : score;
  };
  if (bead.targetCount === 0) {
    return { source, target, status: 'omitted', score: unpairedScore('source', bead.sourceStart, sourceBest[bead.sourceStart]!) };
  }
  if (bead.sourceCount === 0) {
    return { source, target, status: 'added', score: unpairedScore('target', bead.targetStart, targetBest[bead.targetStart]!) };
  }
  return { source, target, status: 'aligned', score: alignedScore(coster, bead.sourceStart, bead.targetStart, bead.sourceCount, bead.targetCount) };
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
