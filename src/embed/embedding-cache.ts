/**
 * On-disk embedding cache, so re-aligning a revised article embeds only the sentences that changed.
 *
 * Layout: <cache dir>/embeddings/<model>-<fingerprint>/<shard>.bin, the shard chosen by the first hex digits of
 * sha256(sentence). A shard is a small immutable file: an 8-byte header ("SLR1", uint32 dimension) then records
 * of [32-byte sha256 | dimension float32]. Writers merge with what is on disk and replace the file by rename, so
 * a reader sees a whole old or a whole new shard, never a torn one; when two processes write one shard at once
 * the later rename wins and the other's new entries are simply computed again next time. Each shard keeps at most
 * its share of the size bound, dropping its oldest records first, so the bound holds without a global scan.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { writeFileAtomic } from '../export/write-file.js';

import type { Embedder } from './embedder.js';

export const CACHE_DIR_ENV = 'SELARAS_CACHE_DIR';
export const CACHE_MAX_MB_ENV = 'SELARAS_CACHE_MAX_MB';

/** Per model. 256 MiB holds about 130,000 sentences of the bundled model (512 dimensions), 85,000 of LaBSE (768). */
export const DEFAULT_CACHE_MAX_BYTES = 256 * 1024 * 1024;
/** 4096 shards: a shard of a full cache stays a few tens of KiB, so a lookup reads little. */
export const DEFAULT_SHARD_HEX_DIGITS = 3;

const MAGIC = 'SLR1';
const HEADER_BYTES = 8;
const KEY_BYTES = 32;

/** The user's cache directory: $SELARAS_CACHE_DIR, $XDG_CACHE_HOME/selaras, or the platform's usual place. */
export function defaultCacheDir(): string {
  const env = process.env;
  if (env[CACHE_DIR_ENV]) return env[CACHE_DIR_ENV];
  if (env['XDG_CACHE_HOME']) return join(env['XDG_CACHE_HOME'], 'selaras');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'selaras');
  if (process.platform === 'win32' && env['LOCALAPPDATA']) return join(env['LOCALAPPDATA'], 'selaras', 'Cache');
  return join(homedir(), '.cache', 'selaras');
}

function defaultMaxBytes(): number {
  const mb = Number(process.env[CACHE_MAX_MB_ENV]);
  return Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : DEFAULT_CACHE_MAX_BYTES;
}

