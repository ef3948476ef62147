/** The committed default model, loaded exactly as the CLI loads it (the built-in piece embedder). */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { createEmbedder, DEFAULT_MODEL } from '../../src/embed/index.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { folderBytes, packageModelsDir } from '../../src/embed/model-folder.js';

const folder = join(packageModelsDir(), DEFAULT_MODEL);
/** The limit for the bundled model. */
const MAX_BYTES = 40 * 1024 * 1024;

interface Probe {
  readonly text: string;
  readonly input_ids: number[];
  readonly embedding: number[];
}

/** Written for this test, not taken from any corpus: each English line translates the Indonesian line beside it. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['The president opened the new toll road in West Java on Monday.', 'Presiden meresmikan jalan tol baru di Jawa Barat pada hari Senin.'],
  ['Rice prices rose by three percent last month.', 'Harga beras naik tiga persen bulan lalu.'],
  ['The national football team lost two to one in the final.', 'Tim nasional sepak bola kalah dua banding satu di final.'],
  ['Scientists found a new species of frog in the forest of Papua.', 'Para ilmuwan menemukan spesies katak baru di hutan Papua.'],
  ['The earthquake damaged hundreds of houses and a school.', 'Gempa bumi itu merusak ratusan rumah dan sebuah sekolah.'],
  ['I want to tell you a story about my grandmother.', 'Saya ingin menceritakan sebuah kisah tentang nenek saya.'],
  ['The central bank kept interest rates unchanged.', 'Bank sentral mempertahankan suku bunga tidak berubah.'],
  ['Thank you very much.', 'Terima kasih banyak.'],
];

let embedder: Embedder;

beforeAll(async () => {
  embedder = await createEmbedder(DEFAULT_MODEL, { cache: false });
});

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

describe('bundled model', () => {
  it('is the default, 512-dimensional, within the size limit', async () => {
    expect(embedder.name).toBe(DEFAULT_MODEL);
    expect(embedder.dimension).toBe(512);
    expect(await folderBytes(folder)).toBeLessThanOrEqual(MAX_BYTES);
  });

  it('computes what the training recipe computed (probes.json)', async () => {
    const probes = JSON.parse(readFileSync(join(folder, 'probes.json'), 'utf8')) as Probe[];
    const vectors = await embedder.embed(probes.map((p) => p.text));
    probes.forEach((probe, k) => {
      expect(Array.from(vectors[k]!)).toEqual(probe.embedding.map((v) => expect.closeTo(v, 4)));
    });
  });

  it('returns unit vectors', async () => {
    const vectors = await embedder.embed(PAIRS.map(([en]) => en));
    for (const v of vectors) expect(dot(v, v)).toBeCloseTo(1, 5);
  });

  it('finds the translation of each sentence among the others, both ways', async () => {
    const en = await embedder.embed(PAIRS.map(([e]) => e));
    const id = await embedder.embed(PAIRS.map(([, i]) => i));
    const best = (row: Float32Array, candidates: Float32Array[]): number =>
      candidates.map((c) => dot(row, c)).reduce((bestIndex, score, k, all) => (score > all[bestIndex]! ? k : bestIndex), 0);
    expect(en.map((v) => best(v, id))).toEqual(PAIRS.map((_, k) => k));
    expect(id.map((v) => best(v, en))).toEqual(PAIRS.map((_, k) => k));
  });

  it('is computed, never cached: summing pieces is faster than reading a vector back', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'selaras-bundled-cache-'));
    try {
      const cached = await createEmbedder(DEFAULT_MODEL, { cacheDir });
      expect(await cached.embed(PAIRS.map(([en]) => en))).toEqual(await embedder.embed(PAIRS.map(([en]) => en)));
      expect(readdirSync(cacheDir)).toEqual([]);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
