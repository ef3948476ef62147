// Load time and embedding throughput of a model through selaras' own embedder (build first: npm run build).
//   node models/recipe/measure-speed.mjs SENTENCES_FILE [MODEL]
// SENTENCES_FILE: one sentence per line (for the model card: the dev-raw .en and .id files concatenated).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [file, model = 'selaras-mini-id-en'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node models/recipe/measure-speed.mjs SENTENCES_FILE [MODEL]');
  process.exit(2);
}
const sentences = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim().length > 0);
const { createEmbedder } = await import('../../dist/embed/index.js');

const t0 = performance.now();
const embedder = await createEmbedder(model, { cache: false });
const loadMs = performance.now() - t0;

const t1 = performance.now();
await embedder.embed(sentences);
const seconds = (performance.now() - t1) / 1000;
console.log(JSON.stringify({
  model,
  dimension: embedder.dimension,
  loadMs: Math.round(loadMs),
  sentences: sentences.length,
  seconds: Number(seconds.toFixed(2)),
  sentencesPerSecond: Math.round(sentences.length / seconds),
}));
