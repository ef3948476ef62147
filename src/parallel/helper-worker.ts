/**
 * The second core's side of an alignment (see helper.ts): a worker thread that loads the same additive model,
 * embeds one document's parts, and computes chunks of the Gram table in shared memory.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { takeGramChunks } from '../align/similarity.js';
import { resolveEmbedder } from '../embed/resolve.js';
import { plainParts } from './plain.js';
import type { HelperReply, HelperRequest, HelperSetup } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('helper-worker.ts runs as a worker thread');
const setup = workerData as HelperSetup;
// Loading starts at once, while the alignment's thread loads its own copy and reads the documents.
const embedder = resolveEmbedder(setup.model);
embedder.catch(() => undefined);

const reply = (message: HelperReply, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

port.on('message', (request: HelperRequest) => {
  if (request.kind === 'gram') {
    takeGramChunks(request.job, request.control);
    return;
  }
  embedder
    .then(async (model) => {
      if (!model.embedParts) throw new Error(`${model.name} is not additive`);
      const { message, transfer } = plainParts(await model.embedParts(request.texts));
      reply({ kind: 'embedded', id: request.id, parts: message }, transfer);
    })
    .catch((error: unknown) => reply({ kind: 'failed', id: request.id, message: String(error) }));
});
