/** What `align A B --session FILE` opens: the saved session when the inputs are what it was made of, else a fresh
 * alignment with the saved reviews carried over to the pairs whose texts did not change. */
import type { EditHistory } from '../edit/history.js';
import type { Alignment } from '../types.js';
import { carryOverReviews, hashInputs, readSession, whyNotResumable, type InputHashes } from './session.js';

export interface OpenReviewOptions {
  readonly sourcePath: string;
  readonly targetPath: string;
  readonly presplit: boolean;
  /** The session file (it may not exist yet); without one, the files are aligned. */
  readonly sessionPath?: string;
  readonly align: () => Promise<Alignment>;
}

export interface OpenedReview {
  readonly alignment: Alignment;
  /** What to tell the user about where the alignment came from. */
  readonly notice?: string;
  /** The inputs' SHA-256, taken when they were read (the session written later records them). */
  readonly hashes?: InputHashes;
  /** A resumed session's undo history. */
  readonly history?: EditHistory;
}

function reviewedCount(alignment: Alignment): number {
  return alignment.pairs.filter((pair) => pair.reviewed === true).length;
}

export async function openReview(options: OpenReviewOptions): Promise<OpenedReview> {
  const { sessionPath } = options;
  if (sessionPath === undefined) return { alignment: await options.align() };
  const [saved, hashes] = await Promise.all([readSession(sessionPath), hashInputs(options.sourcePath, options.targetPath)]);
  if (saved === null) {
    return { alignment: await options.align(), hashes, notice: `a new session: w writes it to ${sessionPath}` };
  }
  const why = whyNotResumable(saved, hashes, { presplit: options.presplit });
  if (why === null) {
    // The same content, maybe reached by another path: the paths of this command are the ones to show and open.
    const alignment: Alignment = {
      ...saved.alignment,
      source: { ...saved.alignment.source, path: options.sourcePath },
      target: { ...saved.alignment.target, path: options.targetPath },
    };
    const reviewed = reviewedCount(alignment);
    return {
      alignment,
      hashes,
      ...(saved.history === undefined ? {} : { history: saved.history }),
      notice: `resumed ${sessionPath}: ${reviewed} of ${alignment.pairs.length} pairs reviewed`,
    };
  }
  const carried = carryOverReviews(saved.alignment, await options.align());
  return {
    alignment: carried.alignment,
    hashes,
    notice: `${sessionPath}: ${why}, so the files were aligned again; ${carried.carried} of ${carried.reviewed} reviews carried over`,
  };
}
