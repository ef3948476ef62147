/**
 * Benchmark cases generated from parallel documents (../shared/corpora/dev-raw), deterministically from a seed, for
 * fitting and checking the score (fit-score.ts). The kinds the dev benchmark has, made the way its notes describe
 * (clean; light and heavy: about 8% and 25% of positions edited by dropping a sentence on one side, inserting an
 * unrelated one, some as "Baca Juga: ..." lines, merging two adjacent sentences), and the kinds it lacks: two windows
 * of a text that only partly overlap ('overlap'), a translation of a stretch of the other document ('excerpt', as a
 * rewrite that keeps a few paragraphs of a wire story), two unrelated documents aligned against each other, two
 * different articles in one language, an edited version in one language, and documents of one to three sentences,
 * where the chance normaliser of the costs has nothing to sample.
 *
 * All sentences of a case come from one raw document (a `domain`), so a split by domain keeps training and test
 * sentences apart. `node dist/calibrate/make-cases.js OUT_DIR [RAW_DIR]` writes them in the benchmark format.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { seededRandom } from '../align/random.js';
import { formatBead, type Bead } from '../eval/score.js';

export interface RawDocument {
  /** The file name without its language extension: `bppt-eco`, `ted-tst2013`. */
  readonly domain: string;
  readonly en: readonly string[];
  readonly id: readonly string[];
}

export interface GeneratedCase {
  /** `gen-DOMAIN-GROUP-NNN`: the group is a name segment, as in the dev benchmark. */
  readonly name: string;
  readonly domain: string;
  readonly group: CaseGroup;
  /** Written as en.txt / id.txt, whatever their language (a same-language case has English or Indonesian in both). */
  readonly source: readonly string[];
  readonly target: readonly string[];
  readonly gold: readonly Bead[];
}

export const CASE_GROUPS = ['clean', 'light', 'heavy', 'overlap', 'excerpt', 'unrelated', 'different', 'version', 'tiny'] as const;
export type CaseGroup = (typeof CASE_GROUPS)[number];

/** Cases per group and raw document; the tiny ones are cheap and come in many shapes. */
const CASES_PER_GROUP: Record<CaseGroup, number> = {
  clean: 3,
  light: 8,
  heavy: 8,
  overlap: 4,
  excerpt: 4,
  unrelated: 4,
  different: 4,
  version: 6,
  tiny: 40,
};
/** Window lengths of the dev benchmark's cases: 20 to 56 sentences. */
const MIN_WINDOW = 20;
const MAX_WINDOW = 56;
/** Share of positions edited, as the design notes give for the dev benchmark's light and heavy cases. */
const EDIT_RATE = { light: 0.08, heavy: 0.25 } as const;
/**
 * Relative frequency of each edit, from the dev benchmark's gold beads (heavy: 96 omitted, 53 added, 30 2-1 and 24
 * 1-2 beads): omissions come from sentences dropped on the target side and unrelated ones inserted on the source side.
 */
const EDIT_WEIGHTS = [
  ['drop-target', 0.3],
  ['insert-source', 0.15],
  ['drop-source', 0.1],
  ['insert-target', 0.2],
  ['merge-target', 0.15],
  ['merge-source', 0.1],
] as const;
type Edit = (typeof EDIT_WEIGHTS)[number][0];
/** Share of inserted target sentences labelled as a related-article link, as news sites do. */
const LINK_SHARE = 0.3;
/** Sentences this far apart in a raw document belong to different articles (BPPT) or talks (TED). */
const FAR_APART = 150;
/** Share of sentences reworded in an edited same-language version. */
const REWORD_RATE = 0.5;

/** Word swaps an editor makes, both ways, per language. */
const REWORDINGS: Record<'en' | 'id', readonly (readonly [string, string])[]> = {
  en: [
    ['said', 'stated'],
    ['but', 'however'],
    ['big', 'large'],
    ['also', 'too'],
    ['people', 'persons'],
    ['government', 'administration'],
    ['about', 'around'],
    ['show', 'indicate'],
    ['help', 'assist'],
    ['start', 'begin'],
    ['very', 'really'],
    ['many', 'numerous'],
  ],
  id: [
    ['mengatakan', 'menyatakan'],
    ['tetapi', 'namun'],
    ['besar', 'luas'],
    ['juga', 'pula'],
    ['orang', 'warga'],
    ['pemerintah', 'otoritas'],
    ['sekitar', 'kira-kira'],
    ['menunjukkan', 'memperlihatkan'],
    ['membantu', 'menolong'],
    ['mulai', 'memulai'],
    ['sangat', 'amat'],
    ['banyak', 'sejumlah'],
  ],
};

