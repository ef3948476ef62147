import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { CACHE_BATCH, CACHE_MAX_MB_ENV, EmbeddingCache, sentenceKey, withEmbeddingCache } from '../../src/embed/embedding-cache.js';
import type { Embedder } from '../../src/embed/embedder.js';

const DIM = 8;

/** A deterministic embedder that records what it was asked to embed. */
function countingEmbedder(): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    name: 'counting',
    dimension: DIM,
    calls,
    async embed(texts, onProgress) {
      calls.push([...texts]);
      onProgress?.(texts.length, texts.length);
      return texts.map((t) => vectorOf(t));
    },
  };
}

/** A unit vector made from the text's hash: what a real embedder's output looks like to the cache. */
function vectorOf(text: string): Float32Array {
  const key = sentenceKey(text);
  const v = Float32Array.from({ length: DIM }, (_, k) => key[k]! / 255);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'selaras-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('withEmbeddingCache', () => {
  it('embeds only sentences it has not seen, across cache instances (processes)', async () => {
    const inner = countingEmbedder();
    const article = ['First sentence.', 'Second sentence.', 'Third sentence.'];
    const first = await withEmbeddingCache(inner, new EmbeddingCache('m', 'f1', DIM, { dir })).embed(article);
    const revised = ['First sentence.', 'Second sentence, revised.', 'Third sentence.'];
    const second = await withEmbeddingCache(inner, new EmbeddingCache('m', 'f1', DIM, { dir })).embed(revised);
    expect(inner.calls.map((call) => [...call].sort())).toEqual([[...article].sort(), ['Second sentence, revised.']]);
    expect(second[0]).toEqual(first[0]);
    expect(second[2]).toEqual(first[2]);
    expect(second[1]).toEqual(vectorOf('Second sentence, revised.'));
  });

  it('embeds a sentence repeated within one call once and returns it at every position', async () => {
    const inner = countingEmbedder();
    const out = await withEmbeddingCache(inner, new EmbeddingCache('m', 'f1', DIM, { dir })).embed(['a', 'b', 'a']);
    expect(inner.calls).toEqual([['a', 'b']]);
    expect(out[2]).toEqual(out[0]);
    out[0]![0] = 42;
    expect(out[2]![0]).not.toBe(42);
  });

  it('reports progress that counts cached sentences as done', async () => {
    const inner = countingEmbedder();
    const cached = withEmbeddingCache(inner, new EmbeddingCache('m', 'f1', DIM, { dir }));
    await cached.embed(['a', 'b']);
    const progress: Array<[number, number]> = [];
    await cached.embed(['a', 'b', 'c', 'd'], (done, total) => progress.push([done, total]));
    expect(progress.at(-1)).toEqual([4, 4]);
    expect(progress.every(([done]) => done >= 2)).toBe(true);
  });

  it('keys on the model: another fingerprint misses, and cleaning removes the stale version only', async () => {
    const inner = countingEmbedder();
    await withEmbeddingCache(inner, new EmbeddingCache('m', 'aaaaaaaaaaaaaaaa', DIM, { dir })).embed(['x']);
    await withEmbeddingCache(inner, new EmbeddingCache('m-large', 'cccccccccccccccc', DIM, { dir })).embed(['x']);
    const next = new EmbeddingCache('m', 'bbbbbbbbbbbbbbbb', DIM, { dir });
    await withEmbeddingCache(inner, next).embed(['x']);
    expect(inner.calls).toEqual([['x'], ['x'], ['x']]);
    // A folder of shards of the layout before is stale too.
    mkdirSync(join(dir, 'embeddings', 'm-dddddddddddddddd'));
    await next.removeStaleVersions();
    expect(readdirSync(join(dir, 'embeddings')).sort()).toEqual(['m-bbbbbbbbbbbbbbbb.vec', 'm-large-cccccccccccccccc.vec']);
  });

  it('still answers when the cache cannot be written', async () => {
    const blocked = join(dir, 'file-not-dir');
    writeFileSync(blocked, 'x');
    const inner = countingEmbedder();
    const out = await withEmbeddingCache(inner, new EmbeddingCache('m', 'f1', DIM, { dir: blocked })).embed(['a']);
    expect(out[0]).toEqual(vectorOf('a'));
  });
});

describe('withEmbeddingCache, interrupted', () => {
  it('keeps every batch embedded before the failure, so the next run embeds only the rest', async () => {
    const texts = Array.from({ length: CACHE_BATCH * 2 + 10 }, (_, k) => `sentence number ${k}`);
    const failing: Embedder = {
      name: 'failing',
      dimension: DIM,
      calls: 0,
      async embed(batch) {
        if ((this as { calls: number }).calls++ === 1) throw new Error('interrupted');
        return batch.map(vectorOf);
      },
    } as Embedder & { calls: number };
    await expect(withEmbeddingCache(failing, new EmbeddingCache('m', 'f1', DIM, { dir })).embed(texts)).rejects.toThrow('interrupted');
    const inner = countingEmbedder();
    const out = await withEmbeddingCache(inner, new EmbeddingCache('m', 'f1', DIM, { dir })).embed(texts);
    expect(inner.calls.flat()).toHaveLength(texts.length - CACHE_BATCH);
    expect(out).toEqual(texts.map(vectorOf));
  });
});

