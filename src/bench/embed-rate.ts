/**
 * `node dist/bench/embed-rate.js FILE...`: the bundled model's embedding rate in this process, cache off, over the
 * distinct non-empty lines of the files: sentences per second of CPU time (all threads, the compiler's included),
 * printed as JSON. The bench runs it in a new process, so the figure includes what a fresh run pays to warm up.
 */
import { readFileSync } from 'node:fs';

import { createEmbedder } from '../embed/index.js';
import { DEFAULT_MODEL } from '../embed/model-registry.js';
import { cpuSeconds } from './cpu.js';

const texts = [...new Set(process.argv.slice(2).flatMap((file) => readFileSync(file, 'utf8').split(/\r?\n/)).filter((line) => line.trim()))];
const embedder = await createEmbedder(DEFAULT_MODEL, { cache: false });
const started = cpuSeconds();
await embedder.embed(texts);
const seconds = cpuSeconds() - started;
console.log(JSON.stringify({ sentences: texts.length, perSecond: Math.round(texts.length / seconds) }));
