import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignSentences } from '../../src/align/align.js';
import { beadEvidence, evidenceAfterChanges, type BeadCostView, type CostTerms } from '../../src/align/bead-evidence.js';
import { BEAD_SHAPES, type BeadCost, type PathBead } from '../../src/align/dp.js';
import { seededRandom } from '../../src/align/random.js';
import { cutsOf, repairPath, type RepairJudge } from '../../src/align/repair.js';
import { createLexicalEmbedder } from '../../src/embed/lexical.js';

const SKIP = 1;

/** Beads costing what the DP pays: a skip costs SKIP a sentence, a pair `pair`, anything else 5 a sentence. */
function costs(pair: (i: number, j: number, a: number, b: number) => number | undefined): BeadCost {
  return (i, j, a, b) => (a === 0 || b === 0 ? SKIP * (a + b) : (pair(i, j, a, b) ?? 5 * (a + b)));
}

const bead = (beadCost: BeadCost, i: number, a: number, j: number, b: number): PathBead => ({
  sourceStart: i,
  sourceCount: a,
  targetStart: j,
  targetCount: b,
  cost: beadCost(i, j, a, b),
});

const key = (b: PathBead) => `[${b.sourceStart}+${b.sourceCount}]:[${b.targetStart}+${b.targetCount}]`;

/** A judge that knows the true beads: 0.95 for one of them, 0.2 for any other. */
function knowing(truth: readonly string[]): { judge: RepairJudge; calls: () => number } {
  const right = new Set(truth);
  let calls = 0;
  const judge: RepairJudge = (part, from, to) => {
    calls++;
    return part.slice(from, to).map((b) => (right.has(key(b)) ? 0.95 : 0.2));
  };
  return { judge, calls: () => calls };
}

describe('cutsOf', () => {
  it('enumerates every cut of a stretch into the DP shapes, each covering it exactly once, within the cost limit', () => {
    const beadCost: BeadCost = (_i, _j, a, b) => a + b;
    // The number of cuts of a 3 x 3 stretch, counted the other way: the ways to reach each corner.
    const ways = Array.from({ length: 4 }, () => new Array<number>(4).fill(0));
    ways[0]![0] = 1;
    for (let i = 0; i <= 3; i++)
      for (let j = 0; j <= 3; j++)
        for (const { source: a, target: b } of BEAD_SHAPES) if (i >= a && j >= b) ways[i]![j]! += ways[i - a]![j - b]!;
    const all = cutsOf(10, 20, 13, 23, beadCost, Infinity) ?? [];
    expect(all).toHaveLength(ways[3]![3]!);
    expect(new Set(all.map((cut) => cut.map(key).join(' '))).size).toBe(all.length);
    for (const cut of all) {
      expect(cut[0]).toMatchObject({ sourceStart: 10, targetStart: 20 });
      let [i, j] = [10, 20];
      for (const b of cut) {
        expect([b.sourceStart, b.targetStart]).toEqual([i, j]);
        expect(b.cost).toBe(b.sourceCount + b.targetCount);
        [i, j] = [i + b.sourceCount, j + b.targetCount];
      }
      expect([i, j]).toEqual([13, 23]);
    }
    // Every cut of 3 + 3 sentences costs 6 here: a limit under that leaves none, and unpriceable beads are never taken.
    expect(cutsOf(10, 20, 13, 23, beadCost, 5.9)).toEqual([]);
    // More cuts than it weighs: none (a 7 x 7 stretch of equal costs has 267,237).
    expect(cutsOf(0, 0, 7, 7, beadCost, Infinity)).toBeNull();
    expect(cutsOf(0, 0, 3, 3, beadCost, Infinity, ways[3]![3]! - 1)).toBeNull();
    expect(cutsOf(0, 0, 3, 3, beadCost, Infinity, ways[3]![3]!)).toHaveLength(ways[3]![3]!);
    const onlyPairs: BeadCost = (_i, _j, a, b) => (a === 1 && b === 1 ? 1 : Infinity);
    expect(cutsOf(0, 0, 3, 3, onlyPairs, Infinity)?.map((cut) => cut.map(key))).toEqual([['[0+1]:[0+1]', '[1+1]:[1+1]', '[2+1]:[2+1]']]);
  });
});

