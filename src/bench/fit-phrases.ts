/**
 * Fits the phrase finder's weights (PHRASE_WEIGHTS and PHRASE_THRESHOLD in src/compare/phrases.ts) on dev-raw:
 * clause deletions planted with four seeds are the positives (on each planted pair, the candidate that lost the
 * most counterparts), every candidate of the untouched pairs a negative; a logistic regression with the two
 * classes weighed alike. Then the threshold: the lowest at which at most MAX_FLAGGED of the untouched pairs have a
 * false alarm of these kinds by the reviewer's verdicts (bench/judged; a phrase with no verdict counts as a false
 * alarm, so the threshold goes no lower than the verdicts reach), and beside it the lowest at which at most
 * MAX_FLAGGED are flagged at all. Prints the weights to paste, and the detection that `npm run bench` will show
 * (its own seed).
 *
 *     npm run build && node dist/bench/fit-phrases.js [DEV_RAW_DIR]
 */
import { resolve } from 'node:path';
import type { CompareOptions } from '../compare/find-differences.js';
import { phraseCandidates, phraseFeatures, phraseFlags, type PhraseCandidate } from '../compare/phrases.js';
import { tokenised } from '../compare/tokens.js';
import { DEFAULT_MODEL } from '../embed/model-registry.js';
import { embedWordVectors } from '../word-vectors.js';
import { PLANT_SEED, readDevRawPairs, readVerdicts } from './differences.js';
import { judgeFalseAlarms, type FlagVerdict } from './judged.js';
import { plantChanges, type PlantedChange, type TextPair } from './plant-changes.js';

/**
 * Planted with other seeds than the bench's, so the bench measures plants the fit never saw. Four seeds (1,072
 * positives) rather than one (264): the bench's seed 11 found 68.7% against 66.3%, seeds 14 and 15 (used by
 * neither) 65.3% and 65.3% against 65.0% and 64.0%, all at 4% of untouched pairs flagged.
 */
const FIT_SEEDS = [7, 8, 9, 10];
/** Seeds no fit uses, printed beside the bench's: how the fit carries to plants it never saw. */
const CHECK_SEEDS = [14, 15];
const PLANTS = 300;
/** Share of untouched pairs the finder may flag (the target for this kind). */
const MAX_FLAGGED = 0.04;
/** Best-scoring candidates of each untouched pair kept as negatives in the second fit; and the positives'
 * fewest lost counterparts (the finder's MIN_PHRASE_WORDS), with an offset that keeps every such one above 0.
 * Chosen on the fit seed: 69.7% found there, against 67.3% with all negatives or with the candidate that lost
 * the most counterparts as the positive. */
const HARD_NEGATIVES = 3;
const MIN_LOST = 2;
const LOST_OFFSET = 100;
const ITERATIONS = 3000;
const LEARNING_RATE = 2;
const L2 = 1e-4;
/** Step of the threshold search below the raw threshold. */
const THRESHOLD_STEP = 0.01;

type Candidates = { source: PhraseCandidate[]; target: PhraseCandidate[] };

function candidatesOf(pair: TextPair, options: CompareOptions): Candidates {
  return phraseCandidates(tokenised(pair.en), tokenised(pair.id), options);
}

/** The side on which a planted deletion leaves a phrase without counterpart: the side that was not edited. */
function keptSide(change: PlantedChange): keyof Candidates {
  return change.side === 'id' ? 'source' : 'target';
}

/** The candidate of the kept side that lost the most counterparts to the deletion, less the content words it
 * holds that kept theirs. */
function positive(planted: Candidates, untouched: Candidates, change: PlantedChange): PhraseCandidate | undefined {
  const side = keptSide(change);
  let chosen: PhraseCandidate | undefined;
  let most = 0;
  for (const candidate of planted[side]) {
    const before = untouched[side].find((other) => other.surface === candidate.surface)?.unmatchedWords ?? 0;
    const lost = candidate.unmatchedWords - before;
    // Words lost less words kept: the tightest candidate round the deletion, not the longest that holds it.
    const value = lost >= MIN_LOST ? 2 * lost - candidate.contentWords + LOST_OFFSET : 0;
    if (value > most) {
      most = value;
      chosen = candidate;
    }
  }
  return chosen;
}

function fit(positives: readonly number[][], negatives: readonly number[][]): number[] {
  const weights = new Array<number>(positives[0]!.length).fill(0);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = new Array<number>(weights.length).fill(0);
    for (const [rows, label] of [[positives, 1], [negatives, 0]] as const) {
      for (const row of rows) {
        const p = 1 / (1 + Math.exp(-row.reduce((sum, value, k) => sum + value * weights[k]!, 0)));
        for (let k = 0; k < weights.length; k++) gradient[k]! += ((p - label) * row[k]!) / rows.length;
      }
    }
    for (let k = 0; k < weights.length; k++) weights[k]! -= LEARNING_RATE * gradient[k]! + L2 * weights[k]!;
  }
  return weights.map((weight) => Number(weight.toFixed(2)));
}

