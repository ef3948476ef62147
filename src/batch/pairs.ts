/**
 * The article pairs of a batch: found by name in a folder (story.en.txt + story.id.html), or listed in a manifest
 * CSV. Either way they come back sorted by name, the order every batch output is written in (and shards merged in).
 */
import { parse } from 'csv-parse/sync';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { decodeText } from '../text/read-document.js';

export interface BatchPair {
  /** Unique within a batch; the CSV's pair column, JSON Lines' "name", and the key outputs are sorted by. */
  readonly name: string;
  readonly source: string;
  readonly target: string;
}

export interface FoundPairs {
  /** Sorted by name (comparePairNames). */
  readonly pairs: readonly BatchPair[];
  /** Files in the folder that found no partner. */
  readonly unpaired: readonly string[];
  /** The pairs come from a manifest (their files may lie anywhere it allows), not from one folder. */
  readonly isManifest: boolean;
}

/** The one order of pair names: UTF-16 code units, the same on every machine and locale. */
export function comparePairNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedByName(pairs: BatchPair[]): BatchPair[] {
  return pairs.sort((a, b) => comparePairNames(a.name, b.name));
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

/** Pairs found by file name in a folder and its subfolders; the name is the path without language and extension. */
export async function findPairsInFolder(dir: string): Promise<FoundPairs> {
  const groups = new Map<string, { en?: string; id?: string }>();
  const unpaired: string[] = [];
  for (const path of await walk(dir)) {
    const match = PAIRED_FILE.exec(basename(path));
    if (!match) continue;
    // Forward slashes on every system, so a name (and the shard it falls in) does not depend on the platform.
    const key = join(relative(dir, dirname(path)), match[1]!).split(sep).join('/');
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
  return { pairs: sortedByName(pairs), unpaired, isManifest: false };
}

export interface ManifestOptions {
  /** Accept paths that lead out of the manifest's folder (`../x`, `/abs/x`). */
  readonly allowOutside?: boolean;
}

const FIX_MANIFEST = 'write a header "source,target" (and optionally "name") and one pair per line';

interface ManifestRecord {
  readonly record: Record<string, string>;
  readonly info: { readonly lines: number };
}

function parseManifest(path: string, text: string): ManifestRecord[] {
  try {
    return parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, info: true });
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, ' ');
    throw new InputError(`${path}: not a readable CSV (${reason}) — ${FIX_MANIFEST}`);
  }
}

/**
 * Pairs listed in a manifest CSV with a `source,target` header (and optionally `name`; else the source cell is
 * the name), paths relative to the manifest. A manifest says which files to read, so one from someone else must
 * not reach outside its folder: such paths are refused unless `allowOutside`.
 */
export async function readManifest(path: string, options: ManifestOptions = {}): Promise<BatchPair[]> {
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`${path}: cannot be read (${error.code ?? error.message}) — check the manifest's path`);
  });
  if (bytes.length === 0) throw new InputError(`${path}: the manifest is empty — ${FIX_MANIFEST}`);
  const records = parseManifest(path, decodeText(path, bytes));
  const first = records[0]?.record;
  if (!first || !('source' in first) || !('target' in first)) {
    throw new InputError(`${path}: the manifest needs a header "source,target" and at least one pair — ${FIX_MANIFEST}`);
  }
  const base = resolve(dirname(path));
  const byFiles = new Map<string, number>();
  const byName = new Map<string, number>();
  const pairs: BatchPair[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const where = `${path}: line ${line}`;
    for (const column of ['source', 'target'] as const) {
      if (!record[column]) throw new InputError(`${where}: the ${column} cell is empty — give a source and a target path on every line`);
      const full = resolve(base, record[column]);
      const inside = relative(base, full);
      if (!options.allowOutside && (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))) {
        throw new InputError(
          `${where}: ${record[column]} is outside the manifest's folder — move the file into ${base}, or pass --allow-outside if you trust this manifest`,
        );
      }
    }
    const source = resolve(base, record['source']!);
    const target = resolve(base, record['target']!);
    const files = `${source}\0${target}`;
    const repeated = byFiles.get(files);
    if (repeated !== undefined) throw new InputError(`${where}: repeats line ${repeated} (the same source and target) — remove one of them`);
    byFiles.set(files, line);
    const name = record['name'] || record['source']!;
    const named = byName.get(name);
    if (named !== undefined) {
      throw new InputError(`${where}: the pair name "${name}" is also on line ${named} — give every pair its own name (a "name" column)`);
    }
    byName.set(name, line);
    pairs.push({ name, source, target });
  }
  return sortedByName(pairs);
}

export async function findBatchPairs(input: string, options: ManifestOptions = {}): Promise<FoundPairs> {
  const info = await stat(input).catch(() => null);
  if (!info) throw new InputError(`${input}: no such file or folder — give a folder of name.en.txt/name.id.txt files or a manifest CSV`);
  if (info.isDirectory()) {
    const found = await findPairsInFolder(input);
    if (found.pairs.length === 0) {
      throw new InputError(`${input}: no pairs found — name files like story.en.txt and story.id.txt, or give a manifest CSV`);
    }
    return found;
  }
  return { pairs: await readManifest(input, options), unpaired: [], isManifest: true };
}
