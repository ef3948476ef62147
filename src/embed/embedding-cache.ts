/**
 * On-disk embedding cache, so re-aligning a revised article embeds only the sentences that changed. Used for models
 * that go through transformers.js; the bundled additive model computes faster than any read and skips it.
 *
 * One file per model version: <cache dir>/embeddings/<model>-<fingerprint>.vec, a 16-byte header ("SLRC", format
 * version, dimension) then fixed-size records [mark | first 16 bytes of sha256(sentence) | dimension float32 |
 * checksum], in the machine's byte order, appended as batches are embedded. So:
 * - an interrupted run keeps every batch it finished;
 * - processes append at once safely: each batch is one write to a file opened for appending, which the kernel never
 *   interleaves; a record torn by a crash fails its checksum, and readers find the next record by its mark;
 * - every record read is checked (mark, key, checksum, finite values, unit norm) and a bad one is a miss, never
 *   trusted;
 * - the file stays within its size bound (SELARAS_CACHE_MAX_MB, any size from 1 MB): when a batch would pass it,
 *   the newest records that fill half the bound are rewritten to a new file that replaces the old one by rename.
 *   A batch another process appends during that rewrite is lost: only a shortcut, computed again next time.
 * Each process keeps an index of the file (key -> offset), read once and then only the part appended since.
 */
import { createHash } from 'node:crypto';
import { link, mkdir, open, readdir, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { openOutput, temporaryNameFor } from '../export/output-file.js';
import { writeFileAtomic } from '../export/write-file.js';

import type { Embedder } from './embedder.js';

export const CACHE_DIR_ENV = 'SELARAS_CACHE_DIR';
export const CACHE_MAX_MB_ENV = 'SELARAS_CACHE_MAX_MB';

/** Per model. 256 MiB holds about 130,000 sentences of a 512-dimensional model, 85,000 of LaBSE (768). */
export const DEFAULT_CACHE_MAX_BYTES = 256 * 1024 * 1024;
/** What a rewrite keeps of the bound: half, so that it is needed once per half a bound of new sentences. */
const COMPACT_SHARE = 0.5;
/** Sentences embedded and written to the cache at a time: what an interrupted run can lose at most. */
export const CACHE_BATCH = 256;
/** A cached vector's norm may differ from 1 by this much (float32 rounding of a normalised vector is ~1e-7). */
const NORM_TOLERANCE = 1e-3;
/** Above this share of the file's records wanted at once, one read of the whole file beats a read per record. */
const WHOLE_FILE_SHARE = 0.25;
/** Bytes read at a time when indexing the file. */
const SCAN_BYTES = 1 << 20;

const MAGIC = 'SLRC';
const FORMAT_VERSION = 2;
const HEADER_BYTES = 16;
const KEY_BYTES = 16;
const RECORD_MARK = 0x5e1a7ecd;
const MARK_BYTES = Buffer.from(new Uint32Array([RECORD_MARK]).buffer);
/** Mark, key, checksum: the bytes of a record besides the vector. */
const RECORD_OVERHEAD = 4 + KEY_BYTES + 4;

/** The user's cache directory: $SELARAS_CACHE_DIR, $XDG_CACHE_HOME/selaras, or the platform's usual place. */
export function defaultCacheDir(): string {
  const env = process.env;
  if (env[CACHE_DIR_ENV]) return env[CACHE_DIR_ENV];
  if (env['XDG_CACHE_HOME']) return join(env['XDG_CACHE_HOME'], 'selaras');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'selaras');
  if (process.platform === 'win32' && env['LOCALAPPDATA']) return join(env['LOCALAPPDATA'], 'selaras', 'Cache');
  return join(homedir(), '.cache', 'selaras');
}

/** $SELARAS_CACHE_MAX_MB in bytes (0 turns the cache off), else the default. */
function defaultMaxBytes(): number {
  const raw = process.env[CACHE_MAX_MB_ENV];
  const mb = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(mb) && mb >= 0 ? Math.floor(mb * 1024 * 1024) : DEFAULT_CACHE_MAX_BYTES;
}

export function sentenceKey(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** FNV-1a over 32-bit words: cheap, and any torn or flipped word changes it. */
function checksum(words: Uint32Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ words[k]!, 0x01000193);
  return h >>> 0;
}

