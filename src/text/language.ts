/**
 * English or Indonesian, told apart by their commonest function words. Only lower-case tokens count, so names
 * ("Dan", "Ini", "The Post") and headline capitals do not vote.
 */
import type { Lang } from '../types.js';

const ENGLISH_STOPWORDS = new Set([
  'the', 'of', 'and', 'to', 'in', 'is', 'was', 'that', 'for', 'on', 'with', 'as', 'by', 'at', 'from', 'it',
  'he', 'she', 'they', 'his', 'her', 'their', 'has', 'have', 'had', 'be', 'been', 'are', 'were', 'this', 'which',
  'who', 'an', 'or', 'not', 'but', 'will', 'would', 'said', 'after', 'about', 'also', 'more', 'than', 'its',
  'we', 'our', 'you', 'what', 'when', 'there', 'can', 'into', 'over', 'such', 'these', 'those', 'many',
]);

const INDONESIAN_STOPWORDS = new Set([
  'yang', 'dan', 'di', 'ke', 'dari', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'akan', 'pada', 'juga', 'ada',
  'oleh', 'karena', 'saya', 'kami', 'mereka', 'adalah', 'sudah', 'bisa', 'atau', 'dalam', 'bahwa', 'telah',
  'lebih', 'seperti', 'tersebut', 'para', 'kata', 'hanya', 'namun', 'tetapi', 'saat', 'setelah', 'menjadi',
  'belum', 'masih', 'secara', 'agar', 'bagi', 'sebagai', 'antara', 'hingga', 'sejak', 'sangat', 'lagi',
  'kepada', 'ia', 'dia', 'kita', 'tak', 'pun', 'jika', 'serta', 'sebuah', 'seorang', 'ujarnya', 'katanya',
]);

/** Fewer function words than this and the text is too short to tell ("Jakarta", "Editor: Budi"). */
const MIN_STOPWORD_HITS = 2;
/** The winner's share of all hits; below it the text is mixed (a bilingual page, a quote-heavy caption). */
const MIN_WINNER_SHARE = 0.7;
/** Function-word shares settle within a few hundred words; the cap keeps a 9,000-sentence file quick. */
const SAMPLE_CHARS = 50_000;

const WORD = /\p{L}+/gu;
const LOWER_CASE = /^\p{Ll}+$/u;

export function guessLanguage(text: string): Lang {
  let english = 0;
  let indonesian = 0;
  for (const [word] of text.slice(0, SAMPLE_CHARS).matchAll(WORD)) {
    if (!LOWER_CASE.test(word)) continue;
    if (ENGLISH_STOPWORDS.has(word)) english += 1;
    if (INDONESIAN_STOPWORDS.has(word)) indonesian += 1;
  }
  const total = english + indonesian;
  if (total < MIN_STOPWORD_HITS) return 'und';
  if (english >= total * MIN_WINNER_SHARE) return 'en';
  if (indonesian >= total * MIN_WINNER_SHARE) return 'id';
  return 'und';
}
