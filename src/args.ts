/** Command-line parsing, separate from running: argv in, a command object out (or a UsageError). */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { BATCH_FORMATS, batchFormatFor, type BatchFormat } from './batch/format-names.js';
import type { PairFilters } from './batch/filters.js';
import { parseShard, type Shard } from './batch/shard.js';
import { UsageError } from './errors.js';

export const FORMATS = ['tui', 'text', 'json', 'jsonl', 'csv', 'tmx', 'vecalign', 'moses', 'html'] as const;
export type Format = (typeof FORMATS)[number];

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
  | { readonly kind: 'help'; readonly topic?: string }
  | { readonly kind: 'version' };

export const USAGE = `selaras — align an article with its translation (or another version), sentence by sentence

Usage:
  selaras align SOURCE TARGET [--format tui|text|json|jsonl|csv|tmx|vecalign|moses|html] [--out FILE] [--presplit] [--model NAME] [--bom]
  selaras align PIVOT VERSION VERSION... [--format text|json|csv|html] [--out FILE]   (three or more versions)
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
  --timeout S  models pull: give up after S seconds without data (default 30)
  --jobs N     batch: pairs aligned at once, one worker thread each (default: the number of cores)
  --resume     batch: continue an interrupted run from OUT.partial and OUT.journal
  --shard K/N  batch: only shard K (0-based) of N; default from SLURM_ARRAY_TASK_ID/COUNT, or
               JOB_COMPLETION_INDEX with --shard-count N
  --min-score S, --aligned-only, --max-merge N   batch: which sentence pairs to write
  -h, --help   this help;  -v, --version  the version

Exit codes: 0 success, 1 a failure (bad input, an output that cannot be written, a failing batch pair), 2 wrong
usage (--out naming an input too), 141 the reader of the output went away (\`| head\`).`;

const EXTENSION_FORMAT: Record<string, Format> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.csv': 'csv',
  '.tmx': 'tmx',
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
};

function parseFormat(value: string | undefined, out: string | undefined): Format | undefined {
  if (value === undefined) {
    const extension = out?.match(/\.[^./\\]+$/)?.[0]?.toLowerCase();
    return extension ? EXTENSION_FORMAT[extension] : undefined;
  }
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`unknown format "${value}" — use one of ${FORMATS.join(', ')}`);
  }
  return value as Format;
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
  if (values.help || command === undefined || command === 'help') return { kind: 'help', topic: rest[0] };
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
      throw new UsageError(`unknown command "${command}" — use align, batch, merge, eval or models (selaras --help)`);
  }
}
