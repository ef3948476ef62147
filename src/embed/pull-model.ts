/**
 * `selaras models pull NAME`: download a pretrained model from the Hugging Face hub (or a mirror with the hub's
 * URL layout, `<base>/<name>/resolve/main/<file>`) into the models directory, in the folder layout transformers.js
 * loads offline.
 *
 * Files land in a staging folder, `<models dir>/.partial/<name>/`, each written as `<file>.part` and renamed when
 * complete; the model folder itself appears only when every file is there. An interrupted download keeps its
 * `.part` files and the next pull resumes them with HTTP Range requests; a model the server does not have (404)
 * leaves nothing behind.
 */
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { ModelDownloadError } from './errors.js';
import { checkModelFolder, MODELS_DIR_ENV, QUANTIZED_ONNX, userModelsDir } from './model-folder.js';
import { isValidModelName, knownModel, PULLABLE_MODELS } from './model-registry.js';

export const MIRROR_ENV = 'SELARAS_MODEL_MIRROR';
/** The hub's own variable for mirrors, honoured too so one setting serves every tool. */
export const HF_ENDPOINT_ENV = 'HF_ENDPOINT';
export const DEFAULT_HUB = 'https://huggingface.co';

/** What transformers.js needs to run a feature-extraction model; the quantized ONNX is a quarter of the full one. */
export const PULL_FILES = ['config.json', 'tokenizer_config.json', 'tokenizer.json', QUANTIZED_ONNX] as const;

const STAGING = '.partial';

/** How long a pull waits for a connection, for the answer, or for the next bytes of a file: long enough for a slow
 * hub or mirror, short enough that a stalled connection ends with a message rather than a silent wait. */
export const DEFAULT_PULL_TIMEOUT_MS = 30_000;
/** Redirects followed for one file: the hub sends one or two (to its CDN); fetch's own limit is 20. */
export const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface PullProgress {
  readonly model: string;
  readonly file: string;
  /** Bytes of this file on disk so far (resumed bytes included). */
  readonly loaded: number;
  /** Size of this file when the server says it. */
  readonly total?: number;
  readonly fileIndex: number;
  readonly fileCount: number;
}

export interface PullOptions {
  /** Base URL with the hub's layout; default $SELARAS_MODEL_MIRROR, then $HF_ENDPOINT, then the hub. */
  readonly mirror?: string;
  readonly modelsDir?: string;
  readonly onProgress?: (event: PullProgress) => void;
  /** Allows names outside the known list (a mirror may serve other models of the same layout). */
  readonly allowUnknown?: boolean;
  readonly fetch?: typeof fetch;
  /** Connect and read timeout: the longest wait for an answer or for the next bytes (default 30 s). */
  readonly timeoutMs?: number;
}

export interface PullResult {
  readonly name: string;
  readonly folder: string;
  readonly bytes: number;
}

function baseUrl(mirror?: string): string {
  const env = process.env;
  const base = mirror ?? env[MIRROR_ENV] ?? env[HF_ENDPOINT_ENV] ?? DEFAULT_HUB;
  return base.replace(/\/+$/, '');
}

export function fileUrl(base: string, name: string, file: string): string {
  return `${base}/${name}/resolve/main/${file}`;
}

async function sizeOf(path: string): Promise<number | undefined> {
  return (await stat(path).catch(() => undefined))?.size;
}

interface Transfer {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
}

/** Aborts a request when nothing has arrived for `ms`: a connect timeout before the answer, a read timeout after. */
class IdleTimer {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  hasExpired = false;

  constructor(private readonly ms: number) {
    this.touch();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.hasExpired = true;
      this.controller.abort();
    }, this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

function stalled(url: string, timeoutMs: number): ModelDownloadError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new ModelDownloadError(`no data from ${url} for ${seconds} s: the server or the network stalled. Run the same command again to resume, or allow longer waits with --timeout SECONDS.`, url);
}

