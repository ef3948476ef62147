/** What the status column and its one-character marker say about a pair, as a table read top down (the first rule
 * that applies wins). The list, the help's legend and the README's markers all come from it; a new status (a moved
 * passage, say) is one more rule. Every marker reads without colour. */
import { isLowConfidence } from '../../review.js';
import type { SentencePair } from '../../types.js';
import type { Tone } from '../shared/layout.js';

export interface RowStatus {
  readonly id: string;
  readonly applies: (pair: SentencePair) => boolean;
  readonly marker: string;
  readonly tone: Tone;
  /** The legend of the `?` screen. */
  readonly meaning: string;
}

export const ROW_STATUSES: readonly RowStatus[] = [
  // Before omitted and added: a moved sentence is both, but it has a counterpart, elsewhere (m jumps to it).
  { id: 'moved', applies: (pair) => pair.move !== undefined, marker: '~', tone: 'heading', meaning: 'moved: its counterpart stands elsewhere (m jumps to it)' },
  { id: 'omitted', applies: (pair) => pair.status === 'omitted', marker: '-', tone: 'omitted', meaning: 'omitted (only in the source)' },
  { id: 'added', applies: (pair) => pair.status === 'added', marker: '+', tone: 'added', meaning: 'added (only in the target)' },
  { id: 'low', applies: isLowConfidence, marker: '?', tone: 'warning', meaning: 'low score (below 0.5: the aligner doubts the pair)' },
  { id: 'differences', applies: (pair) => pair.differences.length > 0, marker: '*', tone: 'warning', meaning: 'differences inside the pair' },
  { id: 'aligned', applies: () => true, marker: '=', tone: 'aligned', meaning: 'aligned' },
];

const ALIGNED = ROW_STATUSES[ROW_STATUSES.length - 1]!;

export function rowStatus(pair: SentencePair): RowStatus {
  return ROW_STATUSES.find((status) => status.applies(pair)) ?? ALIGNED;
}

/** The marks after the status marker: ✓ reviewed, ✎ changed by the reviewer. */
export const REVIEWED_MARK = '✓';
export const EDITED_MARK = '✎';

export function reviewMarks(pair: SentencePair): string {
  return `${pair.reviewed === true ? REVIEWED_MARK : ' '}${pair.edited === true ? EDITED_MARK : ' '}`;
}
