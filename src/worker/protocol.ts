/** Messages between the pool and its workers: plain data, copied by structured clone. */
import type { ProgressEvent } from '../types.js';
import type { SerializedError } from './errors.js';
import type { AlignJob, JobResult } from './job.js';

/** workerData of a new worker. */
export interface WorkerSetup {
  /** Load this model as soon as the worker starts, before the first job arrives. */
  readonly preload?: { readonly model?: string };
}

export interface ToWorker {
  readonly id: number;
  readonly job: AlignJob;
}

export type ToPool =
  | { readonly type: 'progress'; readonly id: number; readonly event: ProgressEvent }
  | { readonly type: 'done'; readonly id: number; readonly result: JobResult }
  | { readonly type: 'error'; readonly id: number; readonly error: SerializedError };