describe('repairPath', () => {
  // Source 1 and target 1 do not translate each other; the DP paired them all the same (0.9 < two skips).
  const beadCost = costs((i, j, a, b) => (a === 1 && b === 1 && i === j ? (i === 1 ? 1.9 : 0.1) : undefined));
  const forced = [bead(beadCost, 0, 1, 0, 1), bead(beadCost, 1, 1, 1, 1), bead(beadCost, 2, 1, 2, 1), bead(beadCost, 3, 1, 3, 1)];
  const truth = ['[0+1]:[0+1]', '[1+1]:[1+0]', '[2+0]:[1+1]', '[2+1]:[2+1]', '[3+1]:[3+1]'];

  it('cuts a doubted stretch again where the judge expects more sentences right, and says which beads it kept', () => {
    const { judge, calls } = knowing(truth);
    const repaired = repairPath(forced, [0.95, 0.2, 0.95, 0.95], { beadCost, skip: SKIP, slack: 0.25, judge });
    expect(repaired?.path.map(key)).toEqual(truth);
    // The stretch (beads 0-2) is new as a whole; the bead after it is kept.
    expect(Array.from(repaired!.oldIndex)).toEqual([-1, -1, -1, -1, 3]);
    expect(calls()).toBeGreaterThan(1);
  });

  it('returns null when no other cut does better, when nothing is doubted, or when the better cut costs too much more', () => {
    const { judge } = knowing(forced.map(key));
    expect(repairPath(forced, [0.95, 0.2, 0.95, 0.95], { beadCost, skip: SKIP, slack: 0.25, judge })).toBeNull();
    const unused = knowing(truth);
    expect(repairPath(forced, [0.95, 0.6, 0.95, 0.95], { beadCost, skip: SKIP, slack: 0.25, judge: unused.judge })).toBeNull();
    expect(unused.calls()).toBe(0);
    // Two skips cost 0.1 more than the pair: a slack of 0.05 skip prices keeps that cut out of reach.
    expect(repairPath(forced, [0.95, 0.2, 0.95, 0.95], { beadCost, skip: SKIP, slack: 0.05, judge: knowing(truth).judge })).toBeNull();
  });

  it('never touches a stretch that holds a fixed bead (a moved sentence)', () => {
    const isFixed = (b: PathBead) => b.sourceStart === 2;
    expect(repairPath(forced, [0.95, 0.2, 0.95, 0.95], { beadCost, skip: SKIP, slack: 0.25, judge: knowing(truth).judge, isFixed })).toBeNull();
  });

  it('leaves stretches of more than seven sentences a side as they are', () => {
    // A 3-1 bead either side of the doubted one: the stretch has 7 source sentences, then 8 with a wider bead.
    const wide = costs((i, j, a, b) => (b === 1 && (a === 3 || (a === 1 && i === j + 2)) ? 0.3 : undefined));
    const path = [bead(wide, 0, 3, 0, 1), bead(wide, 3, 1, 1, 1), bead(wide, 4, 3, 2, 1)];
    const { judge } = knowing(['[0+3]:[0+1]', '[3+1]:[1+0]', '[4+0]:[1+1]', '[4+3]:[2+1]']);
    expect(repairPath(path, [0.95, 0.2, 0.95], { beadCost: wide, skip: SKIP, slack: 4, judge })?.path.map(key)).toEqual([
      '[0+3]:[0+1]',
      '[3+1]:[1+0]',
      '[4+0]:[1+1]',
      '[4+3]:[2+1]',
    ]);
    // A 2-1 bead in the middle: 8 source sentences, beyond what is cut again.
    const tooWide = [bead(wide, 0, 3, 0, 1), bead(wide, 3, 2, 1, 1), bead(wide, 5, 3, 2, 1)];
    const unused = knowing(['[0+3]:[0+1]', '[3+2]:[1+0]', '[5+0]:[1+1]', '[5+3]:[2+1]']);
    expect(repairPath(tooWide, [0.95, 0.2, 0.95], { beadCost: wide, skip: SKIP, slack: 40, judge: unused.judge })).toBeNull();
    expect(unused.calls()).toBe(0);
  });
});

/** A cost view with made-up but fixed figures per bead, for comparing two ways of computing the evidence. */
function madeUpCoster(seed: number): BeadCostView {
  const random = seededRandom(seed);
  const table = Float64Array.from({ length: 4096 }, () => random());
  const at = (...xs: number[]) => table[Math.abs(xs.reduce((h, x) => (h * 31 + x) | 0, 7)) % table.length]!;
  const terms = (i: number, j: number, a: number, b: number): CostTerms | null => {
    if (a < 1 || b < 1 || i < 0 || j < 0 || i + a > 40 || j + b > 40) return null;
    const cosine = at(i, j, a, b);
    return { cosine, chance: 0.9, semantic: (1 - cosine) / 0.9, lengthTerm: at(j, i, b, a) / 10, numberMismatch: 0, hasNumbers: false, unit: 2 * (1 - cosine) };
  };
  return {
    skip: 0.6,
    terms,
    unitCostOfAnySize: (i, j, a, b) => terms(i, j, a, b)?.unit ?? Infinity,
    weakestMember: (i, j, a, b) => at(a, b, i, j),
    skipPrice: (side, index) => 0.5 + at(side === 'source' ? 1 : 2, index) / 5,
    isBoilerplate: (side, index) => at(index, side === 'source' ? 3 : 4) < 0.1,
    sentenceLength: (side, index) => Math.round(40 + 100 * at(index, side === 'source' ? 5 : 6)),
  };
}

