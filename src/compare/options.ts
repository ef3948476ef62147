/** What the difference finders are given besides the two texts (a file of its own: every finder may read it). */
import type { Lang } from '../types.js';

export interface CompareOptions {
  readonly sourceLang: Lang;
  readonly targetLang: Lang;
  /** The embedding model's word vectors; without them dropped and added phrases are not looked for. */
  readonly wordVectors?: WordVectors;
}

/** What the phrase finder needs from the embedding model. */
export interface WordVectors {
  /**
   * The vector of a word (folded: lower case, no diacritics), as the model adds it into a sentence: for a
   * bag-of-pieces model the weighted sum of its pieces' vectors; unit vectors weigh every word alike. Undefined
   * for a word the model has no vector for.
   */
  vector(word: string): Float32Array | undefined;
}
