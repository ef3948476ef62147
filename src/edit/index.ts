/** The alignment editor's core: edits as data, undo and redo, and the reviewer's operations. Pure, no UI. */
export { applyEdit, applyToAlignment, contractViolation, dissolvingMoves, invertEdit, moveViolation, StaleEditError, type PairEdit } from './edit.js';
export type { EditJudge } from './judge.js';
export { EMPTY_HISTORY, hasUnsavedEdits, markSaved, recordEdit, redoEdit, undoEdit, type EditHistory } from './history.js';
export {
  editFromJudged,
  JudgedBeadsError,
  markReviewed,
  planJoin,
  planLink,
  planSplit,
  planUnlink,
  setNote,
  toggleReviewed,
  type EditKind,
  type EditPlan,
  type Planned,
} from './operations.js';
