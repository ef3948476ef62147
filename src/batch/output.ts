/**
 * A batch's output, streamed: each article pair's unit is appended as it is ready, so memory does not grow with
 * the batch and an interrupted run keeps what it finished. Built on the output module (export/output-file.ts):
 * the same checks, target resolution and error messages as every other output.
 *
 * A regular file (or a new one) is written as OUT.partial beside it, with a journal OUT.journal that gets one line
 * per pair after the pair's unit is written: its name, the size of every file after it, and its figures for the
 * summary. `--resume` reads the journal, cuts the partial files back to the last complete pair (a unit cut short by
 * a kill is dropped) and continues; the finished file is renamed over OUT, so OUT only ever holds a complete run,
 * and a batch in which nothing was aligned leaves an existing OUT as it was. Unlike a temporary file, OUT.partial
 * is kept when the run is interrupted: it is what --resume continues. A FIFO or a device (/dev/stdout) is written
 * straight through: nothing to rename, nothing to resume.
 */
import { open, readFile, rename, stat, truncate, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { InputError, UsageError } from '../errors.js';
import { openOutput, outputError, resolveTarget, writeAll, type OutputWriter, type Target } from '../export/output-file.js';
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

/** One output file: appended to in OUT.partial, or written through (a FIFO, a device). */
interface Sink {
  /** --out as given (or OUT.en of moses): what messages name. */
  readonly shown: string;
  readonly target: Target;
  /** OUT.partial for a regular file; undefined when written through. */
  readonly partial?: string;
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

async function appendSink(shown: string, target: Target, partial: string, flags: 'w' | 'a'): Promise<Sink> {
  const handle: FileHandle = await open(partial, flags).catch((error: unknown) => {
    throw outputError(shown, error);
  });
  return {
    shown,
    target,
    partial,
    write: (text) =>
      writeAll(handle, Buffer.from(text, 'utf8')).catch((error: unknown) => {
        throw outputError(shown, error);
      }),
    close: () => handle.close().catch(() => undefined),
  };
}

function throughSink(shown: string, target: Target, writer: OutputWriter): Sink {
  return { shown, target, write: (text) => writer.write(text), close: () => writer.commit() };
}

export interface OpenOptions {
  /** Continue an interrupted run from its journal. */
  readonly resume?: boolean;
  /** Everything that shapes the output bytes (format, model, filters, shard...): a resume must use the same. */
  readonly settings: unknown;
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

const START_OVER = 'run without --resume to start over';

/** The pairs a journal says are complete, and the sizes the files had after the last of them. */
function readJournal(journalPath: string, text: string, settings: unknown): { done: JournalEntry[]; sizes: number[]; bytes: number } {
  const lines = text.split('\n');
  let head: JournalHead | undefined;
  try {
    head = JSON.parse(lines[0] ?? '') as JournalHead;
  } catch {
    head = undefined;
  }
  if (head?.journal !== JOURNAL_KIND || head.version !== JOURNAL_VERSION) {
    throw new InputError(`${journalPath}: not a journal of selaras batch — ${START_OVER}`);
  }
  if (JSON.stringify(head.settings) !== JSON.stringify(settings)) {
    throw new UsageError(`${journalPath}: the interrupted run used other options (${JSON.stringify(head.settings)}) — repeat them, or ${START_OVER}`);
  }
  const done: JournalEntry[] = [];
  let sizes = [...head.header];
  let bytes = Buffer.byteLength(lines[0]!) + 1;
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
    bytes += Buffer.byteLength(line) + 1;
  }
  return { done, sizes, bytes };
}

export class BatchOutput {
  private readonly sizes: number[];

  private constructor(
    private readonly sinks: readonly Sink[],
    private readonly journal: FileHandle | undefined,
    private readonly journalPath: string,
    private readonly format: StreamFormat,
    sizes: readonly number[],
  ) {
    this.sizes = [...sizes];
  }

  /** The files written meanwhile, for messages (OUT.partial). */
  get partialPaths(): string[] {
    return this.sinks.flatMap((sink) => (sink.partial ? [sink.partial] : []));
  }

  /** Open the output files of `out` (one, or three for moses). Call checkOutputPath on each first. */
  static async open(out: string, format: StreamFormat, options: OpenOptions): Promise<Opened> {
    const files = format.files(out);
    const targets = await Promise.all(files.map((file) => resolveTarget(file)));
    const journalPath = out + JOURNAL_SUFFIX;
    if (targets.some((target) => target.kind === 'through')) {
      if (options.resume) throw new UsageError(`--resume needs --out to be a regular file; ${out} is a pipe or a device`);
      const sinks = await Promise.all(files.map(async (file, k) => throughSink(file, targets[k]!, await openOutput(file))));
      const output = new BatchOutput(sinks, undefined, journalPath, format, files.map(() => 0));
      await output.append(format.header());
      return { isComplete: false, output, done: [], replacedPartial: false };
    }
    const partials = targets.map((target) => target.path + PARTIAL_SUFFIX);
    const journalText = await readFile(journalPath, 'utf8').catch(() => undefined);
    const exists = (path: string) => stat(path).then(() => true, () => false);
    const finished = async () => targets.every((target) => target.info !== undefined) && !(await Promise.all(partials.map(exists))).some(Boolean);
    if (options.resume && journalText !== undefined && (await finished())) {
      // Killed between putting the finished files in place and removing the journal: the run was complete.
      await unlink(journalPath).catch(() => undefined);
      return { isComplete: true };
    }
    if (options.resume && journalText !== undefined) {
      const { done, sizes, bytes } = readJournal(journalPath, journalText, options.settings);
      for (const [k, partial] of partials.entries()) {
        const size = (await stat(partial).catch(() => undefined))?.size;
        if (size === undefined || size < sizes[k]!) throw new InputError(`${partial}: missing or shorter than ${journalPath} says — ${START_OVER}`);
        await truncate(partial, sizes[k]!);
      }
      await truncate(journalPath, bytes);
      const sinks = await Promise.all(files.map((file, k) => appendSink(file, targets[k]!, partials[k]!, 'a')));
      const output = new BatchOutput(sinks, await open(journalPath, 'a'), journalPath, format, sizes);
      return { isComplete: false, output, done, replacedPartial: false };
    }
    if (options.resume && targets.every((target) => target.info !== undefined)) return { isComplete: true };
    const sinks = await Promise.all(files.map((file, k) => appendSink(file, targets[k]!, partials[k]!, 'w')));
    const header = format.header();
    const sizes = header.map((text) => Buffer.byteLength(text));
    for (const [k, sink] of sinks.entries()) await sink.write(header[k]!);
    const head: JournalHead = { journal: JOURNAL_KIND, version: JOURNAL_VERSION, settings: options.settings, header: sizes };
    await writeFile(journalPath, `${JSON.stringify(head)}\n`).catch((error: unknown) => {
      throw outputError(journalPath, error);
    });
    const output = new BatchOutput(sinks, await open(journalPath, 'a'), journalPath, format, sizes);
    return { isComplete: false, output, done: [], replacedPartial: journalText !== undefined };
  }

  private async append(texts: readonly string[]): Promise<void> {
    for (const [k, text] of texts.entries()) {
      if (text === '') continue;
      await this.sinks[k]!.write(text);
      this.sizes[k]! += Buffer.byteLength(text);
    }
  }

  /** Append one pair's unit (one string per file; none for a pair that failed), then its journal line. */
  async writePair(name: string, unit: readonly string[] | undefined, record: PairRecord): Promise<void> {
    if (unit) await this.append(unit);
    const line: JournalLine = { name, end: this.sizes, record };
    await this.journal?.write(`${JSON.stringify(line)}\n`).catch((error: unknown) => {
      throw outputError(this.journalPath, error);
    });
  }

  private async closeAll(): Promise<void> {
    await Promise.all(this.sinks.map((sink) => sink.close()));
    await this.journal?.close().catch(() => undefined);
  }

  /** Write the footer and put the finished files in place of OUT (keeping an existing file's permissions). */
  async finish(): Promise<void> {
    await this.append(this.format.footer());
    for (const sink of this.sinks) {
      if (!sink.partial) continue;
      const handle = await open(sink.partial, 'r+');
      try {
        if (sink.target.info) await handle.chmod(sink.target.info.mode & 0o7777);
        await handle.sync(); // one flush per run: a power cut after the rename cannot leave an empty file
      } finally {
        await handle.close();
      }
    }
    await this.closeAll();
    for (const sink of this.sinks) {
      if (sink.partial) await rename(sink.partial, sink.target.path).catch((error: unknown) => {
        throw outputError(sink.shown, error);
      });
    }
    if (this.journal) await unlink(this.journalPath).catch(() => undefined);
  }

  /** Nothing worth keeping: remove what this run wrote; an existing OUT stays as it was. */
  async discard(): Promise<void> {
    await this.closeAll();
    for (const partial of this.partialPaths) await unlink(partial).catch(() => undefined);
    if (this.journal) await unlink(this.journalPath).catch(() => undefined);
  }

  /** Stop (interrupted): close the files, keep the partial output and its journal for --resume. */
  async suspend(): Promise<void> {
    await this.closeAll();
  }
}
