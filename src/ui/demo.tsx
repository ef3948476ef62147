#!/usr/bin/env node
/** Opens the review UI on a saved alignment (the JSON of `selaras align --format json`, with each document's
 * `text`), without running the pipeline: `node dist/ui/demo.js ALIGNMENT.json [--out FILE]`.
 * Used by the end-to-end test in a real terminal, and handy for working on the UI. */
import { readFile, writeFile } from 'node:fs/promises';
import { formatOfPath, writeAlignment } from '../export/formats.js';
import type { Alignment, ProgressEvent } from '../types.js';
import { runTui, type LoadedReview } from './run-tui.js';

class DemoUsageError extends Error {}

/** Short fake embedding progress, so the progress screen shows as it would with a model. */
const DEMO_PROGRESS_STEPS = 5;
const DEMO_STEP_MS = 40;

function parseArgs(argv: readonly string[]): { readonly file: string; readonly out: string | undefined } {
  const outIndex = argv.indexOf('--out');
  const out = outIndex === -1 ? undefined : argv[outIndex + 1];
  const rest = argv.filter((_, index) => outIndex === -1 || (index !== outIndex && index !== outIndex + 1));
  const file = rest[0];
  if (file === undefined || (outIndex !== -1 && out === undefined)) {
    throw new DemoUsageError('usage: node dist/ui/demo.js ALIGNMENT.json [--out FILE.csv]');
  }
  return { file, out };
}

async function readAlignment(file: string): Promise<Alignment> {
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  const candidate = parsed as Partial<Alignment> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    !Array.isArray(candidate.pairs) ||
    typeof candidate.source?.text !== 'string' ||
    typeof candidate.target?.text !== 'string'
  ) {
    throw new DemoUsageError(`${file} is not an alignment with document texts (source.text, target.text, pairs)`);
  }
  return candidate as Alignment;
}

async function main(): Promise<number> {
  const { file, out } = parseArgs(process.argv.slice(2));
  // A file that cannot be read ends on the review UI's error screen, as a failed alignment would.
  const alignment = await readAlignment(file).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  const load = async (onProgress: (event: ProgressEvent) => void): Promise<LoadedReview> => {
    if (alignment instanceof Error) throw alignment;
    const total = alignment.source.sentences.length + alignment.target.sentences.length;
    for (let step = 1; step <= DEMO_PROGRESS_STEPS; step += 1) {
      onProgress({ stage: 'embed', done: Math.round((total * step) / DEMO_PROGRESS_STEPS), total });
      await new Promise((resolve) => setTimeout(resolve, DEMO_STEP_MS));
    }
    return { alignment };
  };
  return runTui({
    sourcePath: alignment instanceof Error ? file : alignment.source.path,
    targetPath: alignment instanceof Error ? file : alignment.target.path,
    load,
    // The format of the file's extension, as `selaras align` does.
    exportAlignment: async (edited, outPath) => {
      const written = await writeAlignment(edited, formatOfPath(outPath) ?? 'csv');
      await writeFile(outPath, written.text, 'utf8');
      return written.warnings;
    },
    ...(out === undefined ? {} : { exportPath: out }),
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof DemoUsageError ? 2 : 1;
  },
);
