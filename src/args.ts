/** Command-line parsing, separate from running: argv in, a command object out (or a UsageError). */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { BATCH_FORMATS, batchFormatFor, type BatchFormat } from './batch/format-names.js';
import type { PairFilters } from './batch/filters.js';
import { parseShard, type Shard } from './batch/shard.js';
import { UsageError } from './errors.js';
import { EXPORT_FORMAT_NAMES, extensionOf, formatOfPath, isExportFormat, isFileSetFormat, knownExtensions, type ExportFormatName, type FileSetFormatName } from './export/formats.js';

/** The formats of the one table (export/formats.ts), the UI, and Moses (three line-aligned files: --out PREFIX). */
export const FORMATS = ['tui', ...EXPORT_FORMAT_NAMES, 'moses'] as const;
export type Format = 'tui' | ExportFormatName | 'moses';

export type Command =
  | {
      readonly kind: 'align';
      readonly files: readonly string[];
      /** Undefined: the terminal UI on a terminal, text otherwise (or what --out's extension says). */
      readonly format?: Format;
      readonly out?: string;
      readonly presplit: boolean;
      readonly model?: string;
      readonly bom: boolean;
      /** The review session to resume, or to write with `w` (the UI only). */
      readonly session?: string;
    }
  | {
      readonly kind: 'export';
      /** A session (or `--format json` output) to convert without realigning. */
      readonly session: string;
      /** A file-set format (moses) writes several files from the --out PREFIX. */
      readonly format: ExportFormatName | FileSetFormatName;
      readonly out?: string;
      readonly reviewedOnly: boolean;
      readonly bom: boolean;
    }
  | {
      readonly kind: 'eval';
      readonly casesDir: string;
      readonly model?: string;
      readonly predictions?: string;
      readonly json: boolean;
      /** Figures per case, besides the totals. */
      readonly perCase: boolean;
    }
  | {
      readonly kind: 'batch';
      readonly input: string;
      readonly out: string;
      readonly format: BatchFormat;
      readonly model?: string;
      readonly presplit: boolean;
      readonly bom: boolean;
      readonly jobs: number;
      /** --shard K/N; else the scheduler's variables decide (see batch/shard.ts). */
      readonly shard?: Shard;
      /** --shard-count: the shard count of a Kubernetes indexed Job. */
      readonly shardCount?: number;
      readonly resume: boolean;
      readonly report?: string;
      readonly filters: PairFilters;
      readonly allowOutside: boolean;
    }
  | { readonly kind: 'merge'; readonly out: string; readonly shards: readonly string[]; readonly format: BatchFormat }
  | { readonly kind: 'models-list'; readonly modelsDir?: string }
  | {
      readonly kind: 'models-pull';
      readonly name: string;
      readonly mirror?: string;
      readonly modelsDir?: string;
      /** Connect and read timeout in milliseconds (--timeout SECONDS); undefined: the default. */
      readonly timeoutMs?: number;
    }
  /** `isMistake`: no command was given, so the help goes to standard error with exit code 2. */
  | { readonly kind: 'help'; readonly topic?: CommandName; readonly isMistake?: boolean }
  | { readonly kind: 'version' };

