/** The one interface the alignment engine needs from a sentence-embedding model. */
import type { VectorRows } from '../align/vectors.js';

/**
 * What an additive model gives instead of finished vectors: a text's vector is normalize(boundary + part), and the
 * vector of texts joined by spaces is normalize(boundary + the sum of their parts). So the engine derives every
 * overlap (two or three consecutive sentences) from the sentences' parts, with no second embedding.
 */
export interface AdditiveParts {
  /** One row per text: the sum of the vectors of its pieces (features), without what every text adds once. */
  readonly parts: VectorRows;
  /** What every text adds once whatever its content (the <s> and </s> rows of a piece model); null when nothing. */
  readonly boundary: Float32Array | null;
}

export interface Embedder {
  /** Shown in outputs ("model" in JSON) and used as the cache key. */
  readonly name: string;
  readonly dimension: number;
  /**
   * One L2-normalised vector per text, in order. `onProgress` is called with (done, total) as batches finish.
   */
  embed(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
  /** Present only for additive models (see AdditiveParts); embed(t) is then normalize(boundary + part of t). */
  embedParts?(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<AdditiveParts>;
}

/**
 * Characters of a sentence that are embedded; the rest of the pipeline (alignment evidence, differences, output)
 * still sees the whole sentence. The pulled transformer models read at most 512 tokens, about 2,300 characters of
 * news prose, so 4,000 leaves every real sentence whole; a base64 image or a 150,000-character "word" never reaches
 * a tokenizer whole (transformers.js overflows its stack on such a word).
 */
export const EMBEDDED_CHARACTERS_MAX = 4000;

/** What of a text is embedded: its first EMBEDDED_CHARACTERS_MAX characters, never half a surrogate pair. */
export function embeddedText(text: string): string {
  if (text.length <= EMBEDDED_CHARACTERS_MAX) return text;
  const end = /[\uD800-\uDBFF]/.test(text[EMBEDDED_CHARACTERS_MAX - 1]!) ? EMBEDDED_CHARACTERS_MAX - 1 : EMBEDDED_CHARACTERS_MAX;
  return text.slice(0, end);
}
