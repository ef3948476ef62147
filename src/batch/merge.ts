/**
 * `selaras merge OUT SHARD_FILE...`: the shard outputs of one batch joined into the file one unsharded run writes.
 * Every batch output is sorted by pair name, so this is a streaming k-way merge of the shards' per-pair units
 * (memory stays flat); headers must agree, and a pair found in two shards is an error.
 */
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { InputError, UsageError } from '../errors.js';
import { CSV_COLUMNS, formatCsv } from '../export/csv.js';
import { MOSES_SUFFIXES } from '../export/moses.js';
import { streamFormat, type BatchFormat } from './formats.js';
import { checkOutputPath, openOutput, type OutputWriter } from '../export/output-file.js';
import { comparePairNames } from './pairs.js';

/** One article pair's text in a shard, one string per output file. */
interface Unit {
  readonly name: string;
  readonly texts: readonly string[];
}

interface ShardReader {
  /** The text before the first unit, one string per file (must be the same in every shard). */
  readonly header: readonly string[];
  readonly units: AsyncIterator<Unit>;
}

const UTF8_BOM = '\uFEFF';

function notAShard(path: string, what: string): InputError {
  return new InputError(`${path}: ${what} — give the files that selaras batch wrote for each shard`);
}

async function* lines(path: string): AsyncGenerator<string> {
  const reader = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of reader) yield line;
}

async function startsWithBom(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(3), 0, 3, 0);
    return bytesRead === 3 && buffer.toString('utf8') === UTF8_BOM;
  } finally {
    await handle.close();
  }
}

/** Consecutive items with one name become one unit. */
async function* grouped(items: AsyncIterable<{ name: string; text: readonly string[] }>, files: number): AsyncGenerator<Unit> {
  let current: { name: string; texts: string[] } | undefined;
  for await (const item of items) {
    if (current && current.name === item.name) {
      item.text.forEach((text, k) => (current!.texts[k] += text));
      continue;
    }
    if (current) yield current;
    current = { name: item.name, texts: Array.from({ length: files }, (_, k) => item.text[k] ?? '') };
  }
  if (current) yield current;
}

async function csvReader(path: string): Promise<ShardReader> {
  const bom = await startsWithBom(path);
  const records = createReadStream(path).pipe(parse({ bom: true, relax_quotes: false }))[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await records.next();
  if (first.done || first.value.join(',') !== CSV_COLUMNS.join(',')) throw notAShard(path, 'does not start with the CSV header of selaras batch');
  async function* rows(): AsyncGenerator<{ name: string; text: string[] }> {
    for (let next = await records.next(); !next.done; next = await records.next()) {
      yield { name: next.value[0] ?? '', text: [formatCsv([next.value], { header: false })] };
    }
  }
  return { header: [formatCsv([], { bom })], units: grouped(rows(), 1) };
}

async function jsonlReader(path: string): Promise<ShardReader> {
  async function* items(): AsyncGenerator<{ name: string; text: string[] }> {
    let number = 0;
    for await (const line of lines(path)) {
      number++;
      if (line === '') continue;
      let name: unknown;
      try {
        name = (JSON.parse(line) as { name?: unknown }).name;
      } catch {
        name = undefined;
      }
      if (typeof name !== 'string') throw notAShard(path, `line ${number} is not a JSON object with a "name"`);
      yield { name, text: [`${line}\n`] };
    }
  }
  return { header: [''], units: grouped(items(), 1) };
}

const TU_START = '    <tu>';
const TU_END = '    </tu>';
const TMX_PAIR = /^ {6}<prop type="x-pair">(.*)<\/prop>$/;

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
}

async function tmxReader(path: string): Promise<ShardReader> {
  const source = lines(path);
  let header = '';
  for (let next = await source.next(); ; next = await source.next()) {
    if (next.done) throw notAShard(path, 'is not a TMX file of selaras batch (no <body>)');
    header += `${next.value}\n`;
    if (next.value === '  <body>') break;
  }
  async function* items(): AsyncGenerator<{ name: string; text: string[] }> {
    let unit: string[] | undefined;
    let name: string | undefined;
    for await (const line of source) {
      if (line === TU_START) {
        unit = [line];
        name = undefined;
        continue;
      }
      if (!unit) continue; // the footer
      unit.push(line);
      const pair = TMX_PAIR.exec(line);
      if (pair && name === undefined) name = unescapeXml(pair[1]!);
      if (line === TU_END) {
        if (name === undefined) throw notAShard(path, 'has a translation unit without an x-pair property');
        yield { name, text: [`${unit.join('\n')}\n`] };
        unit = undefined;
      }
    }
  }
  return { header: [header], units: grouped(items(), 1) };
}