export interface EmbeddingCacheOptions {
  /** Parent directory; default defaultCacheDir(). */
  readonly dir?: string;
  /** Size bound of the file in bytes; default $SELARAS_CACHE_MAX_MB or 256 MiB. */
  readonly maxBytes?: number;
}

/** The file's identity and how far this process has indexed it. */
interface IndexState {
  ino: number;
  dev: number;
  scanned: number;
}

export class EmbeddingCache {
  readonly file: string;
  readonly maxBytes: number;
  private readonly recordBytes: number;
  private readonly index = new Map<string, number>();
  private state: IndexState | null = null;

  /**
   * @param model name of the model (safe for a file name after sanitising)
   * @param fingerprint changes whenever the model's weights or tokenizer change, so stale vectors are never served
   */
  constructor(
    readonly model: string,
    readonly fingerprint: string,
    readonly dimension: number,
    options: EmbeddingCacheOptions = {},
  ) {
    this.recordBytes = RECORD_OVERHEAD + 4 * dimension;
    this.maxBytes = options.maxBytes ?? defaultMaxBytes();
    this.file = join(options.dir ?? defaultCacheDir(), 'embeddings', `${EmbeddingCache.prefix(model)}${fingerprint}.vec`);
  }

  static prefix(model: string): string {
    return model.replace(/[^A-Za-z0-9._-]+/g, '_') + '-';
  }

  /** Whether the bound leaves room for a single record. */
  get isEnabled(): boolean {
    return this.maxBytes >= HEADER_BYTES + this.recordBytes;
  }

  /** Remove the cache files of other versions of this model (another fingerprint), and older layouts. Best effort. */
  async removeStaleVersions(): Promise<void> {
    const parent = join(this.file, '..');
    const prefix = EmbeddingCache.prefix(this.model);
    const mine = `${prefix}${this.fingerprint}.vec`;
    const entries = await readdir(parent).catch(() => [] as string[]);
    for (const entry of entries) {
      // "<prefix><16 hex>.vec" (or a folder of shards of the layout before): another model whose name extends this
      // one's keeps its file.
      if (entry !== mine && entry.startsWith(prefix) && /^[0-9a-f]{16}(\.vec)?$/.test(entry.slice(prefix.length))) {
        await rm(join(parent, entry), { recursive: true, force: true }).catch(() => undefined);
      }
    }
  }

  private header(): Buffer {
    const header = Buffer.alloc(HEADER_BYTES);
    header.write(MAGIC, 0, 'latin1');
    header.writeUInt32LE(FORMAT_VERSION, 4);
    header.writeUInt32LE(this.dimension, 8);
    return header;
  }

  private isOurHeader(bytes: Uint8Array): boolean {
    const header = this.header();
    return bytes.length >= HEADER_BYTES && Buffer.from(bytes.buffer, bytes.byteOffset, HEADER_BYTES).equals(header);
  }