/** Offsets of the records in a cache file of DIM-dimensional vectors. */
const HEADER = 16;
const RECORD = 4 + 16 + 4 * DIM + 4;

describe('EmbeddingCache on disk', () => {
  const entriesOf = (texts: readonly string[]) => texts.map((t) => [sentenceKey(t), vectorOf(t)] as const);

  it('keeps one file per model version, with a header and one record per sentence', async () => {
    const cache = new EmbeddingCache('m', 'f1', DIM, { dir });
    await cache.putMany(entriesOf(['a', 'b', 'c']));
    expect(readdirSync(join(dir, 'embeddings'))).toEqual(['m-f1.vec']);
    expect(statSync(cache.file).size).toBe(HEADER + 3 * RECORD);
  });

  it('stays within its size bound, keeping the newest entries', async () => {
    const maxBytes = 16 * 1024;
    const cache = new EmbeddingCache('m', 'f1', DIM, { dir, maxBytes });
    const texts = Array.from({ length: 2000 }, (_, k) => `sentence ${k}`);
    for (let k = 0; k < texts.length; k += 100) {
      await cache.putMany(entriesOf(texts.slice(k, k + 100)));
      expect(statSync(cache.file).size).toBeLessThanOrEqual(maxBytes);
    }
    const reader = new EmbeddingCache('m', 'f1', DIM, { dir, maxBytes });
    expect((await reader.getMany(texts.slice(-20).map(sentenceKey))).size).toBe(20);
    expect((await reader.getMany(texts.slice(0, 20).map(sentenceKey))).size).toBe(0);
  });

  it.each([
    ['1 MB', '1', 1024 * 1024],
    ['2.5 MB', '2.5', 2.5 * 1024 * 1024],
  ])('honours SELARAS_CACHE_MAX_MB down to %s (512-dimensional vectors)', async (_, megabytes, bound) => {
    const previous = process.env[CACHE_MAX_MB_ENV];
    process.env[CACHE_MAX_MB_ENV] = megabytes;
    try {
      const dimension = 512;
      const cache = new EmbeddingCache('m', 'f1', dimension, { dir });
      const unit = Float32Array.from({ length: dimension }, () => 1 / Math.sqrt(dimension));
      const texts = Array.from({ length: 3000 }, (_, k) => `sentence ${k}`);
      for (let k = 0; k < texts.length; k += 250) await cache.putMany(texts.slice(k, k + 250).map((t) => [sentenceKey(t), unit] as const));
      expect(statSync(cache.file).size).toBeLessThanOrEqual(bound);
      expect((await cache.getMany(texts.slice(-100).map(sentenceKey))).size).toBe(100);
    } finally {
      if (previous === undefined) delete process.env[CACHE_MAX_MB_ENV];
      else process.env[CACHE_MAX_MB_ENV] = previous;
    }
  });

  it('writes nothing with SELARAS_CACHE_MAX_MB=0', async () => {
    const previous = process.env[CACHE_MAX_MB_ENV];
    process.env[CACHE_MAX_MB_ENV] = '0';
    try {
      const out = await withEmbeddingCache(countingEmbedder(), new EmbeddingCache('m', 'f1', DIM, { dir })).embed(['a']);
      expect(out[0]).toEqual(vectorOf('a'));
      expect(existsSync(join(dir, 'embeddings'))).toBe(false);
    } finally {
      if (previous === undefined) delete process.env[CACHE_MAX_MB_ENV];
      else process.env[CACHE_MAX_MB_ENV] = previous;
    }
  });

  /** Write the four records a, b, c, d, damage record `index` with `damage`, and say which ones read back. */
  async function survivors(damage: (file: Buffer, record: number) => Buffer, index: number): Promise<string[]> {
    const cache = new EmbeddingCache('m', 'f1', DIM, { dir });
    const texts = ['a', 'b', 'c', 'd'];
    await cache.putMany(entriesOf(texts));
    writeFileSync(cache.file, damage(readFileSync(cache.file), HEADER + index * RECORD));
    const found = await new EmbeddingCache('m', 'f1', DIM, { dir }).getMany(texts.map(sentenceKey));
    return texts.filter((t) => found.has(sentenceKey(t).toString('hex')));
  }

  const setFloat = (value: number, at: number) => (file: Buffer, record: number) => {
    file.writeFloatLE(value, record + 4 + 16 + 4 * at);
    return file;
  };

  it.each([
    ['a NaN', setFloat(NaN, 2)],
    ['an Infinity', setFloat(Infinity, 0)],
    ['a value that breaks the unit norm (checksum recomputed, so only the norm tells)', (file: Buffer, record: number) => {
      file.writeFloatLE(file.readFloatLE(record + 20) * 1.5, record + 20);
      const words = new Uint32Array(file.buffer.slice(file.byteOffset + record, file.byteOffset + record + RECORD));
      let h = 0x811c9dc5;
      for (let k = 1; k < words.length - 1; k++) h = Math.imul(h ^ words[k]!, 0x01000193);
      file.writeUInt32LE(h >>> 0, record + RECORD - 4);
      return file;
    }],
    ['one flipped bit', (file: Buffer, record: number) => {
      file[record + 30]! ^= 1;
      return file;
    }],
  ])('discards a record with %s and trusts the others', async (_, damage) => {
    expect(await survivors(damage, 1)).toEqual(['a', 'c', 'd']);
  });

  it('finds the records written after one torn by a crash', async () => {
    const cache = new EmbeddingCache('m', 'f1', DIM, { dir });
    await cache.putMany(entriesOf(['a', 'b']));
    // A crash in the middle of writing "b": half of it reached the disk.
    writeFileSync(cache.file, readFileSync(cache.file).subarray(0, HEADER + RECORD + RECORD / 2));
    await cache.putMany(entriesOf(['c', 'd']));
    const found = await new EmbeddingCache('m', 'f1', DIM, { dir }).getMany(['a', 'b', 'c', 'd'].map(sentenceKey));
    expect(['a', 'b', 'c', 'd'].filter((t) => found.has(sentenceKey(t).toString('hex')))).toEqual(['a', 'c', 'd']);
  });

  it('starts again from a file of another format or dimension', async () => {
    await new EmbeddingCache('m', 'f1', DIM, { dir }).putMany(entriesOf(['a']));
    const other = new EmbeddingCache('m', 'f1', DIM * 2, { dir });
    expect((await other.getMany([sentenceKey('a')])).size).toBe(0);
  });

  it('sees what another process appended since it last looked', async () => {
    const reader = new EmbeddingCache('m', 'f1', DIM, { dir });
    const writer = new EmbeddingCache('m', 'f1', DIM, { dir });
    await writer.putMany(entriesOf(['a']));
    expect((await reader.getMany([sentenceKey('a'), sentenceKey('b')])).size).toBe(1);
    await writer.putMany(entriesOf(['b']));
    expect((await reader.getMany([sentenceKey('a'), sentenceKey('b')])).size).toBe(2);
  });

  it.each([
    ['a large bound: nothing is lost', 64 * 1024 * 1024, true],
    ['a bound small enough to rewrite the file while the other appends', 24 * 1024, false],
  ])('survives two processes writing at once with %s; every entry read back is whole', async (_, maxBytes, keepsAll) => {
    const dist = join(import.meta.dirname, '..', '..', 'dist', 'embed', 'embedding-cache.js');
    expect(existsSync(dist)).toBe(true);
    const script = `
      const { EmbeddingCache, sentenceKey } = await import(${JSON.stringify(dist)});
      const [dir, tag] = process.argv.slice(1);
      const cache = new EmbeddingCache('m', 'f1', ${DIM}, { dir, maxBytes: ${maxBytes} });
      for (let round = 0; round < 40; round++) {
        const entries = [];
        for (let k = 0; k < 25; k++) {
          const text = tag + ' ' + round + ' ' + k;
          const key = sentenceKey(text);
          const v = Float32Array.from({ length: ${DIM} }, (_, j) => key[j] / 255);
          const n = Math.hypot(...v);
          entries.push([key, v.map((x) => x / n)]);
        }
        await cache.putMany(entries);
      }`;
    const run = promisify(execFile);
    await Promise.all(['A', 'B'].map((tag) => run(process.execPath, ['--input-type=module', '-e', script, dir, tag])));
    const cache = new EmbeddingCache('m', 'f1', DIM, { dir, maxBytes });
    const texts = ['A', 'B'].flatMap((tag) => Array.from({ length: 40 * 25 }, (_, n) => `${tag} ${Math.floor(n / 25)} ${n % 25}`));
    const found = await cache.getMany(texts.map(sentenceKey));
    for (const text of texts) {
      const vector = found.get(sentenceKey(text).toString('hex'));
      if (vector) expect(vector).toEqual(vectorOf(text));
    }
    if (keepsAll) expect(found.size).toBe(texts.length);
    else expect(found.size).toBeGreaterThan(0);
    expect(statSync(cache.file).size).toBeLessThanOrEqual(maxBytes + 25 * RECORD);
    expect(readdirSync(join(dir, 'embeddings')).filter((f) => f !== 'm-f1.vec')).toEqual([]);
  });
});
