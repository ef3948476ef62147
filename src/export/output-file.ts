/**
 * Where output goes, and writing it so that nothing is lost.
 *
 * - `checkOutputPath(out, inputs)` runs before any work: it refuses an --out that is one of the inputs or lies inside
 *   an input folder (real paths and file identities, so symlinks and hard links count), and finds what would make
 *   the write fail later (a missing or read-only folder, a directory, a full disk).
 * - `openOutput(out)` gives a writer. A regular file (or a path that does not exist yet) is written to a temporary
 *   file in the same folder and renamed over the target on `commit()`, so a reader sees the old file or the whole
 *   new one, never half of it; `abort()` removes the temporary file. A symlink to a regular file is followed: its
 *   target is replaced that way, the link itself stays. A FIFO, a device or a socket (`/dev/stdout`) is never
 *   replaced: the writer writes through it.
 * - `openStdout()` is the same writer for standard output.
 *
 * Every write is complete or an error: a short write is retried until all bytes are out, EPIPE becomes
 * BrokenPipeError (the run ends quietly), ENOSPC and other failures become an OutputError naming the user's path.
 * Temporary files are removed when the process is interrupted (SIGINT, SIGTERM, SIGHUP) or exits, and those left by
 * a killed run (named by the pattern below, with a process id that is no longer running on this host) are swept by
 * the next write into that folder.
 */
import { randomBytes } from 'node:crypto';
import { fstatSync, unlinkSync, writeSync } from 'node:fs';
import {
  access,
  constants,
  lstat,
  open,
  readdir,
  readlink,
  realpath,
  rename,
  stat,
  statfs,
  unlink,
  type FileHandle,
} from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { BrokenPipeError, OutputError, UsageError } from '../errors.js';

export interface OutputWriter {
  /** What messages call this output: the path the user gave, or "standard output". */
  readonly name: string;
  /** Resolves once every byte of `chunk` is written (to the temporary file, for a regular file). */
  write(chunk: string | Uint8Array): Promise<void>;
  /** All written: make the output visible (rename over the target) and close it. */
  commit(): Promise<void>;
  /** Give up: close, remove the temporary file, leave an existing file as it was. Safe after commit or twice. */
  abort(): Promise<void>;
}

export interface OpenOptions {
  /** Flush the temporary file to the disk before the rename, so a power cut cannot leave an empty file. User
   * outputs want it (one flush per run); the embedding cache, which writes thousands of small shards, does not. */
  readonly durable?: boolean;
}

const STDOUT_NAME = 'standard output';
const FIX_SPACE = 'free some space on that disk or choose another place for the output';
/** Longest part of the target's name kept in a temporary file's name: with the suffix it stays under the usual
 * 255-byte limit on a file name. */
const MAX_NAME_IN_TEMPORARY = 120;
/** How many symlinks a dangling chain may have before we give up, as the kernel does (ELOOP after 40). */
const MAX_SYMLINK_HOPS = 40;
/** Paths the kernel makes up: writing through them is the only sensible thing (never rename over /dev/stdout). */
const KERNEL_FOLDERS = ['/dev/', '/proc/'];
/** Paths that name this process's standard output and error: written to the descriptor itself, which keeps a
 * shell's `>>` append and a file's position right. */
const STANDARD_STREAM_PATHS: Readonly<Record<string, 1 | 2>> = {
  '/dev/stdout': 1,
  '/dev/fd/1': 1,
  '/proc/self/fd/1': 1,
  '/dev/stderr': 2,
  '/dev/fd/2': 2,
  '/proc/self/fd/2': 2,
};

/** The host part of a temporary file's name: a shared folder (a cluster's network disk) may hold temporary files
 * of runs on other machines, whose process ids mean nothing here. */