  /** The file, created with its header if missing (a whole file appears at once: written aside, then linked). */
  private async ensureFile(): Promise<void> {
    if (await stat(this.file).catch(() => undefined)) return;
    await mkdir(join(this.file, '..'), { recursive: true });
    const temporary = join(this.file, '..', temporaryNameFor(`${this.fingerprint}.vec`));
    await writeFileAtomic(temporary, this.header());
    try {
      await link(temporary, this.file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
  }

  /** Bring the index up to the file on disk: read what was appended since, or all of it if the file was replaced. */
  private async refresh(handle: FileHandle): Promise<number> {
    const info = await handle.stat();
    const state = this.state;
    if (!state || state.ino !== info.ino || state.dev !== info.dev || info.size < state.scanned) {
      this.index.clear();
      const head = Buffer.alloc(HEADER_BYTES);
      const { bytesRead } = await handle.read(head, 0, HEADER_BYTES, 0);
      const ours = bytesRead === HEADER_BYTES && this.isOurHeader(head);
      this.state = { ino: info.ino, dev: info.dev, scanned: ours ? HEADER_BYTES : info.size };
    }
    await this.scan(handle, info.size);
    return info.size;
  }

  /** Index the records from `state.scanned` to `size`, newest last (a key written twice points at its latest). */
  private async scan(handle: FileHandle, size: number): Promise<void> {
    const state = this.state!;
    const R = this.recordBytes;
    let at = state.scanned;
    while (at + R <= size) {
      const chunk = Buffer.alloc(Math.min(size - at, SCAN_BYTES + R));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
      let pos = 0;
      while (pos + R <= bytesRead) {
        if (chunk.compare(MARK_BYTES, 0, 4, pos, pos + 4) === 0) {
          // A mark inside the record's span means this one may be torn (a crash cut it short and the next write
          // began there): only its checksum can tell. Otherwise it is checked when read.
          const inner = chunk.indexOf(MARK_BYTES, pos + 1);
          if (inner < 0 || inner >= pos + R || this.verified(chunk, pos, chunk.toString('latin1', pos + 4, pos + 4 + KEY_BYTES))) {
            this.index.set(chunk.toString('latin1', pos + 4, pos + 4 + KEY_BYTES), at + pos);
            pos += R;
            continue;
          }
          pos = inner;
          continue;
        }
        // Not a record start (after a record torn by a crash): on to the next mark, which may cross the chunk's end.
        const next = chunk.indexOf(MARK_BYTES, pos + 1);
        pos = next >= 0 ? next : Math.max(pos + 1, bytesRead - 3);
      }
      if (pos === 0) break; // a short read: try again next time
      at += pos;
    }
    state.scanned = at;
  }

  /** The vector of a record, or null when anything about it is wrong. */
  private verified(bytes: Uint8Array, offset: number, key: string): Float32Array | null {
    const record = new Uint8Array(this.recordBytes);
    record.set(bytes.subarray(offset, offset + this.recordBytes));
    const words = new Uint32Array(record.buffer);
    if (words[0] !== RECORD_MARK || Buffer.from(record.buffer, 4, KEY_BYTES).toString('latin1') !== key) return null;
    const last = words.length - 1;
    if (checksum(words, 1, last) !== words[last]) return null;
    const vector = new Float32Array(record.buffer, 4 + KEY_BYTES, this.dimension);
    let sq = 0;
    for (let k = 0; k < vector.length; k++) {
      if (!Number.isFinite(vector[k]!)) return null;
      sq += vector[k]! * vector[k]!;
    }
    // An all-zero vector is what the models give for a text with nothing to embed; any other norm is damage.
    if (sq !== 0 && Math.abs(Math.sqrt(sq) - 1) > NORM_TOLERANCE) return null;
    return Float32Array.from(vector);
  }

  /** Cached vectors for the keys present and sound, by the hex of the key given. */
  async getMany(keys: readonly Buffer[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    if (!this.isEnabled) return found;
    const handle = await open(this.file, 'r').catch(() => undefined);
    if (!handle) return found;
    try {
      const size = await this.refresh(handle);
      const wanted: Array<[string, string, number]> = [];
      for (const key of keys) {
        const short = key.toString('latin1', 0, KEY_BYTES);
        const offset = this.index.get(short);
        if (offset !== undefined) wanted.push([key.toString('hex'), short, offset]);
      }
      if (wanted.length === 0) return found;
      const R = this.recordBytes;
      const whole = wanted.length * R > size * WHOLE_FILE_SHARE ? Buffer.alloc(size) : null;
      if (whole) await handle.read(whole, 0, size, 0);
      const one = Buffer.alloc(R);
      for (const [hex, short, offset] of wanted) {
        let vector: Float32Array | null;
        if (whole) vector = this.verified(whole, offset, short);
        else {
          const { bytesRead } = await handle.read(one, 0, R, offset);
          vector = bytesRead === R ? this.verified(one, 0, short) : null;
        }
        if (vector) found.set(hex, vector);
        else this.index.delete(short);
      }
      return found;
    } finally {
      await handle.close();
    }
  }

  private records(entries: ReadonlyArray<readonly [Buffer, Float32Array]>): Buffer {
    const R = this.recordBytes;
    const out = Buffer.alloc(entries.length * R);
    const record = new Uint8Array(R);
    const words = new Uint32Array(record.buffer);
    const floats = new Float32Array(record.buffer, 4 + KEY_BYTES, this.dimension);
    entries.forEach(([key, vector], k) => {
      if (vector.length !== this.dimension) throw new Error(`cache of ${this.model}: vector of ${vector.length} values, expected ${this.dimension}`);
      words[0] = RECORD_MARK;
      record.set(key.subarray(0, KEY_BYTES), 4);
      floats.set(vector);
      words[words.length - 1] = checksum(words, 1, words.length - 1);
      out.set(record, k * R);
    });
    return out;
  }

  /** Append the entries as one write, first rewriting the file to its newest records if it would outgrow its bound. */
  async putMany(entries: ReadonlyArray<readonly [Buffer, Float32Array]>): Promise<void> {
    if (!this.isEnabled || entries.length === 0) return;
    const R = this.recordBytes;
    const fitting = Math.floor((this.maxBytes - HEADER_BYTES) / R);
    const fresh = this.records(entries.slice(-fitting));
    await this.ensureFile();
    const size = (await stat(this.file)).size;
    if (size + fresh.length > this.maxBytes) {
      await this.compact(fresh);
      return;
    }
    const handle = await open(this.file, 'a');
    try {
      await handle.write(fresh);
    } finally {
      await handle.close();
    }
  }

  /**
   * Replace the file by its newest sound records and `fresh`, within COMPACT_SHARE of the bound: written aside and
   * renamed over it, reading the old file a chunk at a time.
   */
  private async compact(fresh: Buffer): Promise<void> {
    const R = this.recordBytes;
    const keep = Math.max(0, Math.floor((this.maxBytes * COMPACT_SHARE - HEADER_BYTES - fresh.length) / R));
    const handle = await open(this.file, 'r');
    const output = await openOutput(this.file);
    try {
      await this.refresh(handle);
      const freshKeys = new Set<string>();
      for (let at = 0; at < fresh.length; at += R) freshKeys.add(fresh.toString('latin1', at + 4, at + 4 + KEY_BYTES));
      // The index holds each key's latest offset: the `keep` highest offsets are the newest records, kept in order.
      const kept = [...this.index]
        .filter(([key]) => !freshKeys.has(key))
        .sort((x, y) => y[1] - x[1])
        .slice(0, keep)
        .reverse();
      await output.write(this.header());
      const record = Buffer.alloc(R);
      let pending: Buffer[] = [];
      for (const [key, offset] of kept) {
        const { bytesRead } = await handle.read(record, 0, R, offset);
        if (bytesRead === R && this.verified(record, 0, key)) pending.push(Buffer.from(record));
        if (pending.length * R >= SCAN_BYTES) {
          await output.write(Buffer.concat(pending));
          pending = [];
        }
      }
      await output.write(Buffer.concat([...pending, fresh]));
      await output.commit();
    } catch (error) {
      await output.abort();
      throw error;
    } finally {
      await handle.close();
    }
    this.state = null;
  }
}

/**
 * An Embedder that answers from the cache where it can and asks `inner` only for the rest, CACHE_BATCH sentences
 * at a time, writing each batch as it is done. Cache failures (a read-only or full disk) never fail the embedding:
 * the cache is only a shortcut.
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
      // How many of the texts each missing sentence stands for, so that progress counts texts.
      const times = new Map<string, number>();
      for (const key of keys) {
        const hex = key.toString('hex');
        if (missing.has(hex)) times.set(hex, (times.get(hex) ?? 0) + 1);
      }
      let done = texts.length - [...times.values()].reduce((a, b) => a + b, 0);
      // Longest first, as the inner embedder batches them: each batch pads to sentences of about its own length.
      const order = [...missing.values()].sort((a, b) => texts[b]!.length - texts[a]!.length);
      for (let start = 0; start < order.length; start += CACHE_BATCH) {
        const batch = order.slice(start, start + CACHE_BATCH);
        const before = done;
        const weight = batch.reduce((sum, k) => sum + times.get(keys[k]!.toString('hex'))!, 0);
        const vectors = await inner.embed(
          batch.map((k) => texts[k]!),
          (finished, total) => onProgress?.(before + Math.round((weight * finished) / total), texts.length),
        );
        batch.forEach((k, j) => found.set(keys[k]!.toString('hex'), vectors[j]!));
        done = before + weight;
        await cache.putMany(batch.map((k, j) => [keys[k]!, vectors[j]!] as const)).catch(() => undefined);
      }
      onProgress?.(texts.length, texts.length);
      // A copy per text: callers may scale vectors in place without touching each other's.
      return keys.map((key) => Float32Array.from(found.get(key.toString('hex'))!));
    },
  };
}
