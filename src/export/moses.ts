import type { Alignment } from '../types.js';
import { allPairIndexes, sideText } from './pair-text.js';

/** The files of `--format moses --out PREFIX`: the English side, the Indonesian side, where each line came from. */
export const MOSES_SUFFIXES = ['.en', '.id', '.ids'] as const;

export function mosesFiles(prefix: string): string[] {
  return MOSES_SUFFIXES.map((suffix) => `${prefix}${suffix}`);
}

/** One segment per line: line breaks, tabs and other control characters inside a sentence become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F\u0085\u2028\u2029]+/g, ' ').trim();
}

export interface MosesLines {
  /** The English side, one aligned pair per line. */
  readonly en: string;
  /** The Indonesian side, line for line. */
  readonly id: string;
  /** Where each line came from: pair name, pair index, source and target sentence indexes, score (tab-separated). */
  readonly ids: string;
}

/**
 * Moses-style line-aligned text of the aligned pairs of `indexes` (default all), what MT training pipelines read.
 * The English side goes to `en` and the Indonesian to `id`: a pair given Indonesian first is swapped; with both
 * sides in one language the source goes to `en`.
 */
export function mosesLines(alignment: Alignment, name: string, indexes?: readonly number[]): MosesLines {
  const swap = alignment.source.lang === 'id' && alignment.target.lang === 'en';
  const en: string[] = [];
  const id: string[] = [];
  const ids: string[] = [];
  for (const index of indexes ?? allPairIndexes(alignment)) {
    const pair = alignment.pairs[index]!;
    if (pair.status !== 'aligned') continue;
    const source = oneLine(sideText(alignment, pair, 'source'));
    const target = oneLine(sideText(alignment, pair, 'target'));
    en.push(`${swap ? target : source}\n`);
    id.push(`${swap ? source : target}\n`);
    ids.push(`${oneLine(name)}\t${index}\t${pair.source.join(' ')}\t${pair.target.join(' ')}\t${pair.score.toFixed(4)}\n`);
  }
  return { en: en.join(''), id: id.join(''), ids: ids.join('') };
}
