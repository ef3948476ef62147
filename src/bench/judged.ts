/**
 * A reviewer's verdicts on the differences benchmark, read from bench/judged/ (see its README.md): the dev-raw pairs
 * the benchmark calls untouched are real translations, and some of what the finders flag there is really missing
 * or changed on the other side; and some planted clause deletions take away a clause the other side never had.
 * With the verdicts the bench prints, beside the raw figures, the false alarms counted as false alarms and the
 * planted phrases found among those that left something to find. Pure but for reading the files.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Difference, DifferenceKind } from '../types.js';

/** A flag on an untouched pair: the content is really absent or changed on the other side, or it is not. */
export type FlagVerdict = 'real' | 'false' | 'unsure';
/** Whether the side a planted deletion did not edit expresses the deleted clause. */
export type PlantVerdict = 'yes' | 'partly' | 'no';

const FLAG_VERDICTS: readonly string[] = ['real', 'false', 'unsure'];
const PLANT_VERDICTS: readonly string[] = ['yes', 'partly', 'no'];

const flagKey = (where: string, kind: string, en: string | null, id: string | null): string => JSON.stringify([where, kind, en, id]);
const plantKey = (pair: number, clause: string): string => JSON.stringify([pair, clause]);

/** The records of a JSON-lines file; a line that is no object `check` accepts is an error naming the file and line. */
function readLines(path: string, check: (record: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, k) => [line.trim(), k + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, number]) => {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        record = undefined;
      }
      if (typeof record !== 'object' || record === null || !check(record as Record<string, unknown>)) {
        throw new Error(`${path}:${number}: not a verdict record`);
      }
      return record as Record<string, unknown>;
    });
}

const isText = (value: unknown): boolean => value === null || typeof value === 'string';

/** The verdict on one flag of the pair at `where`, if it was judged. */
export function flagVerdictOf(verdicts: ReadonlyMap<string, FlagVerdict>, where: string, flag: Difference): FlagVerdict | undefined {
  return verdicts.get(flagKey(where, flag.kind, flag.source, flag.target));
}

/** The flag verdicts of a file, by flag; an empty map when there is no file. */
export function readFlagVerdicts(path: string): Map<string, FlagVerdict> {
  const verdicts = new Map<string, FlagVerdict>();
  if (!existsSync(path)) return verdicts;
  const valid = (r: Record<string, unknown>) =>
    typeof r['where'] === 'string' && typeof r['kind'] === 'string' && isText(r['en']) && isText(r['id']) && FLAG_VERDICTS.includes(r['verdict'] as string);
  for (const r of readLines(path, valid)) verdicts.set(flagKey(r['where'] as string, r['kind'] as string, r['en'] as string | null, r['id'] as string | null), r['verdict'] as FlagVerdict);
  return verdicts;
}

/** The plant verdicts of a file, by plant; an empty map when there is no file. */
export function readPlantVerdicts(path: string): Map<string, PlantVerdict> {
  const verdicts = new Map<string, PlantVerdict>();
  if (!existsSync(path)) return verdicts;
  const valid = (r: Record<string, unknown>) => Number.isInteger(r['pair']) && typeof r['clause'] === 'string' && PLANT_VERDICTS.includes(r['verdict'] as string);
  for (const r of readLines(path, valid)) verdicts.set(plantKey(r['pair'] as number, r['clause'] as string), r['verdict'] as PlantVerdict);
  return verdicts;
}

export interface JudgedFalseAlarms {
  readonly pairs: number;
  /** Pairs with a flag (of the kinds asked for). */
  readonly flagged: number;
  /** Flagged pairs all of whose flags were judged real: they point at a real difference. */
  readonly allReal: number;
  /** Flagged pairs with a flag judged false or unsure, or never judged: the false alarms. */
  readonly falseAlarms: number;
  /** Flags no verdict covers (counted as false alarms): a finder changed since the verdicts were made. */
  readonly unjudged: number;
}

/**
 * The untouched pairs' false alarms by the verdicts: a pair is one when any of its flags is not judged real. A flag
 * without a verdict counts against the finder, so a change that adds flags cannot look better than it is.
 */
export function judgeFalseAlarms(
  wheres: readonly string[],
  differences: ReadonlyArray<readonly Difference[]>,
  verdicts: ReadonlyMap<string, FlagVerdict>,
  kinds?: readonly DifferenceKind[],
): JudgedFalseAlarms {
  let flagged = 0;
  let allReal = 0;
  let unjudged = 0;
  differences.forEach((found, k) => {
    const flags = kinds ? found.filter((difference) => kinds.includes(difference.kind)) : found;
    if (flags.length === 0) return;
    flagged++;
    let real = true;
    for (const flag of flags) {
      const verdict = flagVerdictOf(verdicts, wheres[k]!, flag);
      if (verdict === undefined) unjudged++;
      if (verdict !== 'real') real = false;
    }
    if (real) allReal++;
  });
  return { pairs: differences.length, flagged, allReal, falseAlarms: flagged - allReal, unjudged };
}

/**
 * Whether a planted clause deletion left something to find: the reviewer did not find the clause's content on the
 * other side ('no') for those that did not. An unjudged plant counts, so a change of the planter cannot drop plants
 * it finds hard.
 */
export function leavesSomethingToFind(verdicts: ReadonlyMap<string, PlantVerdict>, pair: number, clause: string): boolean {
  return verdicts.get(plantKey(pair, clause)) !== 'no';
}
