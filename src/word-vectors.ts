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
 * Sketched word vectors already made, per embedder, kept across calls: a batch worker aligns pair after pair of one
 * language pair, whose words mostly repeat, and embedding the words was a fifth of a batch's CPU time. The sketch
 * is fixed (seeded), so a remembered vector is the one that would be made again.
 */
const rememberedWords = new WeakMap<Embedder, Map<string, Float32Array>>();
/** Words remembered per embedder, about 20 MiB: 200 news pairs of dev-raw have about 20,000 distinct words. */
const REMEMBERED_WORDS_MAX = 50_000;

function remember(memo: Map<string, Float32Array>, word: string, vector: Float32Array): void {
  if (memo.size >= REMEMBERED_WORDS_MAX) {
    // Forget the oldest quarter (a Map iterates in insertion order): cheaper than an exact LRU, and as good here.
    let drop = REMEMBERED_WORDS_MAX >> 2;
    for (const key of memo.keys()) {
      if (drop-- <= 0) break;
      memo.delete(key);
    }
  }
  memo.set(word, vector);
}

/**
 * The word vectors of an embedder for the words of these texts, or undefined for the lexical embedder, whose
 * features match translations only where they share spelling, so that every freely translated clause would look
 * dropped. Only words this embedder has not given before are embedded.
 */
export async function embedWordVectors(embedder: Embedder, texts: Iterable<string>): Promise<WordVectors | undefined> {
  if (embedder.name === LEXICAL_MODEL_NAME) return undefined;
  let memo = rememberedWords.get(embedder);
  if (!memo) rememberedWords.set(embedder, (memo = new Map()));
  const known = memo;
  const words = distinctWords(texts);
  const own = new Map<string, Float32Array>();
  const fresh: string[] = [];
  for (const word of words) {
    const vector = known.get(word);
    if (vector) own.set(word, vector);
    else fresh.push(word);
  }
  const sketch = sketcher(embedder.dimension);
  const parts = embedder.embedParts && fresh.length > 0 ? (await embedder.embedParts(fresh)).parts : undefined;
  if (parts) {
    // Sketched when first asked for: the finders ask only for the words of the pairs they compare.
    const rowOf = new Map(fresh.map((word, k) => [word, k]));
    return {
      vector: (word) => {
        let vector = own.get(word);
        if (vector !== undefined) return vector;
        const row = rowOf.get(word);
        if (row === undefined) return undefined;
        own.set(word, (vector = sketchRow(sketch, parts, row)));
        remember(known, word, vector);
        return vector;
      },
    };
  }
  if (fresh.length > 0 && !embedder.embedParts) {
    const vectors = await embedder.embed(fresh);
    fresh.forEach((word, k) => {
      const vector = sketch(vectors[k]!, 0, true);
      own.set(word, vector);
      remember(known, word, vector);
    });
  }
  return { vector: (word) => own.get(word) };
}
