/**
 * What the engine knows about each bead of its best path, beyond its cost: the terms of the cost, the margin over
 * the best path without it, its neighbours, the document as a whole. confidence.ts turns this into the calibrated
 * score; the score fit (src/calibrate) reads the same records. Pure.
 */
import { isUnpaired, type PathBead, type PathConfidence } from './dp.js';

/** The parts of a bead's unit cost (per sentence, before merge penalties). */
export interface CostTerms {
  /** Cosine similarity of the bead's two concatenated vectors (-1..1). */
  readonly cosine: number;
  /** Mean chance-level cosine distance of the two vectors to the other document (the normaliser). */
  readonly chance: number;
  /** (1 - cosine) / chance: ~1 for unrelated text, near 0 for a clear translation. */
  readonly semantic: number;
  /** Squared log of the length ratio against the document's ratio. */
  readonly lengthTerm: number;
  /** Number agreement in [-1, 1] (0 when neither side has a number). */
  readonly numberMismatch: number;
  /** Whether either side has a number. */
  readonly hasNumbers: boolean;
  /** The unit cost the DP uses (all of the above, weighted). */
  readonly unit: number;
}

/** What the bead coster exposes to the evidence function. */
export interface BeadCostView {
  /** Price of leaving one ordinary sentence unaligned (boilerplate lines pay less: `skipPrice`). */
  readonly skip: number;
  terms(i: number, j: number, a: number, b: number): CostTerms | null;
  /** `terms(i, j, a, b).unit` without the other parts (Infinity where terms gives null): asked of many beads. */
  unitCostOfAnySize(i: number, j: number, a: number, b: number): number;
  /** The least related member of a merge to the other side (semantic cost; 0 for a 1-1 bead). */
  weakestMember(i: number, j: number, a: number, b: number): number;
  skipPrice(side: 'source' | 'target', index: number): number;
  isBoilerplate(side: 'source' | 'target', index: number): boolean;
  /** Characters of one sentence. */
  sentenceLength(side: 'source' | 'target', index: number): number;
}

export interface BeadEvidence {
  readonly kind: 'aligned' | 'omitted' | 'added';
  readonly sourceCount: number;
  readonly targetCount: number;
  /**
   * For an aligned bead, its own cost terms; for an unpaired sentence, those of its best 1-1 pairing with a nearby
   * sentence of the other side (what it could have been aligned with).
   */
  readonly terms: CostTerms;
  /** Cosine of the best nearby 1-1 pairing of the bead's sentences other than the bead itself (-1 when none). */
  readonly rivalCosine: number;
  /** The bead's own skip price per sentence (boilerplate lines are cheaper to leave unaligned). */
  readonly skipPrice: number;
  /** Cost of the best path without this bead minus that of the best path (>= 0). */
  readonly margin: number;
  /** The bead's posterior probability over all paths weighed by their cost (dp.ts pathConfidence). */
  readonly posterior: number;
  /** Semantic cost of the least related merge member (0 for 1-1 and unpaired beads). */
  readonly weakestMember: number;
  /**
   * For a merge: the lowest unit cost one of its members has alone with the other side, minus the merge's (how much
   * the merge explains beyond its best member; near 0 when a member adds nothing). 0 for other beads.
   */
  readonly mergeGain: number;
  /**
   * For a merge: its cosine with the other side minus the best cosine one of its members has alone (how much meaning
   * the merge adds beyond its best member; near 0 when a member repeats another, "Thank you. Thank you."). 0 for
   * other beads.
   */
  readonly mergeCosineGain: number;
  /**
   * Between an aligned bead and an unpaired neighbour on the path: how much lower the aligned bead's unit cost gets
   * by taking the unpaired sentence in (positive: the sentence belongs to the pair), the best over both neighbours;
   * null when there is no such neighbour. The merge penalty hides this from the DP.
   */
  readonly absorbGain: number | null;
  /** Boilerplate lines among the bead's sentences. */
  readonly boilerplate: number;
  /** Characters in the bead's sentences, both sides. */
  readonly characters: number;
  /** Unit costs of the aligned neighbours on the path (previous, next); null where a neighbour is not aligned. */
  readonly previousUnit: number | null;
  readonly nextUnit: number | null;
  /** Unpaired beads among the two neighbours (0-2; the document's ends count as aligned). */
  readonly unpairedNeighbours: number;
  /** Document-level: the price of skipping one sentence, the sentence counts, the share of unpaired beads. */
  readonly documentSkip: number;
  readonly sourceSentences: number;
  readonly targetSentences: number;
  readonly unpairedShare: number;
}

/** How far (in sentences of the other side) an unpaired sentence looks for what it could have been paired with. */
const NEARBY = 4;

function kindOf(bead: PathBead): BeadEvidence['kind'] {
  return bead.targetCount === 0 ? 'omitted' : bead.sourceCount === 0 ? 'added' : 'aligned';
}

