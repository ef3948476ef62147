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
  const { source: sourceLang, target: targetLang } = tmxLanguages(alignment);
  const pairs = indexes ? indexes.map((index) => alignment.pairs[index]!) : alignment.pairs;
  const moves = [...new Set(pairs.flatMap((pair) => (pair.move === undefined ? [] : [pair.move])))].sort((a, b) => a - b);
  const movedPairs = moves.flatMap((move) => alignment.moves?.[move]?.pairs ?? []);
  const units: readonly { readonly source: readonly number[]; readonly target: readonly number[]; readonly score: number; readonly note?: string }[] = [
    ...pairs.filter((pair) => pair.status === 'aligned'),
    ...movedPairs,
  ];
  return units
    .map((pair) => {
      const source = escapeXml(sideText(alignment, pair, 'source'));
      const target = escapeXml(sideText(alignment, pair, 'target'));
      return [
        `    <tu>`,
        // A reviewer's note (the review UI's c), where a CAT tool shows it.
        ...(pair.note !== undefined && pair.note.length > 0 ? [`      <note>${escapeXml(pair.note)}</note>`] : []),
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

/** A TMX 1.4 translation memory of the aligned pairs and the moved passages' pairs; a reviewer's note becomes the
 * unit's <note>. */
export function toTmx(alignment: Alignment, creationDate: Date = new Date(), indexes?: readonly number[]): string {
  return tmxHeader(tmxLanguages(alignment).source, creationDate) + tmxUnits(alignment, indexes) + TMX_FOOTER;
}
