/**
 * Three or more versions of one story: every version is aligned to the first (the pivot), and the pairwise
 * alignments are laid out as rows, one per pivot sentence, with each version's counterpart (or none). Sentences
 * found only in a non-pivot version get rows of their own where they occur. Pure: alignments in, rows out.
 */
import type { Alignment, Document, PairStatus } from './types.js';

export interface VersionCell {
  /** Sentence indexes of this version; empty when it has no counterpart. */
  readonly sentences: readonly number[];
  readonly status: PairStatus;
  readonly score: number;
  /** True on the second and later pivot rows of a merge: the same counterpart as the row above. */
  readonly continued: boolean;
  /** The index of the pair this cell shows in its version's alignment with the pivot (its differences, its move). */
  readonly pair: number;
}

export interface VersionRow {
  /** The pivot sentence, or null for a row of sentences found only in other versions. */
  readonly pivot: number | null;
  /** One cell per non-pivot version, in the order the versions were given. */
  readonly cells: readonly (VersionCell | null)[];
}

export interface MultiAlignment {
  readonly pivot: Document;
  readonly versions: readonly Document[];
  readonly model: string;
  /** The pairwise alignments pivot -> version, in version order. */
  readonly alignments: readonly Alignment[];
  readonly rows: readonly VersionRow[];
}

const NO_COUNTERPART: Omit<VersionCell, 'pair'> = { sentences: [], status: 'omitted', score: 0, continued: false };

export function buildVersionRows(alignments: readonly Alignment[]): VersionRow[] {
  const first = alignments[0];
  if (!first) return [];
  const pivotCount = first.source.sentences.length;
  const pivotCells: (VersionCell | null)[][] = Array.from({ length: pivotCount }, () =>
    alignments.map(() => null),
  );
  /** Rows of added sentences, keyed by the pivot sentence they follow (-1: before the first). */
  const addedAfter = new Map<number, VersionRow[]>();
  alignments.forEach((alignment, v) => {
    let lastPivot = -1;
    for (const [pairIndex, pair] of alignment.pairs.entries()) {
      if (pair.source.length === 0) {
        const cells = alignments.map((_, k): VersionCell | null =>
          k === v ? { sentences: pair.target, status: 'added', score: pair.score, continued: false, pair: pairIndex } : null,
        );
        const rows = addedAfter.get(lastPivot) ?? [];
        rows.push({ pivot: null, cells });
        addedAfter.set(lastPivot, rows);
        continue;
      }
      pair.source.forEach((i, k) => {
        const cell: VersionCell =
          pair.status === 'omitted'
            ? { ...NO_COUNTERPART, score: pair.score, pair: pairIndex }
            : { sentences: pair.target, status: pair.status, score: pair.score, continued: k > 0, pair: pairIndex };
        pivotCells[i]![v] = cell;
      });
      lastPivot = pair.source[pair.source.length - 1]!;
    }
  });
  const rows: VersionRow[] = [...(addedAfter.get(-1) ?? [])];
  for (let i = 0; i < pivotCount; i++) {
    rows.push({ pivot: i, cells: pivotCells[i]! });
    rows.push(...(addedAfter.get(i) ?? []));
  }
  return rows;
}

export function toMultiAlignment(alignments: readonly Alignment[]): MultiAlignment {
  const first = alignments[0];
  if (!first) throw new Error('toMultiAlignment: no alignments');
  return {
    pivot: first.source,
    versions: alignments.map((a) => a.target),
    model: first.model,
    alignments,
    rows: buildVersionRows(alignments),
  };
}
