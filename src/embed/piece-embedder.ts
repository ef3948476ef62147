/**
 * The embedder for additive piece models (the bundled one): no ONNX runtime, no transformers.js.
 *
 * The bundled model's ONNX graph gathers one int8 row per token times that row's scale, sums the rows over the
 * tokens (<s> and </s> included) and divides by the summed piece weights; mean pooling and L2 normalisation then
 * give the sentence vector. The division does not change the direction, so a text's vector is normalize(u) with
 * u = sum of its tokens' scaled rows. This file reads the table and the scales straight from the ONNX file, tokenizes
 * with the built-in Unigram tokenizer, and sums. A model declares the property with `"additive": true` in the
 * `"selaras"` block of its config.json (models/recipe/export.py writes it); others go through transformers.js.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { int16Rows } from '../align/vectors.js';
import type { ProgressEvent } from '../types.js';
import { embeddedText, type AdditiveParts, type Embedder } from './embedder.js';
import { ModelFolderError } from './errors.js';
import { folderFix, type ModelFolder } from './model-folder.js';
import type { ModelSpec } from './model-registry.js';
import { ONNX_FLOAT, ONNX_INT8, readInitializers } from './onnx-initializers.js';
import { UnigramTokenizer } from './unigram-tokenizer.js';

/** Initializer names of the piece table in the ONNX graph (models/recipe/export.py, build_graph). */
export const PIECE_VECTORS = 'piece_vectors_int8';
export const PIECE_SCALES = 'piece_scale';

/** Texts summed between progress reports: often enough for a moving bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 2048;

/** The table as the graph uses it: row r of `vectors` times `scales[r]` is piece r's vector. */
export interface PieceTable {
  readonly vectors: Int8Array;
  readonly scales: Float32Array;
  readonly dimension: number;
  readonly rows: number;
}

/** Read the piece table out of an ONNX file's bytes, or say what is missing. */
export function pieceTable(bytes: Uint8Array, describe: (problem: string) => Error): PieceTable {
  const found = readInitializers(bytes, new Set([PIECE_VECTORS, PIECE_SCALES]));
  const vectors = found.get(PIECE_VECTORS);
  const scales = found.get(PIECE_SCALES);
  if (!vectors || vectors.dataType !== ONNX_INT8 || vectors.dims.length !== 2) {
    throw describe(`has no int8 table "${PIECE_VECTORS}" (config.json declares the model additive)`);
  }
  const [rows = 0, dimension = 0] = vectors.dims;
  if (!scales || scales.dataType !== ONNX_FLOAT || scales.dims[0] !== rows || vectors.bytes.length !== rows * dimension) {
    throw describe(`has no scales "${PIECE_SCALES}" matching its ${rows} pieces`);
  }
  // int8 needs no alignment: a view on the file's bytes. The scales are copied to an aligned array.
  const table = new Int8Array(vectors.bytes.buffer, vectors.bytes.byteOffset, vectors.bytes.length);
  const scaleValues = new Float32Array(rows);
  new Uint8Array(scaleValues.buffer).set(scales.bytes.subarray(0, rows * 4));
  return { vectors: table, scales: scaleValues, dimension, rows };
}

/** out[at ..] += the scaled row of each id; four rows per pass over `out`, which halves the time of one at a time. */
function addPieces(table: PieceTable, ids: ArrayLike<number>, count: number, out: Float32Array, at: number): void {
  const d = table.dimension;
  const v = table.vectors;
  const scales = table.scales;
  let t = 0;
  for (; t + 4 <= count; t += 4) {
    const a = ids[t]!;
    const b = ids[t + 1]!;
    const c = ids[t + 2]!;
    const e = ids[t + 3]!;
    // Plain constants, not destructured arrays: before the optimising compiler takes over (a short run's whole
    // life) each destructuring allocated two arrays per four pieces.
    const sa = scales[a]!;
    const sb = scales[b]!;
    const sc = scales[c]!;
    const se = scales[e]!;
    const ra = a * d;
    const rb = b * d;
    const rc = c * d;
    const re = e * d;
    for (let k = 0; k < d; k++) out[at + k]! += v[ra + k]! * sa + v[rb + k]! * sb + v[rc + k]! * sc + v[re + k]! * se;
  }
  for (; t < count; t++) {
    const id = ids[t]!;
    const scale = scales[id]!;
    const row = id * d;
    for (let k = 0; k < d; k++) out[at + k]! += v[row + k]! * scale;
  }
}

