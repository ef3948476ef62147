/**
 * A helper thread for one alignment, so that both cores work on a large pair: it loads the same additive model as
 * the alignment, embeds one of the two documents while the alignment's thread embeds the other, and takes chunks of
 * the Gram table (similarity.ts) while the alignment's thread takes the others. Its failures never fail the
 * alignment: an embedding it cannot give is done locally, and Gram chunks it does not finish are recomputed.
 */
import { availableParallelism, loadavg } from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';

import type { GramHelper, GramJob } from '../align/similarity.js';
import type { AdditiveParts } from '../embed/embedder.js';
import { plainRows } from './plain.js';
import type { HelperReply, HelperRequest, HelperSetup } from './protocol.js';

/**
 * Pairs of at least this many sentences (both documents) get a helper: starting one and loading the model in it
 * takes about 0.2 s of the second core, which a pair this size repays (the bundled model embeds 20,000 sentences
 * a second per core); the seed pair (80 sentences) and the dev cases stay on one thread.
 */
export const HELPER_MIN_SENTENCES = 4000;

/** Environment variable: `0` never starts a helper, `1` starts one for a large pair even on a busy machine. */
export const HELPER_ENV = 'SELARAS_HELPER';

/**
 * Whether a pair of this size, in this thread, on this machine, gets a helper thread: only where a core is idle (the
 * one-minute load average leaves one free). The helper costs 0.3-0.5 s of CPU on the bench's long pair (its own model
 * load and copies of the parts), which a busy machine pays in wall time: there, with every core taken by other
 * processes, the long pair took longer with it than without. Where it does not pay off even then (`paysOff` false:
 * pipeline.ts helperPaysFor), it starts only when forced.
 */
export function wantsHelper(sentences: number, paysOff = true): boolean {
  const setting = process.env[HELPER_ENV];
  if (!isMainThread || setting === '0' || sentences < HELPER_MIN_SENTENCES) return false;
  const cores = availableParallelism();
  return cores > 1 && (setting === '1' || (paysOff && (loadavg()[0] ?? 0) <= cores - 1));
}

function workerEntry(): URL {
  const here = import.meta.url;
  // Under the test runner this module is TypeScript: the worker runs from the build (npm test builds it first).
  return here.endsWith('.ts') ? new URL('../../dist/parallel/helper-worker.js', here) : new URL('./helper-worker.js', here);
}

/** A helper for `model`, or undefined when a thread cannot be started (the alignment then runs on one thread). */
export function startHelper(model: string): AlignHelper | undefined {
  try {
    return new AlignHelper(model);
  } catch {
    return undefined;
  }
}

export class AlignHelper implements GramHelper {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (parts: AdditiveParts) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private broken: Error | null = null;

  constructor(model: string) {
    const setup: HelperSetup = { model };
    this.worker = new Worker(workerEntry(), { workerData: setup });
    // Never keeps the process alive: an alignment that ends (or fails) without close() still exits.
    this.worker.unref();
    this.worker.on('message', (reply: HelperReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.kind === 'embedded') waiter?.resolve(reply.parts);
      else waiter?.reject(new Error(reply.message));
    });
    const fail = (error: Error): void => {
      this.broken = error;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the helper thread exited (${code})`)));
  }

  private post(request: HelperRequest): void {
    this.worker.postMessage(request);
  }

  /** The parts of `texts`, embedded on the helper's thread. */
  embedParts(texts: readonly string[]): Promise<AdditiveParts> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post({ kind: 'embed', id, texts });
    });
  }

  help(job: GramJob, control: Int32Array): void {
    if (this.broken) return;
    this.post({ kind: 'gram', job: { ...job, source: plainRows(job.source), target: plainRows(job.target) }, control });
  }

  close(): void {
    void this.worker.terminate();
  }
}
