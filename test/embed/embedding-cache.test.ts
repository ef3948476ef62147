import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { EmbeddingCache, sentenceKey, withEmbeddingCache } from '../../src/embed/embedding-cache.js';
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

function vectorOf(text: string): Float32Array {
  const key = sentenceKey(text);
  return Float32Array.from({ length: DIM }, (_, k) => key[k]! / 255);
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
    expect(inner.calls).toEqual([article, ['Second sentence, revised.']]);
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
    await next.removeStaleVersions();
    expect(readdirSync(join(dir, 'embeddings')).sort()).toEqual(['m-bbbbbbbbbbbbbbbb', 'm-large-cccccccccccccccc']);
  });

  it('still answers when the cache cannot be written', async () => {
    const blocked = join(dir, 'file-not-dir');
    writeFileSync(blocked, 'x');
    const inner = countingEmbedder();
    const out = await withEmbeddingCache(inner, new EmbeddingCache('m', 'f1', DIM, { dir: blocked })).embed(['a']);
    expect(out[0]).toEqual(vectorOf('a'));
  });
});

describe('EmbeddingCache on disk', () => {
  it('stays within its size bound, keeping the newest entries', async () => {
    const maxBytes = 16 * 1024;
    const cache = new EmbeddingCache('m', 'f1', DIM, { dir, maxBytes, shardHexDigits: 1 });
    const texts = Array.from({ length: 2000 }, (_, k) => `sentence ${k}`);
    for (let k = 0; k < texts.length; k += 100) {
      await cache.putMany(texts.slice(k, k + 100).map((t) => [sentenceKey(t), vectorOf(t)] as const));
    }
    const bytes = readdirSync(cache.folder).reduce((sum, f) => sum + statSync(join(cache.folder, f)).size, 0);
    expect(bytes).toBeLessThanOrEqual(maxBytes);
    expect(bytes).toBeGreaterThan(maxBytes / 2);
    const newest = await cache.getMany(texts.slice(-20).map(sentenceKey));
    expect(newest.size).toBe(20);
    const oldest = await cache.getMany(texts.slice(0, 20).map(sentenceKey));
    expect(oldest.size).toBe(0);
  });

  it('reads a damaged shard as empty and repairs it on the next write', async () => {
    const cache = new EmbeddingCache('m', 'f1', DIM, { dir, shardHexDigits: 1 });
    const entries = ['a', 'b', 'c'].map((t) => [sentenceKey(t), vectorOf(t)] as const);
    await cache.putMany(entries);
    for (const file of readdirSync(cache.folder)) {
      const path = join(cache.folder, file);
      writeFileSync(path, readFileSync(path).subarray(0, 13));
    }
    expect((await cache.getMany(entries.map(([k]) => k))).size).toBe(0);
    await cache.putMany(entries);
    expect((await cache.getMany(entries.map(([k]) => k))).size).toBe(3);
  });

  it('survives two processes writing the same shards at once: every entry read back is whole', async () => {
    const dist = join(import.meta.dirname, '..', '..', 'dist', 'embed', 'embedding-cache.js');
    expect(existsSync(dist)).toBe(true);
    const script = `
      const { EmbeddingCache, sentenceKey } = await import(${JSON.stringify(dist)});
      const [dir, tag] = process.argv.slice(1);
      const cache = new EmbeddingCache('m', 'f1', ${DIM}, { dir, shardHexDigits: 1 });
      for (let round = 0; round < 40; round++) {
        const entries = [];
        for (let k = 0; k < 25; k++) {
          const text = tag + ' ' + round + ' ' + k;
          const key = sentenceKey(text);
          entries.push([key, Float32Array.from({ length: ${DIM} }, (_, j) => key[j] / 255)]);
        }
        await cache.putMany(entries);
      }`;
    const run = promisify(execFile);
    await Promise.all(['A', 'B'].map((tag) => run(process.execPath, ['--input-type=module', '-e', script, dir, tag])));
    const cache = new EmbeddingCache('m', 'f1', DIM, { dir, shardHexDigits: 1 });
    const texts = ['A', 'B'].flatMap((tag) => Array.from({ length: 40 * 25 }, (_, n) => `${tag} ${Math.floor(n / 25)} ${n % 25}`));
    const found = await cache.getMany(texts.map(sentenceKey));
    for (const text of texts) {
      const vector = found.get(sentenceKey(text).toString('hex'));
      if (vector) expect(vector).toEqual(vectorOf(text));
    }
    // Each process's last round was written after its earlier ones; at least one process's last round survives whole.
    const lastRound = (tag: string) => Array.from({ length: 25 }, (_, k) => `${tag} 39 ${k}`);
    const survivors = ['A', 'B'].map((tag) => lastRound(tag).filter((t) => found.has(sentenceKey(t).toString('hex'))).length);
    expect(Math.max(...survivors)).toBeGreaterThan(0);
    expect(readdirSync(cache.folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
