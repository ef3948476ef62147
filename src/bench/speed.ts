/**
 * Speed and memory figures for `npm run bench` (printed, never asserted): the machine, the dynamic programme on
 * synthetic vectors, embedding throughput (one core, cache off; and the cache warm), the seed pair and the long pair
 * end to end in a new process with an empty cache, and a scaling table. Commands run as a user runs them, with their
 * own CPU time and peak memory (usage-probe.ts) beside the wall time: CPU above wall means more than one core worked.
 *
 * The long pair is always the same: the dev cases' sentences, concatenated in name order and repeated to about 9,000
 * (8,992 x 8,660 with today's cases), so it also has a gold alignment to score.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { alignVectors } from '../align/align.js';
import { seededRandom } from '../align/random.js';
import { normalize } from '../align/vectors.js';
import type { Embedder } from '../embed/embedder.js';
import { listCases } from '../eval/run-eval.js';
import { parseBeads, precisionRecall, scoreCase, type Bead } from '../eval/score.js';
import { HELPER_ENV } from '../parallel/helper.js';
import { helperPaysFor } from '../pipeline.js';
import { USAGE_FILE_ENV, type ProcessUsage } from './usage-probe.js';
import { cpuSeconds } from './cpu.js';

const SEED_SOURCE = 'corpus/clubhouse/jakarta-outlet.en.txt';
const SEED_TARGET = 'corpus/clubhouse/bulelengpost.id.txt';
const BUNDLED = 'selaras-mini-id-en';
const MODELS = [BUNDLED, 'lexical'] as const;
/** Sentences of the long pair's source side, about: the size the issue measured hunalign at. */
const LONG_PAIR_SENTENCES = 9000;
/** Source sentences of the scaling table's pairs. */
const SCALING_SIZES = [2000, 4000, 8000, 16000];
/** Runs per figure of the seed and long pair: the median is printed (the machine is shared and noisy). */
const RUNS = 3;
/** Dimension of the synthetic vectors of the DP figures. */
const DP_DIMENSION = 256;

interface Run extends ProcessUsage {
  readonly seconds: number;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Run the CLI in a new process with an empty embedding cache; its wall time, CPU time and peak memory. */
async function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), 'selaras-bench-run-'));
  try {
    const usageFile = join(dir, 'usage.json');
    const probe = new URL('./usage-probe.js', import.meta.url).href;
    const started = performance.now();
    execFileSync(process.execPath, ['--import', probe, 'dist/cli.js', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ...env, SELARAS_CACHE_DIR: join(dir, 'cache'), [USAGE_FILE_ENV]: usageFile },
    });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, ...(JSON.parse(readFileSync(usageFile, 'utf8')) as ProcessUsage) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function medianRun(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const runs: Run[] = [];
  for (let k = 0; k < RUNS; k++) runs.push(await runCli(args, env));
  return { seconds: median(runs.map((r) => r.seconds)), cpuSeconds: median(runs.map((r) => r.cpuSeconds)), peakRssMiB: median(runs.map((r) => r.peakRssMiB)) };
}

const describeRun = (run: Run): string =>
  `${run.seconds.toFixed(2)} s wall, ${run.cpuSeconds.toFixed(2)} s CPU, peak ${run.peakRssMiB.toFixed(0)} MiB`;

/** Dense unit vectors; the target is a noisy copy with 5% of sentences dropped and 5% inserted. */
function syntheticPair(n: number) {
  const next = seededRandom(n);
  const vector = () => normalize(Float32Array.from({ length: DP_DIMENSION }, () => next() - 0.5));
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
        const sum = new Float32Array(DP_DIMENSION);
        for (let d = 0; d < k; d++) singles[i + d]!.forEach((x, c) => (sum[c]! += x));
        return normalize(sum);
      }),
    );
  const text = (count: number) => Array.from({ length: count }, (_, i) => `sentence ${i} of about average length here.`);
  return { vectors: { source: overlaps(source), target: overlaps(target) }, sourceTexts: text(n), targetTexts: text(target.length) };
}

function benchDp(n: number): void {
  const pair = syntheticPair(n);
  const wall = performance.now();
  const cpu = cpuSeconds();
  alignVectors(pair.vectors, pair.sourceTexts, pair.targetTexts);
  const seconds = (performance.now() - wall) / 1000;
  console.log(`dp ${n} x ${pair.targetTexts.length} (explicit overlap vectors): ${seconds.toFixed(2)} s wall, ${(cpuSeconds() - cpu).toFixed(2)} s CPU`);
}

/** Sentences per second of CPU time of `embed(texts)`: what one core does, since embedding runs on one thread. */
async function rate(embedder: Embedder, texts: readonly string[]): Promise<string> {
  const cpu = cpuSeconds();
  await embedder.embed(texts);
  return (texts.length / (cpuSeconds() - cpu)).toFixed(0);
}