export const USAGE = `selaras — align an article with its translation (or another version), sentence by sentence

Usage:
  selaras align SOURCE TARGET [--format tui|text|json|jsonl|csv|tmx|vecalign|moses|html] [--out FILE] [--presplit] [--model NAME] [--bom]
                [--session FILE.json]
  selaras align PIVOT VERSION VERSION... [--format text|json|csv|html] [--out FILE]   (three or more versions)
  selaras export SESSION.json [--format text|json|jsonl|csv|tmx|vecalign|html|moses] [--out FILE] [--reviewed-only] [--bom]
  selaras batch DIR|MANIFEST --out FILE [--format csv|jsonl|tmx|moses] [--jobs N] [--resume] [--report FILE.json]
                [--shard K/N | --shard-count N] [--min-score S] [--aligned-only] [--max-merge N] [--allow-outside]
  selaras merge OUT SHARD_FILE...   (the shard outputs of one batch, joined as one unsharded run writes them)
  selaras eval CASES_DIR [--model NAME] [--predictions OUT_DIR] [--json] [--per-case]
  selaras models [list]
  selaras models pull NAME [--mirror URL] [--models-dir DIR] [--timeout SECONDS]

Options:
  --format     output format; default: the terminal UI on a terminal, else text (or the --out file's extension)
  --out FILE   write the output to FILE (a regular file through a temporary file, never half-written; a FIFO or
               a device written through); never one of the inputs
  --presplit   each input line is already one sentence
  --model NAME embedding model: the bundled default, "lexical" (model-free, fastest) or a pulled model
  --bom        spreadsheet CSV: a byte-order mark, and a ' before cells that would run as formulas
  --session F  align: review in the UI, w writes F, the same command later resumes it
  --reviewed-only  export: only the pairs marked reviewed
  --timeout S  models pull: give up after S seconds without data (default 30)
  --jobs N     batch: pairs aligned at once, one worker thread each (default: the number of cores)
  --resume     batch: continue an interrupted run from OUT.partial and OUT.journal
  --shard K/N  batch: only shard K (0-based) of N; default from SLURM_ARRAY_TASK_ID/COUNT, or
               JOB_COMPLETION_INDEX with --shard-count N
  --min-score S, --aligned-only, --max-merge N   batch: which sentence pairs to write
  -h, --help   this help (selaras COMMAND --help: that command's);  -v, --version  the version

Exit codes: 0 success, 1 a failure (bad input, an output that cannot be written, a failing batch pair), 2 wrong
usage (--out naming an input too), 141 the reader of the output went away (\`| head\`).`;

export const COMMAND_NAMES = ['align', 'export', 'batch', 'merge', 'eval', 'models'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** `selaras COMMAND --help`: each command's own page. */
export const COMMAND_HELP: Readonly<Record<CommandName, string>> = {
  align: `selaras align SOURCE TARGET [VERSION...] — align the sentences of two files (or three or more versions)

  On a terminal it opens the review UI; otherwise it prints --format (default text). With --out FILE the format
  follows FILE's extension (${knownExtensions()}) unless --format says otherwise.

  --format F        tui, ${EXPORT_FORMAT_NAMES.join(', ')}, moses (three or more versions: text, json, csv, html)
  --out FILE        write there instead of standard output; with --format tui, where the UI's e exports;
                    with --format moses, the PREFIX of PREFIX.en, PREFIX.id and PREFIX.ids
  --session F.json  review in the UI: w writes the session (the JSON contract plus edited, reviewed and note per
                    pair, and the SHA-256 of each input); the same command resumes it while the inputs are unchanged
  --presplit        each input line is already one sentence
  --model NAME      the bundled model (default), lexical (model-free), or one pulled with selaras models pull
  --bom             spreadsheet CSV: a byte-order mark, and formula cells neutralised

  Pair and sentence numbers are 0-based, in the UI and in every format.`,
  export: `selaras export SESSION.json [--format F] [--out FILE] [--reviewed-only] [--bom] — convert a saved session

  Writes the session's alignment, with the reviewer's edits and notes, without realigning. The format is --format,
  else --out's extension (${knownExtensions()}), else text.

  --format F        ${EXPORT_FORMAT_NAMES.join(', ')}, moses
  --out FILE        write there instead of standard output; with --format moses, the PREFIX of PREFIX.en,
                    PREFIX.id and PREFIX.ids
  --reviewed-only   only the pairs marked reviewed (with tmx: a translation memory of checked pairs)
  --bom             spreadsheet CSV: a byte-order mark, and formula cells neutralised`,
  batch: `selaras batch DIR|MANIFEST --out FILE [--format csv|jsonl|tmx|moses] [--jobs N] [--resume] — align many pairs
  [--report FILE.json] [--shard K/N | --shard-count N] [--min-score S] [--aligned-only] [--max-merge N] [--allow-outside]

  DIR: pairs found by name (story.en.txt + story.id.html, in subfolders too). MANIFEST: a CSV with the header
  "source,target", paths relative to it. A pair that fails is reported and the others are still written (exit 1).
  --jobs N: pairs aligned at once, one worker thread each; --resume: continue from OUT.partial and OUT.journal;
  --shard K/N: only shard K (0-based) of N; --min-score, --aligned-only, --max-merge: which sentence pairs to write.`,
  merge: `selaras merge OUT SHARD_FILE... — join the shard outputs of one batch as one unsharded run writes them`,
  eval: `selaras eval CASES_DIR [--model NAME] [--predictions OUT_DIR] [--json] [--per-case] — score alignments against gold

  A case is a folder with en.txt, id.txt (one sentence a line) and gold.txt (Vecalign beads such as [0]:[0]).
  Prints strict, links, omitted and added precision, recall and F1, overall and per group.`,
  models: `selaras models [list] | selaras models pull NAME [--mirror URL] [--models-dir DIR] [--timeout SECONDS]

  list: the bundled model, the model-free lexical embedder and any pulled models. pull: download a pretrained
  model from the hub (or --mirror) into the models folder (or --models-dir / SELARAS_MODELS_DIR).`,
};

function isCommandName(name: string | undefined): name is CommandName {
  return (COMMAND_NAMES as readonly (string | undefined)[]).includes(name);
}

function unknownExtension(out: string, why: string): UsageError {
  const extension = extensionOf(out);
  const what = extension === '' ? 'has no extension' : `ends in "${extension}", which is no format`;
  return new UsageError(`--out ${out} ${what}: ${why} — name it ${knownExtensions()}, or say --format`);
}

function parseFormat(value: string | undefined, out: string | undefined): Format | undefined {
  if (value === undefined) {
    if (out === undefined) return undefined;
    const format = formatOfPath(out);
    // No extension at all (`--out result`) stays as it was: the default format.
    if (format === undefined && extensionOf(out) !== '') throw unknownExtension(out, 'the format follows the extension');
    return format;
  }
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`unknown format "${value}" — use one of ${FORMATS.join(', ')}`);
  }
  // The UI's e exports in the format of the file's name, so it must name one.
  if (value === 'tui' && out !== undefined && formatOfPath(out) === undefined) throw unknownExtension(out, "the UI's e exports in the format of the extension");
  return value as Format;
}

