/**
 * The one place that runs @xenova/transformers: configures it once for offline use, keeps one pipeline per
 * model folder, and turns a model into an Embedder (batched, length-sorted, L2-normalised, with progress).
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

import type { ProgressEvent } from '../types.js';
import { embeddedText, type Embedder } from './embedder.js';
import { ModelFolderError } from './errors.js';
import { folderFix, packageModelsDir, REQUIRED_FILES, type ModelFolder } from './model-folder.js';
import type { ModelSpec } from './model-registry.js';

type Transformers = typeof import('@xenova/transformers');
type Extractor = Awaited<ReturnType<Transformers['pipeline']>>;

/** Sentences per model call: large enough to amortise the call, small enough that padding to the longest
 * sentence of a length-sorted batch wastes little and progress moves often. */
export const BATCH_SIZE = 32;

let library: Promise<Transformers> | undefined;

/**
 * Import @xenova/transformers on first use (so `--model lexical` never loads onnxruntime) and set its env once:
 * no hub, no browser cache, local models resolved against the package's absolute models/ folder.
 */
function loadLibrary(): Promise<Transformers> {
  library ??= import('@xenova/transformers').then((transformers) => {
    const { env } = transformers;
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    // transformers.js joins this and the model id with '/', on every platform.
    env.localModelPath = packageModelsDir() + '/';
    env.useBrowserCache = false;
    env.useFSCache = false;
    return transformers;
  });
  return library;
}

/** transformers.js joins localModelPath and the model id with "/": give it the folder relative to models/. */
function modelId(folder: string): string {
  const rel = relative(packageModelsDir(), folder);
  if (isAbsolute(rel)) {
    throw new ModelFolderError(folder, 'is on another drive than the selaras package', 'Set SELARAS_MODELS_DIR to a folder on the same drive.');
  }
  return rel.split(sep).join('/');
}

const pipelines = new Map<string, Promise<Extractor>>();

function describeLoadFailure(model: ModelFolder, error: unknown): ModelFolderError {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const file = /not found locally at "([^"]+)"/.exec(detail ?? '')?.[1];
  const problem = file ? `${relative(model.folder, file)} is missing` : `cannot be loaded (${detail})`;
  return new ModelFolderError(model.folder, problem, folderFix(model.name));
}

/** One pipeline per folder and precision, created once; a failed load is forgotten so a later call can retry. */
function loadPipeline(model: ModelFolder, onProgress?: (e: ProgressEvent) => void): Promise<Extractor> {
  const key = `${model.folder}\0${model.quantized}`;
  let loading = pipelines.get(key);
  if (!loading) {
    loading = (async () => {
      const { pipeline } = await loadLibrary();
      const sizes = new Map<string, number>();
      for (const file of [...REQUIRED_FILES, relative(model.folder, model.onnxFile).split(sep).join('/')]) {
        sizes.set(file, (await stat(join(model.folder, file))).size);
      }
      const total = [...sizes.values()].reduce((a, b) => a + b, 0);
      const loaded = new Map<string, number>();
      const report = (): void => {
        const done = Math.min(total, [...loaded.values()].reduce((a, b) => a + b, 0));
        onProgress?.({ stage: 'load-model', model: model.name, done, total });
      };
      report();
      try {
        const extractor = await pipeline('feature-extraction', modelId(model.folder), {
          quantized: model.quantized,
          progress_callback: (data: { status?: string; file?: string; loaded?: number }) => {
            if (data.status === 'progress' && data.file && typeof data.loaded === 'number') {
              loaded.set(data.file, data.loaded);
              report();
            }
          },
        });
        for (const [file, size] of sizes) loaded.set(file, size);
        report();
        return extractor;
      } catch (error) {
        throw describeLoadFailure(model, error);
      }
    })();
    loading.catch(() => pipelines.delete(key));
    pipelines.set(key, loading);
  }
  return loading;
}

/** Split into rows scaled to unit length; an all-zero row stays zero (nothing to compare it by). */
function normaliseRows(data: Float32Array, rows: number, dimension: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let r = 0; r < rows; r++) {
    const row = data.slice(r * dimension, (r + 1) * dimension);
    let sq = 0;
    for (let k = 0; k < dimension; k++) sq += row[k]! * row[k]!;
    if (sq > 0) {
      const inv = 1 / Math.sqrt(sq);
      for (let k = 0; k < dimension; k++) row[k]! *= inv;
    }
    out.push(row);
  }
  return out;
}

