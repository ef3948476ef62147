/**
 * `npm run bench`: speed and accuracy figures, printed (never asserted): DP time and memory on synthetic documents,
 * end-to-end time for the seed pair (start-up included), embedding throughput, dev benchmark scores, and how often
 * differences are flagged on true translations. Run from the repository root; the dev cases default to
 * ../shared/corpora/dev (override with SELARAS_DEV_CASES), the embedding rate over a large sample reads the training
 * corpora beside them (SELARAS_TRAIN).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchHtml } from './bench/html.js';
import { benchScore } from './bench/score.js';
import { formatEvalReport, runEval } from './eval/run-eval.js';
import { benchDifferences } from './bench/differences.js';
import { benchMoves } from './bench/moves.js';
import { benchSpeed } from './bench/speed.js';
import { DEFAULT_MODEL_NAME, resolveEmbedder } from './pipeline.js';
import { benchBatch } from './bench/batch.js';
import { benchUi } from './bench/ui.js';

async function benchEval(model: string, casesDir: string): Promise<void> {
  const report = await runEval(casesDir, await resolveEmbedder(model));
  process.stdout.write(formatEvalReport(report));
}

async function main(): Promise<void> {
  const casesDir = resolve(process.env['SELARAS_DEV_CASES'] ?? '../shared/corpora/dev');
  const models = [...new Set([DEFAULT_MODEL_NAME, 'lexical'])];
  await benchSpeed(casesDir);
  console.log('\n## HTML report');
  benchHtml();
  console.log('\n## review UI');
  await benchUi();
  console.log('\n## the score (calibrated probability that a bead is right)');
  await benchScore(models);
  if (existsSync(casesDir)) {
    console.log(`\n## dev benchmark (${casesDir})`);
    for (const model of models) await benchEval(model, casesDir);
    console.log('\n## moved passages (the dev benchmark above counts the moves found in its cases, which have none)');
    for (const model of models) await benchMoves(resolve(process.env['SELARAS_DEV_RAW'] ?? join(casesDir, '..', 'dev-raw')), await resolveEmbedder(model));
    console.log('\n## differences: speed, and false alarms on true translations');
    await benchDifferences(casesDir, resolve(process.env['SELARAS_DEV_RAW'] ?? join(casesDir, '..', 'dev-raw')), await resolveEmbedder(DEFAULT_MODEL_NAME));
    console.log('\n## batch (a folder of article pairs from dev-raw)');
    await benchBatch(DEFAULT_MODEL_NAME, resolve(process.env['SELARAS_DEV_RAW'] ?? '../shared/corpora/dev-raw'));
  } else {
    console.log(`\n(no dev cases at ${casesDir}: set SELARAS_DEV_CASES to score alignments)`);
  }
}

await main();
