/** Batch mode: many article pairs, one CSV. A failing pair is reported and the others are still exported. */
import { parse } from 'csv-parse/sync';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Embedder } from './embed/embedder.js';
import { InputError } from './errors.js';
import { csvRows, formatCsv } from './export/csv.js';
import { writeFileAtomic } from './export/write-file.js';
import { alignFiles } from './pipeline.js';

export interface BatchPair {
  /** Shown in the CSV's pair column and in reports. */
  readonly name: string;
  readonly source: string;
  readonly target: string;
}

export interface BatchFailure {
  readonly pair: string;
  readonly message: string;
}

export interface BatchResult {
  readonly pairs: number;
  readonly rows: number;
  readonly failures: readonly BatchFailure[];
  /** Files in the folder that found no partner. */
  readonly unpaired: readonly string[];
}

/** `report.en.txt` + `report.id.html`: name, language, extension. */
const PAIRED_FILE = /^(.+)\.(en|id)\.[^.]+$/;

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

/** Pairs found by file name in a folder and its subfolders. */
export async function findPairsInFolder(dir: string): Promise<{ pairs: BatchPair[]; unpaired: string[] }> {
  const groups = new Map<string, { en?: string; id?: string }>();
  const unpaired: string[] = [];
  for (const path of await walk(dir)) {
    const match = PAIRED_FILE.exec(basename(path));
    if (!match) continue;
    const key = join(relative(dir, dirname(path)), match[1]!);
    const group = groups.get(key) ?? {};
    const lang = match[2] as 'en' | 'id';
    if (group[lang]) unpaired.push(path);
    else group[lang] = path;
    groups.set(key, group);
  }
  const pairs: BatchPair[] = [];
  for (const [name, group] of groups) {
    if (group.en && group.id) pairs.push({ name, source: group.en, target: group.id });
    else unpaired.push((group.en ?? group.id)!);
  }
  return { pairs, unpaired };
}

/** Pairs listed in a manifest CSV with a `source,target` header; paths relative to the manifest. */
export async function readManifest(path: string): Promise<BatchPair[]> {
  const text = await readFile(path, 'utf8');
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new InputError(`${path}: not a readable CSV (${(error as Error).message}) — write a header "source,target" and one pair per line`);
  }
  if (records.length === 0 || !('source' in records[0]!) || !('target' in records[0]!)) {
    throw new InputError(`${path}: the manifest needs a header "source,target" and at least one pair`);
  }
  const base = dirname(path);
  return records.map((record, index) => ({
    name: record['name'] || `${index + 1}: ${record['source']}`,
    source: resolve(base, record['source']!),
    target: resolve(base, record['target']!),
  }));
}

export async function findBatchPairs(input: string): Promise<{ pairs: BatchPair[]; unpaired: string[] }> {
  const info = await stat(input).catch(() => null);
  if (!info) throw new InputError(`${input}: no such file or folder — give a folder of name.en.txt/name.id.txt files or a manifest CSV`);
  if (info.isDirectory()) {
    const found = await findPairsInFolder(input);
    if (found.pairs.length === 0) {
      throw new InputError(`${input}: no pairs found — name files like story.en.txt and story.id.txt, or give a manifest CSV`);
    }
    return found;
  }
  return { pairs: await readManifest(input), unpaired: [] };
}

export interface BatchOptions {
  readonly out: string;
  readonly embedder: Embedder;
  readonly presplit?: boolean;
  readonly bom?: boolean;
  readonly onPair?: (done: number, total: number, pair: BatchPair, error?: Error) => void;
}

export async function runBatch(input: string, options: BatchOptions): Promise<BatchResult> {
  const { pairs, unpaired } = await findBatchPairs(input);
  const rows: string[][] = [];
  const failures: BatchFailure[] = [];
  for (const [index, pair] of pairs.entries()) {
    try {
      const alignment = await alignFiles(pair.source, pair.target, {
        embedder: options.embedder,
        presplit: options.presplit,
      });
      rows.push(...csvRows(alignment, pair.name));
      options.onPair?.(index + 1, pairs.length, pair);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ pair: pair.name, message });
      options.onPair?.(index + 1, pairs.length, pair, error instanceof Error ? error : new Error(message));
    }
  }
  await writeFileAtomic(options.out, formatCsv(rows, { bom: options.bom }));
  return { pairs: pairs.length, rows: rows.length, failures, unpaired };
}
