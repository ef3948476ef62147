/**
 * Lines that news sites add around an article: "Baca Juga: ..." links, bylines, sources, tags, date lines.
 * They are what a reviewer wants to see as added, so the engine makes them cheap to leave unaligned and
 * expensive to merge into a translated sentence.
 */

const LABEL =
  /^\s*(?:baca(?:\s+(?:juga|pula))?|lihat\s+juga|simak(?:\s+juga)?|berita\s+terkait|artikel\s+terkait|read\s+(?:also|more)|also\s+read|see\s+also|related|editor|penulis|reporter|pewarta|penyunting|sumber|source|foto|photo|credit|tags?|topik|kata\s+kunci|keywords?)\s*[:：|-]/iu;

/** Navigation words that stand alone on a line. */
const NAVIGATION = /^\s*(?:tags?|terkini|terpopuler|terbaru|populer|berita\s+terkait|advertisement|iklan|share|bagikan)\s*$/iu;

const MONTHS =
  'januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|' +
  'january|february|march|may|june|july|august|october|december|jan|feb|mar|apr|jun|jul|aug|agu|sep|sept|oct|okt|nov|dec|des';
/** "22 Agustus 2021, 21:45 WIB", "Sunday, 22 August 2021 09:30". */
const DATE_LINE = new RegExp(
  `^\\s*(?:[\\p{L}]+,\\s*)?\\d{1,2}\\s+(?:${MONTHS})\\.?\\s+\\d{4}(?:[,\\s|-]+\\d{1,2}[:.]\\d{2}(?:\\s*(?:WIB|WITA|WIT|UTC|GMT))?)?\\s*$`,
  'iu',
);

/** Photo captions: "Ilustrasi anggota Taliban dan Clubhouse /Reuters", "Foto: ...", "(ANTARA FOTO/...)". */
const CAPTION_START = /^\s*(?:ilustrasi|foto|photo|gambar|image|caption)\b/iu;
const CAPTION_CREDIT = /\/\s*(?:reuters|afp|ap|antara(?:\s+foto)?|getty(?:\s+images)?|istimewa|dok(?:umentasi)?\.?[^/]*|shutterstock|unsplash|[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,2})\s*\)?\s*$/u;
/** Captions are short; a long sentence ending in "/Reuters" is more likely prose. */
const CAPTION_MAX_LENGTH = 140;

function isCaption(text: string): boolean {
  return text.length <= CAPTION_MAX_LENGTH && (CAPTION_START.test(text) || CAPTION_CREDIT.test(text));
}

export function isBoilerplate(text: string): boolean {
  return LABEL.test(text) || NAVIGATION.test(text) || DATE_LINE.test(text) || isCaption(text);
}