const HOST = hostname().replace(/[^A-Za-z0-9-]/g, '').slice(0, 32) || 'host';
/** `.<name>.selaras-<host>-<pid>-<random>.tmp`: hidden, ours, and the pid tells whether its writer still runs. */
const TEMPORARY_NAME = /^\..*\.selaras-([A-Za-z0-9-]+)-(\d+)-[0-9a-f]{8}\.tmp$/su;

export function temporaryNameFor(targetName: string, pid = process.pid): string {
  const random = randomBytes(4).toString('hex');
  return `.${targetName.slice(0, MAX_NAME_IN_TEMPORARY)}.selaras-${HOST}-${pid}-${random}.tmp`;
}

// ---------------------------------------------------------------------------------------------------------------
// Resolving the target

export interface Target {
  /** 'replace': a regular file, or none yet, written by temporary file and rename; 'through': written in place. */
  readonly kind: 'replace' | 'through';
  /** The file to replace (for a symlink, the file it points at); for 'through', the path to open. */
  readonly path: string;
  /** The existing node, when there is one. */
  readonly info?: Stats;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function isUnder(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => path.startsWith(folder));
}

function isDirectoryError(userPath: string): OutputError {
  return new OutputError(`${userPath}: is a directory — give a file name, e.g. ${join(userPath, 'alignment.csv')}`);
}

function missingFolderError(userPath: string): OutputError {
  const folder = dirname(userPath);
  return new OutputError(`${userPath}: the folder ${folder} does not exist — create it first (mkdir -p ${folder}) or choose another folder`);
}

/**
 * What writing `path` means. One lstat in the common case (a regular file, or none yet, not behind a symlink):
 * the embedding cache writes thousands of files through here. A symlink is followed to the file it names; a
 * missing folder is left for the open to find (checkOutputPath finds it first for the user's --out).
 */
export async function resolveTarget(userPath: string, path = userPath, hops = 0): Promise<Target> {
  let link: Stats | undefined;
  try {
    link = await lstat(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw outputError(userPath, error);
    return { kind: 'replace', path };
  }
  if (link.isSymbolicLink()) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) {
      // A symlink to a file not there yet: the file it names is what we create; the link stays.
      if (hops >= MAX_SYMLINK_HOPS) throw new OutputError(`${userPath}: too many symbolic links — point the link at a file`);
      return resolveTarget(userPath, resolve(dirname(path), await readlink(path)), hops + 1);
    }
    if (info.isDirectory()) throw isDirectoryError(userPath);
    const real = info.isFile() ? await realpath(path) : path;
    const isThrough = !info.isFile() || isUnder(real, KERNEL_FOLDERS) || isUnder(resolve(path), KERNEL_FOLDERS);
    return isThrough ? { kind: 'through', path, info } : { kind: 'replace', path: real, info };
  }
  if (link.isDirectory()) throw isDirectoryError(userPath);
  if (!link.isFile() || isUnder(resolve(path), KERNEL_FOLDERS)) return { kind: 'through', path, info: link };
  return { kind: 'replace', path, info: link };
}

/** The target's real path (symlinked folders resolved), to compare with the inputs' real paths. */
async function realTargetPath(userPath: string, target: Target): Promise<string> {
  if (target.info) return realpath(target.path).catch(() => resolve(target.path));
  const folder = dirname(resolve(target.path));
  try {
    return join(await realpath(folder), basename(target.path));
  } catch (error) {
    throw errorCode(error) === 'ENOENT' ? missingFolderError(userPath) : outputError(userPath, error);
  }
}

