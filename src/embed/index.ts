/**
 * The embedding layer's public face: make an Embedder for a model name, list installed models, pull more.
 * (`lexical`, the model-free embedder, is routed by the pipeline before it gets here.)
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import type { ProgressEvent } from '../types.js';
import { EmbeddingCache, withEmbeddingCache } from './embedding-cache.js';
import { createLexicalEmbedder, LEXICAL_MODEL_NAME } from './lexical.js';
import type { Embedder } from './embedder.js';
import { checkModelFolder, folderBytes, locateModel, modelSearchPath, packageModelsDir, type ModelFolder } from './model-folder.js';
import { DEFAULT_MODEL, PULLABLE_MODELS, specFromConfig, type ModelSpec } from './model-registry.js';
import { loadPieceModel, pieceEmbedder } from './piece-embedder.js';
import { createTransformersEmbedder } from './transformers-embedder.js';
import { UnsupportedTokenizerError } from './unigram-tokenizer.js';

export { DEFAULT_MODEL, PULLABLE_MODELS, BUNDLED_MODEL, type ModelSpec, type Pooling } from './model-registry.js';
export { ModelDownloadError, ModelFolderError, UnknownModelError } from './errors.js';
export { pullModel, MIRROR_ENV, type PullOptions, type PullProgress, type PullResult } from './pull-model.js';
export { MODELS_DIR_ENV } from './model-folder.js';
export { CACHE_DIR_ENV, CACHE_MAX_MB_ENV, defaultCacheDir, EmbeddingCache, withEmbeddingCache } from './embedding-cache.js';

export interface CreateEmbedderOptions {
  readonly modelsDir?: string;
  /** Keep vectors in the on-disk cache (default true). */
  readonly cache?: boolean;
  /** Where the cache lives (default: the user's cache directory). */
  readonly cacheDir?: string;
  readonly onProgress?: (e: ProgressEvent) => void;
}

/**
 * Changes whenever the model's files do: its config, tokenizer and ONNX weights (by size and modification time,
 * so a 100 MB file need not be read to start).
 */
async function fingerprint(model: ModelFolder): Promise<string> {
  const hash = createHash('sha256');
  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
    hash.update(await readFile(join(model.folder, file)));
  }
  const onnx = await stat(model.onnxFile);
  hash.update(`${model.onnxFile.endsWith('quantized.onnx')}:${onnx.size}:${onnx.mtimeMs}`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The piece embedder for an additive model whose tokenizer the built-in one reproduces, else undefined (the model
 * then goes through transformers.js like any other).
 */
async function additiveEmbedder(folder: ModelFolder, spec: ModelSpec, options: CreateEmbedderOptions): Promise<Embedder | undefined> {
  if (!spec.additive) return undefined;
  try {
    return pieceEmbedder(spec, await loadPieceModel(folder, options.onProgress));
  } catch (error) {
    if (error instanceof UnsupportedTokenizerError) return undefined;
    throw error;
  }
}

/** The Embedder for an installed model folder (default: the bundled model). */
export async function createEmbedder(model: string = DEFAULT_MODEL, options: CreateEmbedderOptions = {}): Promise<Embedder> {
  const folder = await checkModelFolder(model, locateModel(model, options.modelsDir));
  const spec = specFromConfig(model, folder.config);
  // Summing a sentence's pieces is faster than reading its vector back from disk: no cache for these.
  const additive = await additiveEmbedder(folder, spec, options);
  if (additive) return additive;
  const embedder = await createTransformersEmbedder(folder, spec, { ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  if (options.cache === false) return embedder;
  const cache = new EmbeddingCache(model, await fingerprint(folder), embedder.dimension, options.cacheDir ? { dir: options.cacheDir } : {});
  await cache.removeStaleVersions();
  return withEmbeddingCache(embedder, cache);
}

export interface ModelInfo {
  readonly name: string;
  readonly folder: string;
  readonly bytes: number;
  readonly dimension: number;
  readonly languages: string;
  readonly isDefault: boolean;
  /** Why the folder cannot be loaded, when it cannot. */
  readonly problem?: string;
}

async function describeFolder(name: string, folder: string): Promise<ModelInfo> {
  const bytes = await folderBytes(folder);
  try {
    const checked = await checkModelFolder(name, folder);
    const spec = specFromConfig(name, checked.config);
    return { name, folder, bytes, dimension: spec.dimension, languages: spec.languages, isDefault: name === DEFAULT_MODEL };
  } catch (error) {
    return { name, folder, bytes, dimension: 0, languages: '', isDefault: name === DEFAULT_MODEL, problem: (error as Error).message };
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** Installed models: folders with a config.json, one level (`name`) or two (`owner/name`) below each models dir. */
export async function listModels(modelsDir?: string): Promise<ModelInfo[]> {
  const found = new Map<string, ModelInfo>();
  for (const dir of modelSearchPath(modelsDir)) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      const candidates: Array<[string, string]> = [];
      if ((await stat(join(path, 'config.json')).catch(() => undefined)) !== undefined) {
        candidates.push([entry.name, path]);
      } else {
        for (const inner of (await readdir(path).catch(() => [] as string[])).sort()) {
          if (!inner.startsWith('.') && (await isDirectory(join(path, inner))) && (await stat(join(path, inner, 'config.json')).catch(() => undefined))) {
            candidates.push([`${entry.name}/${inner}`, join(path, inner)]);
          }
        }
      }
      for (const [name, folder] of candidates) {
        if (!found.has(name)) found.set(name, await describeFolder(name, folder));
      }
    }
  }
  return [...found.values()].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** `selaras models list` output: a table of installed models, then the ones that can be pulled. */
export function formatModelList(models: readonly ModelInfo[]): string {
  const rows = [['NAME', 'SIZE', 'DIM', 'LANGUAGES', 'FOLDER']];
  for (const m of models) {
    rows.push([
      m.name + (m.isDefault ? ' (default)' : ''),
      formatBytes(m.bytes),
      m.problem ? '-' : String(m.dimension),
      m.problem ? `unusable: ${m.problem}` : m.languages,
      m.folder,
    ]);
  }
  // The model-free embedder needs no folder, but it is a model `--model` takes like the others.
  rows.push([LEXICAL_MODEL_NAME, '-', String(createLexicalEmbedder().dimension), 'any (hashed character n-grams, no files)', '(built in)']);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const lines = rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  '));
  const installed = new Set(models.map((m) => m.name));
  const pullable = PULLABLE_MODELS.filter((m) => !installed.has(m.name));
  if (pullable.length > 0) {
    lines.push('', 'Available with `selaras models pull NAME` (needs a network or a mirror):');
    for (const m of pullable) lines.push(`  ${m.name}  ${m.dimension} dims, ${m.languages}: ${m.description}`);
  }
  if (models.length === 0) lines.unshift(`No models found in ${packageModelsDir()}.`);
  return lines.join('\n');
}
