/** Cognate skeletons (src/text/cognate.ts) of folded words, memoised for the finders that compare spellings. */
import { skeleton } from '../text/cognate.js';

/** Skeletons of words seen before: the same few thousand words recur across the pairs of a document. */
const SKELETONS = new Map<string, string>();
/** Enough for the vocabulary of a long document pair; past it the memo starts again. */
const SKELETON_MEMO_SIZE = 50_000;

export function skeletonOf(folded: string): string {
  let found = SKELETONS.get(folded);
  if (found === undefined) {
    if (SKELETONS.size >= SKELETON_MEMO_SIZE) SKELETONS.clear();
    found = skeleton(folded);
    SKELETONS.set(folded, found);
  }
  return found;
}

