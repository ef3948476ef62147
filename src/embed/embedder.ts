/** The one interface the alignment engine needs from a sentence-embedding model. */
export interface Embedder {
  /** Shown in outputs ("model" in JSON) and used as the cache key. */
  readonly name: string;
  readonly dimension: number;
  /**
   * One L2-normalised vector per text, in order. `onProgress` is called with (done, total) as batches finish.
   */
  embed(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
}
