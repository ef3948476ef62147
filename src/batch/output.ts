/**
 * A batch's output, streamed: each article pair's unit is appended as it is ready, so memory does not grow with
 * the batch and an interrupted run keeps what it finished.
 *
 * A regular file (or a new one) is written as OUT.partial beside it, with a journal OUT.journal that gets one line
 * per pair after the pair's unit is written: its name, the size of every file after it, and its figures for the
 * summary. `--resume` reads the journal, cuts the partial files back to the last complete pair (a unit cut short by
 * a kill is dropped) and continues; the finished file is renamed over OUT, so OUT only ever holds a complete run,
 * and a batch in which nothing was aligned leaves an existing OUT as it was. A FIFO or a device (/dev/stdout) is
 * written straight through: nothing to rename, nothing to resume.
 */
import { constants } from 'node:fs';
import { access, lstat, open, readFile, realpath, rename, stat, truncate, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import type { StreamFormat } from './formats.js';

export const PARTIAL_SUFFIX = '.partial';
export const JOURNAL_SUFFIX = '.journal';
const JOURNAL_KIND = 'selaras batch journal';
const JOURNAL_VERSION = 1;

/** What a journal line says about one pair, besides its name: the figures its summary needs. Plain JSON. */
export type PairRecord = Readonly<Record<string, unknown>>;

export interface JournalEntry {
  readonly name: string;
  readonly record: PairRecord;
}

interface JournalHead {
  readonly journal: typeof JOURNAL_KIND;
  readonly version: number;
  readonly settings: unknown;
  /** Sizes of the files after their headers. */
  readonly header: readonly number[];
}

interface JournalLine {
  readonly name: string;
  /** Sizes of the files after this pair's unit. */
  readonly end: readonly number[];
  readonly record: PairRecord;
}

interface Target {
  /** Where the finished file goes: the path given, or the file a symlink points to (the link is kept). */
  readonly final: string;
  /** Where it is written meanwhile: final + .partial, or final itself for a FIFO or device. */
  readonly writing: string;
  /** A FIFO, a device or a socket: written straight through, never renamed or cut. */
  readonly isSpecial: boolean;
}

async function targetOf(path: string): Promise<Target> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return { final: path, writing: path + PARTIAL_SUFFIX, isSpecial: false };
  if (info.isDirectory()) throw new InputError(`${path}: is a directory — give a file name for --out`);
  const real = info.isSymbolicLink() ? await realpath(path).catch(() => path) : path;
  const target = info.isSymbolicLink() ? await stat(real).catch(() => undefined) : info;
  if (target?.isDirectory()) throw new InputError(`${path}: is a directory — give a file name for --out`);
  if (target && !target.isFile()) return { final: real, writing: real, isSpecial: true };
  return { final: real, writing: real + PARTIAL_SUFFIX, isSpecial: false };
}

/** The folder of each output must exist and be writable: found before any pair is aligned. */
async function checkWritable(target: Target, shown: string): Promise<void> {
  const folder = dirname(target.writing);
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new InputError(`${shown}: the folder ${folder} does not exist — create it first or choose another --out`);
  await access(folder, constants.W_OK).catch(() => {
    throw new InputError(`${shown}: the folder ${folder} is not writable — choose another --out`);
  });
}

