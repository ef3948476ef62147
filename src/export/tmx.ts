import type { Alignment, Lang } from '../types.js';
import { sideText } from './pair-text.js';

const TMX_LANG: Record<Lang, string> = { en: 'en', id: 'id', und: 'und' };

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 forbids even as references.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** A CAT tool files each side of a unit under its language tag; with one tag for both, it would take the two
 * versions for one. The target gets a private-use subtag of the same language (BCP 47 `-x-`). */
export const SAME_LANGUAGE_TARGET_SUFFIX = '-x-target';

/** The language tags of the two sides, distinct even when both files are in one language. */
export function tmxLanguages(alignment: Pick<Alignment, 'source' | 'target'>): { readonly source: string; readonly target: string } {
  const source = TMX_LANG[alignment.source.lang];
  const target = TMX_LANG[alignment.target.lang];
  return { source, target: target === source ? `${target}${SAME_LANGUAGE_TARGET_SUFFIX}` : target };
}

/** What a reader of the TMX should know: that the target's tag was made up, when both sides share a language. */
export function tmxWarnings(alignment: Pick<Alignment, 'source' | 'target'>): string[] {
  const tags = tmxLanguages(alignment);
  if (!tags.target.endsWith(SAME_LANGUAGE_TARGET_SUFFIX)) return [];
  return [
    `both files are in one language (${tags.source}): the TMX tags the target side ${tags.target} so that a CAT tool keeps the two versions apart`,
  ];
}

/** A TMX 1.4 translation memory of the aligned pairs (omitted and added sentences have no unit); a reviewer's note
 * becomes the unit's <note>. */
export function toTmx(alignment: Alignment, creationDate: Date = new Date()): string {
  const { source: sourceLang, target: targetLang } = tmxLanguages(alignment);
  const date = creationDate.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const units = alignment.pairs
    .filter((pair) => pair.status === 'aligned')
    .map((pair) => {
      const source = escapeXml(sideText(alignment, pair, 'source'));
      const target = escapeXml(sideText(alignment, pair, 'target'));
      return [
        `    <tu>`,
        ...(pair.note !== undefined && pair.note.length > 0 ? [`      <note>${escapeXml(pair.note)}</note>`] : []),
        `      <prop type="x-score">${pair.score.toFixed(4)}</prop>`,
        `      <tuv xml:lang="${sourceLang}"><seg>${source}</seg></tuv>`,
        `      <tuv xml:lang="${targetLang}"><seg>${target}</seg></tuv>`,
        `    </tu>`,
      ].join('\n');
    });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<tmx version="1.4">`,
    `  <header creationtool="selaras" creationtoolversion="0.1.0" segtype="sentence" o-tmf="selaras"` +
      ` adminlang="en" srclang="${sourceLang}" datatype="plaintext" creationdate="${date}"/>`,
    `  <body>`,
    ...units,
    `  </body>`,
    `</tmx>`,
    ``,
  ].join('\n');
}
