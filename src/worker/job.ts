/**
 * One alignment job as plain data, and the one function that runs it: what a pool worker does with a job, and
 * what the pool does itself when it runs jobs on the calling thread. It calls the same pipeline as `align`.
 */
import type { AlignedBead, BeadJudge, BeadSentences } from '../align/align.js';
import type { Embedder } from '../embed/embedder.js';
import { alignFiles, alignVersions, createBeadJudge } from '../pipeline.js';
import type { Alignment, ProgressListener } from '../types.js';
import type { MultiAlignment } from '../versions.js';

export interface AlignJob {
  /** Two files (source, target), or three or more versions (the first is the pivot). */
  readonly files: readonly string[];
  /** Each input line is one sentence. */
  readonly presplit?: boolean;
  /** Model name; undefined: the bundled default; `lexical`: the model-free embedder. */
  readonly model?: string;
  /** Find the differences inside aligned pairs (default true). */
  readonly differences?: boolean;
  /** Instead of aligning: judge beads a reviewer made in an alignment of these files (the review UI's edits). */
  readonly judge?: JudgeRequest;
}

/** Beads to judge, with the documents' sentences (a resumed session's alignment may not be the files' today). */
export interface JudgeRequest {
  readonly source: readonly string[];
  readonly target: readonly string[];
  readonly sameLanguage: boolean;
  /** The status and score of each bead, or the single pairs of the one bead. */
  readonly ask: 'score' | 'split';
  readonly beads: readonly BeadSentences[];
}

/** Two files give an Alignment, three or more a MultiAlignment. */
export type JobResult =
  | { readonly kind: 'pair'; readonly alignment: Alignment }
  | { readonly kind: 'versions'; readonly multi: MultiAlignment }
  | { readonly kind: 'judged'; readonly beads: readonly AlignedBead[] };

/** The embedder for a model name, loaded once by whoever runs jobs (load progress goes to `onProgress`). */
export type EmbedderSource = (model: string | undefined, onProgress?: ProgressListener) => Promise<Embedder>;

/** The engine of the documents judged last: a reviewer's edits come one after another on the same alignment, and
 * setting the engine up (embedding every overlap, the skip price) costs as much as aligning. */
let lastJudge: { readonly key: string; readonly judge: Promise<BeadJudge> } | null = null;

function judgeFor(request: JudgeRequest, embedder: Embedder): Promise<BeadJudge> {
  const key = JSON.stringify([embedder.name, request.sameLanguage, request.source, request.target]);
  if (lastJudge?.key !== key) {
    const judge = createBeadJudge(request.source, request.target, embedder, { sameLanguage: request.sameLanguage });
    judge.catch(() => {
      if (lastJudge?.judge === judge) lastJudge = null;
    });
    lastJudge = { key, judge };
  }
  return lastJudge.judge;
}

async function runJudgeJob(request: JudgeRequest, embedder: Embedder): Promise<JobResult> {
  const judge = await judgeFor(request, embedder);
  if (request.ask === 'score') return { kind: 'judged', beads: request.beads.map((bead) => judge.score(bead)) };
  const [bead] = request.beads;
  if (bead === undefined || request.beads.length !== 1) throw new TypeError('a split takes one bead');
  return { kind: 'judged', beads: judge.split(bead) };
}

export async function runAlignJob(job: AlignJob, embedders: EmbedderSource, onProgress?: ProgressListener): Promise<JobResult> {
  if (job.files.length < 2) throw new TypeError(`an alignment job needs two or more files, got ${job.files.length}`);
  const embedder = await embedders(job.model, onProgress);
  if (job.judge !== undefined) return runJudgeJob(job.judge, embedder);
  const options = { embedder, presplit: job.presplit, differences: job.differences, onProgress };
  if (job.files.length === 2) {
    const [source, target] = job.files as [string, string];
    return { kind: 'pair', alignment: await alignFiles(source, target, options) };
  }
  return { kind: 'versions', multi: await alignVersions(job.files, options) };
}