interface TensorLike {
  readonly data: ArrayLike<number | bigint>;
  readonly dims: readonly number[];
}

interface ModelParts {
  readonly tokenizer: (texts: string[], options: object) => Record<string, TensorLike>;
  readonly model: (inputs: Record<string, TensorLike>) => Promise<Record<string, TensorLike | undefined>>;
}

/**
 * Masked mean over tokens. The pipeline's own mean pooling converts every mask value from BigInt once per
 * dimension, which made pooling four times slower than running the bundled model; here the mask is read once.
 */
function meanPool(hidden: TensorLike, mask: TensorLike): Float32Array {
  const [rows = 0, tokens = 0, dimension = 0] = hidden.dims;
  const data = hidden.data as ArrayLike<number>;
  const out = new Float32Array(rows * dimension);
  for (let r = 0; r < rows; r++) {
    let count = 0;
    for (let t = 0; t < tokens; t++) {
      if (Number(mask.data[r * tokens + t]) === 0) continue;
      count++;
      const at = (r * tokens + t) * dimension;
      for (let k = 0; k < dimension; k++) out[r * dimension + k]! += data[at + k]!;
    }
    if (count > 0) for (let k = 0; k < dimension; k++) out[r * dimension + k]! /= count;
  }
  return out;
}

/** The first token's vector of each row ([CLS] for BERT-style models). */
function firstToken(hidden: TensorLike): Float32Array {
  const [rows = 0, tokens = 0, dimension = 0] = hidden.dims;
  const data = hidden.data as ArrayLike<number>;
  const out = new Float32Array(rows * dimension);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < dimension; k++) out[r * dimension + k] = data[r * tokens * dimension + k]!;
  }
  return out;
}

async function runBatch(extractor: Extractor, spec: ModelSpec, texts: string[]): Promise<Float32Array[]> {
  const { tokenizer, model } = extractor as unknown as ModelParts;
  const inputs = tokenizer(
    texts.map((t) => embeddedText(spec.prefix + t)),
    { padding: true, truncation: true },
  );
  const outputs = await model(inputs);
  const hidden = outputs['last_hidden_state'];
  const pooled = spec.pooling === 'pooler' ? outputs['pooler_output'] : undefined;
  if (pooled) {
    const [rows = 0, dimension = 0] = pooled.dims;
    return normaliseRows(Float32Array.from(pooled.data as ArrayLike<number>), rows, dimension);
  }
  if (!hidden) throw new Error(`model ${spec.name} returned no last_hidden_state`);
  const [rows = 0, , dimension = 0] = hidden.dims;
  const mask = inputs['attention_mask'];
  // 'pooler' without a pooler_output in the export: the CLS token, without LaBSE's final dense layer.
  const vectors = spec.pooling === 'mean' && mask ? meanPool(hidden, mask) : firstToken(hidden);
  return normaliseRows(vectors, rows, dimension);
}

export interface TransformersEmbedderOptions {
  readonly onProgress?: (e: ProgressEvent) => void;
  readonly batchSize?: number;
}

/** Load a checked model folder and wrap it as an Embedder. Resolves once the model is loaded. */
export async function createTransformersEmbedder(
  model: ModelFolder,
  spec: ModelSpec,
  options: TransformersEmbedderOptions = {},
): Promise<Embedder> {
  const extractor = await loadPipeline(model, options.onProgress);
  const batchSize = options.batchSize ?? BATCH_SIZE;
  // Measured, not trusted from config.json: one short run also proves the graph executes before any real work.
  const dimension = (await runBatch(extractor, spec, ['a']))[0]?.length ?? 0;
  if (dimension === 0) throw describeLoadFailure(model, new Error('the model returned no vector'));
  return {
    name: spec.name,
    dimension,
    async embed(texts, onProgress) {
      const out = new Array<Float32Array>(texts.length);
      // Longest first, so each batch pads to sentences of about its own length.
      const order = texts.map((_, k) => k).sort((a, b) => texts[b]!.length - texts[a]!.length);
      let done = 0;
      for (let start = 0; start < order.length; start += batchSize) {
        const indexes = order.slice(start, start + batchSize);
        const vectors = await runBatch(extractor, spec, indexes.map((k) => texts[k]!));
        indexes.forEach((k, j) => (out[k] = vectors[j]!));
        done += indexes.length;
        onProgress?.(done, texts.length);
      }
      return out;
    },
  };
}