/** GET `url`, following redirects ourselves, so that a loop gets a message of its own rather than "fetch failed". */
async function requestFollowing(url: string, headers: Record<string, string>, transfer: Transfer, idle: IdleTimer): Promise<Response> {
  const seen = new Set<string>([url]);
  let current = url;
  for (let redirects = 0; ; redirects += 1) {
    let response: Response;
    try {
      response = await transfer.fetch(current, { headers, redirect: 'manual', signal: idle.signal });
    } catch (error) {
      if (idle.hasExpired) throw stalled(current, transfer.timeoutMs);
      throw new ModelDownloadError(`cannot reach ${current} (${(error as Error).message}). Check the network or the mirror URL (--mirror or ${MIRROR_ENV}), then run the same command again to resume.`, url);
    }
    if (!REDIRECT_STATUSES.has(response.status)) return response;
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (location === null) {
      throw new ModelDownloadError(`${current} answered HTTP ${response.status} without saying where to (no Location header). Check the mirror URL (--mirror or ${MIRROR_ENV}).`, url, response.status);
    }
    const next = new URL(location, current).href;
    if (seen.has(next)) {
      throw new ModelDownloadError(`${url} redirects in a loop (${current} sends back to ${next}): the server or mirror is misconfigured. Check the mirror URL (--mirror or ${MIRROR_ENV}).`, url, response.status);
    }
    if (redirects >= MAX_REDIRECTS) {
      throw new ModelDownloadError(`${url} redirected more than ${MAX_REDIRECTS} times without reaching the file. Check the mirror URL (--mirror or ${MIRROR_ENV}).`, url, response.status);
    }
    seen.add(next);
    current = next;
    idle.touch();
  }
}

/** Download one file to `target`, resuming `target.part`. */
async function downloadFile(
  url: string,
  target: string,
  report: (loaded: number, total?: number) => void,
  transfer: Transfer,
): Promise<number> {
  const idle = new IdleTimer(transfer.timeoutMs);
  try {
    return await downloadWithin(url, target, report, transfer, idle);
  } finally {
    idle.stop();
  }
}

async function downloadWithin(
  url: string,
  target: string,
  report: (loaded: number, total?: number) => void,
  transfer: Transfer,
  idle: IdleTimer,
): Promise<number> {
  const part = `${target}.part`;
  await mkdir(dirname(target), { recursive: true });
  let offset = (await sizeOf(part)) ?? 0;
  const response = await requestFollowing(url, offset > 0 ? { Range: `bytes=${offset}-` } : {}, transfer, idle);
  idle.touch();
  if (response.status === 416 && offset > 0) {
    // The part file is not a prefix the server recognises: start that file again.
    await response.body?.cancel();
    await rm(part, { force: true });
    return downloadWithin(url, target, report, transfer, idle);
  }
  if (response.status === 404) {
    await response.body?.cancel();
    throw new ModelDownloadError(`not found: ${url} (HTTP 404). Check the model name (selaras models list shows the ones selaras knows) and the mirror URL.`, url, 404);
  }
  if (response.status !== 200 && response.status !== 206) {
    await response.body?.cancel();
    throw new ModelDownloadError(`${url} answered HTTP ${response.status}. Try again later, or use a mirror (--mirror or ${MIRROR_ENV}).`, url, response.status);
  }
  if (response.status === 200) offset = 0; // the server ignored Range: the body is the whole file
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && response.headers.get('content-length') !== null ? offset + length : undefined;
  let loaded = offset;
  report(loaded, total);
  if (!response.body) throw new ModelDownloadError(`${url} sent no body. Run the same command again.`, url);
  // Each chunk is written before the next is read, so whatever arrived before a break is on disk to resume from.
  const out = await open(part, offset > 0 ? 'a' : 'w');
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      idle.touch();
      await out.write(chunk);
      loaded += chunk.length;
      report(loaded, total);
    }
  } catch (error) {
    if (idle.hasExpired) throw stalled(url, transfer.timeoutMs);
    throw new ModelDownloadError(`download of ${url} broke off after ${loaded} bytes (${(error as Error).message}). Run the same command again to resume.`, url);
  } finally {
    await out.close();
  }
  if (total !== undefined && loaded !== total) {
    throw new ModelDownloadError(`download of ${url} stopped at ${loaded} of ${total} bytes. Run the same command again to resume.`, url);
  }
  await rename(part, target);
  return loaded;
}

