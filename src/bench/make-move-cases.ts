/**
 * Benchmark cases with moved passages, from the dev-raw documents (line n of a .en file translates line n of the
 * .id file): a window of consecutive lines, a few sentences dropped or unrelated ones inserted as in the dev
 * cases, and a block of 3-6 consecutive sentences of one side moved 8 or more positions. Each case comes with
 * its twin without the move, so that what moving costs the other figures can be read off. Deterministic for a
 * seed. Each case folder holds en.txt, id.txt, gold.txt (the monotone alignment: the moved sentences are omitted
 * on one side and added on the other) and, for moved cases, moves.json: the true links of each move.
 *
 *     npm run build && node dist/bench/make-move-cases.js OUT_DIR [DEV_RAW_DIR]
 *
 * writes OUT_DIR/moved/<case> and OUT_DIR/in-place/<case>.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../align/random.js';
import { formatBead, type Bead } from '../eval/score.js';

export interface GoldMove {
  readonly source: readonly number[];
  readonly target: readonly number[];
  /** The sentence pairs (source index, target index) the move keeps. */
  readonly links: ReadonlyArray<readonly [number, number]>;
}

export interface BenchCase {
  readonly name: string;
  readonly en: readonly string[];
  readonly id: readonly string[];
  readonly gold: readonly Bead[];
  readonly moves: readonly GoldMove[];
}

export interface Document {
  readonly name: string;
  readonly en: readonly string[];
  readonly id: readonly string[];
}

/** Sentences per case: about a news article. */
const WINDOW_MIN = 30;
const WINDOW_MAX = 50;
/** The moved block and how far it moves (the definition of a moved passage). */
const BLOCK_MIN = 3;
const BLOCK_MAX = 6;
const MIN_DISTANCE = 8;
/** Edits besides the move, as in the dev cases' light group (about 8% of positions). */
const EDIT_SHARE = 0.08;

type Random = () => number;

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** One line of a side: its text, and the index of the line of the other side it translates (or none). */
interface Line {
  readonly text: string;
  /** Position of the counterpart in the window, or -1 for an inserted line. */
  readonly origin: number;
}

/** The gold beads of two sides given as lines with origins: pairs in order, unmatched lines as 1-0 / 0-1. */
function goldBeads(en: readonly Line[], id: readonly Line[], moved: ReadonlySet<number>): Bead[] {
  const beads: Bead[] = [];
  const targetOf = new Map<number, number>();
  id.forEach((line, j) => {
    if (line.origin >= 0 && !moved.has(line.origin)) targetOf.set(line.origin, j);
  });
  let j = 0;
  en.forEach((line, i) => {
    const partner = line.origin >= 0 && !moved.has(line.origin) ? targetOf.get(line.origin) : undefined;
    if (partner === undefined) {
      beads.push({ source: [i], target: [] });
      return;
    }
    for (; j < partner; j++) beads.push({ source: [], target: [j] });
    beads.push({ source: [i], target: [partner] });
    j = partner + 1;
  });
  for (; j < id.length; j++) beads.push({ source: [], target: [j] });
  return beads;
}

/** Drops and inserts a few lines of one side (the inserted ones from another document: unrelated). */
function edit(lines: Line[], random: Random, unrelated: readonly string[]): Line[] {
  const out = [...lines];
  const edits = Math.max(1, Math.round(EDIT_SHARE * lines.length));
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(random() * out.length);
    if (random() < 0.5 && out.length > WINDOW_MIN / 2) out.splice(at, 1);
    else out.splice(at, 0, { text: unrelated[Math.floor(random() * unrelated.length)]!, origin: -1 });
  }
  return out;
}

/** Moves a block of `count` lines at `from` to stand before the line now at `to` (in the list without the block). */
function moveBlock(lines: readonly Line[], from: number, count: number, to: number): Line[] {
  const block = lines.slice(from, from + count);
  const rest = [...lines.slice(0, from), ...lines.slice(from + count)];
  return [...rest.slice(0, to), ...block, ...rest.slice(to)];
}