/** The one-line message for a failed write or open of `userPath`. */
export function outputError(userPath: string, error: unknown): Error {
  if (error instanceof OutputError || error instanceof BrokenPipeError) return error;
  const code = errorCode(error);
  switch (code) {
    case 'EPIPE':
      return new BrokenPipeError(userPath);
    case 'ENOSPC':
    case 'EDQUOT':
      return new OutputError(`${userPath}: no space left on the device (${code}) — ${FIX_SPACE}`);
    case 'EACCES':
    case 'EPERM':
      return new OutputError(`${userPath}: permission denied — choose a folder you can write to, or fix its permissions`);
    case 'EROFS':
      return new OutputError(`${userPath}: the file system is read-only — choose another place for the output`);
    case 'ENOENT':
      return missingFolderError(userPath);
    case 'ENOTDIR':
      return new OutputError(`${userPath}: a part of this path is a file, not a folder — check the path`);
    case 'ELOOP':
      return new OutputError(`${userPath}: a symbolic link loop — point the link at a file, or choose another path`);
    case 'EFBIG':
      return new OutputError(`${userPath}: the file is too large for this file system — choose another place for the output`);
    case 'ENXIO':
      return new OutputError(`${userPath}: nothing is reading this FIFO or socket — start the reader first, or write to a file`);
    case 'EISDIR':
      return new OutputError(`${userPath}: is a directory — give a file name inside it`);
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new OutputError(`${userPath}: cannot be written (${code ?? detail}) — check the path and the disk, or choose another place`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Checking before any work

/** The identity of an existing file, to catch a hard link to an input, which real paths do not show. */
function sameNode(a: Stats | undefined, b: Stats): boolean {
  return a !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/**
 * Refuse an --out that would destroy an input (UsageError, exit 2): one of the input files, or a path inside an
 * input folder (batch mode). Then find what would make writing fail (OutputError, exit 1): a missing folder, a
 * directory, a folder that cannot be written, a full disk. Inputs that do not exist are left to the reader to
 * report. Call it before reading, embedding or aligning anything.
 */
export async function checkOutputPath(out: string, inputs: readonly string[]): Promise<void> {
  const target = await resolveTarget(out);
  const targetPath = await realTargetPath(out, target);
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info === undefined) continue;
    const real = await realpath(input).catch(() => resolve(input));
    if (info.isDirectory()) {
      if (targetPath === real || targetPath.startsWith(real.endsWith(sep) ? real : real + sep)) {
        throw new UsageError(`--out ${out} is inside the input folder ${input} — write the output somewhere outside it`);
      }
    } else if (targetPath === real || sameNode(target.info, info)) {
      throw new UsageError(`--out ${out} is the input file ${input}; writing it would destroy the input — choose another output file`);
    }
  }
  if (target.kind === 'replace') await checkFolder(out, dirname(targetPath));
}

/** The folder a replaced file goes into can take a new file: writable, on a disk with space left. */
async function checkFolder(userPath: string, folder: string): Promise<void> {
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EROFS') throw new OutputError(`${userPath}: the folder ${dirname(userPath)} is on a read-only file system — choose another place for the output`);
    throw new OutputError(`${userPath}: cannot write into the folder ${dirname(userPath)} (${code ?? 'not writable'}) — choose a folder you can write to, or fix its permissions`);
  }
  await checkSpace(userPath, folder);
}

/** A disk with no block left for us fails every write; say so now rather than after the alignment. */
async function checkSpace(userPath: string, path: string): Promise<void> {
  const info = await statfs(path).catch(() => undefined);
  if (info === undefined) return;
  // root may use the blocks reserved for it; everyone else only the available ones.
  const blocks = process.getuid?.() === 0 ? info.bfree : info.bavail;
  // Kernel file systems (/proc, /sys) have no blocks at all: not a full disk, and the write will say what is wrong.
  if (info.blocks > 0 && blocks === 0) throw new OutputError(`${userPath}: no space left on the device — ${FIX_SPACE}`);
}

/** Standard output redirected into a file on a full disk: found before the work, as for --out. */
export async function checkStdout(): Promise<void> {
  const info = fstatOrUndefined(1);
  // Linux names the file behind a descriptor; elsewhere the check is skipped and the write reports it.
  if (info?.isFile()) await checkSpace(STDOUT_NAME, '/proc/self/fd/1');
}

function fstatOrUndefined(fd: number): Stats | undefined {
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Temporary files: removed on interruption, swept after a killed run

const liveTemporaries = new Set<string>();
const CLEANUP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let isListening = false;

function removeLiveTemporaries(): void {
  for (const path of liveTemporaries) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone (renamed or removed): nothing to clean.
    }
  }
  liveTemporaries.clear();
}

