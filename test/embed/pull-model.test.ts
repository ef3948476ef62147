/**
 * `selaras models pull` against a real HTTP server on the loopback interface, serving tiny models made by the
 * tests in the hub's URL layout. No network, no Python.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  createEmbedder,
  DEFAULT_MODEL,
  formatModelList,
  listModels,
  MIRROR_ENV,
  ModelDownloadError,
  pullModel,
  type PullProgress,
} from '../../src/embed/index.js';
import { expectedMean, expectedPooler, tinyModelFiles } from './fixtures/tiny-model.js';

interface Served {
  readonly method: string;
  readonly url: string;
  readonly range: string | undefined;
}

const ONNX = 'onnx/model_quantized.onnx';

/** Models the server has: hub name -> file -> bytes. */
const models = new Map<string, Map<string, Buffer>>([
  ['Xenova/LaBSE', tinyModelFiles({ pooler: true })],
  ['Xenova/paraphrase-multilingual-MiniLM-L12-v2', tinyModelFiles()],
]);
const behaviour = {
  /** URL paths whose next response stops after this many body bytes. */
  cutAfter: new Map<string, number>(),
  ignoreRange: false,
  cut: undefined as (() => void) | undefined,
  /** URL paths answered with nothing at all: the connection stays open and silent. */
  silent: new Set<string>(),
  /** URL paths whose next body stops after this many bytes while the connection stays open. */
  stallAfter: new Map<string, number>(),
  /** URL path -> where it redirects (a Location header). */
  redirects: new Map<string, (url: string) => string>(),
};

