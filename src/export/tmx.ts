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

/** A TMX 1.4 translation memory of the aligned pairs and moved passages' pairs (omitted and added sentences have
 * no unit). */
export function toTmx(alignment: Alignment, creationDate: Date = new Date()): string {
  const sourceLang = TMX_LANG[alignment.source.lang];
  const targetLang = TMX_LANG[alignment.target.lang];
  const date = creationDate.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  // Pairs in place, then the pairs of moved passages (once each, though their sentences stand at two positions).
  const unitPairs = [...alignment.pairs.filter((pair) => pair.status === 'aligned'), ...(alignment.moves ?? []).flatMap((move) => move.pairs)];
  const units = unitPairs
    .map((pair) => {
      const source = escapeXml(sideText(alignment, pair, 'source'));
      const target = escapeXml(sideText(alignment, pair, 'target'));
      return [
        `    <tu>`,
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
