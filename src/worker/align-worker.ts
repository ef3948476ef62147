/**
 * The entry of one pool worker thread (see pool.ts): it loads each model it is asked for once, then runs jobs one
 * at a time, posting progress, the plain-data result or the error as data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveEmbedder } from '../pipeline.js';
import type { Embedder } from '../embed/embedder.js';
import type { ProgressListener } from '../types.js';
import { serializeError } from './errors.js';
import { runAlignJob, type EmbedderSource } from './job.js';
import type { ToPool, ToWorker, WorkerSetup } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('align-worker.js runs as a worker thread of an alignment pool');

/** The job in flight: the model's load progress goes to it. */
let listener: ProgressListener | undefined;
const embedders = new Map<string, Promise<Embedder>>();

const embedderFor: EmbedderSource = (model) => {
  const key = model ?? '';
  let loading = embedders.get(key);
  if (!loading) {
    loading = resolveEmbedder(model, (event) => listener?.(event));
    // A failed load is forgotten, so the next job tries again (and gets its own error).
    loading.catch(() => embedders.delete(key));
    embedders.set(key, loading);
  }
  return loading;
};

const post = (message: ToPool): void => port.postMessage(message);

const setup = workerData as WorkerSetup;
if (setup.preload !== undefined) {
  embedderFor(setup.preload.model).catch(() => undefined); // the first job that needs it reports the error
}

port.on('message', (message: ToWorker) => {
  const { id, job } = message;
  listener = (event) => post({ type: 'progress', id, event });
  runAlignJob(job, embedderFor, listener).then(
    (result) => post({ type: 'done', id, result }),
    (error: unknown) => post({ type: 'error', id, error: serializeError(error) }),
  ).finally(() => {
    listener = undefined;
  });
});