/** A moses shard is named by its prefix (OUT of --out OUT) or by any one of its files. */
function mosesPrefix(path: string): string {
  const suffix = MOSES_SUFFIXES.find((s) => path.endsWith(s));
  return suffix ? path.slice(0, -suffix.length) : path;
}

async function mosesReader(prefix: string): Promise<ShardReader> {
  const [en, id, ids] = MOSES_SUFFIXES.map((suffix) => lines(prefix + suffix));
  async function* items(): AsyncGenerator<{ name: string; text: string[] }> {
    for (let where = await ids!.next(); !where.done; where = await ids!.next()) {
      const [left, right] = [await en!.next(), await id!.next()];
      if (left.done || right.done) throw notAShard(prefix, `${prefix}.en, .id and .ids have different numbers of lines`);
      yield { name: where.value.split('\t')[0] ?? '', text: [`${left.value}\n`, `${right.value}\n`, `${where.value}\n`] };
    }
  }
  return { header: ['', '', ''], units: grouped(items(), 3) };
}

function reader(format: BatchFormat, path: string): Promise<ShardReader> {
  switch (format) {
    case 'csv':
      return csvReader(path);
    case 'jsonl':
      return jsonlReader(path);
    case 'tmx':
      return tmxReader(path);
    case 'moses':
      return mosesReader(path);
  }
}

async function realOrSelf(path: string): Promise<string> {
  return realpath(path).catch(() => path);
}

export async function mergeShards(out: string, shardPaths: readonly string[], formatName: BatchFormat): Promise<{ pairs: number }> {
  const format = streamFormat(formatName);
  const shards = formatName === 'moses' ? shardPaths.map(mosesPrefix) : [...shardPaths];
  const shardFiles = shards.flatMap((shard) => (format.files(shard).length === 1 ? [shard] : format.files(shard)));
  const outFiles = new Set(await Promise.all(format.files(out).map(realOrSelf)));
  for (const file of shardFiles) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new InputError(`${file}: no such shard file — give the files that selaras batch wrote for each shard`);
    if (outFiles.has(await realOrSelf(file))) throw new UsageError(`${file} is both a shard and the merge output — write the merge to a new file`);
  }
  for (const file of format.files(out)) await checkOutputPath(file, shardFiles);
  const readers = await Promise.all(shards.map((shard) => reader(formatName, shard)));
  const header = readers[0]!.header;
  readers.forEach((r, k) => {
    if (r.header.join('\0') !== header.join('\0')) {
      throw new InputError(`${shards[k]}: its header differs from ${shards[0]}'s — merge shards of one batch, run with the same options`);
    }
  });
  const outputs: OutputWriter[] = [];
  let pairs = 0;
  try {
    for (const file of format.files(out)) outputs.push(await openOutput(file, { durable: true }));
    for (const [k, text] of header.entries()) await outputs[k]!.write(text);
    const heads = await Promise.all(readers.map((r) => r.units.next()));
    const previous: (string | undefined)[] = shards.map(() => undefined);
    for (;;) {
      let best = -1;
      heads.forEach((head, k) => {
        if (head.done) return;
        const name = head.value.name;
        const last = previous[k];
        if (last !== undefined && comparePairNames(name, last) <= 0) {
          throw notAShard(shards[k]!, `pair "${name}" comes after "${last}" (not sorted by pair name, or edited)`);
        }
        const bestHead = best < 0 ? undefined : heads[best]!;
        if (bestHead && !bestHead.done) {
          const order = comparePairNames(name, bestHead.value.name);
          if (order === 0) throw new InputError(`pair "${name}" is in both ${shards[best]} and ${shards[k]} — merge the shards of one --shard K/N run`);
          if (order > 0) return;
        }
        best = k;
      });
      if (best < 0) break;
      const unit = heads[best]!.value as Unit;
      previous[best] = unit.name;
      for (const [k, text] of unit.texts.entries()) if (text) await outputs[k]!.write(text);
      pairs++;
      heads[best] = await readers[best]!.units.next();
    }
    for (const [k, text] of format.footer().entries()) if (text) await outputs[k]!.write(text);
    for (const output of outputs) await output.commit();
  } catch (error) {
    for (const output of outputs) await output.abort();
    throw error;
  }
  return { pairs };
}
