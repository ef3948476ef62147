/**
 * Word vectors for the phrase finder, from the embedding model: each distinct word of the documents embedded on
 * its own, so that words compare across languages as the model compares sentences (government / pemerintah 0.80,
 * unrelated words near 0). For an additive model (the bundled one, see AdditiveParts) a word's vector is its part:
 * the sum of its pieces' vectors, exactly what the word adds to a sentence's sum, weight included (function words
 * weigh a third of content words). Other models give unit vectors, which weigh every word alike.
 *
 * The finder compares every content word of one side with every one of the other, so the vectors are first
 * folded into SKETCH_DIMENSION dimensions by a count sketch (each dimension added, with a random sign, into one
 * of the fewer): a linear map that keeps dot products on average, and sums of words the sums of their sketches.
 */
import { seededRandom } from './align/random.js';
import { tokenize } from './compare/tokens.js';
import type { WordVectors } from './compare/options.js';
import { rowVector, type VectorRows } from './align/vectors.js';
import type { Embedder } from './embed/embedder.js';
import { LEXICAL_MODEL_NAME } from './embed/lexical.js';

/** Dimensions of the sketched vectors: on the planted-clause benchmark 64 finds as many clauses at the same
 * false-alarm rate as the model's 512 (65-68% either way; 32 loses 2 points), at an eighth of the dot products. */
const SKETCH_DIMENSION = 64;
/** Seed of the sketch's buckets and signs: any fixed value, so that runs are reproducible. */
const SKETCH_SEED = 11;

/** The sketch of row r of the parts, as the sketch of the dense row: an int16 row's values rounded to float32 as
 * rowVector rounds them, without making the dense row (one allocation per word less). */
function sketchRow(sketch: ReturnType<typeof sketcher>, rows: VectorRows, r: number): Float32Array {
  if (rows.kind === 'dense') return sketch(rows.data, r, false);
  if (rows.kind === 'int16') return sketch(rows.data, r, false, rows.scales[r]!);
  return sketch(rowVector(rows, r), 0, false);
}

/** The folded words of the texts, each once, as the difference finders see them. */
export function distinctWords(texts: Iterable<string>): string[] {
  const words = new Set<string>();
  for (const text of texts) for (const token of tokenize(text)) if (token.kind === 'word') words.add(token.folded);
  return [...words];
}

/** A count sketch from `dimension` to SKETCH_DIMENSION dimensions of `data`'s row `row`; with `unit`, scaled to
 * unit length (a unit vector's sketch is only about unit). */
function sketcher(dimension: number): (data: Float32Array | Int16Array, row: number, unit: boolean, scale?: number) => Float32Array {
  const next = seededRandom(SKETCH_SEED);
  const bucket = Int32Array.from({ length: dimension }, () => Math.floor(next() * SKETCH_DIMENSION));
  const sign = Float32Array.from({ length: dimension }, () => (next() < 0.5 ? -1 : 1));
  return (data, row, unit, scale) => {
    const out = new Float32Array(SKETCH_DIMENSION);
    const at = row * dimension;
    if (scale === undefined) for (let k = 0; k < dimension; k++) out[bucket[k]!]! += sign[k]! * data[at + k]!;
    else for (let k = 0; k < dimension; k++) out[bucket[k]!]! += sign[k]! * Math.fround(data[at + k]! * scale);
    if (!unit) return out;
    let norm = 0;
    for (let k = 0; k < SKETCH_DIMENSION; k++) norm += out[k]! * out[k]!;
    if (norm > 0) for (let k = 0; k < SKETCH_DIMENSION; k++) out[k]! /= Math.sqrt(norm);
    return out;
  };
}

/**
 * The word vectors of an embedder for the words of these texts, or undefined for the lexical embedder, whose
 * features match translations only where they share spelling, so that every freely translated clause would look
 * dropped.
 */
export async function embedWordVectors(embedder: Embedder, texts: Iterable<string>): Promise<WordVectors | undefined> {
  if (embedder.name === LEXICAL_MODEL_NAME) return undefined;
  const words = distinctWords(texts);
  const byWord = new Map<string, Float32Array>();
  const sketch = sketcher(embedder.dimension);
  const parts = embedder.embedParts ? (await embedder.embedParts(words)).parts : undefined;
  if (parts) {
    // Sketched when first asked for: the finders ask only for the words of the pairs they compare.
    const rowOf = new Map(words.map((word, k) => [word, k]));
    return {
      vector: (word) => {
        let vector = byWord.get(word);
        if (vector !== undefined) return vector;
        const row = rowOf.get(word);
        if (row === undefined) return undefined;
        byWord.set(word, (vector = sketchRow(sketch, parts, row)));
        return vector;
      },
    };
  }
  const vectors = await embedder.embed(words);
  words.forEach((word, k) => byWord.set(word, sketch(vectors[k]!, 0, true)));
  return { vector: (word) => byWord.get(word) };
}
