import type { WordVectors } from '../../src/compare/index.js';

/**
 * Word vectors where a word and its translation share one dimension, and every other word has a dimension of its
 * own: what the bundled model's vectors look like, made exact.
 */
export function toyVectors(translations: readonly (readonly string[])[]): WordVectors {
  const vectors = new Map<string, Float32Array>();
  const dimension = 64;
  let free = translations.length;
  translations.forEach((words, concept) => {
    for (const word of words) vectors.set(word, Float32Array.from({ length: dimension }, (_, k) => (k === concept ? 1 : 0)));
  });
  return {
    vector(word) {
      if (!vectors.has(word)) vectors.set(word, Float32Array.from({ length: dimension }, (_, k) => (k === free % dimension ? 1 : 0)));
      free++;
      return vectors.get(word);
    },
  };
}
