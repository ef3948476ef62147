#!/usr/bin/env node
/**
 * The `selaras` entry point: parse arguments, run one command, map errors to a one-line message and an exit code.
 * Nothing below calls process.exit(): Ink must get the chance to restore the terminal. The one exception is here, in
 * the UI branches, after the UI has closed, when the user quit while an alignment was still loading.
 */
import { readFileSync } from 'node:fs';
import { parseCommand, USAGE, type Command, type Format } from './args.js';
import { BROKEN_PIPE_EXIT_CODE, BrokenPipeError, InputError, OutputError, UsageError } from './errors.js';
import { alignmentName, toCsv } from './export/csv.js';
import { toJson, toJsonLine } from './export/json.js';
import { toText } from './export/text.js';
import { toTmx } from './export/tmx.js';
import { toVecalign } from './export/vecalign.js';
import { checkOutputPath, guardStream, writeOutputOf, writeStdout } from './export/output-file.js';
import { writeFileAtomic } from './export/write-file.js';
import { alignFiles, alignVersions, resolveEmbedder } from './pipeline.js';
import type { Alignment, ProgressEvent } from './types.js';

// Commands and formats load what only they need when they run (batch, eval, the HTML report, three versions'
// writers): importing all of them took a fifth of a second of every run's start-up.

// React picks its build from NODE_ENV when it is first imported, and only the interactive UI imports it (on demand,
// below), so this runs first: the production build, unless a developer asked for another.
process.env['NODE_ENV'] ??= 'production';

/** User outputs are flushed to the disk before the rename: one flush per run. */
const DURABLE = { durable: true } as const;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function render(alignment: Alignment, format: Exclude<Format, 'tui' | 'moses'>, bom: boolean): Promise<string> {
  switch (format) {
    case 'json':
      return toJson(alignment);
    case 'jsonl':
      return toJsonLine(alignment, alignmentName(alignment));
    case 'csv':
      return toCsv(alignment, { bom });
    case 'tmx':
      return toTmx(alignment);
    case 'vecalign':
      return toVecalign(alignment);
    case 'text':
      return toText(alignment, process.stdout.columns || 100);
    case 'html': {
      const { toHtml } = await import('./export/html/page.js');
      return toHtml(alignment, { generated: new Date() });
    }
  }
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
      return `loading model ${event.model} ${event.done}/${event.total}`;
    case 'embed':
      return `embedding sentences ${event.done}/${event.total}`;
    case 'align':
      return `aligning ${event.done}/${event.total}`;
  }
}

function bar(done: number, total: number, width = 30): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

async function runAlignVersions(command: Extract<Command, { kind: 'align' }>): Promise<number> {
  const { multiToCsv, multiToJson, multiToText } = await import('./export/versions.js');
  const useTui = command.format === 'tui' || (command.format === undefined && Boolean(process.stdout.isTTY));
  if (useTui) {
    if (command.out) await checkOutputPath(command.out, command.files);
    const { runVersionsTui } = await import('./ui/run-tui.js');
    let isLoading = true;
    const code = await runVersionsTui({
      paths: command.files,
      load: (onProgress) =>
        alignVersions(command.files, { model: command.model, presplit: command.presplit, onProgress }).finally(() => {
          isLoading = false;
        }),
      exportCsv: (multi, outPath) => writeFileAtomic(outPath, multiToCsv(multi, { bom: command.bom }), DURABLE),
      exportPairCsv: (alignment, outPath) => writeFileAtomic(outPath, toCsv(alignment, { bom: command.bom }), DURABLE),
      exportPath: command.out,
    });
    // Quit while still loading: end now rather than when the alignment would have finished (see runAlign).
    if (isLoading) process.exit(code);
    return code;
  }
  const format = command.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'csv' && format !== 'html') {
    throw new UsageError(`--format ${format} takes two files; three or more versions print as text, json, csv or html`);
  }
  return writeOutputOf(command.out, command.files, async (output) => {
    const progress = progressLine();
    const multi = await alignVersions(command.files, {
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
  const load = (onProgress?: (event: ProgressEvent) => void) =>
    alignFiles(sourcePath, targetPath, { model: command.model, presplit: command.presplit, onProgress, differences });
  if (useTui) {
    if (command.out) await checkOutputPath(command.out, command.files);
    const { runTui } = await import('./ui/run-tui.js');
    let isLoading = true;
    const code = await runTui({
      sourcePath,
      targetPath,
      load: (onProgress) =>
        load(onProgress).finally(() => {
          isLoading = false;
        }),
      exportCsv: (alignment: Alignment, outPath: string) =>
        writeFileAtomic(outPath, toCsv(alignment, { bom: command.bom }), DURABLE),
      exportPath: command.out,
    });
    // With the one in runAlignVersions, the only process.exit of the program. runTui resolves only after Ink has
    // unmounted and the terminal is restored (main screen back, raw mode off), so nothing is left half drawn. A user
    // who quit while the files were still being read or the model loaded wants the shell back now, but that work
    // cannot be cancelled and its pending I/O keeps Node running until it ends (minutes for a large model or
    // document); exiting waits only for the file read or native call in flight. Writes to a terminal are
    // synchronous, so nothing on screen is lost.
    if (isLoading) process.exit(code);
    return code;
  }
  const format = command.format ?? 'text';
  if (format === 'moses') {
    const { mosesFiles, mosesLines } = await import('./export/moses.js');
    const out = command.out;
    if (!out) throw new UsageError('--format moses writes line-aligned files: give --out PREFIX (for PREFIX.en, PREFIX.id, PREFIX.ids)');
    const files = mosesFiles(out);
    for (const file of files) await checkOutputPath(file, command.files);
    const progress = progressLine();
    const alignment = await load((event) => progress.update(describeProgress(event)));
    progress.done();
    const lines = mosesLines(alignment, alignmentName(alignment));
    for (const [k, text] of [lines.en, lines.id, lines.ids].entries()) await writeFileAtomic(files[k]!, text, DURABLE);
    return 0;
  }
  return writeOutputOf(command.out, command.files, async (output) => {
    const progress = progressLine();
    const alignment = await load((event) => progress.update(describeProgress(event)));
    progress.done();
    await output.write(await render(alignment, format, command.bom));
    return 0;
  });
}

async function runCommand(command: Command): Promise<number> {
  switch (command.kind) {
    case 'help':
      await writeStdout(`${USAGE}\n`);
      return 0;
    case 'version':
      await writeStdout(`${version()}\n`);
      return 0;
    case 'align':
      return runAlign(command);
    case 'eval': {
      const { runEval, formatEvalReport } = await import('./eval/run-eval.js');
      const progress = progressLine();
      const embedder = await resolveEmbedder(command.model, (e) => progress.update(describeProgress(e)));
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
      process.stderr.write(`selaras: ${error.message}\n`);
      return 2;
    }
    if (error instanceof BrokenPipeError) return BROKEN_PIPE_EXIT_CODE;
    if (error instanceof InputError || error instanceof OutputError) {
      process.stderr.write(`selaras: ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`selaras: ${message}\n`);
    if (process.env['SELARAS_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
