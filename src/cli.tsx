#!/usr/bin/env node
/**
 * The `selaras` entry point: parse arguments, run one command, map errors to a one-line message and an exit code.
 * Nothing calls process.exit(): Ink must get the chance to restore the terminal, and the UI's alignment runs on a
 * worker thread that quitting ends at once, so the process ends by itself.
 */
import { readFileSync } from 'node:fs';
import { COMMAND_HELP, parseCommand, USAGE, type Command, type Format } from './args.js';
import { BROKEN_PIPE_EXIT_CODE, BrokenPipeError, InputError, messageLine, OutputError, UsageError } from './errors.js';
import { toCsv } from './export/csv.js';
import { DEFAULT_TEXT_WIDTH, FILE_SET_FORMATS, formatOfPath, reviewedIndexes, writeAlignment, type FileSetFormatName, type Written } from './export/formats.js';
import { checkOutputPath, guardStream, writeOutputOf, writeStdout } from './export/output-file.js';
import { writeFileAtomic } from './export/write-file.js';
import { progressCounts } from './progress-text.js';
import type { Alignment, ProgressEvent } from './types.js';
import { poolJudge } from './worker/edit-judge.js';
import { AlignmentPool } from './worker/pool.js';

// Commands and formats load what only they need when they run (batch, eval, the HTML report, three versions'
// writers): importing all of them took a fifth of a second of every run's start-up. The pipeline too: a batch
// aligns on its workers, and its own thread need not load the aligner and the difference finders.
const pipeline = () => import('./pipeline.js');

// React picks its build from NODE_ENV when it is first imported, and only the interactive UI imports it (on demand,
// below), so this runs first: the production build, unless a developer asked for another.
process.env['NODE_ENV'] ??= 'production';

/** User outputs are flushed to the disk before the rename: one flush per run. */
const DURABLE = { durable: true } as const;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The alignment in a headless format, through the one format table (export/formats.ts). */
export function render(alignment: Alignment, format: Exclude<Format, 'tui' | 'moses'>, bom: boolean, reviewedOnly = false): Promise<Written> {
  return writeAlignment(alignment, format, { bom, width: process.stdout.columns || DEFAULT_TEXT_WIDTH, reviewedOnly });
}

function warn(warnings: readonly string[]): void {
  for (const warning of warnings) process.stderr.write(messageLine(`warning: ${warning}`));
}

/** Formats that print no differences: the pipeline need not find them (on a long document, longer than aligning). */
const FORMATS_WITHOUT_DIFFERENCES: ReadonlySet<Format> = new Set<Format>(['vecalign', 'tmx', 'moses']);

/** A one-line progress display on stderr, only when stderr is a terminal. */
function progressLine(): { update: (text: string) => void; done: () => void } {
  const isTerminal = Boolean(process.stderr.isTTY);
  return {
    update: (text) => {
      if (isTerminal) process.stderr.write(`\r\x1b[2K${text}`);
    },
    done: () => {
      if (isTerminal) process.stderr.write('\r\x1b[2K');
    },
  };
}

function describeProgress(event: ProgressEvent): string {
  switch (event.stage) {
    case 'load-model':
      return `loading model ${event.model} ${progressCounts(event)}`;
    case 'embed':
      return `embedding sentences ${progressCounts(event)}`;
    case 'align':
      return `aligning ${progressCounts(event)}`;
    case 'differences':
      return `finding differences ${progressCounts(event)}`;
  }
}

function bar(done: number, total: number, width = 30): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

async function runAlignVersions(command: Extract<Command, { kind: 'align' }>): Promise<number> {
  const { multiToCsv, multiToJson, multiToText } = await import('./export/versions.js');
  const useTui = command.format === 'tui' || (command.format === undefined && Boolean(process.stdout.isTTY));
  if (command.session !== undefined) throw new UsageError('--session reviews two files: selaras align SOURCE TARGET --session FILE.json');
  if (useTui) {
    if (command.out) await checkOutputPath(command.out, command.files);
    const { runVersionsTui } = await import('./ui/run-tui.js');
    // The alignment runs on a worker thread, so the UI stays live; quitting ends the worker at once.
    const pool = new AlignmentPool({ size: 1 });
    try {
      return await runVersionsTui({
        paths: command.files,
        load: (onProgress) => pool.alignVersions({ files: command.files, model: command.model, presplit: command.presplit }, { onProgress }),
        exportCsv: (multi, outPath) => writeFileAtomic(outPath, multiToCsv(multi, { bom: command.bom }), DURABLE),
        exportPairCsv: (alignment, outPath) => writeFileAtomic(outPath, toCsv(alignment, { bom: command.bom }), DURABLE),
        exportPath: command.out,
      });
    } finally {
      await pool.terminate();
    }
  }
  const format = command.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'csv' && format !== 'html') {
    throw new UsageError(`--format ${format} takes two files; three or more versions print as text, json, csv or html`);
  }
  return writeOutputOf(command.out, command.files, async (output) => {
    const progress = progressLine();
    const multi = await (await pipeline()).alignVersions(command.files, {
      model: command.model,
      presplit: command.presplit,
      onProgress: (event) => progress.update(describeProgress(event)),
    });
    progress.done();
    await output.write(
      format === 'json'
        ? multiToJson(multi)
        : format === 'csv'
          ? multiToCsv(multi, { bom: command.bom })
          : format === 'html'
            ? (await import('./export/html/page.js')).multiToHtml(multi, { generated: new Date() })
            : multiToText(multi, process.stdout.columns || 100),
    );
    return 0;
  });
}

