// STUB: the real implementation lands with the engine; the signature is the contract.
import type { Alignment, ProgressListener } from './types.js';
import type { Embedder } from './embed/embedder.js';

export interface AlignFilesOptions {
  /** Each input line is one sentence. */
  readonly presplit?: boolean;
  /** Model name (`lexical` for the model-free embedder); ignored when `embedder` is given. */
  readonly model?: string;
  readonly embedder?: Embedder;
  readonly onProgress?: ProgressListener;
}

export async function alignFiles(
  _sourcePath: string,
  _targetPath: string,
  _options: AlignFilesOptions = {},
): Promise<Alignment> {
  throw new Error('not implemented yet');
}