export function sentenceKey(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export interface EmbeddingCacheOptions {
  /** Parent directory; default defaultCacheDir(). */
  readonly dir?: string;
  readonly maxBytes?: number;
  /** Hex digits of the key that pick the shard (1 to 4). */
  readonly shardHexDigits?: number;
}

export class EmbeddingCache {
  readonly folder: string;
  private readonly recordBytes: number;
  private readonly maxRecordsPerShard: number;
  private readonly shardHexDigits: number;

  /**
   * @param model name of the model (safe for a folder name after sanitising)
   * @param fingerprint changes whenever the model's weights or tokenizer change, so stale vectors are never served
   */
  constructor(
    readonly model: string,
    readonly fingerprint: string,
    readonly dimension: number,
    options: EmbeddingCacheOptions = {},
  ) {
    this.shardHexDigits = Math.min(4, Math.max(1, options.shardHexDigits ?? DEFAULT_SHARD_HEX_DIGITS));
    this.recordBytes = KEY_BYTES + 4 * dimension;
    const shards = 16 ** this.shardHexDigits;
    const perShard = Math.floor((options.maxBytes ?? defaultMaxBytes()) / shards) - HEADER_BYTES;
    this.maxRecordsPerShard = Math.max(1, Math.floor(perShard / this.recordBytes));
    this.folder = join(options.dir ?? defaultCacheDir(), 'embeddings', `${EmbeddingCache.folderPrefix(model)}${fingerprint}`);
  }

  static folderPrefix(model: string): string {
    return model.replace(/[^A-Za-z0-9._-]+/g, '_') + '-';
  }

  /** Remove cache folders of other versions of this model (another fingerprint). Best effort. */
  async removeStaleVersions(): Promise<void> {
    const parent = join(this.folder, '..');
    const prefix = EmbeddingCache.folderPrefix(this.model);
    const mine = `${prefix}${this.fingerprint}`;
    const entries = await readdir(parent).catch(() => [] as string[]);
    for (const entry of entries) {
      // "<prefix><16 hex>" only: another model whose name extends this one's keeps its folder.
      if (entry !== mine && entry.startsWith(prefix) && /^[0-9a-f]{16}$/.test(entry.slice(prefix.length))) {
        await rm(join(parent, entry), { recursive: true, force: true }).catch(() => undefined);
      }
    }
  }

  private shardOf(key: Buffer): string {
    return join(this.folder, `${key.toString('hex').slice(0, this.shardHexDigits)}.bin`);
  }

  /** Records of a shard, oldest first; an absent, foreign or damaged shard reads as empty. */
  private async readShard(path: string): Promise<Map<string, Buffer>> {
    const records = new Map<string, Buffer>();
    const bytes = await readFile(path).catch(() => undefined);
    if (!bytes || bytes.length < HEADER_BYTES) return records;
    if (bytes.toString('latin1', 0, 4) !== MAGIC || bytes.readUInt32LE(4) !== this.dimension) return records;
    if ((bytes.length - HEADER_BYTES) % this.recordBytes !== 0) return records;
    for (let at = HEADER_BYTES; at < bytes.length; at += this.recordBytes) {
      records.set(bytes.toString('hex', at, at + KEY_BYTES), bytes.subarray(at + KEY_BYTES, at + this.recordBytes));
    }
    return records;
  }

  /** Cached vectors for the keys present, by hex key. */
  async getMany(keys: readonly Buffer[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    const byShard = new Map<string, Buffer[]>();
    for (const key of keys) {
      const shard = this.shardOf(key);
      byShard.set(shard, [...(byShard.get(shard) ?? []), key]);
    }
    for (const [shard, shardKeys] of byShard) {
      const records = await this.readShard(shard);
      for (const key of shardKeys) {
        const hex = key.toString('hex');
        const bytes = records.get(hex);
        if (!bytes) continue;
        // Copy into a fresh, aligned buffer: the file's bytes may sit at any offset.
        const vector = new Float32Array(this.dimension);
        new Uint8Array(vector.buffer).set(bytes);
        found.set(hex, vector);
      }
    }
    return found;
  }

  async putMany(entries: ReadonlyArray<readonly [Buffer, Float32Array]>): Promise<void> {
    const byShard = new Map<string, Array<readonly [Buffer, Float32Array]>>();
    for (const entry of entries) {
      if (entry[1].length !== this.dimension) throw new Error(`cache of ${this.model}: vector of ${entry[1].length} values, expected ${this.dimension}`);
      const shard = this.shardOf(entry[0]);
      byShard.set(shard, [...(byShard.get(shard) ?? []), entry]);
    }
    await mkdir(this.folder, { recursive: true });
    for (const [shard, shardEntries] of byShard) {
      const records = await this.readShard(shard);
      for (const [key, vector] of shardEntries) {
        const hex = key.toString('hex');
        records.delete(hex); // re-inserted last: the newest
        records.set(hex, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
      }
      const kept = [...records].slice(-this.maxRecordsPerShard);
      const out = Buffer.alloc(HEADER_BYTES + kept.length * this.recordBytes);
      out.write(MAGIC, 0, 'latin1');
      out.writeUInt32LE(this.dimension, 4);
      kept.forEach(([hex, bytes], k) => {
        const at = HEADER_BYTES + k * this.recordBytes;
        out.write(hex, at, 'hex');
        bytes.copy(out, at + KEY_BYTES);
      });
      await writeFileAtomic(shard, out);
    }
  }
}

/**
 * An Embedder that answers from the cache where it can and asks `inner` only for the rest. Cache failures (a
 * read-only or full disk) never fail the embedding: the cache is only a shortcut.
 */
export function withEmbeddingCache(inner: Embedder, cache: EmbeddingCache): Embedder {
  return {
    name: inner.name,
    dimension: inner.dimension,
    async embed(texts, onProgress) {
      const keys = texts.map(sentenceKey);
      const found = await cache.getMany(keys).catch(() => new Map<string, Float32Array>());
      const missing = new Map<string, number>(); // hex key -> first index
      keys.forEach((key, k) => {
        const hex = key.toString('hex');
        if (!found.has(hex) && !missing.has(hex)) missing.set(hex, k);
      });
      const hits = texts.length - [...keys].filter((key) => !found.has(key.toString('hex'))).length;
      if (missing.size > 0) {
        const indexes = [...missing.values()];
        const vectors = await inner.embed(
          indexes.map((k) => texts[k]!),
          (done, total) => onProgress?.(Math.round(hits + ((texts.length - hits) * done) / total), texts.length),
        );
        const fresh: Array<readonly [Buffer, Float32Array]> = [];
        indexes.forEach((k, j) => {
          found.set(keys[k]!.toString('hex'), vectors[j]!);
          fresh.push([keys[k]!, vectors[j]!]);
        });
        await cache.putMany(fresh).catch(() => undefined);
      } else {
        onProgress?.(texts.length, texts.length);
      }
      // A copy per text: callers may scale vectors in place without touching each other's.
      return keys.map((key) => Float32Array.from(found.get(key.toString('hex'))!));
    },
  };
}