function onCleanupSignal(signal: NodeJS.Signals): void {
  removeLiveTemporaries();
  stopListening();
  // With our listeners gone the signal's default action is back: die of it, so the exit status says what happened
  // (130 for Ctrl-C in a shell), unless someone else listens and decides.
  process.kill(process.pid, signal);
}

/** Installed with the first temporary file and kept (adding and removing signal listeners per file would cost more
 * than the write of a small cache shard); with no temporary file left, a signal ends the process as it would have. */
function startListening(): void {
  if (isListening) return;
  isListening = true;
  for (const signal of CLEANUP_SIGNALS) process.on(signal, onCleanupSignal);
  process.on('exit', removeLiveTemporaries);
}

function stopListening(): void {
  isListening = false;
  for (const signal of CLEANUP_SIGNALS) process.off(signal, onCleanupSignal);
  process.off('exit', removeLiveTemporaries);
}

function track(path: string): void {
  startListening();
  liveTemporaries.add(path);
}

function untrack(path: string): void {
  liveTemporaries.delete(path);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

const sweptFolders = new Set<string>();

/** Remove temporary files of ours in `folder` whose writer on this host is dead (a run killed with SIGKILL, or a
 * power cut). Once per folder per process: the embedding cache writes thousands of files into one folder. */
export async function sweepStaleTemporaries(folder: string): Promise<string[]> {
  if (sweptFolders.has(folder)) return [];
  sweptFolders.add(folder);
  const removed: string[] = [];
  for (const name of await readdir(folder).catch(() => [])) {
    const match = TEMPORARY_NAME.exec(name);
    if (!match || match[1] !== HOST) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || isRunning(pid)) continue;
    const path = join(folder, name);
    if (await unlink(path).then(() => true, () => false)) removed.push(path);
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------------------------
// Writers

function toBytes(chunk: string | Uint8Array): Uint8Array {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

/** Write every byte: a file handle may take fewer than it was given (a disk filling up), so loop until done. */
export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

/** Open --out for writing: see the module comment. Errors name `out`, never the temporary file. */
export async function openOutput(out: string, options: OpenOptions = {}): Promise<OutputWriter> {
  const stream = STANDARD_STREAM_PATHS[out];
  if (stream !== undefined) return openDescriptor(stream, out);
  const target = await resolveTarget(out);
  return target.kind === 'through' ? openThrough(out, target.path) : openReplacing(out, target, options);
}

async function openThrough(out: string, path: string): Promise<OutputWriter> {
  // 'w' opens a FIFO for writing (waiting for its reader) and a device as it is; neither is truncated or replaced.
  const handle = await open(path, 'w').catch((error: unknown) => {
    throw outputError(out, error);
  });
  let isClosed = false;
  const close = async (): Promise<void> => {
    if (isClosed) return;
    isClosed = true;
    await handle.close();
  };
  return {
    name: out,
    write: (chunk) => writeAll(handle, toBytes(chunk)).catch((error: unknown) => {
      throw outputError(out, error);
    }),
    commit: () => close().catch((error: unknown) => {
      throw outputError(out, error);
    }),
    abort: () => close().catch(() => undefined),
  };
}

async function openReplacing(out: string, target: Target, options: OpenOptions): Promise<OutputWriter> {
  const folder = dirname(target.path);
  await sweepStaleTemporaries(folder);
  const temporary = join(folder, temporaryNameFor(basename(target.path)));
  // Keep an existing file's permissions (a script made executable, a report made private).
  const mode = target.info ? target.info.mode & 0o7777 : 0o666;
  let handle: FileHandle;
  // Tracked before it exists: the file is on disk before open() resolves, and a signal in between must remove it.
  track(temporary);
  try {
    handle = await open(temporary, 'wx', mode);
  } catch (error) {
    untrack(temporary);
    throw outputError(out, error);
  }
  let state: 'open' | 'committed' | 'aborted' = 'open';
  const abort = async (): Promise<void> => {
    if (state !== 'open') return;
    state = 'aborted';
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    untrack(temporary);
  };
  const failing = async (error: unknown): Promise<never> => {
    await abort();
    throw outputError(out, error);
  };
  try {
    if (target.info) await handle.chmod(mode); // open's mode is filtered by the umask
  } catch (error) {
    return failing(error);
  }
  return {
    name: out,
    write: async (chunk) => {
      if (state !== 'open') throw new Error(`${out}: written after commit or abort`);
      await writeAll(handle, toBytes(chunk)).catch(failing);
    },
    commit: async () => {
      if (state !== 'open') return;
      try {
        if (options.durable) await handle.sync();
        await handle.close();
        await rename(temporary, target.path);
      } catch (error) {
        return failing(error);
      }
      state = 'committed';
      untrack(temporary);
    },
    abort,
  };
}

const guardedStreams = new Set<NodeJS.WriteStream>();

/** A write's error also reaches the stream's 'error' event, which would crash the process unheard: the write's
 * callback reports it, so the event needs a listener that does nothing. */
export function guardStream(stream: NodeJS.WriteStream): void {
  if (guardedStreams.has(stream)) return;
  guardedStreams.add(stream);
  stream.on('error', () => undefined);
}

/** Standard output as an OutputWriter: complete writes, EPIPE as BrokenPipeError, ENOSPC as an OutputError. */
export function openStdout(): OutputWriter {
  return openDescriptor(1, STDOUT_NAME);
}

function openDescriptor(fd: 1 | 2, name: string): OutputWriter {
  const stream = fd === 1 ? process.stdout : process.stderr;
  const info = fstatOrUndefined(fd);
  // Node writes a file or a device with a single write(2) and drops what it did not take (a disk filling up):
  // write those ourselves, looping. Pipes, sockets and terminals go through the stream, which writes all or fails.
  const isFileLike = info !== undefined && (info.isFile() || (info.isCharacterDevice() && !stream.isTTY));
  guardStream(stream);
  const write = (chunk: string | Uint8Array): Promise<void> => {
    if (isFileLike) {
      try {
        const bytes = toBytes(chunk);
        let offset = 0;
        while (offset < bytes.length) {
          const written = writeSync(fd, bytes, offset, bytes.length - offset);
          if (written <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
          offset += written;
        }
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(outputError(name, error));
      }
    }
    return new Promise((resolvePromise, reject) => {
      stream.write(chunk, (error) => (error ? reject(outputError(name, error)) : resolvePromise()));
    });
  };
  return { name, write, commit: () => Promise.resolve(), abort: () => Promise.resolve() };
}

/** Print `text` on standard output with the writer's error handling (help, reports, listings). */
export function writeStdout(text: string): Promise<void> {
  return openStdout().write(text);
}

/**
 * The shape of every headless command that writes one output: check `out` (or standard output) before any work,
 * open it, let `produce` write, then commit; on any failure remove the temporary file and leave an existing file
 * as it was.
 */
export async function writeOutputOf<T>(
  out: string | undefined,
  inputs: readonly string[],
  produce: (output: OutputWriter) => Promise<T>,
): Promise<T> {
  if (out === undefined) await checkStdout();
  else await checkOutputPath(out, inputs);
  const output = out === undefined ? openStdout() : await openOutput(out, { durable: true });
  try {
    const result = await produce(output);
    await output.commit();
    return result;
  } catch (error) {
    await output.abort();
    throw error;
  }
}