/**
 * The lowest threshold, stepping down from `start`, at which at most `allowed` untouched pairs have a phrase flag the
 * verdicts do not call real (judgeFalseAlarms); the search stops at the first step past the allowance.
 */
function judgedThreshold(pairs: readonly TextPair[], untouched: readonly Candidates[], verdicts: ReadonlyMap<string, FlagVerdict>, start: number, allowed: number): number {
  const wheres = pairs.map((pair) => pair.where ?? '');
  const falseAlarms = (threshold: number) =>
    judgeFalseAlarms(
      wheres,
      pairs.map((pair, k) => phraseFlags({ text: pair.en, candidates: untouched[k]!.source }, { text: pair.id, candidates: untouched[k]!.target }, threshold)),
      verdicts,
    ).falseAlarms;
  let threshold = start;
  for (let next = Number((start - THRESHOLD_STEP).toFixed(2)); falseAlarms(next) <= allowed; next = Number((next - THRESHOLD_STEP).toFixed(2))) threshold = next;
  return threshold;
}

function detection(changes: readonly PlantedChange[], untouched: readonly Candidates[], options: CompareOptions, passes: (c: PhraseCandidate) => boolean): number {
  let found = 0;
  for (const change of changes) {
    const side = keptSide(change);
    const before = new Set(untouched[change.pair]![side].filter(passes).map((c) => c.surface));
    if (candidatesOf(change, options)[side].some((c) => passes(c) && !before.has(c.surface))) found++;
  }
  return found / changes.length;
}

async function main(): Promise<void> {
  const devRaw = resolve(process.argv[2] ?? '../shared/corpora/dev-raw');
  const pairs = readDevRawPairs(devRaw);
  const { createEmbedder } = await import('../embed/index.js');
  const wordVectors = await embedWordVectors(await createEmbedder(DEFAULT_MODEL), pairs.flatMap((pair) => [pair.en, pair.id]));
  const options: CompareOptions = { sourceLang: 'en', targetLang: 'id', ...(wordVectors && { wordVectors }) };
  const untouched = pairs.map((pair) => candidatesOf(pair, options));
  const clauses = (seed: number) => plantChanges(pairs, { seed, perKind: PLANTS }).filter((change) => change.kind === 'phrase');
  const positives: number[][] = [];
  for (const change of FIT_SEEDS.flatMap(clauses)) {
    const chosen = positive(candidatesOf(change, options), untouched[change.pair]!, change);
    if (chosen) positives.push(phraseFeatures(chosen));
  }
  const negatives = untouched.flatMap((c) => [...c.source, ...c.target].map(phraseFeatures));
  let weights = fit(positives, negatives);
  const score = (c: PhraseCandidate) => phraseFeatures(c).reduce((sum, value, k) => sum + value * weights[k]!, 0);
  // A pair is flagged by its best candidate alone: fitted again on each untouched pair's best few, the weights
  // separate what decides a false alarm rather than the mass of plainly translated segments.
  const hard = untouched.flatMap((c) => [...c.source, ...c.target].sort((a, b) => score(b) - score(a)).slice(0, HARD_NEGATIVES).map(phraseFeatures));
  weights = fit(positives, hard);
  // Each untouched pair is flagged from its best candidate's score: the threshold is a quantile of those.
  const best = untouched.map((c) => Math.max(-Infinity, ...[...c.source, ...c.target].map(score))).sort((a, b) => b - a);
  // Just above the best score of the first pair past the allowance, to two decimals.
  const raw = (Math.floor(100 * (best[Math.floor(MAX_FLAGGED * pairs.length)] ?? 0)) + 1) / 100;
  const threshold = judgedThreshold(pairs, untouched, readVerdicts().flags, raw, Math.floor(MAX_FLAGGED * pairs.length));
  const passes = (c: PhraseCandidate) => score(c) >= threshold;
  const flagged = best.filter((value) => value >= threshold).length / pairs.length;
  console.log(`${positives.length} positives, ${negatives.length} negatives`);
  console.log(`PHRASE_WEIGHTS = [${weights.join(', ')}]`);
  console.log(`PHRASE_THRESHOLD = ${threshold} (${raw} where at most ${100 * MAX_FLAGGED}% of the untouched pairs are flagged at all)`);
  console.log(
    `untouched pairs flagged ${(100 * flagged).toFixed(1)}%; planted clauses found: fit seed ${FIT_SEEDS[0]} ${(100 * detection(clauses(FIT_SEEDS[0]!), untouched, options, passes)).toFixed(1)}%, ` +
      `bench seed ${PLANT_SEED} ${(100 * detection(clauses(PLANT_SEED), untouched, options, passes)).toFixed(1)}%, ` +
      CHECK_SEEDS.map((seed) => `seed ${seed} ${(100 * detection(clauses(seed), untouched, options, passes)).toFixed(1)}%`).join(', '),
  );
}

await main();