/** Progress listener that drops the held connection once the client reports the held bytes received. */
function cutWhenReceived(bytes: number) {
  return (event: PullProgress): void => {
    if (event.file === ONNX && event.loaded >= bytes && behaviour.cut) {
      behaviour.cut();
      behaviour.cut = undefined;
    }
  };
}
const served: Served[] = [];
let server: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    served.push({ method: req.method ?? '', url, range: req.headers.range });
    if (behaviour.silent.has(url)) return;
    const redirect = behaviour.redirects.get(url) ?? [...behaviour.redirects].find(([prefix]) => prefix.endsWith('*') && url.startsWith(prefix.slice(0, -1)))?.[1];
    if (redirect) {
      res.writeHead(302, { location: redirect(url) }).end();
      return;
    }
    const match = /^\/(.+)\/resolve\/main\/(.+)$/.exec(url);
    const body = match ? models.get(match[1]!)?.get(match[2]!) : undefined;
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Entry not found');
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range && !behaviour.ignoreRange ? Number(range[1]) : 0;
    if (start >= body.length && start > 0) {
      res.writeHead(416).end();
      return;
    }
    const headers = { 'content-type': 'application/octet-stream', 'content-length': String(body.length - start) };
    if (start > 0) res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` });
    else res.writeHead(200, headers);
    const stallAt = behaviour.stallAfter.get(url);
    if (stallAt !== undefined) {
      behaviour.stallAfter.delete(url);
      res.write(body.subarray(start, start + stallAt)); // and never the rest
      return;
    }
    const cut = behaviour.cutAfter.get(url);
    if (cut !== undefined) {
      behaviour.cutAfter.delete(url);
      // Hold the response open after `cut` bytes until the client has them (see cutWhenReceived), then end the
      // socket: the connection closes short of Content-Length, as when a network drops.
      res.write(body.subarray(start, start + cut));
      behaviour.cut = () => res.socket?.end();
      return;
    }
    res.end(body.subarray(start));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections(); // the stalled ones
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'selaras-pull-'));
  served.length = 0;
  behaviour.cutAfter.clear();
  behaviour.ignoreRange = false;
  behaviour.cut = undefined;
  behaviour.silent.clear();
  behaviour.stallAfter.clear();
  behaviour.redirects.clear();
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));


describe('pullModel from a loopback mirror', () => {
  it('downloads every file with progress, then the model loads with its quirks (LaBSE: pooler output)', async () => {
    const events: PullProgress[] = [];
    const result = await pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir, onProgress: (e) => events.push(e) });
    expect(result.folder).toBe(join(dir, 'Xenova', 'LaBSE'));
    for (const [file, bytes] of models.get('Xenova/LaBSE')!) {
      expect(readFileSync(join(result.folder, file))).toEqual(bytes);
    }
    expect(result.bytes).toBe([...models.get('Xenova/LaBSE')!.values()].reduce((s, b) => s + b.length, 0));
    // Progress: per file, non-decreasing, ending at the file's size.
    for (const [file, bytes] of models.get('Xenova/LaBSE')!) {
      const mine = events.filter((e) => e.file === file);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.map((e) => e.loaded)).toEqual([...mine.map((e) => e.loaded)].sort((a, b) => a - b));
      expect(mine.at(-1)).toMatchObject({ loaded: bytes.length, total: bytes.length, fileCount: 4 });
    }
    expect(existsSync(join(dir, '.partial'))).toBe(false);

    const embedder = await createEmbedder('Xenova/LaBSE', { modelsDir: dir, cache: false });
    const [vector] = await embedder.embed(['the bank']);
    expect(Array.from(vector!)).toEqual(expectedPooler().map((v) => expect.closeTo(v, 5)));
  });

  it('resumes an interrupted download with a Range request', async () => {
    const onnxPath = `/Xenova/LaBSE/resolve/main/${ONNX}`;
    behaviour.cutAfter.set(onnxPath, 100);
    const error = await pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir, onProgress: cutWhenReceived(100) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDownloadError);
    expect((error as Error).message).toMatch(/run the same command again to resume/i);
    expect(existsSync(join(dir, 'Xenova', 'LaBSE'))).toBe(false);
    const part = join(dir, '.partial', 'Xenova', 'LaBSE', `${ONNX}.part`);
    expect(readFileSync(part).length).toBe(100);

    served.length = 0;
    const events: PullProgress[] = [];
    const result = await pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir, onProgress: (e) => events.push(e) });
    // Finished files are not fetched again; the cut one continues where it stopped.
    expect(served.map((s) => [s.url, s.range])).toEqual([[onnxPath, 'bytes=100-']]);
    expect(events.find((e) => e.file === ONNX)?.loaded).toBe(100);
    expect(readFileSync(join(result.folder, ONNX))).toEqual(models.get('Xenova/LaBSE')!.get(ONNX));
    expect(existsSync(join(dir, '.partial'))).toBe(false);
  });

  it('starts a file over when the server ignores the Range request', async () => {
    const onnxPath = `/Xenova/LaBSE/resolve/main/${ONNX}`;
    behaviour.cutAfter.set(onnxPath, 100);
    await expect(pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir, onProgress: cutWhenReceived(100) })).rejects.toThrow(/resume/);
    behaviour.ignoreRange = true;
    const result = await pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir });
    expect(readFileSync(join(result.folder, ONNX))).toEqual(models.get('Xenova/LaBSE')!.get(ONNX));
  });

  it('a 404 is an error that names the URL and leaves nothing behind', async () => {
    const error = await pullModel('Xenova/multilingual-e5-small', { mirror: base, modelsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDownloadError);
    expect((error as ModelDownloadError).status).toBe(404);
    expect((error as Error).message).toContain(`${base}/Xenova/multilingual-e5-small/resolve/main/config.json`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unreachable mirror is an error that says to retry, and leaves nothing behind', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const error = await pullModel('Xenova/LaBSE', { mirror: url, modelsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDownloadError);
    expect((error as Error).message).toMatch(/cannot reach .*run the same command again/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a models folder it cannot create is an error that says how to choose another', async () => {
    // Under a plain file: mkdir fails for every user, root included.
    writeFileSync(join(dir, 'plain-file'), '');
    const error = await pullModel('Xenova/LaBSE', { mirror: base, modelsDir: join(dir, 'plain-file', 'models') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDownloadError);
    expect((error as Error).message).toMatch(/cannot write to .*--models-dir or SELARAS_MODELS_DIR/);
  });

  it('refuses a second pull of a model while another live process holds it, and takes over a dead one\'s lock', async () => {
    const lock = join(dir, '.partial', 'Xenova', 'LaBSE.lock');
    mkdirSync(join(lock, '..'), { recursive: true });
    writeFileSync(lock, String(process.ppid)); // a live process that is not this one
    await expect(pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir })).rejects.toThrow(/another selaras process \(pid \d+\) is pulling Xenova\/LaBSE/);
    expect(served).toEqual([]);
    writeFileSync(lock, '999999999'); // no such process
    const result = await pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir });
    expect(existsSync(join(result.folder, ONNX))).toBe(true);
    expect(existsSync(join(dir, '.partial'))).toBe(false);
  });

  it('takes the mirror from the environment', async () => {
    const saved = process.env[MIRROR_ENV];
    process.env[MIRROR_ENV] = `${base}/`;
    try {
      const result = await pullModel('Xenova/paraphrase-multilingual-MiniLM-L12-v2', { modelsDir: dir });
      expect(served.length).toBe(4);
      const embedder = await createEmbedder(result.name, { modelsDir: dir, cache: false });
      const [vector] = await embedder.embed(['suku bunga']);
      expect(Array.from(vector!)).toEqual(expectedMean(['suku', 'bunga']).map((v) => expect.closeTo(v, 5)));
    } finally {
      if (saved === undefined) delete process.env[MIRROR_ENV];
      else process.env[MIRROR_ENV] = saved;
    }
  });

  describe('a stalled server or a redirect loop ends the pull with its own message', () => {
    /** Short waits for the tests; the default is DEFAULT_PULL_TIMEOUT_MS. */
    const timeoutMs = 300;
    const configPath = '/Xenova/LaBSE/resolve/main/config.json';

    it('a server that never answers: a timeout, and nothing left behind', async () => {
      behaviour.silent.add(configPath);
      const error = await pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir, timeoutMs }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelDownloadError);
      expect((error as Error).message).toMatch(/^no data from http:\/\/127\.0\.0\.1:\d+\/Xenova\/LaBSE\/resolve\/main\/config\.json for 0\.3 s: .*--timeout SECONDS/);
      expect(readdirSync(dir)).toEqual([]);
    });

    it('a body that stops coming: a timeout, and what arrived is kept to resume', async () => {
      const onnxPath = `/Xenova/LaBSE/resolve/main/${ONNX}`;
      behaviour.stallAfter.set(onnxPath, 100);
      const error = await pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir, timeoutMs }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelDownloadError);
      expect((error as Error).message).toMatch(/^no data from .* for 0\.3 s: .*resume/);
      expect(readFileSync(join(dir, '.partial', 'Xenova', 'LaBSE', `${ONNX}.part`)).length).toBe(100);
      const result = await pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir, timeoutMs });
      expect(readFileSync(join(result.folder, ONNX))).toEqual(models.get('Xenova/LaBSE')!.get(ONNX));
    });

    it('a redirect to where the file is (as the hub sends to its CDN) is followed', async () => {
      behaviour.redirects.set('/cdn/*', (url) => url.replace('/cdn', ''));
      const result = await pullModel('Xenova/LaBSE', { mirror: `${base}/cdn`, modelsDir: dir, timeoutMs });
      expect(readFileSync(join(result.folder, ONNX))).toEqual(models.get('Xenova/LaBSE')!.get(ONNX));
    });

    it('a redirect loop', async () => {
      behaviour.redirects.set(configPath, () => '/elsewhere');
      behaviour.redirects.set('/elsewhere', () => configPath);
      const error = await pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir, timeoutMs }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelDownloadError);
      expect((error as Error).message).toMatch(/config\.json redirects in a loop \(.*\/elsewhere sends back to .*config\.json\)/);
      expect(served.length).toBe(2);
      expect(readdirSync(dir)).toEqual([]);
    });

    it('an endless chain of redirects', async () => {
      let hop = 0;
      behaviour.redirects.set(configPath, () => `/hop/${(hop += 1)}`);
      behaviour.redirects.set('/hop/*', () => `/hop/${(hop += 1)}`);
      const error = await pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir, timeoutMs }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelDownloadError);
      expect((error as Error).message).toMatch(/config\.json redirected more than 20 times/);
    });
  });

  it('refuses names it does not know, and paths, before any request', async () => {
    for (const name of ['someone/some-model', '../etc', 'a/b/c']) {
      await expect(pullModel(name, { mirror: base, modelsDir: dir })).rejects.toBeInstanceOf(ModelDownloadError);
    }
    expect(served).toEqual([]);
  });
});

describe('listModels', () => {
  it('shows the bundled model and pulled ones with size, dimensions and languages', async () => {
    await pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir });
    const list = await listModels(dir);
    const bundled = list.find((m) => m.name === DEFAULT_MODEL);
    expect(bundled).toMatchObject({ isDefault: true, dimension: 512, languages: 'en, id' });
    expect(bundled!.bytes).toBeGreaterThan(1_000_000);
    const pulled = list.find((m) => m.name === 'Xenova/LaBSE');
    expect(pulled).toMatchObject({ folder: join(dir, 'Xenova', 'LaBSE'), languages: '109 languages', dimension: 4 });
    expect(pulled!.problem).toBeUndefined();
    const text = formatModelList(list);
    expect(text).toContain(`${DEFAULT_MODEL} (default)`);
    expect(text).toContain('Xenova/LaBSE');
    expect(text).toContain('selaras models pull');
    expect(text).toContain('Xenova/multilingual-e5-small');
  });

  it('marks a damaged folder as unusable instead of failing the listing', async () => {
    await pullModel('Xenova/LaBSE', { mirror: base, modelsDir: dir });
    rmSync(join(dir, 'Xenova', 'LaBSE', 'tokenizer.json'));
    const pulled = (await listModels(dir)).find((m) => m.name === 'Xenova/LaBSE');
    expect(pulled?.problem).toMatch(/tokenizer\.json is missing/);
  });
});