/** The best 1-1 pairing of `index` with the other side's sentences in [from, to], skipping `except`. */
function bestNearby(
  coster: BeadCostView,
  side: 'source' | 'target',
  index: number,
  from: number,
  to: number,
  except: number,
): CostTerms | null {
  // Chosen by unit cost alone (every candidate lies inside the documents); only the best pairing's terms are made:
  // this runs for every bead of a path.
  let best = -1;
  let bestUnit = Infinity;
  for (let other = from; other <= to; other++) {
    if (other === except) continue;
    const unit = side === 'source' ? coster.unitCostOfAnySize(index, other, 1, 1) : coster.unitCostOfAnySize(other, index, 1, 1);
    if (best < 0 || unit < bestUnit) {
      best = other;
      bestUnit = unit;
    }
  }
  if (best < 0) return null;
  return side === 'source' ? coster.terms(index, best, 1, 1) : coster.terms(best, index, 1, 1);
}

/** The best unit cost of one member of a merge alone with the other side, minus the merge's own unit cost. */
function mergeGain(coster: BeadCostView, bead: PathBead, unit: number): number {
  const { sourceStart: i, targetStart: j, sourceCount: a, targetCount: b } = bead;
  let bestMember = Infinity;
  for (let d = 0; a > 1 && d < a; d++) bestMember = Math.min(bestMember, coster.unitCostOfAnySize(i + d, j, 1, b));
  for (let d = 0; b > 1 && d < b; d++) bestMember = Math.min(bestMember, coster.unitCostOfAnySize(i, j + d, a, 1));
  return Number.isFinite(bestMember) ? bestMember - unit : 0;
}

/** The merge's cosine minus the best cosine of one of its members alone with the other side. */
function mergeCosineGain(coster: BeadCostView, bead: PathBead, cosine: number): number {
  const { sourceStart: i, targetStart: j, sourceCount: a, targetCount: b } = bead;
  let best = -Infinity;
  for (let d = 0; a > 1 && d < a; d++) best = Math.max(best, coster.terms(i + d, j, 1, b)?.cosine ?? -Infinity);
  for (let d = 0; b > 1 && d < b; d++) best = Math.max(best, coster.terms(i, j + d, a, 1)?.cosine ?? -Infinity);
  return Number.isFinite(best) ? cosine - best : 0;
}

const NO_TERMS: CostTerms = { cosine: -1, chance: 1, semantic: 2, lengthTerm: 0, numberMismatch: 0, hasNumbers: false, unit: 2 };

/** Evidence of part of a path only: beads [from, to) of `path`, a stretch of a whole path whose unpaired share is
 * `unpairedShare` (the beads around the range are its context). */
export interface EvidenceRange {
  readonly range?: readonly [number, number];
  readonly unpairedShare?: number;
}

function unpairedShareOf(path: readonly PathBead[]): number {
  return path.length === 0 ? 0 : path.filter(isUnpaired).length / path.length;
}

/**
 * What `beadEvidence` gives for `path`, a path made from an old one whose evidence is known (`oldIndex`: each bead's
 * index in the old path, or -1 for a new one): a bead's evidence reads the bead, its two neighbours, its margin and
 * posterior and the documents' figures, so where all of these are as they were it is the old evidence with the new
 * unpaired share, and only the other beads are weighed again. Exactly beadEvidence's result, at the cost of the
 * beads near a change. The old evidence is consumed: the objects kept are moved into the result, updated.
 */
export function evidenceAfterChanges(
  coster: BeadCostView,
  path: readonly PathBead[],
  confidence: PathConfidence,
  n: number,
  m: number,
  old: { readonly evidence: readonly BeadEvidence[]; readonly confidence: PathConfidence; readonly oldIndex: Int32Array },
): BeadEvidence[] {
  const unpairedShare = unpairedShareOf(path);
  const { oldIndex } = old;
  const oldLength = old.evidence.length;
  const sameAt = (k: number): boolean => {
    const was = oldIndex[k]!;
    if (was < 0 || confidence.margins[k] !== old.confidence.margins[was] || confidence.posteriors[k] !== old.confidence.posteriors[was]) return false;
    const previousSame = k === 0 ? was === 0 : oldIndex[k - 1] === was - 1;
    const nextSame = k === path.length - 1 ? was === oldLength - 1 : oldIndex[k + 1] === was + 1;
    return previousSame && nextSame;
  };
  const out: BeadEvidence[] = new Array<BeadEvidence>(path.length);
  for (let k = 0; k < path.length; ) {
    if (sameAt(k)) {
      // The old path's evidence is not read again: its object is taken over rather than copied (a long document's
      // evidence is tens of megabytes).
      const taken = old.evidence[oldIndex[k]!]! as { unpairedShare: number } & BeadEvidence;
      taken.unpairedShare = unpairedShare;
      out[k] = taken;
      k++;
      continue;
    }
    let end = k + 1;
    while (end < path.length && !sameAt(end)) end++;
    beadEvidence(coster, path, confidence, n, m, { range: [k, end], unpairedShare }).forEach((e, d) => (out[k + d] = e));
    k = end;
  }
  return out;
}

