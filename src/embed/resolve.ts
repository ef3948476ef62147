/** An Embedder by model name: the lexical embedder, or a model folder (loaded on first use of the embedding layer). */
import type { ProgressListener } from '../types.js';
import type { Embedder } from './embedder.js';
import { createLexicalEmbedder, LEXICAL_MODEL_NAME } from './lexical.js';
import { DEFAULT_MODEL } from './model-registry.js';

export async function resolveEmbedder(model: string | undefined, onProgress?: ProgressListener): Promise<Embedder> {
  const name = model ?? DEFAULT_MODEL;
  if (name === LEXICAL_MODEL_NAME) return createLexicalEmbedder();
  const { createEmbedder } = await import('./index.js');
  return createEmbedder(name, { onProgress });
}
