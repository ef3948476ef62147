/**
 * The model-free embedder (`--model lexical`): hashed features that survive translation between Indonesian and
 * English — numbers, names and acronyms, and character n-grams of words spelled into a shared "cognate skeleton"
 * (teknologi / technology, presiden / president, informasi / information). Function words of both languages are
 * ignored: they are frequent and never shared. Deterministic, instant, no files: the fallback and the fast mode.
 */
import { sparseRows } from '../align/vectors.js';
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

export function lexicalFeatures(text: string): Map<number, number> {
  const features = new Map<number, number>();
  const add = (key: string, weight: number): void => {
    const h = hash(key) % DIMENSION;
    features.set(h, (features.get(h) ?? 0) + weight);
  };
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (/^\d/.test(token)) {
      add(`#${numberKey(token)}`, NUMBER_WEIGHT);
      continue;
    }
    const lower = token.toLowerCase();
    if (STOPWORDS.has(lower)) continue;
    const isName = /^\p{Lu}/u.test(token) && (match.index ?? 0) > 0;
    const isAcronym = token.length >= 2 && token === token.toUpperCase();
    if (isName || isAcronym) add(`@${lower}`, NAME_WEIGHT);
    const skeleton = cognateSkeleton(lower);
    add(`w${skeleton}`, WORD_WEIGHT);
    if (skeleton.length >= NGRAM) {
      const padded = `<${skeleton}>`;
      for (let k = 0; k + NGRAM <= padded.length; k++) add(padded.slice(k, k + NGRAM), NGRAM_WEIGHT);
    }
  }
  return features;
}

/** Square-root damping: a word repeated three times is not three times the evidence. */
function dampedFeatures(text: string): Map<number, number> {
  const features = lexicalFeatures(text);
  for (const [index, weight] of features) features.set(index, Math.sqrt(weight));
  return features;
}

export function embedLexical(text: string): Float32Array {
  const vector = new Float32Array(DIMENSION);
  let sq = 0;
  for (const [index, w] of dampedFeatures(text)) {
    vector[index] = w;
    sq += w * w;
  }
  if (sq > 0) {
    const inv = 1 / Math.sqrt(sq);
    for (let k = 0; k < DIMENSION; k++) vector[k]! *= inv;
  }
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
      const seen = new Map<string, Map<number, number>>();
      const features = texts.map((text) => {
        let found = seen.get(text);
        if (!found) seen.set(text, (found = dampedFeatures(text)));
        return found;
      });
      const parts = sparseRows(features, DIMENSION);
      onProgress?.(texts.length, texts.length);
      return { parts, boundary: null };
    },
  };
}