export function beadEvidence(
  coster: BeadCostView,
  path: readonly PathBead[],
  confidence: PathConfidence,
  n: number,
  m: number,
  only: EvidenceRange = {},
): BeadEvidence[] {
  const unpairedShare = only.unpairedShare ?? unpairedShareOf(path);
  const [from, to] = only.range ?? [0, path.length];
  const unitOfBead = (i: number, j: number, a: number, b: number): number | null => {
    const unit = coster.unitCostOfAnySize(i, j, a, b);
    return unit === Infinity ? null : unit;
  };
  const unitOf = (bead: PathBead | undefined): number | null =>
    bead && bead.sourceCount > 0 && bead.targetCount > 0 ? unitOfBead(bead.sourceStart, bead.targetStart, bead.sourceCount, bead.targetCount) : null;
  const unpairedCount = (bead: PathBead | undefined): number => (bead && isUnpaired(bead) ? 1 : 0);
  /** The gain of aligned bead `p` taking in unpaired bead `q` next to it on the path. */
  const gain = (p: PathBead | undefined, q: PathBead | undefined): number | null => {
    if (!p || !q || kindOf(p) !== 'aligned' || kindOf(q) === 'aligned') return null;
    const before = q.sourceStart + q.sourceCount <= p.sourceStart && q.targetStart + q.targetCount <= p.targetStart;
    const a = p.sourceCount + q.sourceCount;
    const b = p.targetCount + q.targetCount;
    const merged = before ? unitOfBead(q.sourceStart, q.targetStart, a, b) : unitOfBead(p.sourceStart, p.targetStart, a, b);
    const own = unitOfBead(p.sourceStart, p.targetStart, p.sourceCount, p.targetCount);
    return merged === null || own === null ? null : own - merged;
  };
  const best = (...values: Array<number | null>): number | null =>
    values.reduce<number | null>((x, y) => (y === null ? x : x === null ? y : Math.max(x, y)), null);
  return path.slice(from, to).map((bead, index) => {
    const k = from + index;
    const kind = kindOf(bead);
    const previous = path[k - 1];
    const next = path[k + 1];
    const absorbGain = kind === 'aligned' ? best(gain(bead, previous), gain(bead, next)) : best(gain(previous, bead), gain(next, bead));
    const { sourceStart: i, targetStart: j, sourceCount: a, targetCount: b } = bead;
    let terms: CostTerms;
    let rival: CostTerms | null;
    let skipPrice: number;
    let boilerplate = 0;
    let characters = 0;
    for (let d = 0; d < a; d++) {
      boilerplate += coster.isBoilerplate('source', i + d) ? 1 : 0;
      characters += coster.sentenceLength('source', i + d);
    }
    for (let d = 0; d < b; d++) {
      boilerplate += coster.isBoilerplate('target', j + d) ? 1 : 0;
      characters += coster.sentenceLength('target', j + d);
    }
    if (kind === 'aligned') {
      terms = coster.terms(i, j, a, b) ?? NO_TERMS;
      // The bead's first source sentence with another nearby target sentence, and its first target one likewise.
      const bySource = bestNearby(coster, 'source', i, Math.max(0, j - NEARBY), Math.min(m - 1, j + b - 1 + NEARBY), a === 1 && b === 1 ? j : -1);
      const byTarget = bestNearby(coster, 'target', j, Math.max(0, i - NEARBY), Math.min(n - 1, i + a - 1 + NEARBY), a === 1 && b === 1 ? i : -1);
      rival = [bySource, byTarget].reduce<CostTerms | null>((x, y) => (y && (!x || y.cosine > x.cosine) ? y : x), null);
      let price = 0;
      for (let d = 0; d < a; d++) price += coster.skipPrice('source', i + d);
      for (let d = 0; d < b; d++) price += coster.skipPrice('target', j + d);
      skipPrice = price / (a + b);
    } else {
      const side = kind === 'omitted' ? 'source' : 'target';
      const index = kind === 'omitted' ? i : j;
      const at = kind === 'omitted' ? j : i;
      const limit = kind === 'omitted' ? m - 1 : n - 1;
      terms = bestNearby(coster, side, index, Math.max(0, at - NEARBY), Math.min(limit, at + NEARBY - 1), -1) ?? NO_TERMS;
      rival = terms;
      skipPrice = coster.skipPrice(side, index);
    }
    return {
      kind,
      sourceCount: a,
      targetCount: b,
      terms,
      rivalCosine: rival?.cosine ?? -1,
      skipPrice,
      margin: confidence.margins[k]!,
      posterior: confidence.posteriors[k]!,
      weakestMember: kind === 'aligned' && a + b > 2 ? coster.weakestMember(i, j, a, b) : 0,
      mergeGain: kind === 'aligned' && a + b > 2 ? mergeGain(coster, bead, terms.unit) : 0,
      mergeCosineGain: kind === 'aligned' && a + b > 2 ? mergeCosineGain(coster, bead, terms.cosine) : 0,
      absorbGain,
      boilerplate,
      characters,
      previousUnit: unitOf(previous),
      nextUnit: unitOf(next),
      unpairedNeighbours: unpairedCount(previous) + unpairedCount(next),
      documentSkip: coster.skip,
      sourceSentences: n,
      targetSentences: m,
      unpairedShare,
    };
  });
}