type Random = () => number;

const integer = (next: Random, lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));

function pick<T>(next: Random, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = next() * total;
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/** A start for a window of `length` lines in a document of `size` lines, at least FAR_APART from `awayFrom`. */
function windowStart(next: Random, size: number, length: number, awayFrom?: number): number {
  for (let attempt = 0; attempt < 100; attempt++) {
    const start = integer(next, 0, Math.max(0, size - length));
    if (awayFrom === undefined || Math.abs(start - awayFrom) >= FAR_APART + length) return start;
  }
  // A document too short for two distant windows: the far end of it.
  return awayFrom !== undefined && awayFrom < size / 2 ? Math.max(0, size - length) : 0;
}

/** One sentence reworded: a word swapped for its synonym, a word dropped, or a trailing clause cut. */
function reword(next: Random, sentence: string, lang: 'en' | 'id'): string {
  const words = sentence.split(' ');
  const choice = next();
  if (choice < 0.5) {
    for (const [a, b] of REWORDINGS[lang]) {
      const k = words.indexOf(a);
      if (k >= 0) return [...words.slice(0, k), b, ...words.slice(k + 1)].join(' ');
      const l = words.indexOf(b);
      if (l >= 0) return [...words.slice(0, l), a, ...words.slice(l + 1)].join(' ');
    }
  }
  if (choice < 0.8 && words.length > 6) {
    const k = integer(next, 1, words.length - 2);
    return [...words.slice(0, k), ...words.slice(k + 1)].join(' ');
  }
  const comma = sentence.lastIndexOf(', ');
  return comma > sentence.length * 0.6 ? `${sentence.slice(0, comma)}.` : sentence;
}

interface Sides {
  readonly source: readonly string[];
  readonly target: readonly string[];
}

/**
 * A window of a parallel text with edits at `rate` of its positions; `far` draws an unrelated sentence for a side.
 * Returns both sides and the gold beads the edits imply.
 */
function editedWindow(
  next: Random,
  pairs: Sides,
  start: number,
  length: number,
  rate: number,
  far: (side: 'source' | 'target') => string,
): { source: string[]; target: string[]; gold: Bead[] } {
  const source: string[] = [];
  const target: string[] = [];
  const gold: Bead[] = [];
  const end = Math.min(pairs.source.length, start + length);
  const one = (s: string | null, t: string | null): void => {
    const bead: Bead = {
      source: s === null ? [] : [source.push(s) - 1],
      target: t === null ? [] : [target.push(t) - 1],
    };
    gold.push(bead);
  };
  for (let k = start; k < end; ) {
    const edit: Edit | null = next() < rate ? pick(next, EDIT_WEIGHTS) : null;
    const s = pairs.source[k]!;
    const t = pairs.target[k]!;
    const canMerge = k + 1 < end;
    if (edit === 'drop-target') {
      one(s, null);
      k++;
    } else if (edit === 'drop-source') {
      one(null, t);
      k++;
    } else if (edit === 'insert-source') {
      one(far('source'), null);
    } else if (edit === 'insert-target') {
      const line = far('target');
      one(null, next() < LINK_SHARE ? `Baca Juga: ${line}` : line);
    } else if (edit === 'merge-target' && canMerge) {
      const first = source.push(s) - 1;
      source.push(pairs.source[k + 1]!);
      gold.push({ source: [first, first + 1], target: [target.push(`${t} ${pairs.target[k + 1]!}`) - 1] });
      k += 2;
    } else if (edit === 'merge-source' && canMerge) {
      const first = target.push(t) - 1;
      target.push(pairs.target[k + 1]!);
      gold.push({ source: [source.push(`${s} ${pairs.source[k + 1]!}`) - 1], target: [first, first + 1] });
      k += 2;
    } else {
      one(s, t);
      k++;
    }
  }
  return { source, target, gold };
}

const unpairedGold = (sourceCount: number, targetCount: number): Bead[] => [
  ...Array.from({ length: sourceCount }, (_, i) => ({ source: [i], target: [] })),
  ...Array.from({ length: targetCount }, (_, j) => ({ source: [], target: [j] })),
];

function casesOf(doc: RawDocument, next: Random): GeneratedCase[] {
  const size = Math.min(doc.en.length, doc.id.length);
  const translation: Sides = { source: doc.en, target: doc.id };
  const cases: GeneratedCase[] = [];
  const add = (group: CaseGroup, sides: { source: readonly string[]; target: readonly string[]; gold: readonly Bead[] }): void => {
    const number = cases.filter((c) => c.group === group).length;
    cases.push({ name: `gen-${doc.domain}-${group}-${String(number).padStart(3, '0')}`, domain: doc.domain, group, ...sides });
  };
  const farLine = (lines: readonly string[], from: number, length: number) => (): string =>
    lines[(from + length + FAR_APART + integer(next, 0, Math.max(0, size - 2 * FAR_APART))) % size]!;
  for (const group of CASE_GROUPS) {
    for (let c = 0; c < CASES_PER_GROUP[group]; c++) {
      const length = integer(next, MIN_WINDOW, MAX_WINDOW);
      const start = windowStart(next, size, length);
      if (group === 'clean' || group === 'light' || group === 'heavy') {
        const rate = group === 'clean' ? 0 : EDIT_RATE[group];
        const far = { source: farLine(doc.en, start, length), target: farLine(doc.id, start, length) };
        add(group, editedWindow(next, translation, start, length, rate, (side) => far[side]()));
      } else if (group === 'overlap') {
        // The English window, and the Indonesian of a window shifted by 30-70% of it: the ends of each unpaired.
        const shift = Math.max(1, Math.round(length * (0.3 + 0.4 * next())));
        const source = doc.en.slice(start, start + length);
        const target = doc.id.slice(start + shift, Math.min(size, start + length + shift));
        const gold: Bead[] = [];
        for (let i = 0; i < source.length; i++) gold.push({ source: [i], target: i < shift ? [] : [i - shift] });
        for (let j = source.length - shift; j < target.length; j++) gold.push({ source: [], target: [j] });
        add(group, { source, target, gold });
      } else if (group === 'excerpt') {
        // One side translates a stretch of 20-60% of the other, which goes on before and after it.
        const part = Math.max(2, Math.round(length * (0.2 + 0.4 * next())));
        const from = start + integer(next, 0, length - part);
        const isSourceWhole = c % 2 === 0;
        const whole = (isSourceWhole ? doc.en : doc.id).slice(start, start + length);
        const piece = (isSourceWhole ? doc.id : doc.en).slice(from, from + part);
        const gold: Bead[] = whole.map((_, k) => {
          const other = start + k >= from && start + k < from + part ? [start + k - from] : [];
          return isSourceWhole ? { source: [k], target: other } : { source: other, target: [k] };
        });
        add(group, isSourceWhole ? { source: whole, target: piece, gold } : { source: piece, target: whole, gold });
      } else if (group === 'unrelated' || group === 'different') {
        // 'unrelated': English against Indonesian of another article; 'different': two articles in one language.
        const other = windowStart(next, size, length, start);
        const otherLength = integer(next, MIN_WINDOW, MAX_WINDOW);
        const lang = group === 'unrelated' ? null : c % 2 === 0 ? doc.en : doc.id;
        const source = (lang ?? doc.en).slice(start, start + length);
        const target = (lang ?? doc.id).slice(other, other + otherLength);
        add(group, { source, target, gold: unpairedGold(source.length, target.length) });
      } else if (group === 'version') {
        // The same article in one language, edited: sentences reworded, dropped, inserted and merged.
        const lang = c % 2 === 0 ? 'en' : 'id';
        const lines = doc[lang];
        const reworded = lines.map((line) => (next() < REWORD_RATE ? reword(next, line, lang) : line));
        const far = farLine(lines, start, length);
        add(group, editedWindow(next, { source: lines, target: reworded }, start, length, c % 4 < 2 ? EDIT_RATE.light : EDIT_RATE.heavy, far));
      } else {
        add(group, tinyCase(next, doc, size, c));
      }
    }
  }
  return cases;
}

/** One to three sentences a side: a translation, an unrelated pair, or one of each, in turn. */
function tinyCase(next: Random, doc: RawDocument, size: number, c: number): Pick<GeneratedCase, 'source' | 'target' | 'gold'> {
  const count = 1 + (c % 3);
  const start = windowStart(next, size, count);
  const source = doc.en.slice(start, start + count);
  const other = windowStart(next, size, count, start);
  switch (Math.floor(c / 3) % 4) {
    case 0:
      return { source, target: doc.id.slice(start, start + count), gold: source.map((_, k) => ({ source: [k], target: [k] })) };
    case 1: {
      const target = doc.id.slice(other, other + count);
      return { source, target, gold: unpairedGold(source.length, target.length) };
    }
    case 2: {
      // The first sentence translated, the rest of the target from another article.
      const target = [doc.id[start]!, ...doc.id.slice(other, other + count - 1)];
      const gold: Bead[] = [{ source: [0], target: [0] }];
      for (let k = 1; k < count; k++) gold.push({ source: [k], target: [] });
      for (let k = 1; k < count; k++) gold.push({ source: [], target: [k] });
      return { source, target, gold };
    }
    default: {
      // Two different English sentences (same-language, unrelated), or the same one reworded.
      const isSame = c % 2 === 0;
      const target = isSame ? source.map((line) => reword(next, line, 'en')) : doc.en.slice(other, other + count);
      return {
        source,
        target,
        gold: isSame ? source.map((_, k) => ({ source: [k], target: [k] })) : unpairedGold(source.length, target.length),
      };
    }
  }
}

/** The default seed: any fixed number; changing it makes different (equally valid) cases. */
export const CASES_SEED = 20240801;

export function makeCases(docs: readonly RawDocument[], seed = CASES_SEED): GeneratedCase[] {
  return docs.flatMap((doc, k) => casesOf(doc, seededRandom(seed + k)));
}

/** The parallel documents of a folder: each NAME.en with its NAME.id, line n translating line n. */
export async function readRawDocuments(dir: string): Promise<RawDocument[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.en')).sort();
  const read = async (file: string) => (await readFile(join(dir, file), 'utf8')).split(/\r?\n/).map((l) => l.trim());
  const docs: RawDocument[] = [];
  for (const name of names) {
    const stem = name.slice(0, -'.en'.length);
    const [en, id] = await Promise.all([read(name), read(`${stem}.id`)]);
    // Keep line n with line n: drop a pair only when one of its sides is empty.
    const keep = en.map((line, k) => line !== '' && (id[k] ?? '') !== '');
    docs.push({ domain: domainOf(stem), en: en.filter((_, k) => keep[k]), id: id.filter((_, k) => keep[k]) });
  }
  return docs;
}

/** `ted-tst2013` and the dev case `ted-light-003` share the domain `ted`; `bppt-eco-heavy-001` is `bppt-eco`. */
export function domainOf(name: string): string {
  const base = name.replace(/^gen-/, '');
  const parts = base.split('-');
  const group = parts.findIndex((p) => (CASE_GROUPS as readonly string[]).includes(p));
  const domain = (group >= 0 ? parts.slice(0, group) : parts).join('-');
  return domain.replace(/-tst\d+$/, '');
}

export async function writeCases(cases: readonly GeneratedCase[], outDir: string): Promise<void> {
  for (const c of cases) {
    const folder = join(outDir, c.name);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'en.txt'), `${c.source.join('\n')}\n`);
    await writeFile(join(folder, 'id.txt'), `${c.target.join('\n')}\n`);
    await writeFile(join(folder, 'gold.txt'), `${c.gold.map((b) => formatBead(b)).join('\n')}\n`);
  }
}

/** The raw documents beside a clone of this repository. */
export const DEFAULT_RAW_DIR = '../shared/corpora/dev-raw';

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outDir, rawDir = DEFAULT_RAW_DIR] = process.argv.slice(2);
  if (!outDir) {
    process.stderr.write('usage: node dist/calibrate/make-cases.js OUT_DIR [RAW_DIR]\n');
    process.exitCode = 2;
  } else {
    const cases = makeCases(await readRawDocuments(resolve(rawDir)));
    await writeCases(cases, resolve(outDir));
    process.stdout.write(`${cases.length} cases written to ${outDir}\n`);
  }
}
