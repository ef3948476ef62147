/** Messages between an alignment and its helper thread (helper.ts, helper-worker.ts): plain data. */
import type { GramJob } from '../align/similarity.js';
import type { AdditiveParts } from '../embed/embedder.js';

/** workerData of the helper: the model it loads at once, the same as the alignment's. */
export interface HelperSetup {
  readonly model: string;
}

export type HelperRequest =
  | { readonly kind: 'embed'; readonly id: number; readonly texts: readonly string[] }
  /** Take chunks of the job from `control` (shared with the alignment, as is job.gram) until none is left. */
  | { readonly kind: 'gram'; readonly job: GramJob; readonly control: Int32Array };

export type HelperReply =
  | { readonly kind: 'embedded'; readonly id: number; readonly parts: AdditiveParts }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };
