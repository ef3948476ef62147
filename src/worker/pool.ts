/**
 * A pool of alignment workers (worker_threads). Each worker loads a model once and then runs the shared pipeline
 * (read -> split -> embed -> align -> compare, as `align` does) on one job at a time, so a batch uses every core
 * and the terminal UI never freezes while a document is aligned.
 *
 *   const pool = new AlignmentPool({ size: 2, preload: { model: 'lexical' } });
 *   const alignment = await pool.align({ files: [en, id], model: 'lexical' }, { onProgress });
 *   const multi = await pool.alignVersions({ files: [pivot, a, b] });
 *   const result = await pool.run(job);     // { kind: 'pair', alignment } | { kind: 'versions', multi }
 *   await pool.close();                     // after the jobs given so far; or
 *   await pool.terminate();                 // now: workers stop at once, unfinished jobs reject (PoolTerminatedError)
 *
 * - A job is plain data (AlignJob: files, presplit, model, differences); the result is the plain-data Alignment or
 *   MultiAlignment, copied by structured clone.
 * - `onProgress` receives the pipeline's ProgressEvents (model load, embedding, alignment) of that job.
 * - A job's error rejects its promise as the same class with the same message (InputError, ModelFolderError, ...;
 *   see errors.ts), so callers map errors to exit codes as for work done on their own thread. A worker that dies
 *   (out of memory, a crash) rejects its job with an Error that says so and is replaced for the next job.
 * - Workers start when jobs need them, up to `size` (default: the number of cores), unless `preload` starts them
 *   all at once, loading that model ahead of the first job. Idle workers do not keep the process alive.
 * - `size: 0` runs jobs on the calling thread, one at a time: no thread start-up, and `embedder` may be a ready
 *   Embedder object (which cannot cross to a thread). `terminate()` then stops only jobs that have not started.
 * - Workers run the compiled worker (dist/worker/align-worker.js), also when this module runs as TypeScript
 *   under vitest: `npm test` builds dist/ first.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Embedder } from '../embed/embedder.js';
import type { Alignment, ProgressListener } from '../types.js';
import type { MultiAlignment } from '../versions.js';
import { reviveError } from './errors.js';
import type { AlignJob, EmbedderSource, JobResult } from './job.js';
import type { ToPool, ToWorker, WorkerSetup } from './protocol.js';

export type { AlignJob, JobResult } from './job.js';

export interface PoolOptions {
  /** Worker threads (default: the number of cores); 0 runs jobs on the calling thread. */
  readonly size?: number;
  /** Start every worker now and load this model (undefined: the bundled one) before the first job. */
  readonly preload?: { readonly model?: string };
  /** With `size: 0` only: the embedder every job uses, whatever its `model`. */
  readonly embedder?: Embedder;
}

export interface RunOptions {
  readonly onProgress?: ProgressListener;
}

/** What a job's promise rejects with once the pool was terminated before the job finished. */
export class PoolTerminatedError extends Error {
  override readonly name = 'PoolTerminatedError';
  constructor() {
    super('the alignment was stopped');
  }
}

interface Task {
  readonly id: number;
  readonly job: AlignJob;
  readonly onProgress?: ProgressListener;
  readonly resolve: (result: JobResult) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  task?: Task;
}

/** Where the compiled worker is: beside this file in dist/, or in dist/ when this file runs as TypeScript. */
function workerEntry(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/worker/align-worker.js', here) : new URL('./align-worker.js', here);
}

