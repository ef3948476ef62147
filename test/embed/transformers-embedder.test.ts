import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEmbedder, ModelFolderError, UnknownModelError } from '../../src/embed/index.js';
import type { ProgressEvent } from '../../src/types.js';
import { expectedMean, expectedPooler, writeTinyModel } from './fixtures/tiny-model.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'selaras-embed-'));
  writeTinyModel(join(dir, 'tiny'));
  writeTinyModel(join(dir, 'Xenova', 'LaBSE'), { pooler: true });
  writeTinyModel(join(dir, 'Xenova', 'multilingual-e5-small'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function close(actual: Float32Array | undefined, expected: number[]): void {
  expect(actual).toBeDefined();
  expect(Array.from(actual!)).toEqual(expected.map((v) => expect.closeTo(v, 5)));
}

describe('createEmbedder on a tiny model folder', () => {
  it('mean-pools the last hidden state and L2-normalises', async () => {
    const embedder = await createEmbedder('tiny', { modelsDir: dir, cache: false });
    expect(embedder.name).toBe('tiny');
    expect(embedder.dimension).toBe(4);
    const [a, b] = await embedder.embed(['The bank', 'suku bunga']);
    close(a, expectedMean(['the', 'bank']));
    close(b, expectedMean(['suku', 'bunga']));
  });

  it('keeps input order across length-sorted batches and reports progress per batch', async () => {
    const embedder = await createEmbedder('tiny', { modelsDir: dir, cache: false });
    const words = ['the', 'bank', 'rate', 'bunga', 'suku', 'kamis'];
    const texts = Array.from({ length: 70 }, (_, k) => words.slice(0, 1 + (k % words.length)).join(' '));
    const progress: Array<[number, number]> = [];
    const vectors = await embedder.embed(texts, (done, total) => progress.push([done, total]));
    expect(progress).toEqual([
      [32, 70],
      [64, 70],
      [70, 70],
    ]);
    vectors.forEach((v, k) => close(v, expectedMean(texts[k]!.split(' '))));
  });

  it('keeps its vectors in one cache file, and a second embedder answers from it with the same vectors', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'selaras-tiny-cache-'));
    try {
      const texts = ['The bank', 'suku bunga', 'the rate kamis'];
      const first = await (await createEmbedder('tiny', { modelsDir: dir, cacheDir })).embed(texts);
      const files = readdirSync(join(cacheDir, 'embeddings'));
      expect(files).toEqual([expect.stringMatching(/^tiny-[0-9a-f]{16}\.vec$/)]);
      // A 16-byte header and one (mark, 16-byte key, 4 float32, checksum) record per sentence.
      const size = 16 + texts.length * (4 + 16 + 4 * 4 + 4);
      expect(statSync(join(cacheDir, 'embeddings', files[0]!)).size).toBe(size);
      const second = await (await createEmbedder('tiny', { modelsDir: dir, cacheDir })).embed(texts);
      expect(second).toEqual(first);
      // Nothing new was written: every vector came from the cache.
      expect(statSync(join(cacheDir, 'embeddings', files[0]!)).size).toBe(size);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('reports model loading as load-model progress ending at its total', async () => {
    const events: ProgressEvent[] = [];
    writeTinyModel(join(dir, 'tiny-progress'));
    await createEmbedder('tiny-progress', { modelsDir: dir, cache: false, onProgress: (e) => events.push(e) });
    expect(events.length).toBeGreaterThan(1);
    expect(events.every((e) => e.stage === 'load-model' && e.model === 'tiny-progress')).toBe(true);
    const last = events.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(last.total).toBeGreaterThan(1000);
  });

  it('uses pooler_output for LaBSE (CLS + dense layer), not the mean', async () => {
    const embedder = await createEmbedder('Xenova/LaBSE', { modelsDir: dir, cache: false });
    const [a, b] = await embedder.embed(['the bank', 'suku bunga kamis']);
    close(a, expectedPooler());
    close(b, expectedPooler());
  });

  it('prefixes "query: " for multilingual-e5', async () => {
    const embedder = await createEmbedder('Xenova/multilingual-e5-small', { modelsDir: dir, cache: false });
    const [a] = await embedder.embed(['the bank']);
    close(a, expectedMean(['query', ':', 'the', 'bank']));
  });
});

describe('model folder errors name the folder and the fix', () => {
  const cases: Array<{ name: string; damage: (folder: string) => void; message: RegExp }> = [
    { name: 'no-tokenizer', damage: (f) => rmSync(join(f, 'tokenizer.json')), message: /tokenizer\.json is missing/ },
    { name: 'bad-config', damage: (f) => writeFileSync(join(f, 'config.json'), '{"model_type": "be'), message: /config\.json is not valid JSON/ },
    { name: 'no-onnx', damage: (f) => rmSync(join(f, 'onnx'), { recursive: true }), message: /neither onnx\/model_quantized\.onnx nor onnx\/model\.onnx/ },
    { name: 'empty-onnx', damage: (f) => writeFileSync(join(f, 'onnx', 'model_quantized.onnx'), ''), message: /model_quantized\.onnx is empty/ },
    {
      name: 'garbage-onnx',
      damage: (f) => writeFileSync(join(f, 'onnx', 'model_quantized.onnx'), Buffer.from('this is not a protobuf at all')),
      message: /is not an ONNX model/,
    },
    {
      name: 'cut-onnx',
      damage: (f) => {
        const path = join(f, 'onnx', 'model_quantized.onnx');
        writeFileSync(path, readFileSync(path).subarray(0, 200));
      },
      message: /is cut short/,
    },
  ];
  it.each(cases)('$name', async ({ name, damage, message }) => {
    const folder = join(dir, name);
    writeTinyModel(folder);
    damage(folder);
    const error = await createEmbedder(name, { modelsDir: dir, cache: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFolderError);
    expect((error as ModelFolderError).folder).toBe(folder);
    expect((error as Error).message).toContain(folder);
    expect((error as Error).message).toMatch(message);
  });

  it('an unknown name says where it looked', async () => {
    const error = await createEmbedder('no-such-model', { modelsDir: dir, cache: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownModelError);
    expect((error as Error).message).toContain(dir);
  });

  it('a pullable model that is not installed says how to pull it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'selaras-empty-'));
    mkdirSync(empty, { recursive: true });
    const error = await createEmbedder('Xenova/paraphrase-multilingual-MiniLM-L12-v2', { modelsDir: empty, cache: false }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('selaras models pull Xenova/paraphrase-multilingual-MiniLM-L12-v2');
    rmSync(empty, { recursive: true });
  });
});
