/**
 * The differences part of `npm run bench`: how long findDifferences takes on the aligned pairs of the bench's
 * long pair, and how often it flags true translations (every flag there is a false alarm). Figures are printed,
 * never asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDifferences, measureFalseAlarms } from '../compare/index.js';
import { listCases } from '../eval/run-eval.js';
import { parseBeads, type Bead } from '../eval/score.js';

/** Sentences per side of the bench's long pair: the dev cases repeated until about this many (as src/bench.ts). */
const LONG_PAIR_SENTENCES = 9000;
/** Timed runs; the median is printed, since the machine is shared and single runs are noisy. */
const TIMED_RUNS = 5;

export interface DevCase {
  readonly name: string;
  readonly en: readonly string[];
  readonly id: readonly string[];
  readonly gold: readonly Bead[];
}

export async function readDevCases(casesDir: string): Promise<DevCase[]> {
  const cases: DevCase[] = [];
  for (const name of await listCases(casesDir)) {
    const read = (file: string) => readFileSync(join(casesDir, name, file), 'utf8').split(/\r?\n/).filter((l) => l.trim());
    cases.push({ name, en: read('en.txt'), id: read('id.txt'), gold: parseBeads(readFileSync(join(casesDir, name, 'gold.txt'), 'utf8')) });
  }
  return cases;
}

/** The gold pairs of the cases as joined texts, those with a sentence on each side. */
function alignedPairs(cases: readonly DevCase[], shape?: { source: number; target: number }) {
  const pairs: Array<{ en: string; id: string }> = [];
  for (const c of cases) {
    for (const bead of c.gold) {
      if (bead.source.length === 0 || bead.target.length === 0) continue;
      if (shape && (bead.source.length !== shape.source || bead.target.length !== shape.target)) continue;
      pairs.push({ en: bead.source.map((i) => c.en[i]!).join(' '), id: bead.target.map((j) => c.id[j]!).join(' ') });
    }
  }
  return pairs;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** CPU and wall time of findDifferences over the long pair's aligned pairs (the dev cases' gold pairs, repeated). */
function timeLongPair(cases: readonly DevCase[]): void {
  const sentences = cases.reduce((sum, c) => sum + c.en.length, 0);
  const repeat = Math.max(1, Math.round(LONG_PAIR_SENTENCES / sentences));
  const once = alignedPairs(cases);
  const pairs = Array.from({ length: repeat }, () => once).flat();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let run = 0; run < TIMED_RUNS; run++) {
    const started = performance.now();
    const before = process.cpuUsage();
    for (const pair of pairs) findDifferences(pair.en, pair.id, { sourceLang: 'en', targetLang: 'id' });
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1e6);
    wall.push((performance.now() - started) / 1000);
  }
  console.log(
    `findDifferences on the long pair's ${pairs.length} aligned pairs: ${median(cpu).toFixed(2)} s CPU, ` +
      `${median(wall).toFixed(2)} s wall (median of ${TIMED_RUNS}; ${((1e6 * median(cpu)) / pairs.length).toFixed(0)} µs a pair)`,
  );
}

/** The gold 1-1 pairs of the dev cases are true translations: every difference flagged there is a false alarm. */
function falseAlarms(cases: readonly DevCase[]): void {
  const rates = measureFalseAlarms(alignedPairs(cases, { source: 1, target: 1 }));
  const percent = (count: number) => `${((100 * count) / rates.pairs).toFixed(1)}%`;
  const kinds = Object.entries(rates.byKind).map(([kind, count]) => `${kind} ${percent(count)}`).join(', ');
  console.log(`differences flagged on ${rates.pairs} true 1-1 translations: ${percent(rates.flagged)} (${kinds})`);
}

export async function benchDifferences(casesDir: string): Promise<void> {
  const cases = await readDevCases(casesDir);
  timeLongPair(cases);
  falseAlarms(cases);
}
