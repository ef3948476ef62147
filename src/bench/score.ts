/**
 * `npm run bench`, the score: what the margins and posteriors cost next to the DP itself (synthetic costs, no model),
 * and the scores of the examples the old score got wrong (a single unrelated sentence pair, two different articles),
 * per model. The calibration figures on dev come with the dev benchmark (`selaras eval`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOW_CONFIDENCE_SCORE } from '../align/confidence.js';
import { bandAroundPath, pathConfidence, runDp, type BeadCost } from '../align/dp.js';
import { seededRandom } from '../align/random.js';
import { alignFiles } from '../pipeline.js';

/** Sentences a side of the synthetic pair: the DP bench's long case. */
const SENTENCES = 10_000;
/** Runs to take the median of: the machine is shared, single runs are noisy. */
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Costs of a near-diagonal alignment: the diagonal cheap, the rest random. */
function syntheticCost(): BeadCost {
  const next = seededRandom(11);
  const noise = Float64Array.from({ length: 4096 }, () => next());
  return (i, j, a, b) => {
    if (a === 0 || b === 0) return 0.6 * (a + b);
    const h = (i * 31 + j * 17 + a * 7 + b) & 4095;
    return (i === j && a === b ? 0.1 : 0.8) * (a + b) + 0.2 * noise[h]!;
  };
}

function benchConfidenceCost(): void {
  const cost = syntheticCost();
  const n = SENTENCES;
  // The band the engine searches in a long document: eight sentences either side of the coarse path.
  const diagonal = Array.from({ length: n }, (_, k) => ({ sourceStart: k, sourceCount: 1, targetStart: k, targetCount: 1, cost: 0 }));
  const band = bandAroundPath(diagonal, 1, n, n, 8);
  const dp: number[] = [];
  const score: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let started = performance.now();
    const path = runDp(n, n, band, cost);
    dp.push(performance.now() - started);
    started = performance.now();
    // The engine's margin band (3) and temperature (a quarter of this cost's skip price, 0.6).
    pathConfidence(n, n, bandAroundPath(path, 1, n, n, 3), cost, path, 0.15);
    score.push(performance.now() - started);
  }
  console.log(
    `margins and posteriors for ${n} x ${n} sentences: ${(median(score) / 1000).toFixed(2)} s (the DP itself ${(median(dp) / 1000).toFixed(2)} s), median of ${RUNS}`,
  );
}

async function benchExamples(models: readonly string[]): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'selaras-bench-score-'));
  try {
    await writeFile(join(dir, 'farmers.en.txt'), 'He met 300 farmers at the market.\n');
    await writeFile(join(dir, 'chili.id.txt'), 'Harga cabai di pasar naik tajam minggu ini.\n');
    for (const model of models) {
      const single = await alignFiles(join(dir, 'farmers.en.txt'), join(dir, 'chili.id.txt'), { model });
      const different = await alignFiles('corpus/clubhouse/jakarta-outlet.en.txt', 'corpus/haqqani-twitter/blog.en.txt', { model });
      const seed = await alignFiles('corpus/clubhouse/jakarta-outlet.en.txt', 'corpus/clubhouse/bulelengpost.id.txt', { model });
      const aligned = different.pairs.filter((p) => p.status === 'aligned').map((p) => p.score);
      const low = seed.pairs.filter((p) => p.score < LOW_CONFIDENCE_SCORE).length;
      console.log(
        `${model}: "He met 300 farmers..." / "Harga cabai..." ${single.pairs[0]!.score.toFixed(3)}; ` +
          `seeds 000 / 004: ${aligned.length} pairs, highest ${aligned.length ? Math.max(...aligned).toFixed(3) : '-'}; ` +
          `seed pair 000 / 002: ${low} of ${seed.pairs.length} pairs below ${LOW_CONFIDENCE_SCORE}`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchScore(models: readonly string[]): Promise<void> {
  benchConfidenceCost();
  await benchExamples(models);
}