/** Download a model into the models directory; resolves with its folder once it is complete and checked. */
export async function pullModel(name: string, options: PullOptions = {}): Promise<PullResult> {
  if (!isValidModelName(name)) throw new ModelDownloadError(`"${name}" is not a model name (owner/name, as on the hub).`);
  if (!knownModel(name) && !options.allowUnknown) {
    throw new ModelDownloadError(`selaras does not know "${name}". Models it can pull: ${PULLABLE_MODELS.map((m) => m.name).join(', ')}.`);
  }
  const modelsDir = userModelsDir(options.modelsDir);
  const staging = join(modelsDir, STAGING, name);
  const lock = `${staging}.lock`;
  try {
    await acquireLock(lock, name);
    try {
      return await pullInto(name, modelsDir, staging, options);
    } finally {
      await rm(lock, { force: true });
      await removeEmptyParents(join(modelsDir, STAGING), lock);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR') {
      throw new ModelDownloadError(`cannot write to ${modelsDir} (${code}). Choose a writable folder with --models-dir or ${MODELS_DIR_ENV}.`);
    }
    throw error;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One pull of a model at a time: two appending to the same part files would corrupt them. A lock whose process
 * has gone (a killed pull) is taken over. */
async function acquireLock(lock: string, name: string): Promise<void> {
  await mkdir(dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number(await readFile(lock, 'utf8').catch(() => ''));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
      throw new ModelDownloadError(`another selaras process (pid ${pid}) is pulling ${name}. Wait for it to finish, or stop it and pull again.`);
    }
    await rm(lock, { force: true });
  }
  throw new ModelDownloadError(`cannot take the lock ${lock}: delete it if no pull of ${name} is running.`);
}

async function pullInto(name: string, modelsDir: string, staging: string, options: PullOptions): Promise<PullResult> {
  const folder = join(modelsDir, name);
  const base = baseUrl(options.mirror);
  const transfer: Transfer = { fetch: options.fetch ?? fetch, timeoutMs: options.timeoutMs ?? DEFAULT_PULL_TIMEOUT_MS };
  let bytes = 0;
  try {
    for (const [fileIndex, file] of PULL_FILES.entries()) {
      const target = join(staging, file);
      const done = await sizeOf(target);
      if (done !== undefined) {
        bytes += done;
        options.onProgress?.({ model: name, file, loaded: done, total: done, fileIndex, fileCount: PULL_FILES.length });
        continue;
      }
      bytes += await downloadFile(fileUrl(base, name, file), target, (loaded, total) =>
        options.onProgress?.({ model: name, file, loaded, ...(total === undefined ? {} : { total }), fileIndex, fileCount: PULL_FILES.length }),
        transfer,
      );
    }
  } catch (error) {
    // Nothing to resume from a model or file the server does not have, or from a pull that got no bytes at all:
    // leave no trace. Otherwise keep the parts for the next pull to resume.
    const notThere = error instanceof ModelDownloadError && error.status !== undefined && error.status >= 400 && error.status < 500;
    if (notThere || !(await hasFiles(staging))) {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      await removeEmptyParents(join(modelsDir, STAGING), staging);
    }
    throw error;
  }
  try {
    await checkModelFolder(name, staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await removeEmptyParents(join(modelsDir, STAGING), staging);
    throw new ModelDownloadError(`the downloaded files of ${name} are not a usable model (${(error as Error).message}); they were removed. Check the mirror serves this model.`);
  }
  await rm(folder, { recursive: true, force: true });
  await mkdir(dirname(folder), { recursive: true });
  await rename(staging, folder);
  await removeEmptyParents(join(modelsDir, STAGING), staging);
  return { name, folder, bytes };
}

async function hasFiles(folder: string): Promise<boolean> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || (await hasFiles(join(folder, entry.name)))) return true;
  }
  return false;
}

/** Remove now-empty folders from `leaf`'s parent up to and including `top` (rmdir refuses non-empty ones). */
async function removeEmptyParents(top: string, leaf: string): Promise<void> {
  for (let dir = dirname(leaf); ; dir = dirname(dir)) {
    if (!(await rmdir(dir).then(() => true, () => false)) || dir === top) return;
  }
}
