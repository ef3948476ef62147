import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Embedder } from '../embed/embedder.js';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../export/write-file.js';
import { isSameLanguage } from '../compare/same-language.js';
import { alignTexts } from '../pipeline.js';
import { guessLanguage } from '../text/language.js';
import { summarizeCalibration, type CalibrationSummary, type ScoredBead } from './calibration.js';
import {
  addCounts,
  emptyCounts,
  beadKey,
  formatBead,
  parseBeads,
  precisionRecall,
  parseMoves,
  scoreCase,
  scoreMoves,
  type CaseCounts,
  type GoldMove,
  type PrecisionRecall,
} from './score.js';

/** The figures of one case (`--per-case`). */
export interface CaseReport {
  readonly name: string;
  readonly group: string;
  /** Beads in the case's gold alignment. */
  readonly goldBeads: number;
  readonly metrics: Record<keyof CaseCounts, PrecisionRecall>;
}

export interface EvalReport {
  readonly model: string;
  readonly cases: number;
  readonly seconds: number;
  readonly overall: Record<keyof CaseCounts, PrecisionRecall>;
  readonly groups: Record<string, Record<keyof CaseCounts, PrecisionRecall>>;
  /** Moved passages: links of moves found against the cases' moves.json (a case without one has none). */
  readonly moves: PrecisionRecall & { readonly found: number; readonly predictedLinks: number; readonly goldLinks: number };
  /** How well the score tells right beads (an exact gold bead) from wrong ones: overall, per group, per bead kind. */
  readonly calibration: {
    readonly overall: CalibrationSummary;
    readonly groups: Record<string, CalibrationSummary>;
    readonly kinds: Record<string, CalibrationSummary>;
  };
  /** With `perCase`: every case's own figures, in case order. */
  readonly perCase?: readonly CaseReport[];
}

const METRICS = ['strict', 'links', 'omitted', 'added'] as const;
/**
 * Case names say how they were made: `ted-heavy-002` belongs to group `heavy`. The score fit's generated cases add
 * their own groups (src/calibrate/make-cases.ts).
 */
const GROUPS = ['clean', 'light', 'heavy', 'unrelated', 'different', 'version', 'tiny'] as const;
const KINDS = ['aligned', 'omitted', 'added'] as const;

/** The group a case belongs to: the first segment of its name that names one. */
export function caseGroup(name: string): string {
  const segments = name.split('-');
  return GROUPS.find((g) => segments.includes(g)) ?? 'other';
}

function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
}

function summarize(counts: CaseCounts): Record<keyof CaseCounts, PrecisionRecall> {
  return Object.fromEntries(METRICS.map((k) => [k, precisionRecall(counts[k])])) as Record<
    keyof CaseCounts,
    PrecisionRecall
  >;
}

export async function listCases(casesDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(casesDir);
  } catch {
    throw new InputError(`${casesDir}: cannot read the folder — give a folder of cases (each with en.txt, id.txt, gold.txt)`);
  }
  const cases: string[] = [];
  for (const name of entries.sort()) {
    const gold = await stat(join(casesDir, name, 'gold.txt')).catch(() => null);
    if (gold?.isFile()) cases.push(name);
  }
  if (cases.length === 0) {
    throw new InputError(`${casesDir}: no benchmark cases found — each case is a folder with en.txt, id.txt and gold.txt`);
  }
  return cases;
}

export async function runEval(
  casesDir: string,
  embedder: Embedder,
  options: { predictionsDir?: string; perCase?: boolean; onCase?: (done: number, total: number) => void } = {},
): Promise<EvalReport> {
  const cases = await listCases(casesDir);
  if (options.predictionsDir) await mkdir(options.predictionsDir, { recursive: true });
  const started = performance.now();
  let overall = emptyCounts();
  const groups = new Map<string, CaseCounts>();
  const moveLinks = { tp: 0, predicted: 0, gold: 0 };
  let movesFound = 0;
  const scored: Array<ScoredBead & { group: string; kind: string }> = [];
  const perCase: CaseReport[] = [];
  for (const [index, name] of cases.entries()) {
    const folder = join(casesDir, name);
    const [en, id, goldText] = await Promise.all(
      ['en.txt', 'id.txt', 'gold.txt'].map((file) => readFile(join(folder, file), 'utf8')),
    );
    let gold;
    try {
      gold = parseBeads(goldText!);
    } catch (error) {
      throw new InputError(`${join(folder, 'gold.txt')}: ${(error as Error).message}`);
    }
    // The same engine settings as `align` gives these two files: two of one language are versions.
    const sameLanguage = isSameLanguage({ lang: guessLanguage(en!) }, { lang: guessLanguage(id!) });
    const beads = await alignTexts(lines(en!), lines(id!), embedder, { sameLanguage });
    if (options.predictionsDir) {
      const text = beads.map((b) => formatBead(b, b.score)).join('\n');
      await writeFileAtomic(join(options.predictionsDir, `${name}.txt`), `${text}\n`);
    }
    const counts = scoreCase(beads, gold);
    overall = addCounts(overall, counts);
    const moved = scoreMoves(beads, await readMoves(folder));
    moveLinks.tp += moved.tp;
    moveLinks.predicted += moved.predicted;
    moveLinks.gold += moved.gold;
    movesFound += new Set(beads.flatMap((bead) => (bead.move ? [bead.move.index] : []))).size;
    const group = caseGroup(name);
    groups.set(group, addCounts(groups.get(group) ?? emptyCounts(), counts));
    const right = new Set(gold.map(beadKey));
    for (const bead of beads) {
      scored.push({ score: bead.score, isRight: right.has(beadKey(bead)), group, kind: bead.status });
    }
    if (options.perCase) perCase.push({ name, group, goldBeads: gold.length, metrics: summarize(counts) });
    options.onCase?.(index + 1, cases.length);
  }
  return {
    model: embedder.name,
    cases: cases.length,
    seconds: (performance.now() - started) / 1000,
    overall: summarize(overall),
    groups: Object.fromEntries([...groups].map(([g, c]) => [g, summarize(c)])),
    moves: { ...precisionRecall(moveLinks), found: movesFound, predictedLinks: moveLinks.predicted, goldLinks: moveLinks.gold },
    calibration: {
      overall: summarizeCalibration(scored),
      groups: Object.fromEntries([...groups.keys()].map((g) => [g, summarizeCalibration(scored.filter((b) => b.group === g))])),
      kinds: Object.fromEntries(KINDS.map((k) => [k, summarizeCalibration(scored.filter((b) => b.kind === k))])),
    },
    ...(options.perCase ? { perCase } : {}),
  };
}

