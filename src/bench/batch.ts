/**
 * Batch throughput and memory, for `npm run bench`: a folder of article pairs of 15-40 sentences cut from
 * ../shared/corpora/dev-raw, aligned by `selaras batch` as a user runs it (empty embedding cache, every core),
 * with pairs per second, CPU time against wall time and peak memory from the run's own --report.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../align/random.js';
import type { BatchReport } from '../batch/summary.js';

/** The article size: pairs of 15 to 40 sentences. */
const MIN_SENTENCES = 15;
const MAX_SENTENCES = 40;

/** The documents of dev-raw: line n of name.en translates line n of name.id. */
function readDocuments(rawDir: string): Array<{ en: string[]; id: string[] }> {
  const names = readdirSync(rawDir).filter((f) => f.endsWith('.en')).map((f) => f.slice(0, -3)).sort();
  return names.map((name) => ({
    en: readFileSync(join(rawDir, `${name}.en`), 'utf8').split('\n').filter((l) => l.trim()),
    id: readFileSync(join(rawDir, `${name}.id`), 'utf8').split('\n').filter((l) => l.trim()),
  }));
}

/** `count` pairs named pair-00000...: consecutive stretches of a document at seeded random places. */
export async function writeBenchFolder(rawDir: string, folder: string, count: number): Promise<number> {
  const documents = readDocuments(rawDir);
  const next = seededRandom(count);
  let sentences = 0;
  await mkdir(folder, { recursive: true });
  for (let k = 0; k < count; k++) {
    const document = documents[k % documents.length]!;
    const length = MIN_SENTENCES + Math.floor(next() * (MAX_SENTENCES - MIN_SENTENCES + 1));
    const start = Math.floor(next() * Math.max(1, document.en.length - length));
    const name = `pair-${String(k).padStart(5, '0')}`;
    // Sentences of a paragraph run on, as in an article, so the splitter has work to do.
    const article = (lines: string[]) => lines.slice(start, start + length).join(' ').concat('\n');
    await writeFile(join(folder, `${name}.en.txt`), article(document.en));
    await writeFile(join(folder, `${name}.id.txt`), article(document.id));
    sentences += Math.min(length, document.en.length - start);
  }
  return sentences;
}

function runBatch(folder: string, out: string, args: readonly string[], env: NodeJS.ProcessEnv): BatchReport {
  const report = `${out}.report.json`;
  execFileSync(process.execPath, ['dist/cli.js', 'batch', folder, '--out', out, '--report', report, ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
  return JSON.parse(readFileSync(report, 'utf8')) as BatchReport;
}

function describe(label: string, pairs: number, report: BatchReport): string {
  const rate = pairs / report.seconds;
  return (
    `${label}: ${pairs} pairs in ${report.seconds.toFixed(2)} s = ${rate.toFixed(1)} pairs/s; ` +
    `CPU ${report.cpuSeconds.toFixed(2)} s (${(report.cpuSeconds / report.seconds).toFixed(2)}x wall); peak RSS ${report.peakRssMiB.toFixed(0)} MiB`
  );
}

export async function benchBatch(model: string, rawDir: string): Promise<void> {
  if (!existsSync(rawDir)) {
    console.log(`(no ${rawDir}: batch bench skipped)`);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'selaras-bench-batch-'));
  try {
    const cores = availableParallelism();
    const small = join(dir, 'pairs-200');
    const sentences = await writeBenchFolder(rawDir, small, 200);
    console.log(`folder: 200 pairs, ${sentences} English sentences (${rawDir}); ${cores} cores`);
    const cold = runBatch(small, join(dir, 'cold.csv'), ['--model', model], { SELARAS_CACHE_DIR: join(dir, 'cache') });
    console.log(describe(`batch ${model}, --jobs ${cores}, empty cache`, 200, cold));
    // Memory must not grow with the batch: 10x the pairs, about the same peak.
    const large = join(dir, 'pairs-2000');
    await writeBenchFolder(rawDir, large, 2000);
    const big = runBatch(large, join(dir, 'big.csv'), ['--model', model], { SELARAS_CACHE_DIR: join(dir, 'cache-2000') });
    console.log(describe(`batch ${model}, --jobs ${cores}, 2,000 pairs, empty cache`, 2000, big));
    console.log(`peak RSS 200 pairs ${cold.peakRssMiB.toFixed(0)} MiB, 2,000 pairs ${big.peakRssMiB.toFixed(0)} MiB`);
    const bytes = (await readFile(join(dir, 'big.csv'))).length;
    console.log(`(2,000-pair CSV: ${(bytes / 2 ** 20).toFixed(1)} MiB written while streaming)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
