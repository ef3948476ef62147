/** Command-line parsing, separate from running: argv in, a command object out (or a UsageError). */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { EXPORT_FORMAT_NAMES, extensionOf, formatOfPath, isExportFormat, knownExtensions, type ExportFormatName } from './export/formats.js';

export const FORMATS = ['tui', ...EXPORT_FORMAT_NAMES] as const;
export type Format = 'tui' | ExportFormatName;

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
      readonly format: ExportFormatName;
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
  /** `isMistake`: no command was given, so the help goes to standard error with exit code 2. */
  | { readonly kind: 'help'; readonly topic?: CommandName; readonly isMistake?: boolean }
  | { readonly kind: 'version' };

export const USAGE = `selaras — align an article with its translation (or another version), sentence by sentence

Usage:
  selaras align SOURCE TARGET [--format tui|text|json|csv|tmx|vecalign] [--out FILE] [--presplit] [--model NAME] [--bom]
                [--session FILE.json]
  selaras align PIVOT VERSION VERSION... [--format text|json|csv] [--out FILE]   (three or more versions)
  selaras export SESSION.json [--format text|json|csv|tmx|vecalign] [--out FILE] [--reviewed-only] [--bom]
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
  --session F  align: review in the UI, w writes F, the same command later resumes it
  --reviewed-only  export: only the pairs marked reviewed
  --timeout S  models pull: give up after S seconds without data (default 30)
  -h, --help   this help (selaras COMMAND --help: that command's);  -v, --version  the version

Exit codes: 0 success, 1 a failure (bad input, an output that cannot be written, a failing batch pair), 2 wrong
usage (--out naming an input too), 141 the reader of the output went away (\`| head\`).`;

export const COMMAND_NAMES = ['align', 'export', 'batch', 'eval', 'models'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** `selaras COMMAND --help`: each command's own page. */
export const COMMAND_HELP: Readonly<Record<CommandName, string>> = {
  align: `selaras align SOURCE TARGET [VERSION...] — align the sentences of two files (or three or more versions)

  On a terminal it opens the review UI; otherwise it prints --format (default text). With --out FILE the format
  follows FILE's extension (${knownExtensions()}) unless --format says otherwise.

  --format F        tui, ${EXPORT_FORMAT_NAMES.join(', ')} (three or more versions: text, json, csv)
  --out FILE        write there instead of standard output; with --format tui, where the UI's e exports
  --session F.json  review in the UI: w writes the session (the JSON contract plus edited, reviewed and note per
                    pair, and the SHA-256 of each input); the same command resumes it while the inputs are unchanged
  --presplit        each input line is already one sentence
  --model NAME      the bundled model (default), lexical (model-free), or one pulled with selaras models pull
  --bom             spreadsheet CSV: a byte-order mark, and formula cells neutralised

  Pair and sentence numbers are 0-based, in the UI and in every format.`,
  export: `selaras export SESSION.json [--format F] [--out FILE] [--reviewed-only] [--bom] — convert a saved session

  Writes the session's alignment, with the reviewer's edits and notes, without realigning. The format is --format,
  else --out's extension (${knownExtensions()}), else text.

  --format F        ${EXPORT_FORMAT_NAMES.join(', ')}
  --out FILE        write there instead of standard output
  --reviewed-only   only the pairs marked reviewed (with tmx: a translation memory of checked pairs)
  --bom             spreadsheet CSV: a byte-order mark, and formula cells neutralised`,
  batch: `selaras batch DIR|MANIFEST --out FILE.csv [--model NAME] [--presplit] [--bom] — align many pairs into one CSV

  DIR: pairs found by name (story.en.txt + story.id.html, in subfolders too). MANIFEST: a CSV with the header
  "source,target", paths relative to it. A pair that fails is reported and the others are still written (exit 1).`,
  eval: `selaras eval CASES_DIR [--model NAME] [--predictions OUT_DIR] [--json] — score alignments against gold

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

function parseExportFormat(value: string | undefined, out: string | undefined): ExportFormatName {
  if (value !== undefined) {
    if (!isExportFormat(value)) throw new UsageError(`unknown format "${value}" — export writes ${EXPORT_FORMAT_NAMES.join(', ')}`);
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
      throw new UsageError(`unknown command "${command}" — use ${COMMAND_NAMES.join(', ')} (selaras --help)`);
  }
}
