/** `npm run bench`, the HTML report: time and size of the page for a long alignment, built in memory (no model, no
 * I/O), so the figure is the report's own cost. */
import { toHtml } from '../export/html/page.js';
import type { Alignment, Difference, Document, SentencePair } from '../types.js';
import { cpuSeconds } from './cpu.js';

/** About the longest article pair the aligner handles in a minute (see the long-pair figure). */
const PAIRS = 9000;
/** Share of pairs with a difference, about what the seed pair shows (10 of 34). */
const DIFFERENCE_EVERY = 3;
/** One omitted and one added pair in this many, as in the dev cases' `light` group (~8% of positions edited). */
const GAP_EVERY = 25;
/** Runs to take the median of: the machine is shared, single runs are noisy. */
const RUNS = 5;

function document(path: string, lang: Document['lang'], texts: readonly string[]): Document {
  let offset = 0;
  const sentences = texts.map((text) => {
    const sentence = { text, start: offset, end: offset + text.length, paragraph: 0 };
    offset += text.length + 1;
    return sentence;
  });
  return { path, lang, text: texts.join(' '), sentences };
}

function longAlignment(): Alignment {
  const source: string[] = [];
  const target: string[] = [];
  const pairs: SentencePair[] = [];
  for (let k = 0; k < PAIRS; k += 1) {
    if (k % GAP_EVERY === 0) {
      source.push(`Sentence ${k} that the other version left out, said Agence France-Presse (AFP).`);
      pairs.push({ source: [source.length - 1], target: [], status: 'omitted', score: 0.8, differences: [] });
      target.push(`Baca Juga: berita lain nomor ${k}`);
      pairs.push({ source: [], target: [target.length - 1], status: 'added', score: 0.95, differences: [] });
      continue;
    }
    source.push(`About ${k},000 people in Jakarta were evacuated on Saturday, officials said, as the river rose again.`);
    target.push(`Sekitar ${k}.000 orang di Jakarta dievakuasi pada hari Sabtu, kata pejabat, saat sungai kembali naik.`);
    const differences: Difference[] = k % DIFFERENCE_EVERY === 0 ? [{ kind: 'name', source: 'Jakarta', target: null }, { kind: 'date', source: 'Saturday', target: 'Sabtu' }] : [];
    pairs.push({ source: [source.length - 1], target: [target.length - 1], status: 'aligned', score: 0.9, differences });
  }
  return { source: document('long.en.txt', 'en', source), target: document('long.id.txt', 'id', target), model: 'bench', pairs };
}

export function benchHtml(): void {
  const alignment = longAlignment();
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let k = 0; k < RUNS; k += 1) {
    const started = performance.now();
    const startedCpu = cpuSeconds();
    bytes = Buffer.byteLength(toHtml(alignment, { generated: new Date() }));
    cpu.push(cpuSeconds() - startedCpu);
    wall.push((performance.now() - started) / 1000);
  }
  const median = (values: number[]): string => ([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0).toFixed(2);
  console.log(`html report of ${alignment.pairs.length} pairs: median of ${RUNS} ${median(wall)} s wall, ${median(cpu)} s cpu; ${(bytes / 2 ** 20).toFixed(1)} MiB`);
}