function parseExportFormat(value: string | undefined, out: string | undefined): ExportFormatName | FileSetFormatName {
  if (value !== undefined) {
    if (isFileSetFormat(value)) {
      if (!out) throw new UsageError(`--format ${value} writes line-aligned files: give --out PREFIX (for PREFIX.en, PREFIX.id, PREFIX.ids)`);
      return value;
    }
    if (!isExportFormat(value)) throw new UsageError(`unknown format "${value}" — export writes ${EXPORT_FORMAT_NAMES.join(', ')}, moses`);
    return value;
  }
  if (out === undefined) return 'text';
  const format = formatOfPath(out);
  if (format === undefined) throw unknownExtension(out, 'the format follows the extension');
  return format;
}

/** --timeout SECONDS: a positive number of seconds, fractions allowed. */
function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`--timeout needs a number of seconds above 0, e.g. --timeout 120 (got "${value}")`);
  }
  return seconds * 1000;
}

/** Options that only batch takes: given to align they are a mistake worth saying. */
const BATCH_ONLY = ['jobs', 'shard', 'shard-count', 'resume', 'report', 'min-score', 'aligned-only', 'max-merge', 'allow-outside'] as const;

function wholeNumber(flag: string, value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) throw new UsageError(`${flag} ${value}: give a whole number of 1 or more`);
  return Number(value);
}

