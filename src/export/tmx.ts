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

/** The TMX 1.4 header up to `<body>`; the creation date is left out when none is given (reproducible output). */
export function tmxHeader(sourceLang: string, creationDate?: Date): string {
  const date = creationDate?.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<tmx version="1.4">`,
    `  <header creationtool="selaras" creationtoolversion="0.1.0" segtype="sentence" o-tmf="selaras"` +
      ` adminlang="en" srclang="${sourceLang}" datatype="plaintext"${date ? ` creationdate="${date}"` : ''}/>`,
    `  <body>`,
    ``,
  ].join('\n');
}

export const TMX_FOOTER = `  </body>\n</tmx>\n`;

/**
 * One translation unit per aligned pair of `indexes` (default all; omitted and added sentences have no unit), then
 * one per pair of the moved passages those pairs take part in (once each, though their sentences stand at two
 * positions), each on lines of its own; `pairName` adds an `x-pair` property (batch mode: which article pair the
 * unit came from).
 */
export function tmxUnits(alignment: Alignment, indexes?: readonly number[], pairName?: string): string {
  const sourceLang = TMX_LANG[alignment.source.lang];
  const targetLang = TMX_LANG[alignment.target.lang];
  const pairs = indexes ? indexes.map((index) => alignment.pairs[index]!) : alignment.pairs;
  const moves = [...new Set(pairs.flatMap((pair) => (pair.move === undefined ? [] : [pair.move])))].sort((a, b) => a - b);
  const movedPairs = moves.flatMap((move) => alignment.moves?.[move]?.pairs ?? []);
  return [...pairs.filter((pair) => pair.status === 'aligned'), ...movedPairs]
    .map((pair) => {
      const source = escapeXml(sideText(alignment, pair, 'source'));
      const target = escapeXml(sideText(alignment, pair, 'target'));
      return [
        `    <tu>`,
        ...(pairName === undefined ? [] : [`      <prop type="x-pair">${escapeXml(pairName)}</prop>`]),
        `      <prop type="x-score">${pair.score.toFixed(4)}</prop>`,
        `      <tuv xml:lang="${sourceLang}"><seg>${source}</seg></tuv>`,
        `      <tuv xml:lang="${targetLang}"><seg>${target}</seg></tuv>`,
        `    </tu>`,
        ``,
      ].join('\n');
    })
    .join('');
}

/** A TMX 1.4 translation memory of the aligned pairs and the moved passages' pairs. */
export function toTmx(alignment: Alignment, creationDate: Date = new Date()): string {
  return tmxHeader(TMX_LANG[alignment.source.lang], creationDate) + tmxUnits(alignment) + TMX_FOOTER;
}
