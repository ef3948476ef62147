/** Command-line parsing, separate from running: argv in, a command object out (or a UsageError). */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export const FORMATS = ['tui', 'text', 'json', 'csv', 'tmx', 'vecalign'] as const;
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
    }
  | {
      readonly kind: 'batch';
      readonly input: string;
      readonly out: string;
      readonly model?: string;
      readonly presplit: boolean;
      readonly bom: boolean;
    }
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
  selaras align SOURCE TARGET [--format tui|text|json|csv|tmx|vecalign] [--out FILE] [--presplit] [--model NAME] [--bom]
  selaras align PIVOT VERSION VERSION... [--format text|json|csv] [--out FILE]   (three or more versions)
  selaras batch DIR|MANIFEST --out FILE.csv [--model NAME] [--presplit] [--bom]
  selaras eval CASES_DIR [--model NAME] [--predictions OUT_DIR] [--json]
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
  -h, --help   this help;  -v, --version  the version

Exit codes: 0 success, 1 a failure (bad input, an output that cannot be written, a failing batch pair), 2 wrong
usage (--out naming an input too), 141 the reader of the output went away (\`| head\`).`;

const EXTENSION_FORMAT: Record<string, Format> = {
  '.json': 'json',
  '.csv': 'csv',
  '.tmx': 'tmx',
  '.txt': 'text',
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
      return { kind: 'eval', casesDir: rest[0]!, model: values.model, predictions: values.predictions, json: values.json };
    }
    case 'batch': {
      if (rest.length !== 1) throw new UsageError('batch needs one folder or manifest: selaras batch DIR --out FILE.csv');
      if (!values.out) throw new UsageError('batch needs --out FILE.csv');
      return {
        kind: 'batch',
        input: rest[0]!,
        out: values.out,
        model: values.model,
        presplit: values.presplit,
        bom: values.bom,
      };
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
      throw new UsageError(`unknown command "${command}" — use align, batch, eval or models (selaras --help)`);
  }
}
