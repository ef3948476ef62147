/** What the versions overview needs to know about three or more versions, computed once when they load: each row's
 * cells as display text, which pair of each pairwise alignment a row belongs to, and which rows differ. Pure, no Ink. */
import { versionLabels } from '../../export/versions.js';
import type { SentencePair } from '../../types.js';
import type { MultiAlignment, VersionRow } from '../../versions.js';
import { countPairs, isLowConfidence, sentenceTexts, type PairCounts } from '../../review.js';

/** One cell of the overview. */
export type CellView =
  | { readonly kind: 'text'; readonly text: string }
  /** This version has nothing for the pivot sentence (or the pivot nothing for this version's sentence). */
  | { readonly kind: 'no-counterpart' }
  /** The second or later pivot sentence of a merge: the version's sentences are those of the row above. */
  | { readonly kind: 'same-as-above' }
  /** A sentence found only in another version: this version was never compared with it (each version is aligned to
   * the pivot, not to the others). */
  | { readonly kind: 'blank' };

/** Why a row stands out, most telling first; the marker column shows the first that applies. */
export type RowFlag = 'added' | 'omitted' | 'low-confidence' | 'differences';

export interface VersionsModel {
  readonly multi: MultiAlignment;
  /** Unique short labels, pivot first (file names). */
  readonly labels: readonly string[];
  /** Per row: the pivot's cell, then one per version (in `multi.versions` order). */
  readonly cells: readonly (readonly CellView[])[];
  /** Per row: for each version, the index of the pair of `multi.alignments[version]` the row shows, or null. */
  readonly pairOf: readonly (readonly (number | null)[])[];
  readonly flags: readonly (RowFlag | null)[];
  /** Per version: the counts of its alignment with the pivot. */
  readonly counts: readonly PairCounts[];
}

function joinedText(sentences: readonly string[]): string {
  return sentences.join(' ');
}

/** For each version: pivot sentence -> pair index, and the version's first sentence of an added pair -> pair index. */
function pairIndexes(pairs: readonly SentencePair[]): { readonly byPivot: Map<number, number>; readonly byAdded: Map<number, number> } {
  const byPivot = new Map<number, number>();
  const byAdded = new Map<number, number>();
  pairs.forEach((pair, index) => {
    for (const sentence of pair.source) byPivot.set(sentence, index);
    const first = pair.target[0];
    if (pair.source.length === 0 && first !== undefined) byAdded.set(first, index);
  });
  return { byPivot, byAdded };
}

function rowFlag(row: VersionRow, pairs: readonly (SentencePair | null)[]): RowFlag | null {
  if (row.pivot === null) return 'added';
  if (row.cells.some((cell) => cell !== null && cell.sentences.length === 0)) return 'omitted';
  if (pairs.some((pair) => pair !== null && isLowConfidence(pair))) return 'low-confidence';
  if (pairs.some((pair) => pair !== null && pair.differences.length > 0)) return 'differences';
  return null;
}

export function buildVersionsModel(multi: MultiAlignment): VersionsModel {
  const indexes = multi.alignments.map((alignment) => pairIndexes(alignment.pairs));
  const cells: CellView[][] = [];
  const pairOf: (number | null)[][] = [];
  const flags: (RowFlag | null)[] = [];
  for (const row of multi.rows) {
    const pivotCell: CellView =
      row.pivot === null
        ? { kind: 'no-counterpart' }
        : { kind: 'text', text: joinedText(sentenceTexts(multi.pivot, [row.pivot])) };
    const rowCells: CellView[] = [pivotCell];
    const rowPairs: (number | null)[] = [];
    row.cells.forEach((cell, version) => {
      const document = multi.versions[version];
      const index = indexes[version];
      if (cell === null || document === undefined || index === undefined) {
        rowCells.push({ kind: 'blank' });
        rowPairs.push(null);
        return;
      }
      const first = cell.sentences[0];
      rowPairs.push(
        row.pivot !== null ? (index.byPivot.get(row.pivot) ?? null) : first === undefined ? null : (index.byAdded.get(first) ?? null),
      );
      if (cell.sentences.length === 0) rowCells.push({ kind: 'no-counterpart' });
      else if (cell.continued) rowCells.push({ kind: 'same-as-above' });
      else rowCells.push({ kind: 'text', text: joinedText(sentenceTexts(document, cell.sentences)) });
    });
    cells.push(rowCells);
    pairOf.push(rowPairs);
    flags.push(rowFlag(row, rowPairs.map((pairIndex, version) => (pairIndex === null ? null : (multi.alignments[version]?.pairs[pairIndex] ?? null)))));
  }
  return {
    multi,
    labels: versionLabels(multi),
    cells,
    pairOf,
    flags,
    counts: multi.alignments.map((alignment) => countPairs(alignment.pairs)),
  };
}

/** The pair of `multi.alignments[version]` to open for a row: the row's own, else the nearest row's above, else
 * below (a row of another version's added sentence has none of its own). Null only for an empty alignment. */
export function pairForRow(model: VersionsModel, row: number, version: number): number | null {
  const own = model.pairOf[row]?.[version];
  if (own !== undefined && own !== null) return own;
  for (let distance = 1; distance < model.pairOf.length; distance += 1) {
    for (const candidate of [row - distance, row + distance]) {
      const pair = model.pairOf[candidate]?.[version];
      if (pair !== undefined && pair !== null) return pair;
    }
  }
  return null;
}

/** The first row that shows a pair of `multi.alignments[version]`, or null. */
export function rowForPair(model: VersionsModel, version: number, pairIndex: number): number | null {
  const row = model.pairOf.findIndex((pairs) => pairs[version] === pairIndex);
  return row === -1 ? null : row;
}

/** The pair a cell of a version shows, for its differences (null for the pivot column and for blank cells). */
export function cellPair(model: VersionsModel, row: number, version: number): SentencePair | null {
  const pairIndex = model.pairOf[row]?.[version];
  if (pairIndex === undefined || pairIndex === null) return null;
  return model.multi.alignments[version]?.pairs[pairIndex] ?? null;
}