async function runAlign(command: Extract<Command, { kind: 'align' }>): Promise<number> {
  if (command.files.length > 2) return runAlignVersions(command);
  const [sourcePath, targetPath] = command.files as [string, string];
  const useTui = command.format === 'tui' || (command.format === undefined && Boolean(process.stdout.isTTY));
  const differences = command.format === undefined || !FORMATS_WITHOUT_DIFFERENCES.has(command.format);
  const load = async (onProgress?: (event: ProgressEvent) => void) =>
    (await pipeline()).alignFiles(sourcePath, targetPath, { model: command.model, presplit: command.presplit, onProgress, differences });
  if (useTui) return runReview(command, sourcePath, targetPath);
  if (command.session !== undefined) {
    throw new UsageError('--session opens the review UI (a terminal, or --format tui); to convert a session use selaras export SESSION.json');
  }
  const format = command.format ?? 'text';
  if (format === 'moses') {
    if (!command.out) throw new UsageError('--format moses writes line-aligned files: give --out PREFIX (for PREFIX.en, PREFIX.id, PREFIX.ids)');
    const files = await checkFileSet(format, command.out, command.files);
    const progress = progressLine();
    const alignment = await load((event) => progress.update(describeProgress(event)));
    progress.done();
    await writeFileSet(format, alignment, files);
    return 0;
  }
  return writeOutputOf(command.out, command.files, async (output) => {
    const progress = progressLine();
    const alignment = await load((event) => progress.update(describeProgress(event)));
    progress.done();
    const written = await render(alignment, format, command.bom);
    warn(written.warnings);
    await output.write(written.text);
    return 0;
  });
}

/** The files of a file-set format's --out PREFIX, each checked before any work (an input is never overwritten). */
async function checkFileSet(format: FileSetFormatName, prefix: string, inputs: readonly string[]): Promise<string[]> {
  const files = FILE_SET_FORMATS[format].files(prefix);
  for (const file of files) await checkOutputPath(file, inputs);
  return files;
}

/** Each file of a file-set format written whole or not at all. */
async function writeFileSet(format: FileSetFormatName, alignment: Alignment, files: readonly string[], indexes?: readonly number[]): Promise<void> {
  const texts = FILE_SET_FORMATS[format].write(alignment, indexes);
  for (const [k, text] of texts.entries()) await writeFileAtomic(files[k]!, text, DURABLE);
}

async function readSession(path: string): Promise<Alignment> {
  const { parseAlignmentJson } = await import('./session/session.js');
  const { readFile } = await import('node:fs/promises');
  const content = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`${path}: cannot read the session (${error.code ?? error.message}) — check the path`);
  });
  return parseAlignmentJson(content, path).alignment;
}

function warnNothingReviewed(command: Extract<Command, { kind: 'export' }>, alignment: Alignment): void {
  if (command.reviewedOnly && !alignment.pairs.some((pair) => pair.reviewed === true)) {
    warn([`${command.session}: no pair is marked reviewed (r in the review UI marks one), so nothing but headers was written`]);
  }
}

/** `selaras export SESSION.json`: the saved alignment, edits and notes included, in another format; no realigning. */
async function runExport(command: Extract<Command, { kind: 'export' }>): Promise<number> {
  const format = command.format;
  if (format === 'moses') {
    const files = await checkFileSet(format, command.out!, [command.session]);
    const alignment = await readSession(command.session);
    await writeFileSet(format, alignment, files, command.reviewedOnly ? reviewedIndexes(alignment) : undefined);
    warnNothingReviewed(command, alignment);
    return 0;
  }
  return writeOutputOf(command.out, [command.session], async (output) => {
    const alignment = await readSession(command.session);
    const written = await render(alignment, format, command.bom, command.reviewedOnly);
    warn(written.warnings);
    warnNothingReviewed(command, alignment);
    await output.write(written.text);
    return 0;
  });
}

/** The review UI of two files: aligned on a worker thread (the UI stays live, quitting ends the worker at once), or
 * resumed from --session; `e` exports in the format of its file's extension, `w` writes the session, and edits ask
 * the same worker's engine to score the pairs they make. */
