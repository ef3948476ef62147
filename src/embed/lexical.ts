/**
 * The model-free embedder (`--model lexical`): hashed features that survive translation between Indonesian and
 * English — numbers, names and acronyms, and character n-grams of words spelled into a shared "cognate skeleton"
 * (teknologi / technology, presiden / president, informasi / information). Function words of both languages are
 * ignored: they are frequent and never shared. Deterministic, instant, no files: the fallback and the fast mode.
 */
import { sparseRowsOf } from '../align/vectors.js';
import { skeleton } from '../text/cognate.js';
import type { Embedder } from './embedder.js';

export const LEXICAL_MODEL_NAME = 'lexical';

/** Hashed feature space: 2^10 keeps collisions rare for sentence-sized bags (about 60 features) and dot products cheap. */
const DIMENSION = 1024;
/** Character n-gram length over cognate skeletons; 4 is where cross-language matches stop being chance. */
const NGRAM = 4;
/** Whole-token features for numbers and names weigh more than any single n-gram: they rarely match by chance. */
const NUMBER_WEIGHT = 3;
const NAME_WEIGHT = 2;
const WORD_WEIGHT = 1;
const NGRAM_WEIGHT = 0.5;

const STOPWORDS = new Set(
  (
    // English
    'a an the of to in on at by for from with and or but not no is are was were be been being am do does did has ' +
    'have had it its this that these those he she they we you i me him her them us our your their his my as if ' +
    'than then so such which who whom whose what when where why how all any some more most other into over about ' +
    'after before also can could will would shall should may might must there here up out just only very said says ' +
    // Indonesian
    'yang dan di ke dari untuk dengan pada dalam ini itu adalah ialah akan telah sudah sedang tidak bukan belum ' +
    'juga atau tetapi tapi karena sebagai oleh bagi para sang si nya ia dia mereka kami kita kamu anda saya aku ' +
    'ada bisa dapat harus masih lagi hanya saja pun lah kah tersebut yaitu yakni bahwa jika kalau maka agar ' +
    'supaya serta antara namun sehingga hingga sampai tentang terhadap seperti lebih paling sangat setelah ' +
    'sebelum kepada daripada akan secara ketika saat jadi kata katanya mengatakan'
  ).split(' '),
);

/** FNV-1a, 32-bit: cheap and well spread for short strings. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A lower-case word in the spelling English and Indonesian cognates share (diacritics removed first). */
export function cognateSkeleton(word: string): string {
  return skeleton(word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
}

const TOKEN = /\p{L}[\p{L}\p{M}'’-]*|\d+(?:[.,]\d+)*/gu;

/** Digits only, so 232.000, 232,000 and 232000 meet; decimals keep their digits too. */
function numberKey(token: string): string {
  return token.replace(/[.,]/g, '');
}

/** Words remembered with their skeleton's features: a document has a few tens of thousands of distinct words. */
const WORD_MEMO_MAX = 100_000;
const wordMemo = new Map<string, Int32Array>();

/**
 * The features of a lower-case word's cognate skeleton: the whole skeleton first (WORD_WEIGHT), then its character
 * n-grams (NGRAM_WEIGHT). They depend on the word alone, so each distinct word is spelled and hashed once.
 */
function wordFeatures(lower: string): Int32Array {
  let found = wordMemo.get(lower);
  if (found) return found;
  const skeleton = cognateSkeleton(lower);
  const keys = [`w${skeleton}`];
  if (skeleton.length >= NGRAM) {
    const padded = `<${skeleton}>`;
    for (let k = 0; k + NGRAM <= padded.length; k++) keys.push(padded.slice(k, k + NGRAM));
  }
  found = Int32Array.from(keys, (key) => hash(key) % DIMENSION);
  if (wordMemo.size >= WORD_MEMO_MAX) wordMemo.clear();
  wordMemo.set(lower, found);
  return found;
}

/**
 * A text's features, summed into `weights` (a DIMENSION-long scratch of zeros); `touched` gets each feature index
 * the first time it is hit. Typed arrays rather than a Map: the long bench pair's features took 0.3 s as Maps.
 */
function addFeatures(text: string, weights: Float64Array, touched: number[]): void {
  const add = (h: number, weight: number): void => {
    if (weights[h] === 0) touched.push(h);
    weights[h]! += weight;
  };
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (/^\d/.test(token)) {
      add(hash(`#${numberKey(token)}`) % DIMENSION, NUMBER_WEIGHT);
      continue;
    }
    const lower = token.toLowerCase();
    if (STOPWORDS.has(lower)) continue;
    const isName = /^\p{Lu}/u.test(token) && (match.index ?? 0) > 0;
    const isAcronym = token.length >= 2 && token === token.toUpperCase();
    if (isName || isAcronym) add(hash(`@${lower}`) % DIMENSION, NAME_WEIGHT);
    const word = wordFeatures(lower);
    add(word[0]!, WORD_WEIGHT);
    for (let k = 1; k < word.length; k++) add(word[k]!, NGRAM_WEIGHT);
  }
}

/**
 * A text's features with square-root damping (a word repeated three times is not three times the evidence), as
 * ascending indexes and their values; `weights` is left zero again.
 */
function dampedFeatures(text: string, weights: Float64Array): { indexes: Int32Array; values: Float32Array } {
  const touched: number[] = [];
  addFeatures(text, weights, touched);
  const indexes = Int32Array.from(touched).sort();
  const values = new Float32Array(indexes.length);
  for (let k = 0; k < indexes.length; k++) {
    values[k] = Math.sqrt(weights[indexes[k]!]!);
    weights[indexes[k]!] = 0;
  }
  return { indexes, values };
}

export function embedLexical(text: string): Float32Array {
  const vector = new Float32Array(DIMENSION);
  const { indexes, values } = dampedFeatures(text, new Float64Array(DIMENSION));
  let sq = 0;
  for (const w of values) sq += w * w;
  const inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
  indexes.forEach((index, k) => (vector[index] = values[k]! * inv));
  return vector;
}

export function createLexicalEmbedder(): Embedder {
  return {
    name: LEXICAL_MODEL_NAME,
    dimension: DIMENSION,
    async embed(texts, onProgress) {
      const out = texts.map((t) => embedLexical(t));
      onProgress?.(texts.length, texts.length);
      return out;
    },
    // Additive by construction: the vector of joined sentences is the normalised sum of their damped features
    // (damping per sentence), so overlaps need no features of their own.
    async embedParts(texts, onProgress) {
      const weights = new Float64Array(DIMENSION);
      const seen = new Map<string, ReturnType<typeof dampedFeatures>>();
      const rows = texts.map((text) => {
        let found = seen.get(text);
        if (!found) seen.set(text, (found = dampedFeatures(text, weights)));
        return found;
      });
      onProgress?.(texts.length, texts.length);
      return { parts: sparseRowsOf(rows, DIMENSION), boundary: null };
    },
  };
}