/** A pair of cases, with and without a move, from a window of one document. */
function makeCase(document: Document, others: readonly Document[], random: Random, index: number): { moved: BenchCase; inPlace: BenchCase } | undefined {
  const size = between(random, WINDOW_MIN, WINDOW_MAX);
  if (document.en.length < size) return undefined;
  const first = Math.floor(random() * (document.en.length - size));
  const window = Array.from({ length: size }, (_, k) => first + k).filter((k) => document.en[k]!.trim() && document.id[k]!.trim());
  const unrelated = others.flatMap((other) => other.en.slice(0, 200)).filter((line) => line.trim());
  const unrelatedId = others.flatMap((other) => other.id.slice(0, 200)).filter((line) => line.trim());
  let en: Line[] = window.map((k, position) => ({ text: document.en[k]!.trim(), origin: position }));
  let id: Line[] = window.map((k, position) => ({ text: document.id[k]!.trim(), origin: position }));
  en = edit(en, random, unrelated);
  id = edit(id, random, unrelatedId);
  const name = `${document.name}-${String(index).padStart(3, '0')}`;
  const inPlace: BenchCase = { name, en: en.map((l) => l.text), id: id.map((l) => l.text), gold: goldBeads(en, id, new Set()), moves: [] };
  // The moved block: consecutive lines of one side that all translate lines of the other side.
  const moveEnglish = random() < 0.5;
  const side = moveEnglish ? en : id;
  const count = between(random, BLOCK_MIN, BLOCK_MAX);
  const kept = new Set((moveEnglish ? id : en).map((line) => line.origin));
  const starts = side
    .map((_, k) => k)
    .filter((k) => k + count <= side.length && side.slice(k, k + count).every((line) => line.origin >= 0 && kept.has(line.origin)));
  const from = starts[Math.floor(random() * starts.length)];
  if (from === undefined) return undefined;
  const destinations = Array.from({ length: side.length - count + 1 }, (_, k) => k).filter((to) => Math.abs(to - from) >= MIN_DISTANCE);
  const to = destinations[Math.floor(random() * destinations.length)];
  if (to === undefined) return undefined;
  const movedSide = moveBlock(side, from, count, to);
  if (moveEnglish) en = movedSide;
  else id = movedSide;
  const moved = new Set(side.slice(from, from + count).map((line) => line.origin));
  const links: Array<readonly [number, number]> = [];
  en.forEach((line, i) => {
    if (!moved.has(line.origin)) return;
    const j = id.findIndex((other) => other.origin === line.origin);
    if (j >= 0) links.push([i, j]);
  });
  const move: GoldMove = { source: links.map(([i]) => i).sort((a, b) => a - b), target: links.map(([, j]) => j).sort((a, b) => a - b), links };
  return {
    moved: { name, en: en.map((l) => l.text), id: id.map((l) => l.text), gold: goldBeads(en, id, moved), moves: [move] },
    inPlace,
  };
}

/** `count` pairs of cases (moved, in place), spread over the documents in turn. */
export function makeMoveCases(documents: readonly Document[], options: { readonly seed: number; readonly count: number }): Array<{ moved: BenchCase; inPlace: BenchCase }> {
  const random = seededRandom(options.seed);
  const cases: Array<{ moved: BenchCase; inPlace: BenchCase }> = [];
  for (let attempt = 0; cases.length < options.count && attempt < options.count * 10; attempt++) {
    const document = documents[attempt % documents.length]!;
    const made = makeCase(document, documents.filter((other) => other !== document), random, cases.filter((c) => c.moved.name.startsWith(document.name)).length);
    if (made) cases.push(made);
  }
  return cases;
}

/** The dev-raw documents: each .en file with its .id file. */
export function readDocuments(devRawDir: string): Document[] {
  return readdirSync(devRawDir)
    .filter((name) => name.endsWith('.en'))
    .sort()
    .map((name) => ({
      name: name.replace(/\.en$/, ''),
      en: readFileSync(join(devRawDir, name), 'utf8').split(/\r?\n/),
      id: readFileSync(join(devRawDir, name.replace(/\.en$/, '.id')), 'utf8').split(/\r?\n/),
    }));
}

export async function writeCase(folder: string, benchCase: BenchCase): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'en.txt'), `${benchCase.en.join('\n')}\n`);
  await writeFile(join(folder, 'id.txt'), `${benchCase.id.join('\n')}\n`);
  await writeFile(join(folder, 'gold.txt'), `${benchCase.gold.map((bead) => formatBead(bead)).join('\n')}\n`);
  if (benchCase.moves.length > 0) await writeFile(join(folder, 'moves.json'), `${JSON.stringify(benchCase.moves)}\n`);
}

/** Cases written by the command and by `npm run bench`; the seed is fixed so that figures compare across runs. */
export const MOVE_CASES = { seed: 5, count: 40 } as const;

export async function writeMoveCases(outDir: string, devRawDir: string): Promise<{ moved: string; inPlace: string }> {
  const folders = { moved: join(outDir, 'moved'), inPlace: join(outDir, 'in-place') };
  for (const pair of makeMoveCases(readDocuments(devRawDir), MOVE_CASES)) {
    await writeCase(join(folders.moved, pair.moved.name), pair.moved);
    await writeCase(join(folders.inPlace, pair.inPlace.name), pair.inPlace);
  }
  return folders;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outDir, devRawDir = '../shared/corpora/dev-raw'] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: node dist/bench/make-move-cases.js OUT_DIR [DEV_RAW_DIR]');
    process.exitCode = 2;
  } else {
    const folders = await writeMoveCases(resolve(outDir), resolve(devRawDir));
    console.log(`wrote ${MOVE_CASES.count} cases to ${folders.moved} and their twins to ${folders.inPlace}`);
  }
}
