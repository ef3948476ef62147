/**
 * `npm run bench`: speed and accuracy figures, printed (never asserted): DP time and memory on synthetic documents,
 * end-to-end time for the seed pair (start-up included), embedding throughput, dev benchmark scores, and how often
 * differences are flagged on true translations. Run from the repository root; the dev cases default to
 * ../shared/corpora/dev (override with SELARAS_DEV_CASES).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { alignVectors } from './align/align.js';
import { seededRandom } from './align/random.js';
import { normalize } from './align/vectors.js';
import { benchHtml } from './bench/html.js';
import { formatEvalReport, listCases, runEval } from './eval/run-eval.js';
import { benchDifferences } from './bench/differences.js';
import { benchMoves } from './bench/moves.js';
import type { Embedder } from './embed/embedder.js';
import { createLexicalEmbedder, LEXICAL_MODEL_NAME } from './embed/lexical.js';
import { DEFAULT_MODEL_NAME, resolveEmbedder } from './pipeline.js';
import { benchBatch } from './bench/batch.js';

const DIMENSION = 256;
const SEED_SOURCE = 'corpus/clubhouse/jakarta-outlet.en.txt';
const SEED_TARGET = 'corpus/clubhouse/bulelengpost.id.txt';

/** Dense unit vectors; the target is a noisy copy with 5% of sentences dropped and 5% inserted. */
function syntheticPair(n: number) {
  const next = seededRandom(n);
  const vector = () => normalize(Float32Array.from({ length: DIMENSION }, () => next() - 0.5));
  const noisy = (v: Float32Array) => normalize(Float32Array.from(v, (x) => x + (next() - 0.5) * 0.08));
  const source = Array.from({ length: n }, vector);
  const target: Float32Array[] = [];
  for (const v of source) {
    if (next() < 0.05) continue;
    target.push(noisy(v));
    if (next() < 0.05) target.push(vector());
  }
  const overlaps = (singles: Float32Array[]) =>
    [1, 2, 3].map((k) =>
      singles.slice(0, singles.length - k + 1).map((_, i) => {
        const sum = new Float32Array(DIMENSION);
        for (let d = 0; d < k; d++) singles[i + d]!.forEach((x, c) => (sum[c]! += x));
        return normalize(sum);
      }),
    );
  const text = (count: number) => Array.from({ length: count }, (_, i) => `sentence ${i} of about average length here.`);
  return { vectors: { source: overlaps(source), target: overlaps(target) }, sourceTexts: text(n), targetTexts: text(target.length) };
}

function benchDp(n: number): void {
  const pair = syntheticPair(n);
  global.gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  let peak = before.rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  alignVectors(pair.vectors, pair.sourceTexts, pair.targetTexts);
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `dp ${n} x ${pair.targetTexts.length}: ${seconds.toFixed(2)} s, memory +${((peak - before.rss) / 2 ** 20).toFixed(0)} MiB rss`,
  );
}

function benchEndToEnd(model: string): void {
  if (!existsSync(SEED_SOURCE)) return;
  const runs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const started = performance.now();
    execFileSync(process.execPath, ['dist/cli.js', 'align', SEED_SOURCE, SEED_TARGET, '--format', 'json', '--model', model], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    runs.push((performance.now() - started) / 1000);
  }
  console.log(`seed pair end to end (${model}, start-up included): best ${Math.min(...runs).toFixed(2)} s of ${runs.length}`);
}

async function benchEmbedding(model: string): Promise<void> {
  const texts = Array.from({ length: 3000 }, (_, i) => `Sentence number ${i} talks about the economy of Indonesia in ${1990 + (i % 30)}.`);
  const rate = async (embedder: Embedder) => {
    const started = performance.now();
    await embedder.embed(texts);
    return (texts.length / ((performance.now() - started) / 1000)).toFixed(0);
  };
  if (model === LEXICAL_MODEL_NAME) {
    console.log(`embedding (${model}): ${await rate(createLexicalEmbedder())} sentences/s`);
    return;
  }
  const { createEmbedder } = await import('./embed/index.js');
  const started = performance.now();
  const uncached = await createEmbedder(model, { cache: false });
  const load = ((performance.now() - started) / 1000).toFixed(2);
  const cacheDir = await mkdtemp(join(tmpdir(), 'selaras-bench-cache-'));
  const cached = await createEmbedder(model, { cacheDir });
  await cached.embed(texts);
  console.log(
    `embedding (${model}): load ${load} s; cache off ${await rate(uncached)} sentences/s; cache on (warm) ${await rate(cached)} sentences/s`,
  );
  await rm(cacheDir, { recursive: true, force: true });
}

/** A ~9,000-sentence pair from the dev cases' sentences, aligned end to end through the command. */
async function benchLongPair(model: string, casesDir: string): Promise<void> {
  const en: string[] = [];
  const id: string[] = [];
  for (const name of await listCases(casesDir)) {
    en.push(...readFileSync(join(casesDir, name, 'en.txt'), 'utf8').split(/\r?\n/).filter((l) => l.trim()));
    id.push(...readFileSync(join(casesDir, name, 'id.txt'), 'utf8').split(/\r?\n/).filter((l) => l.trim()));
  }
  const repeat = Math.max(1, Math.round(9000 / en.length));
  const dir = await mkdtemp(join(tmpdir(), 'selaras-bench-'));
  const sourcePath = join(dir, 'long.en.txt');
  const targetPath = join(dir, 'long.id.txt');
  await writeFile(sourcePath, Array.from({ length: repeat }, () => en.join('\n')).join('\n'));
  await writeFile(targetPath, Array.from({ length: repeat }, () => id.join('\n')).join('\n'));
  const started = performance.now();
  execFileSync(
    process.execPath,
    ['dist/cli.js', 'align', sourcePath, targetPath, '--presplit', '--format', 'vecalign', '--model', model, '--out', join(dir, 'out.txt')],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SELARAS_CACHE_DIR: join(dir, 'cache') } },
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`long pair end to end (${model}, ${en.length * repeat} x ${id.length * repeat} sentences, cold cache): ${seconds.toFixed(2)} s`);
  await rm(dir, { recursive: true, force: true });
}

async function benchEval(model: string, casesDir: string): Promise<void> {
  const report = await runEval(casesDir, await resolveEmbedder(model));
  process.stdout.write(formatEvalReport(report));
}

async function main(): Promise<void> {
  const casesDir = resolve(process.env['SELARAS_DEV_CASES'] ?? '../shared/corpora/dev');
  console.log('## alignment dynamic programme (synthetic 256-d vectors)');
  for (const n of [1000, 10000]) benchDp(n);
  const models = [...new Set([DEFAULT_MODEL_NAME, 'lexical'])];
  console.log('\n## embedding and end to end');
  for (const model of models) {
    await benchEmbedding(model);
    benchEndToEnd(model);
  }
  console.log('\n## HTML report');
  benchHtml();
  if (existsSync(casesDir)) {
    for (const model of models) await benchLongPair(model, casesDir);
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