/** Sentences per second of CPU time embedding the distinct lines of `files` in a new process (embed-rate.ts). */
function rateInNewProcess(files: readonly string[]): { sentences: number; perSecond: number } {
  const script = new URL('./embed-rate.js', import.meta.url).pathname;
  return JSON.parse(execFileSync(process.execPath, [script, ...files], { encoding: 'utf8' })) as { sentences: number; perSecond: number };
}

async function benchEmbedding(texts: readonly string[], trainDir: string): Promise<void> {
  const { createEmbedder, EmbeddingCache, withEmbeddingCache } = await import('../embed/index.js');
  const { checkModelFolder, locateModel } = await import('../embed/model-folder.js');
  const { specFromConfig } = await import('../embed/model-registry.js');
  const { createTransformersEmbedder } = await import('../embed/transformers-embedder.js');
  const cpu = cpuSeconds();
  const pieces = await createEmbedder(BUNDLED, { cache: false });
  const load = cpuSeconds() - cpu;
  const first = await rate(pieces, texts);
  const again = await rate(pieces, texts);
  // The same sentences in new processes, as a user's run meets them (this process has run other code first).
  const sampleDir = await mkdtemp(join(tmpdir(), 'selaras-bench-embed-'));
  let fresh: number[];
  try {
    const sample = join(sampleDir, 'sentences.txt');
    await writeFile(sample, texts.join('\n'));
    fresh = Array.from({ length: RUNS }, () => rateInNewProcess([sample]).perSecond).sort((a, b) => a - b);
  } finally {
    await rm(sampleDir, { recursive: true, force: true });
  }
  console.log(
    `embedding ${texts.length} distinct sentences, bundled model (built-in embedder, no cache): load ${load.toFixed(2)} s CPU; ` +
      `${fresh[Math.floor(RUNS / 2)]} sentences/s of CPU in a new process (median of ${RUNS}), ${first} in this process's first pass, ${again} once its words are known`,
  );
  // The first figure is a fifth of a second of work, much of it the new process warming up (its compiler threads'
  // CPU counted); a larger sample gives the rate a long run sees.
  if (existsSync(trainDir)) {
    const files = readdirSync(trainDir).sort().map((file) => join(trainDir, file));
    const large = rateInNewProcess(files);
    console.log(`  the training corpora's ${large.sentences} distinct lines, new process, no cache: ${large.perSecond} sentences/s of CPU (issue 13 target 20,000)`);
  }
  const folder = await checkModelFolder(BUNDLED, locateModel(BUNDLED));
  const transformers = await createTransformersEmbedder(folder, { ...specFromConfig(BUNDLED, folder.config), additive: false });
  const cacheDir = await mkdtemp(join(tmpdir(), 'selaras-bench-cache-'));
  try {
    const cached = () => withEmbeddingCache(transformers, new EmbeddingCache(BUNDLED, 'bench0000000000', transformers.dimension, { dir: cacheDir }));
    const compute = await rate(transformers, texts);
    const fill = await rate(cached(), texts);
    const warm = await rate(cached(), texts);
    console.log(
      `the same through transformers.js (how pulled models run): ${compute} sentences/s of CPU; ` +
        `with the embedding cache: first run ${fill}/s, warm cache in a new process ${warm}/s`,
    );
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

interface LongPair {
  readonly en: readonly string[];
  readonly id: readonly string[];
  readonly gold: readonly Bead[];
}

/** The dev cases' sentences concatenated in name order and repeated to about LONG_PAIR_SENTENCES, with their gold. */
async function longPair(casesDir: string): Promise<LongPair> {
  const cases: Array<{ en: string[]; id: string[]; gold: Bead[] }> = [];
  for (const name of await listCases(casesDir)) {
    const lines = (file: string) => readFileSync(join(casesDir, name, file), 'utf8').split(/\r?\n/).filter((l) => l.trim());
    cases.push({ en: lines('en.txt'), id: lines('id.txt'), gold: parseBeads(readFileSync(join(casesDir, name, 'gold.txt'), 'utf8')) });
  }
  const perRound = cases.reduce((sum, c) => sum + c.en.length, 0);
  const repeat = Math.max(1, Math.round(LONG_PAIR_SENTENCES / perRound));
  const en: string[] = [];
  const id: string[] = [];
  const gold: Bead[] = [];
  for (let round = 0; round < repeat; round++) {
    for (const c of cases) {
      const [i0, j0] = [en.length, id.length];
      for (const bead of c.gold) gold.push({ source: bead.source.map((i) => i + i0), target: bead.target.map((j) => j + j0) });
      en.push(...c.en);
      id.push(...c.id);
    }
  }
  return { en, id, gold };
}

/** The first `count` source sentences of the long pair, repeated as needed, with as many target sentences in proportion. */
function scaled(pair: LongPair, count: number): { en: string[]; id: string[] } {
  const take = (lines: readonly string[], n: number) => Array.from({ length: n }, (_, k) => lines[k % lines.length]!);
  return { en: take(pair.en, count), id: take(pair.id, Math.round((count * pair.id.length) / pair.en.length)) };
}

async function benchLongPair(pair: LongPair, dir: string): Promise<void> {
  const sourcePath = join(dir, 'long.en.txt');
  const targetPath = join(dir, 'long.id.txt');
  await writeFile(sourcePath, pair.en.join('\n'));
  await writeFile(targetPath, pair.id.join('\n'));
  for (const model of MODELS) {
    const out = join(dir, `long-${model}.txt`);
    // With the helper thread whatever the machine's load (as on an idle machine), then without it.
    const run = await medianRun(['align', sourcePath, targetPath, '--presplit', '--format', 'vecalign', '--model', model, '--out', out], {
      [HELPER_ENV]: '1',
    });
    const strict = precisionRecall(scoreCase(parseBeads(readFileSync(out, 'utf8')), pair.gold).strict).f1;
    console.log(
      `long pair end to end (${model}, ${pair.en.length} x ${pair.id.length}, --presplit --format vecalign, empty cache, median of ${RUNS}): ` +
        `two threads: ${describeRun(run)}; strict F1 against its gold ${strict.toFixed(4)}`,
    );
    // What the helper thread (src/parallel) brings: the same run on one thread; the load average says how busy the cores were.
    const alone = await medianRun(['align', sourcePath, targetPath, '--presplit', '--format', 'vecalign', '--model', model, '--out', out], {
      [HELPER_ENV]: '0',
    });
    const usual = helperPaysFor(model) ? 'with the helper' : 'on one thread';
    console.log(`  the same on one thread (${HELPER_ENV}=0): ${describeRun(alone)}; load average ${loadavg()[0]!.toFixed(1)}; a plain run goes ${usual}`);
  }
}

async function benchScaling(pair: LongPair, dir: string): Promise<void> {
  // On one thread at every size: the helper thread brings its own copy of the model (about 60 MiB), and only from
  // 4,000 sentences on a machine with a core idle, so with it the peaks of two sizes would not compare.
  console.log(`\nsentences (source x target) | model | wall | CPU | peak memory (one thread, ${HELPER_ENV}=0)`);
  for (const model of MODELS) {
    const peaks: Array<[number, number]> = [];
    for (const size of SCALING_SIZES) {
      const { en, id } = scaled(pair, size);
      const [sourcePath, targetPath] = [join(dir, `scale-${size}.en.txt`), join(dir, `scale-${size}.id.txt`)];
      await writeFile(sourcePath, en.join('\n'));
      await writeFile(targetPath, id.join('\n'));
      const run = await runCli(['align', sourcePath, targetPath, '--presplit', '--format', 'vecalign', '--model', model, '--out', join(dir, 'out.txt')], {
        [HELPER_ENV]: '0',
      });
      peaks.push([en.length + id.length, run.peakRssMiB]);
      console.log(`${en.length} x ${id.length} | ${model} | ${run.seconds.toFixed(2)} s | ${run.cpuSeconds.toFixed(2)} s | ${run.peakRssMiB.toFixed(0)} MiB`);
    }
    const [[small, smallPeak], [large, largePeak]] = [peaks[0]!, peaks.at(-1)!];
    console.log(`  ${model}: memory grows ${((1024 * (largePeak - smallPeak)) / (large - small)).toFixed(2)} KiB per sentence (both sides counted)`);
  }
}

async function benchSeedPair(): Promise<void> {
  if (!existsSync(SEED_SOURCE)) return;
  for (const model of MODELS) {
    const run = await medianRun(['align', SEED_SOURCE, SEED_TARGET, '--format', 'json', '--model', model]);
    console.log(`seed pair end to end (${model}, new process, empty cache, median of ${RUNS}): ${describeRun(run)}`);
  }
}

/** The figures of issue 13: see the header. */
export async function benchSpeed(casesDir: string): Promise<void> {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(`machine: ${availableParallelism()} cores (${cpu}), Node ${process.version}`);
  console.log('\n## alignment dynamic programme (synthetic 256-d vectors)');
  for (const n of [1000, 10000]) benchDp(n);
  console.log('\n## embedding and end to end');
  const hasCases = existsSync(casesDir);
  const pair = hasCases ? await longPair(casesDir) : null;
  const distinct = pair ? [...new Set([...pair.en, ...pair.id])] : [...new Set(readFileSync(SEED_SOURCE, 'utf8').split(/(?<=[.!?])\s+/))];
  await benchEmbedding(distinct, resolve(process.env['SELARAS_TRAIN'] ?? join(casesDir, '..', 'train')));
  await benchSeedPair();
  if (!pair) {
    console.log(`(no dev cases at ${casesDir}: the long pair and the scaling table need them; set SELARAS_DEV_CASES)`);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'selaras-bench-'));
  try {
    await benchLongPair(pair, dir);
    await benchScaling(pair, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
