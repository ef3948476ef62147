/**
 * Where model folders live and whether one is complete. A model folder has the layout transformers.js loads
 * offline: config.json, tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx and/or onnx/model.onnx.
 */
import { existsSync, readFileSync } from 'node:fs';
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ModelFolderError, UnknownModelError } from './errors.js';
import { DEFAULT_MODEL, isValidModelName, knownModel } from './model-registry.js';

/** Where `selaras models pull` writes, and where models are looked for first. */
export const MODELS_DIR_ENV = 'SELARAS_MODELS_DIR';

export const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;
export const QUANTIZED_ONNX = 'onnx/model_quantized.onnx';
export const FULL_ONNX = 'onnx/model.onnx';

/** The folder holding selaras' package.json, found from this file whether it runs from src/ or dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'selaras') return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the selaras package folder above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** models/ of the installed package: the bundled model, and pulled models unless SELARAS_MODELS_DIR says otherwise. */
export function packageModelsDir(): string {
  return join(packageRoot(), 'models');
}

/** The directory pulled models go to: the option, else $SELARAS_MODELS_DIR, else the package's models/. */
export function userModelsDir(modelsDir?: string): string {
  const fromEnv = process.env[MODELS_DIR_ENV];
  return resolve(modelsDir ?? (fromEnv && fromEnv.length > 0 ? fromEnv : packageModelsDir()));
}

/** Directories searched for a model, in order, without repeats. */
export function modelSearchPath(modelsDir?: string): string[] {
  return [...new Set([userModelsDir(modelsDir), packageModelsDir()])];
}

export interface ModelFolder {
  readonly name: string;
  readonly folder: string;
  /** The ONNX file transformers.js will load (it picks by the `quantized` flag). */
  readonly onnxFile: string;
  readonly quantized: boolean;
  readonly config: Record<string, unknown>;
  /** tokenizer.json as parsed by the check, so a loader need not read and parse its megabyte again. */
  readonly tokenizer?: unknown;
}

/** What to do about a missing or damaged folder of this model. */
export function folderFix(name: string): string {
  if (name === DEFAULT_MODEL) {
    return 'The bundled model ships with selaras: reinstall the package, or restore the folder from the repository (git checkout -- models/' + name + ').';
  }
  if (knownModel(name)) return `Download it again: selaras models pull ${name}`;
  return 'Put a complete transformers.js model folder there, or choose another model with --model (see selaras models list).';
}

/** Find the folder of a model by name, or explain where it was looked for and how to get it. */
export function locateModel(name: string, modelsDir?: string): string {
  if (!isValidModelName(name)) {
    throw new UnknownModelError(name, modelSearchPath(modelsDir), 'A model name is a folder name such as selaras-mini-id-en or Xenova/LaBSE.');
  }
  const searched = modelSearchPath(modelsDir);
  for (const dir of searched) {
    const folder = join(dir, name);
    if (existsSync(folder)) return folder;
  }
  const pull = knownModel(name) && name !== DEFAULT_MODEL ? `Download it with: selaras models pull ${name}` : folderFix(name);
  throw new UnknownModelError(name, searched, pull);
}

/** Check a model folder is complete and its JSON files parse; says which file is wrong and how to fix it. */
export async function checkModelFolder(name: string, folder: string): Promise<ModelFolder> {
  const fix = folderFix(name);
  const parsed = new Map<string, unknown>();
  for (const file of REQUIRED_FILES) {
    const path = join(folder, file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new ModelFolderError(folder, `${file} is missing`, fix);
    }
    try {
      parsed.set(file, JSON.parse(text));
    } catch {
      throw new ModelFolderError(folder, `${file} is not valid JSON (damaged or partly written)`, fix);
    }
  }
  const config = parsed.get('config.json') as Record<string, unknown>;
  const tokenizer = parsed.get('tokenizer.json');
  for (const [file, quantized] of [
    [QUANTIZED_ONNX, true],
    [FULL_ONNX, false],
  ] as const) {
    const path = join(folder, file);
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    if (info.size === 0) throw new ModelFolderError(folder, `${file} is empty`, fix);
    const damage = await onnxDamage(path, info.size);
    if (damage) throw new ModelFolderError(folder, `${file} ${damage}`, fix);
    return { name, folder, onnxFile: path, quantized, config, tokenizer };
  }
  throw new ModelFolderError(folder, `neither ${QUANTIZED_ONNX} nor ${FULL_ONNX} is there`, fix);
}

/** ModelProto's field that holds the graph. */
const ONNX_GRAPH_FIELD = 7;

/**
 * Walk the top-level protobuf fields of an ONNX file (a few reads, whatever its size) and say what is wrong:
 * not protobuf, or cut short (a partial download: the graph field claims more bytes than the file has). Catching
 * this here gives one clear error instead of onnxruntime's parse failure and its retry on another backend.
 */
export async function onnxDamage(path: string, size: number): Promise<string | undefined> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(20);
    let pos = 0;
    let hasGraph = false;
    while (pos < size) {
      const { bytesRead } = await handle.read(head, 0, head.length, pos);
      let at = 0;
      const varint = (): number | undefined => {
        let value = 0;
        for (let shift = 0; at < bytesRead && shift < 64; shift += 7) {
          const byte = head[at++]!;
          value += (byte & 0x7f) * 2 ** shift;
          if ((byte & 0x80) === 0) return value;
        }
        return undefined;
      };
      const key = varint();
      if (key === undefined || key >>> 3 === 0) return 'is not an ONNX model (damaged or not a model file)';
      const wire = key & 7;
      if (wire === 0) {
        if (varint() === undefined) return 'is not an ONNX model (damaged or not a model file)';
        pos += at;
      } else if (wire === 2) {
        const length = varint();
        if (length === undefined) return 'is not an ONNX model (damaged or not a model file)';
        if ((key >>> 3) === ONNX_GRAPH_FIELD) hasGraph = true;
        pos += at + length;
        if (pos > size) return `is cut short (${size} bytes, ${pos} expected): an interrupted copy or download`;
      } else if (wire === 1 || wire === 5) {
        pos += at + (wire === 1 ? 8 : 4);
      } else {
        return 'is not an ONNX model (damaged or not a model file)';
      }
    }
    return hasGraph ? undefined : 'holds no graph: not an ONNX model';
  } finally {
    await handle.close();
  }
}

/** Total size in bytes of the files under a folder. */
export async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}