describe('evidenceAfterChanges', () => {
  it('gives exactly what beadEvidence gives for the new path, whatever changed', () => {
    const onePairs = (from: number, count: number): PathBead[] =>
      Array.from({ length: count }, (_, d) => ({ sourceStart: from + d, sourceCount: 1, targetStart: from + d, targetCount: 1, cost: 0 }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.integer(), (at, count, merge, seed) => {
        const coster = madeUpCoster(seed);
        const old = onePairs(0, 40);
        const span = Math.min(count, 40 - at);
        const replaced: PathBead[] = merge
          ? [{ sourceStart: at, sourceCount: span, targetStart: at, targetCount: 1, cost: 0 }, ...Array.from({ length: span - 1 }, (_, d) => ({ sourceStart: at + span, sourceCount: 0, targetStart: at + 1 + d, targetCount: 1, cost: 0 }))]
          : [...Array.from({ length: span }, (_, d) => ({ sourceStart: at + d, sourceCount: 1, targetStart: at, targetCount: 0, cost: 0 })), ...Array.from({ length: span }, (_, d) => ({ sourceStart: at + span, sourceCount: 0, targetStart: at + d, targetCount: 1, cost: 0 }))];
        const path = [...old.slice(0, at), ...replaced, ...old.slice(at + span)];
        const oldIndex = Int32Array.from([...old.slice(0, at).map((_, k) => k), ...replaced.map(() => -1), ...old.slice(at + span).map((_, k) => at + span + k)]);
        const random = seededRandom(seed);
        const oldConfidence = { margins: Float64Array.from(old, () => random()), posteriors: Float64Array.from(old, () => random()) };
        // Kept beads keep their margins, except some next to the change (their alternatives changed).
        const confidence = {
          margins: Float64Array.from(path, (_, k) => (oldIndex[k]! >= 0 && Math.abs(k - at) > 2 ? oldConfidence.margins[oldIndex[k]!]! : random())),
          posteriors: Float64Array.from(path, (_, k) => (oldIndex[k]! >= 0 ? oldConfidence.posteriors[oldIndex[k]!]! : random())),
        };
        const before = { evidence: beadEvidence(coster, old, oldConfidence, 40, 40), confidence: oldConfidence, oldIndex };
        expect(evidenceAfterChanges(coster, path, confidence, 40, 40, before)).toEqual(beadEvidence(coster, path, confidence, 40, 40));
      }),
      { numRuns: 60 },
    );
  });
});

describe('the repair in the engine', () => {
  // A dev-benchmark case (bppt-eco-light-002): the Indonesian sentence 10 translates English 11 and 12 together.
  const read = (file: string) => readFileSync(new URL(`./fixtures/repair-case/${file}`, import.meta.url), 'utf8').split('\n').filter((l) => l.trim());
  const [en, id] = [read('en.txt'), read('id.txt')];
  const embedder = createLexicalEmbedder();
  const beadOf = (beads: Awaited<ReturnType<typeof alignSentences>>, i: number) => beads.find((b) => b.source.includes(i));

  it('turns a pair and an omission the score doubts into the merge the gold has', async () => {
    const withoutRepair = await alignSentences(en, id, embedder, { tuning: { repairSlack: 0 } });
    expect(beadOf(withoutRepair, 11)).toMatchObject({ source: [11], target: [], status: 'omitted' });
    expect(beadOf(withoutRepair, 12)).toMatchObject({ source: [12], target: [10] });
    expect(beadOf(withoutRepair, 12)!.score).toBeLessThan(0.5);
    const repaired = await alignSentences(en, id, embedder);
    expect(beadOf(repaired, 11)).toMatchObject({ source: [11, 12], target: [10], status: 'aligned' });
    expect(repaired.flatMap((b) => b.source)).toEqual(en.map((_, k) => k));
    expect(repaired.flatMap((b) => b.target)).toEqual(id.map((_, k) => k));
  });
});