/** A case's true moves, from its moves.json; none without one. */
async function readMoves(folder: string): Promise<GoldMove[]> {
  const path = join(folder, 'moves.json');
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  try {
    return parseMoves(text);
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}`);
  }
}

function row(label: string, metrics: Record<keyof CaseCounts, PrecisionRecall>): string {
  const cells = METRICS.map((k) => {
    const m = metrics[k];
    return `${m.precision.toFixed(3)} ${m.recall.toFixed(3)} ${m.f1.toFixed(3)}`.padEnd(19);
  });
  return `${label.padEnd(8)}${cells.join('')}`;
}

export function formatEvalReport(report: EvalReport): string {
  const header = `${''.padEnd(8)}${METRICS.map((k) => `${k} (P R F1)`.padEnd(19)).join('')}`;
  const groupRows = [...GROUPS, 'other']
    .filter((g) => report.groups[g])
    .map((g) => row(g, report.groups[g]!));
  return [
    `model: ${report.model}  cases: ${report.cases}  time: ${report.seconds.toFixed(2)} s`,
    header,
    row('all', report.overall),
    ...groupRows,
    `moves: ${report.moves.found} found; moved links P R F1 ${[report.moves.precision, report.moves.recall, report.moves.f1].map((x) => x.toFixed(3)).join(' ')}` +
      ` (${report.moves.predictedLinks} found, ${report.moves.goldLinks} in gold)`,
    ...(report.perCase ? ['', ...formatPerCase(report.perCase)] : []),
    '',
    ...formatCalibration(report.calibration),
    '',
  ].join('\n');
}

const percent = (x: number | null): string => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);

function calibrationRow(label: string, c: CalibrationSummary): string {
  return [
    label.padEnd(10),
    String(c.beads).padStart(6),
    percent(c.rightShare).padStart(8),
    (c.auroc === null ? '-' : c.auroc.toFixed(3)).padStart(7),
    c.ece.toFixed(3).padStart(7),
    percent(c.wrongScoredHigh).padStart(12),
    percent(c.rightScoredLow).padStart(11),
  ].join('');
}

function formatCalibration(calibration: EvalReport['calibration']): string[] {
  const groups = [...GROUPS, 'other'].filter((g) => calibration.groups[g]);
  return [
    'score calibration ("this bead is exactly right"; ECE over 10 bins):',
    `${''.padEnd(10)}${'beads'.padStart(6)}${'right'.padStart(8)}${'AUROC'.padStart(7)}${'ECE'.padStart(7)}${'wrong>=0.9'.padStart(12)}${'right<0.5'.padStart(11)}`,
    calibrationRow('all', calibration.overall),
    ...groups.map((g) => calibrationRow(g, calibration.groups[g]!)),
    ...KINDS.filter((k) => calibration.kinds[k]!.beads > 0).map((k) => calibrationRow(k, calibration.kinds[k]!)),
  ];
}

/** One line per case: its F1 figures and gold size, so the cases that fail stand out. */
function formatPerCase(cases: readonly CaseReport[]): string[] {
  const width = Math.max(4, ...cases.map((c) => c.name.length)) + 2;
  const f1 = (c: CaseReport) => METRICS.map((k) => c.metrics[k].f1.toFixed(3).padEnd(12)).join('');
  return [
    `${'case'.padEnd(width)}${'group'.padEnd(7)}${'beads'.padEnd(7)}${METRICS.map((k) => `${k} F1`.padEnd(12)).join('')}`.trimEnd(),
    ...cases.map((c) => `${c.name.padEnd(width)}${c.group.padEnd(7)}${String(c.goldBeads).padEnd(7)}${f1(c)}`.trimEnd()),
  ];
}