function sameSettings(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface OpenOptions {
  /** Continue an interrupted run from its journal. */
  readonly resume?: boolean;
  /** Everything that shapes the output bytes (format, model, filters, shard...): a resume must use the same. */
  readonly settings: unknown;
  /** Keep a journal for --resume (default true; a merge needs none). */
  readonly journal?: boolean;
}

export type Opened =
  | {
      readonly isComplete: false;
      readonly output: BatchOutput;
      /** Pairs already complete (resume), in the order they were written. */
      readonly done: readonly JournalEntry[];
      /** A fresh run replaced the partial output of an interrupted one. */
      readonly replacedPartial: boolean;
    }
  /** --resume found OUT finished and no journal: nothing to do. */
  | { readonly isComplete: true };

export class BatchOutput {
  private sizes: number[];
  private finished = false;

  private constructor(
    /** --out as given: messages name it. */
    readonly out: string,
    private readonly targets: readonly Target[],
    private readonly handles: readonly FileHandle[],
    private readonly journal: FileHandle | undefined,
    private readonly journalPath: string,
    private readonly format: StreamFormat,
    sizes: readonly number[],
  ) {
    this.sizes = [...sizes];
  }

  /** Whether an interrupted run can be resumed from what is written (false for FIFOs and devices). */
  get isResumable(): boolean {
    return this.journal !== undefined;
  }

  /** The files written meanwhile, for messages (OUT.partial). */
  get writingPaths(): string[] {
    return this.targets.map((target) => target.writing);
  }

  static async open(out: string, format: StreamFormat, options: OpenOptions): Promise<Opened> {
    const files = format.files(out);
    const targets = await Promise.all(files.map(targetOf));
    for (const [k, target] of targets.entries()) await checkWritable(target, files[k]!);
    const journalPath = out + JOURNAL_SUFFIX;
    if (targets.some((target) => target.isSpecial)) {
      if (options.resume) throw new UsageError(`--resume needs --out to be a regular file; ${out} is a pipe or a device`);
      // Straight through: a pipe or device is appended to, a regular file beside it (moses) written anew.
      const direct = targets.map((target) => ({ ...target, writing: target.final }));
      const handles = await Promise.all(direct.map((target) => open(target.writing, target.isSpecial ? 'a' : 'w')));
      const output = new BatchOutput(out, direct, handles, undefined, journalPath, format, targets.map(() => 0));
      await output.appendAll(format.header());
      return { isComplete: false, output, done: [], replacedPartial: false };
    }
    const journalText = await readFile(journalPath, 'utf8').catch(() => undefined);
    if (options.resume && journalText !== undefined) return BatchOutput.resume(out, targets, journalPath, journalText, format, options);
    if (options.resume && (await Promise.all(targets.map((t) => stat(t.final).then(() => true, () => false)))).every(Boolean)) {
      return { isComplete: true };
    }
    const handles = await Promise.all(targets.map((target) => open(target.writing, 'w')));
    const header = format.header();
    for (const [k, handle] of handles.entries()) await handle.write(header[k]!);
    const sizes = header.map((text) => Buffer.byteLength(text));
    let journal: FileHandle | undefined;
    if (options.journal !== false) {
      const head: JournalHead = { journal: JOURNAL_KIND, version: JOURNAL_VERSION, settings: options.settings, header: sizes };
      await writeFile(journalPath, `${JSON.stringify(head)}\n`);
      journal = await open(journalPath, 'a');
    }
    const output = new BatchOutput(out, targets, handles, journal, journalPath, format, sizes);
    return { isComplete: false, output, done: [], replacedPartial: journalText !== undefined };
  }

  private static async resume(
    out: string,
    targets: readonly Target[],
    journalPath: string,
    text: string,
    format: StreamFormat,
    options: OpenOptions,
  ): Promise<Opened> {
    const startOver = `run without --resume to start over`;
    const lines = text.split('\n');
    let head: JournalHead | undefined;
    try {
      head = JSON.parse(lines[0] ?? '') as JournalHead;
    } catch {
      head = undefined;
    }
    if (head?.journal !== JOURNAL_KIND || head.version !== JOURNAL_VERSION) {
      throw new InputError(`${journalPath}: not a journal of selaras batch — ${startOver}`);
    }
    if (!sameSettings(head.settings, options.settings)) {
      throw new UsageError(`${journalPath}: the interrupted run used other options (${JSON.stringify(head.settings)}) — repeat them, or ${startOver}`);
    }
    const done: JournalEntry[] = [];
    let sizes = [...head.header];
    let journalBytes = Buffer.byteLength(lines[0]!) + 1;
    // Every line but the last ends with "\n"; a last line without one was cut short by the kill: dropped.
    for (const line of lines.slice(1, -1)) {
      let entry: JournalLine;
      try {
        entry = JSON.parse(line) as JournalLine;
      } catch {
        break;
      }
      done.push({ name: entry.name, record: entry.record });
      sizes = [...entry.end];
      journalBytes += Buffer.byteLength(line) + 1;
    }
    for (const [k, target] of targets.entries()) {
      const size = (await stat(target.writing).catch(() => undefined))?.size;
      if (size === undefined || size < sizes[k]!) {
        throw new InputError(`${target.writing}: missing or shorter than ${journalPath} says — ${startOver}`);
      }
      await truncate(target.writing, sizes[k]!);
    }
    await truncate(journalPath, journalBytes);
    const handles = await Promise.all(targets.map((target) => open(target.writing, 'a')));
    const journal = await open(journalPath, 'a');
    const output = new BatchOutput(out, targets, handles, journal, journalPath, format, sizes);
    return { isComplete: false, output, done, replacedPartial: false };
  }

  private async appendAll(texts: readonly string[]): Promise<void> {
    for (const [k, text] of texts.entries()) {
      if (text === '') continue;
      await this.handles[k]!.write(text);
      this.sizes[k]! += Buffer.byteLength(text);
    }
  }

  /** Append one pair's unit (one string per file; none for a pair that failed), then its journal line. */
  async writePair(name: string, unit: readonly string[] | undefined, record: PairRecord): Promise<void> {
    if (unit) await this.appendAll(unit);
    const line: JournalLine = { name, end: this.sizes, record };
    await this.journal?.write(`${JSON.stringify(line)}\n`);
  }

  private async closeHandles(): Promise<void> {
    await Promise.all([...this.handles, ...(this.journal ? [this.journal] : [])].map((handle) => handle.close().catch(() => undefined)));
  }

  /** Write the footer and put the finished files in place of OUT; the journal goes. */
  async finish(): Promise<void> {
    await this.appendAll(this.format.footer());
    this.finished = true;
    await this.closeHandles();
    for (const target of this.targets) if (target.writing !== target.final) await rename(target.writing, target.final);
    if (this.journal) await unlink(this.journalPath).catch(() => undefined);
  }

  /** Nothing worth keeping: remove what this run wrote; an existing OUT stays as it was. */
  async discard(): Promise<void> {
    this.finished = true;
    await this.closeHandles();
    for (const target of this.targets) if (target.writing !== target.final) await unlink(target.writing).catch(() => undefined);
    if (this.journal) await unlink(this.journalPath).catch(() => undefined);
  }

  /** Stop (interrupted): close the files and keep the partial output and the journal for --resume. */
  async suspend(): Promise<void> {
    if (!this.finished) await this.closeHandles();
  }
}
