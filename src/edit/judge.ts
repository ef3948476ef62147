/** What the editor asks of the engine: the status and score of beads a reviewer made, or a merge split into single
 * pairs. Asynchronous, because the engine may live on another thread (the alignment worker) or still have to load
 * its model. */
import type { ScoredBead } from '../compare/pair.js';
import type { EditPlan } from './operations.js';

export interface EditJudge {
  /** The beads that take the plan's place: one per planned bead (`score`), or the single pairs of one (`split`). */
  judge(plan: Pick<EditPlan, 'ask' | 'beads'>): Promise<readonly ScoredBead[]>;
}
