/**
 * False-alarm rate of the difference finders on pairs known to be true translations: every flag there is one
 * a reviewer would have to dismiss.
 */
import type { Difference, DifferenceKind } from '../types.js';
import { DIFFERENCE_KINDS } from './kinds.js';
import { findDifferences, type CompareOptions } from './find-differences.js';

export interface FalseAlarmRates {
  readonly pairs: number;
  /** Pairs with at least one difference of any kind. */
  readonly flagged: number;
  /** Pairs with at least one difference of each kind. */
  readonly byKind: Record<DifferenceKind, number>;
  /** The kinds found on each pair, in input order: for rates of several kinds together. */
  readonly kinds: ReadonlyArray<ReadonlySet<DifferenceKind>>;
  /** The differences found on each pair, in input order: for checking them against a reviewer's verdicts. */
  readonly differences: ReadonlyArray<readonly Difference[]>;
}

export function measureFalseAlarms(
  pairs: ReadonlyArray<{ readonly en: string; readonly id: string }>,
  options: CompareOptions = { sourceLang: 'en', targetLang: 'id' },
): FalseAlarmRates {
  const byKind = Object.fromEntries(DIFFERENCE_KINDS.map((kind) => [kind, 0])) as Record<DifferenceKind, number>;
  let flagged = 0;
  const kinds: Array<Set<DifferenceKind>> = [];
  const found: Difference[][] = [];
  for (const pair of pairs) {
    const differences = findDifferences(pair.en, pair.id, options);
    found.push(differences);
    if (differences.length > 0) flagged++;
    const pairKinds = new Set(differences.map((difference) => difference.kind));
    for (const kind of pairKinds) byKind[kind]++;
    kinds.push(pairKinds);
  }
  return { pairs: pairs.length, flagged, byKind, kinds, differences: found };
}