function batchFormat(out: string, format: string | undefined): BatchFormat {
  if (format === undefined && /\.(en|id|ids)$/i.test(out)) {
    throw new UsageError(`${out}: for Moses files give --format moses --out PREFIX (PREFIX.en, PREFIX.id and PREFIX.ids are written)`);
  }
  const chosen = batchFormatFor(out, format);
  if (!chosen) throw new UsageError(`batch and merge write ${BATCH_FORMATS.join(', ')}, not "${format}" (for JSON use jsonl: one object per pair)`);
  return chosen;
}

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        presplit: { type: 'boolean', default: false },
        model: { type: 'string', short: 'm' },
        bom: { type: 'boolean', default: false },
        predictions: { type: 'string' },
        json: { type: 'boolean', default: false },
        mirror: { type: 'string' },
        'models-dir': { type: 'string' },
        timeout: { type: 'string' },
        session: { type: 'string' },
        'reviewed-only': { type: 'boolean', default: false },
        'per-case': { type: 'boolean', default: false },
        jobs: { type: 'string', short: 'j' },
        shard: { type: 'string' },
        'shard-count': { type: 'string' },
        resume: { type: 'boolean', default: false },
        report: { type: 'string' },
        'min-score': { type: 'string' },
        'aligned-only': { type: 'boolean', default: false },
        'max-merge': { type: 'string' },
        'allow-outside': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} — see selaras --help`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) return { kind: 'version' };
  if (command === undefined && !values.help) return { kind: 'help', isMistake: true };
  if (command === 'help' || values.help) {
    const topic = command === 'help' ? rest[0] : command;
    if (topic !== undefined && !isCommandName(topic)) throw new UsageError(`no help for "${topic}" — the commands are ${COMMAND_NAMES.join(', ')}`);
    return topic === undefined ? { kind: 'help' } : { kind: 'help', topic };
  }
  switch (command) {
    case 'align': {
      if (rest.length < 2) throw new UsageError('align needs two files: selaras align SOURCE TARGET');
      const batchOnly = BATCH_ONLY.find((name) => values[name] !== undefined && values[name] !== false);
      if (batchOnly) throw new UsageError(`--${batchOnly} is an option of selaras batch, not align`);
      return {
        kind: 'align',
        files: rest,
        format: parseFormat(values.format, values.out),
        out: values.out,
        presplit: values.presplit,
        model: values.model,
        bom: values.bom,
        ...(values.session === undefined ? {} : { session: values.session }),
      };
    }
    case 'export': {
      if (rest.length !== 1) throw new UsageError('export needs one session file: selaras export SESSION.json --format csv --out FILE');
      return {
        kind: 'export',
        session: rest[0]!,
        format: parseExportFormat(values.format, values.out),
        out: values.out,
        reviewedOnly: values['reviewed-only'],
        bom: values.bom,
      };
    }
    case 'eval': {
      if (rest.length !== 1) throw new UsageError('eval needs one folder of cases: selaras eval CASES_DIR');
      return {
        kind: 'eval',
        casesDir: rest[0]!,
        model: values.model,
        predictions: values.predictions,
        json: values.json,
        perCase: values['per-case'],
      };
    }
    case 'batch': {
      if (rest.length !== 1) throw new UsageError('batch needs one folder or manifest: selaras batch DIR --out FILE.csv');
      if (!values.out) throw new UsageError('batch needs --out FILE (.csv, .jsonl, .tmx; or --format moses --out PREFIX)');
      const minScore = values['min-score'] === undefined ? undefined : Number(values['min-score']);
      if (minScore !== undefined && !(minScore >= 0 && minScore <= 1)) throw new UsageError(`--min-score ${values['min-score']}: give a score between 0 and 1`);
      const maxMerge = values['max-merge'] === undefined ? undefined : wholeNumber('--max-merge', values['max-merge']);
      return {
        kind: 'batch',
        input: rest[0]!,
        out: values.out,
        format: batchFormat(values.out, values.format),
        model: values.model,
        presplit: values.presplit,
        bom: values.bom,
        jobs: values.jobs === undefined ? availableParallelism() : wholeNumber('--jobs', values.jobs),
        ...(values.shard === undefined ? {} : { shard: parseShard(values.shard) }),
        ...(values['shard-count'] === undefined ? {} : { shardCount: wholeNumber('--shard-count', values['shard-count']) }),
        resume: values.resume,
        report: values.report,
        filters: {
          ...(values['aligned-only'] ? { alignedOnly: true } : {}),
          ...(maxMerge === undefined ? {} : { maxMerge }),
          ...(minScore === undefined ? {} : { minScore }),
        },
        allowOutside: values['allow-outside'],
      };
    }
    case 'merge': {
      const [out, ...shards] = rest;
      if (!out || shards.length === 0) throw new UsageError('merge needs the output and the shard files: selaras merge OUT SHARD_FILE...');
      return { kind: 'merge', out, shards, format: batchFormat(out, values.format) };
    }
    case 'models': {
      const [action = 'list', name] = rest;
      if (action === 'list') return { kind: 'models-list', modelsDir: values['models-dir'] };
      if (action === 'pull') {
        if (!name) throw new UsageError('models pull needs a model name, e.g. Xenova/LaBSE');
        return {
          kind: 'models-pull',
          name,
          mirror: values.mirror,
          modelsDir: values['models-dir'],
          timeoutMs: parseTimeout(values.timeout),
        };
      }
      throw new UsageError(`unknown models action "${action}" — use list or pull`);
    }
    default:
      throw new UsageError(`unknown command "${command}" — use ${COMMAND_NAMES.join(', ')} (selaras --help)`);
  }
}