async function runReview(command: Extract<Command, { kind: 'align' }>, sourcePath: string, targetPath: string): Promise<number> {
  if (command.out) await checkOutputPath(command.out, command.files);
  if (command.session !== undefined) await checkOutputPath(command.session, command.files);
  const [{ runTui, defaultSessionPath }, { openReview }, { hashInputs, sessionJson }] = await Promise.all([
    import('./ui/run-tui.js'),
    import('./session/open-review.js'),
    import('./session/session.js'),
  ]);
  const pool = new AlignmentPool({ size: 1 });
  const sessionPath = command.session ?? defaultSessionPath(sourcePath, targetPath);
  let opened: Awaited<ReturnType<typeof openReview>> | undefined;
  try {
    return await runTui({
      sourcePath,
      targetPath,
      load: async (onProgress) => {
        opened = await openReview({
          sourcePath,
          targetPath,
          presplit: command.presplit,
          ...(command.session === undefined ? {} : { sessionPath: command.session }),
          align: () => pool.align({ files: [sourcePath, targetPath], model: command.model, presplit: command.presplit }, { onProgress }),
        });
        return opened;
      },
      exportPath: command.out,
      exportAlignment: async (alignment, outPath) => {
        const written = await writeAlignment(alignment, formatOfPath(outPath) ?? 'csv', { bom: command.bom, width: DEFAULT_TEXT_WIDTH });
        await writeFileAtomic(outPath, written.text, DURABLE);
        return written.warnings;
      },
      session: {
        path: sessionPath,
        write: async (alignment, history) => {
          const hashes = opened?.hashes ?? (await hashInputs(sourcePath, targetPath));
          await writeFileAtomic(sessionPath, sessionJson(alignment, hashes, { presplit: command.presplit }, history), DURABLE);
        },
      },
      judge: poolJudge(pool, () => opened?.alignment ?? missingAlignment(), { model: command.model }),
    });
  } finally {
    await pool.terminate();
  }
}

function missingAlignment(): never {
  throw new Error('the alignment is not loaded yet');
}

async function runCommand(command: Command): Promise<number> {
  switch (command.kind) {
    case 'help': {
      const text = command.topic === undefined ? USAGE : COMMAND_HELP[command.topic];
      // `selaras` alone is a mistake: the help goes where errors go, with the usage exit code.
      if (command.isMistake === true) {
        process.stderr.write(`${text}\n`);
        return 2;
      }
      await writeStdout(`${text}\n`);
      return 0;
    }
    case 'export':
      return runExport(command);
    case 'version':
      await writeStdout(`${version()}\n`);
      return 0;
    case 'align':
      return runAlign(command);
    case 'eval': {
      const { runEval, formatEvalReport } = await import('./eval/run-eval.js');
      const progress = progressLine();
      const embedder = await (await pipeline()).resolveEmbedder(command.model, (e) => progress.update(describeProgress(e)));
      const report = await runEval(command.casesDir, embedder, {
        predictionsDir: command.predictions,
        perCase: command.perCase,
        onCase: (done, total) => progress.update(`eval ${bar(done, total)}`),
      });
      progress.done();
      await writeStdout(command.json ? `${JSON.stringify(report, null, 2)}\n` : formatEvalReport(report));
      return 0;
    }
    case 'batch':
      return (await import('./batch/command.js')).runBatchCommand(command, progressLine());
    case 'merge':
      return (await import('./batch/command.js')).runMergeCommand(command);
    case 'models-list':
    case 'models-pull':
      return runModels(command);
  }
}

async function runModels(command: Extract<Command, { kind: 'models-list' | 'models-pull' }>): Promise<number> {
  const models = await import('./embed/index.js');
  if (command.kind === 'models-list') {
    const list = await models.listModels(command.modelsDir);
    await writeStdout(`${models.formatModelList(list)}\n`);
    return 0;
  }
  const progress = progressLine();
  await models.pullModel(command.name, {
    mirror: command.mirror,
    modelsDir: command.modelsDir,
    timeoutMs: command.timeoutMs,
    onProgress: (event: { file: string; loaded: number; total?: number }) =>
      progress.update(`${event.file} ${event.total ? bar(event.loaded, event.total) : `${event.loaded} bytes`}`),
  });
  progress.done();
  await writeStdout(`pulled ${command.name}\n`);
  return 0;
}

export async function main(argv: readonly string[]): Promise<number> {
  // A message to a closed standard error (`2>&1 | head -1`) must not crash the run.
  guardStream(process.stderr);
  try {
    return await runCommand(parseCommand(argv));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(messageLine(error.message));
      return 2;
    }
    if (error instanceof BrokenPipeError) return BROKEN_PIPE_EXIT_CODE;
    if (error instanceof InputError || error instanceof OutputError) {
      process.stderr.write(messageLine(error.message));
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(messageLine(message));
    if (process.env['SELARAS_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
