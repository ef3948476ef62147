/**
 * One alignment job as plain data, and the one function that runs it: what a pool worker does with a job, and
 * what the pool does itself when it runs jobs on the calling thread. It calls the same pipeline as `align`.
 */
import type { Embedder } from '../embed/embedder.js';
import { alignFiles, alignVersions } from '../pipeline.js';
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
}

/** Two files give an Alignment, three or more a MultiAlignment. */
export type JobResult = { readonly kind: 'pair'; readonly alignment: Alignment } | { readonly kind: 'versions'; readonly multi: MultiAlignment };

/** The embedder for a model name, loaded once by whoever runs jobs (load progress goes to `onProgress`). */
export type EmbedderSource = (model: string | undefined, onProgress?: ProgressListener) => Promise<Embedder>;

export async function runAlignJob(job: AlignJob, embedders: EmbedderSource, onProgress?: ProgressListener): Promise<JobResult> {
  if (job.files.length < 2) throw new TypeError(`an alignment job needs two or more files, got ${job.files.length}`);
  const embedder = await embedders(job.model, onProgress);
  const options = { embedder, presplit: job.presplit, differences: job.differences, onProgress };
  if (job.files.length === 2) {
    const [source, target] = job.files as [string, string];
    return { kind: 'pair', alignment: await alignFiles(source, target, options) };
  }
  return { kind: 'versions', multi: await alignVersions(job.files, options) };
}