export class AlignmentPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly pending = new Set<Task>();
  /** One promise per job given and not yet settled, for close(). */
  private readonly unsettled = new Set<Promise<void>>();
  private nextId = 0;
  private isClosed = false;
  private isTerminated = false;
  /** size 0: jobs run here, one after another. */
  private inlineChain: Promise<unknown> = Promise.resolve();
  private readonly inlineEmbedders = new Map<string, Promise<Embedder>>();

  constructor(private readonly options: PoolOptions = {}) {
    const size = options.size ?? availableParallelism();
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`pool size must be a whole number >= 0, got ${size}`);
    if (options.embedder && size > 0) throw new TypeError('an Embedder object cannot cross to a worker thread: use size 0 or a model name');
    this.size = size;
    if (options.preload && size > 0) while (this.slots.length < size) this.spawn();
  }

  /** Run one job; two files resolve to `{ kind: 'pair' }`, three or more to `{ kind: 'versions' }`. */
  run(job: AlignJob, options: RunOptions = {}): Promise<JobResult> {
    if (this.isClosed || this.isTerminated) return Promise.reject(new PoolTerminatedError());
    const promise = new Promise<JobResult>((resolve, reject) => {
      const task: Task = { id: this.nextId++, job, ...options, resolve, reject };
      this.pending.add(task);
      if (this.size === 0) this.runInline(task);
      else {
        this.queue.push(task);
        this.dispatch();
      }
    });
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.unsettled.add(settled);
    void settled.then(() => this.unsettled.delete(settled));
    return promise;
  }

  async align(job: AlignJob & { readonly files: readonly [string, string] }, options: RunOptions = {}): Promise<Alignment> {
    const result = await this.run(job, options);
    if (result.kind !== 'pair') throw new TypeError('align() takes two files; use alignVersions() for three or more');
    return result.alignment;
  }

  async alignVersions(job: AlignJob, options: RunOptions = {}): Promise<MultiAlignment> {
    const result = await this.run(job, options);
    if (result.kind !== 'versions') throw new TypeError('alignVersions() takes three or more files; use align() for two');
    return result.multi;
  }

  /** Jobs in flight or waiting. */
  get load(): number {
    return this.pending.size;
  }

  /** Let the jobs given so far finish, then end the workers. */
  async close(): Promise<void> {
    this.isClosed = true;
    await Promise.all([...this.unsettled]);
    await this.stopWorkers();
  }

  /** Stop now: every worker ends at once and every unfinished job rejects with PoolTerminatedError. */
  async terminate(): Promise<void> {
    this.isTerminated = true;
    this.queue.length = 0;
    for (const task of this.pending) task.reject(new PoolTerminatedError());
    this.pending.clear();
    await this.stopWorkers();
  }

  private settle(task: Task, outcome: { result: JobResult } | { error: Error }): void {
    if (!this.pending.delete(task)) return; // terminated meanwhile: already rejected
    if ('result' in outcome) task.resolve(outcome.result);
    else task.reject(outcome.error);
  }

  private async stopWorkers(): Promise<void> {
    const workers = this.slots.splice(0).map((slot) => slot.worker);
    // Node 20 can let the event loop empty while a worker's terminate() is pending, and then exits with code 13
    // (an unsettled await) instead of going on: seen in about 1 of 20 batches stopped by a model error. A ref'd
    // timer keeps the process alive until every worker has ended.
    const keepAlive = setInterval(() => undefined, 1000);
    try {
      await Promise.all(workers.map((worker) => worker.terminate()));
    } finally {
      clearInterval(keepAlive);
    }
  }

  private runInline(task: Task): void {
    const embedders: EmbedderSource = (model, onProgress) => {
      if (this.options.embedder) return Promise.resolve(this.options.embedder);
      const key = model ?? '';
      let loading = this.inlineEmbedders.get(key);
      if (!loading) {
        loading = import('../pipeline.js').then(({ resolveEmbedder }) => resolveEmbedder(model, onProgress));
        loading.catch(() => this.inlineEmbedders.delete(key));
        this.inlineEmbedders.set(key, loading);
      }
      return loading;
    };
    this.inlineChain = this.inlineChain.then(async () => {
      if (!this.pending.has(task)) return; // terminated before it started
      try {
        // Loaded here, not with this module: a pool of workers leaves the aligning to them, and the calling thread
        // (a batch's) need not load the pipeline at all.
        const { runAlignJob } = await import('./job.js');
        this.settle(task, { result: await runAlignJob(task.job, embedders, task.onProgress) });
      } catch (error) {
        this.settle(task, { error: error instanceof Error ? error : new Error(String(error)) });
      }
    });
  }

  private spawn(): Slot {
    const setup: WorkerSetup = this.options.preload ? { preload: this.options.preload } : {};
    const worker = new Worker(workerEntry(), { workerData: setup });
    const slot: Slot = { worker };
    worker.unref();
    worker.on('message', (message: ToPool) => this.receive(slot, message));
    worker.on('error', (error) => this.fail(slot, error));
    worker.on('exit', (code) => this.fail(slot, new Error(`an alignment worker stopped unexpectedly (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.isTerminated) {
      const slot = this.slots.find((s) => !s.task) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref(); // a busy worker keeps the process alive until its job ends
      const message: ToWorker = { id: task.id, job: task.job };
      slot.worker.postMessage(message);
    }
  }

  private receive(slot: Slot, message: ToPool): void {
    const task = slot.task;
    if (!task || task.id !== message.id) return;
    if (message.type === 'progress') {
      task.onProgress?.(message.event);
      return;
    }
    slot.task = undefined;
    slot.worker.unref();
    this.settle(task, message.type === 'done' ? { result: message.result } : { error: reviveError(message.error) });
    this.dispatch();
  }

  /** A worker died: its job fails, the worker leaves the pool, and the queue goes on with a fresh one. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already removed (terminated, or the 'error' before its 'exit')
    this.slots.splice(index, 1);
    const task = slot.task;
    slot.task = undefined;
    if (task) this.settle(task, { error });
    void slot.worker.terminate();
    this.dispatch();
  }
}