export interface PieceModel {
  readonly tokenizer: UnigramTokenizer;
  readonly table: PieceTable;
}

/** Load tokenizer and table of an additive model folder. */
export async function loadPieceModel(model: ModelFolder, onProgress?: (e: ProgressEvent) => void): Promise<PieceModel> {
  const describe = (problem: string) => new ModelFolderError(model.folder, `${model.onnxFile} ${problem}`, folderFix(model.name));
  const onnx = await readFile(model.onnxFile);
  const tokenizer = new UnigramTokenizer(model.tokenizer ?? JSON.parse(await readFile(join(model.folder, 'tokenizer.json'), 'utf8')));
  const table = pieceTable(onnx, describe);
  if (table.rows < tokenizer.vocabularySize) throw describe(`has ${table.rows} pieces, the tokenizer ${tokenizer.vocabularySize}`);
  onProgress?.({ stage: 'load-model', model: model.name, done: onnx.length, total: onnx.length });
  return { tokenizer, table };
}

/** The Embedder over a loaded piece model. */
export function pieceEmbedder(spec: ModelSpec, { tokenizer, table }: PieceModel): Embedder {
  const d = table.dimension;
  const boundary = new Float32Array(d);
  const edges = [...tokenizer.prefixIds, ...tokenizer.suffixIds];
  addPieces(table, edges, edges.length, boundary, 0);
  const ids: number[] = [];

  /**
   * Calls `visit(r, sum, earlier)` for each text in order: `sum` the sum of its content pieces (a scratch vector,
   * overwritten by the next call), or for a text seen before, `earlier` the row it was first seen at (not summed).
   */
  const eachSum = (
    texts: readonly string[],
    onProgress: ((done: number, total: number) => void) | undefined,
    visit: (r: number, sum: Float32Array, earlier: number | undefined) => void,
  ): void => {
    const sum = new Float32Array(d);
    const seen = new Map<string, number>();
    for (let r = 0; r < texts.length; r++) {
      const text = texts[r]!;
      const earlier = seen.get(text);
      if (earlier === undefined) {
        seen.set(text, r);
        ids.length = 0;
        tokenizer.contentIds(embeddedText(spec.prefix + text), ids);
        sum.fill(0);
        addPieces(table, ids, ids.length, sum, 0);
      }
      visit(r, sum, earlier);
      if ((r + 1) % PROGRESS_EVERY === 0) onProgress?.(r + 1, texts.length);
    }
    onProgress?.(texts.length, texts.length);
  };

  return {
    name: spec.name,
    dimension: d,
    async embed(texts, onProgress) {
      const out: Float32Array[] = [];
      eachSum(texts, onProgress, (_, sum, earlier) => {
        if (earlier !== undefined) {
          out.push(Float32Array.from(out[earlier]!));
          return;
        }
        const row = new Float32Array(d);
        let sq = 0;
        for (let k = 0; k < d; k++) {
          row[k] = sum[k]! + boundary[k]!;
          sq += row[k]! * row[k]!;
        }
        const inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
        for (let k = 0; k < d; k++) row[k]! *= inv;
        out.push(row);
      });
      return out;
    },
    // Parts as int16 rows: half the memory of float32, and a document's parts are most of what aligning it holds.
    async embedParts(texts, onProgress): Promise<AdditiveParts> {
      const parts = int16Rows(texts.length, d);
      eachSum(texts, onProgress, (r, sum, earlier) => {
        if (earlier === undefined) return parts.set(r, sum);
        parts.data.copyWithin(r * d, earlier * d, (earlier + 1) * d);
        parts.scales[r] = parts.scales[earlier]!;
      });
      return { parts, boundary: Float32Array.from(boundary) };
    },
  };
}
