/** What the HTML report shows, as plain data: the header, the filters and one row per pair (or, for three or more
 * versions, per row of the versions table), every text already cleaned for display and cut into the spans its
 * differences cover. Pure: the page (page.ts) only turns this into markup. */
import { markDifferences, type MarkedSegment, type Side } from '../../compare/spans.js';
import { summarizeDifferences } from '../../compare/summary.js';
import { cleanForDisplay, countPairs, pairFlags, sentenceTexts, type PairCounts, type PairFlag } from '../../review.js';
import type { Alignment, Difference, Document, Lang, MovedPassage, PairStatus, SentencePair } from '../../types.js';
import type { MultiAlignment, VersionCell } from '../../versions.js';
import { pairLabel } from '../pair-text.js';
import { versionLabels } from '../versions.js';

/** A moved passage, as the JSON contract lists it: its halves stay omitted and added pairs marked `"move": N`. */
export type Move = MovedPassage;

/** An alignment that may carry moved passages (pairs with `move`, a top-level `moves` list); the report links them
 * wherever the data has them. */
export type AlignmentWithMoves = Alignment;

export type RowFlag = PairFlag | 'moved';

export interface ReportColumn {
  /** What the column header says: the role and the file's name. */
  readonly role: 'source' | 'target' | 'pivot' | 'version';
  readonly label: string;
  readonly path: string;
  readonly lang: Lang;
  readonly sentences: number;
}

export type CellContent =
  | { readonly kind: 'text'; readonly segments: readonly MarkedSegment[] }
  /** This side has nothing for the other's sentences. */
  | { readonly kind: 'no-counterpart' }
  /** A later pivot sentence of a merge: the version's sentences are in the row above. */
  | { readonly kind: 'same-as-above' }
  /** A sentence found only in another version: this one was never compared with it. */
  | { readonly kind: 'blank' };

export interface ReportCell {
  readonly content: CellContent;
  /** 0-based sentence indexes of this column's document. */
  readonly sentences: readonly number[];
  /** Three or more versions: this version's pair with the pivot. */
  readonly status?: PairStatus;
  readonly score?: number;
}

/** A link from one half of a moved passage to the other. */
export interface MoveLink {
  readonly move: number;
  /** The row holding the other half (its element id and 0-based index), or null when the data names none. */
  readonly otherRow: { readonly id: string; readonly index: number } | null;
  /** Which side this row holds: where the passage was (source) or where it went (target). */
  readonly side: Side;
}

export interface ReportRow {
  /** The row's element id, for links. */
  readonly id: string;
  /** 0-based: the pair's index in the alignment (or the versions table's row). */
  readonly index: number;
  /** "aligned", "omitted", "added", "aligned 1-2"; for versions, the row's most telling flag. */
  readonly label: string;
  readonly status: PairStatus;
  /** The pair's score; null for a versions row (each version's cell has its own). */
  readonly score: number | null;
  readonly flags: readonly RowFlag[];
  readonly kinds: readonly Difference['kind'][];
  /** One per column. */
  readonly cells: readonly ReportCell[];
  /** One line per difference, "kind: source ≠ target", with the version it concerns for three or more. */
  readonly differences: readonly { readonly kind: Difference['kind']; readonly text: string }[];
  readonly moves: readonly MoveLink[];
}

export interface ReportFilter {
  /** The token rows carry in their flags; 'all' matches every row. */
  readonly id: string;
  readonly label: string;
  readonly count: number;
}

export interface ReportCount {
  readonly id: string;
  readonly label: string;
  readonly value: number;
}

export interface ReportModel {
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly model: string;
  /** ISO 8601, UTC. */
  readonly generated: string;
  /** Counts of pairs, as the terminal UI's header gives them; one group per version for three or more. */
  readonly counts: readonly { readonly heading: string | null; readonly counts: readonly ReportCount[] }[];
  readonly filters: readonly ReportFilter[];
  readonly rows: readonly ReportRow[];
}

export interface ReportOptions {
  /** When the report was made (the header says so). */
  readonly generated: Date;
}

const FLAG_LABELS: Record<RowFlag, string> = {
  omitted: 'omitted',
  added: 'added',
  moved: 'moved',
  differences: 'with differences',
  'low-confidence': 'low confidence',
};

/** The filter token of one difference kind. */
export function kindFilter(kind: Difference['kind']): string {
  return `kind-${kind}`;
}

/** The tokens a row matches: its flags, its difference kinds, and 'flagged' when it has any flag. */
export function rowTokens(row: Pick<ReportRow, 'flags' | 'kinds'>): readonly string[] {
  return [...(row.flags.length > 0 ? ['flagged'] : []), ...row.flags, ...row.kinds.map(kindFilter)];
}

/** The terminal UI's counts, and the moved pairs when there are any. */
function pairCounts(counts: PairCounts, moved: number): ReportCount[] {
  return [
    { id: 'pairs', label: 'pairs', value: counts.pairs },
    { id: 'aligned', label: 'aligned', value: counts.aligned },
    { id: 'omitted', label: 'omitted', value: counts.omitted },
    { id: 'added', label: 'added', value: counts.added },
    ...(moved > 0 ? [{ id: 'moved', label: 'moved', value: moved }] : []),
    { id: 'differences', label: 'with differences', value: counts.withDifferences },
    { id: 'low-confidence', label: 'low confidence', value: counts.lowConfidence },
  ];
}

/** Filters in a fixed order: everything, the flagged rows, each flag, then each difference kind the data has (so
 * kinds the compare module adds appear by themselves). A moved filter only when something moved. */
function buildFilters(rows: readonly ReportRow[]): ReportFilter[] {
  const count = (token: string): number => rows.filter((row) => rowTokens(row).includes(token)).length;
  const flags: RowFlag[] = ['omitted', 'added', 'moved', 'differences', 'low-confidence'];
  const kinds = [...new Set(rows.flatMap((row) => row.kinds))].sort();
  return [
    { id: 'all', label: 'all', count: rows.length },
    { id: 'flagged', label: 'flagged', count: count('flagged') },
    ...flags.filter((flag) => flag !== 'moved' || count(flag) > 0).map((flag) => ({ id: flag, label: FLAG_LABELS[flag], count: count(flag) })),
    ...kinds.map((kind) => ({ id: kindFilter(kind), label: kind, count: count(kindFilter(kind)) })),
  ];
}

function textCell(document: Document, sentences: readonly number[], differences: readonly Difference[], side: Side): ReportCell {
  if (sentences.length === 0) return { content: { kind: 'no-counterpart' }, sentences };
  const text = sentenceTexts(document, sentences).join(' ');
  return { content: { kind: 'text', segments: markDifferences(text, differences, side) }, sentences };
}

function differenceLines(differences: readonly Difference[], prefix = ''): ReportRow['differences'] {
  return differences.map((difference) => ({ kind: difference.kind, text: cleanForDisplay(`${prefix}${summarizeDifferences([difference])}`) }));
}

function uniqueKinds(differences: readonly Difference[]): Difference['kind'][] {
  return [...new Set(differences.map((difference) => difference.kind))].sort();
}

/** For each move, the pairs holding each of its halves (the pairs marked with it, by side). */
function moveHalves(pairs: AlignmentWithMoves['pairs']): Map<number, Record<Side, number[]>> {
  const halves = new Map<number, Record<Side, number[]>>();
  pairs.forEach((pair, index) => {
    if (pair.move === undefined) return;
    const half = halves.get(pair.move) ?? { source: [], target: [] };
    half[pair.target.length === 0 ? 'source' : 'target'].push(index);
    halves.set(pair.move, half);
  });
  return halves;
}

/** The move a pair belongs to, its link to the other half and the move's differences (which mark its text). */
function pairMove(
  alignment: AlignmentWithMoves,
  halves: Map<number, Record<Side, number[]>>,
  index: number,
  rowId: (rowIndex: number) => string,
  rowOf: (pairIndex: number) => number | null,
): { readonly link: MoveLink; readonly differences: readonly Difference[] } | null {
  const pair = alignment.pairs[index];
  if (pair?.move === undefined) return null;
  const side: Side = pair.target.length === 0 ? 'source' : 'target';
  const otherPair = halves.get(pair.move)?.[side === 'source' ? 'target' : 'source'][0];
  const otherRow = otherPair === undefined ? null : rowOf(otherPair);
  return {
    link: { move: pair.move, otherRow: otherRow === null ? null : { id: rowId(otherRow), index: otherRow }, side },
    differences: alignment.moves?.[pair.move]?.differences ?? [],
  };
}

function baseName(path: string): string {
  return cleanForDisplay(path.split(/[\\/]/).pop() ?? path);
}

function movedCount(alignment: AlignmentWithMoves): number {
  return alignment.pairs.filter((pair) => pair.move !== undefined).length;
}

const PAIR_ID = (index: number): string => `pair-${index}`;
const ROW_ID = (index: number): string => `row-${index}`;

/** Two documents: one row per pair, the source left, the target right. */
export function buildReportModel(alignment: AlignmentWithMoves, options: ReportOptions): ReportModel {
  const { source, target } = alignment;
  const halves = moveHalves(alignment.pairs);
  const rows = alignment.pairs.map((pair, index): ReportRow => {
    const move = pairMove(alignment, halves, index, PAIR_ID, (pairIndex) => pairIndex);
    const differences = [...pair.differences, ...(move?.differences ?? [])];
    const flags: RowFlag[] = [...pairFlags(pair), ...(move === null ? [] : (['moved'] as const))];
    if (move !== null && move.differences.length > 0 && !flags.includes('differences')) flags.push('differences');
    return {
      id: PAIR_ID(index),
      index,
      label: pairLabel(pair),
      status: pair.status,
      score: pair.score,
      flags,
      kinds: uniqueKinds(differences),
      cells: [textCell(source, pair.source, differences, 'source'), textCell(target, pair.target, differences, 'target')],
      differences: differenceLines(differences),
      moves: move === null ? [] : [move.link],
    };
  });
  return {
    title: `${baseName(source.path)} ↔ ${baseName(target.path)}`,
    columns: [
      { role: 'source', label: baseName(source.path), path: cleanForDisplay(source.path), lang: source.lang, sentences: source.sentences.length },
      { role: 'target', label: baseName(target.path), path: cleanForDisplay(target.path), lang: target.lang, sentences: target.sentences.length },
    ],
    model: cleanForDisplay(alignment.model),
    generated: options.generated.toISOString(),
    counts: [{ heading: null, counts: pairCounts(countPairs(alignment.pairs), movedCount(alignment)) }],
    filters: buildFilters(rows),
    rows,
  };
}

function versionCell(document: Document, cell: VersionCell | null, pair: SentencePair | undefined, differences: readonly Difference[]): ReportCell {
  if (cell === null || pair === undefined) return { content: { kind: 'blank' }, sentences: [] };
  const scored = { status: cell.status, score: cell.score };
  if (cell.continued) return { content: { kind: 'same-as-above' }, sentences: cell.sentences, ...scored };
  return { ...textCell(document, cell.sentences, differences, 'target'), ...scored };
}

/** Three or more versions: one row per row of the versions table (a pivot sentence and each version's counterpart,
 * or a sentence found only in one version), one column per version, the pivot first. */
export function buildVersionsReportModel(multi: MultiAlignment, options: ReportOptions): ReportModel {
  const labels = versionLabels(multi).map(cleanForDisplay);
  const alignments = multi.alignments as readonly AlignmentWithMoves[];
  const halves = alignments.map((alignment) => moveHalves(alignment.pairs));
  /** Per version: pair index -> the first row showing it, for links between the halves of a move. */
  const firstRow = alignments.map(() => new Map<number, number>());
  multi.rows.forEach((row, rowIndex) => {
    row.cells.forEach((cell, version) => {
      const rows = firstRow[version];
      if (cell !== null && rows !== undefined && !rows.has(cell.pair)) rows.set(cell.pair, rowIndex);
    });
  });
  const rows = multi.rows.map((row, rowIndex): ReportRow => {
    const flags = new Set<RowFlag>();
    const pivotDifferences: Difference[] = [];
    const differences: ReportRow['differences'][number][] = [];
    const moves: MoveLink[] = [];
    const cells = row.cells.map((cell, version): ReportCell => {
      const alignment = alignments[version];
      const document = multi.versions[version];
      const pair = cell === null ? undefined : alignment?.pairs[cell.pair];
      if (cell === null || alignment === undefined || document === undefined || pair === undefined) return versionCell(multi.pivot, null, undefined, []);
      const rowOf = (pairIndex: number): number | null => firstRow[version]?.get(pairIndex) ?? null;
      const move = pairMove(alignment, halves[version] ?? new Map(), cell.pair, ROW_ID, rowOf);
      const pairDifferences = [...pair.differences, ...(move?.differences ?? [])];
      for (const flag of pairFlags(pair)) flags.add(flag);
      if (move !== null) {
        flags.add('moved');
        moves.push(move.link);
      }
      if (pairDifferences.length > 0) flags.add('differences');
      pivotDifferences.push(...pairDifferences);
      // A merge's differences are listed once, on its first row.
      if (!cell.continued) differences.push(...differenceLines(pairDifferences, `${labels[version + 1] ?? ''}: `));
      return versionCell(document, cell, pair, pairDifferences);
    });
    const pivotCell =
      row.pivot === null
        ? ({ content: { kind: 'no-counterpart' }, sentences: [] } satisfies ReportCell)
        : textCell(multi.pivot, [row.pivot], pivotDifferences, 'source');
    const status: PairStatus = row.pivot === null ? 'added' : row.cells.some((cell) => cell?.status === 'omitted') ? 'omitted' : 'aligned';
    const orderedFlags = (['added', 'omitted', 'moved', 'low-confidence', 'differences'] as const).filter((flag) => flags.has(flag));
    return {
      id: ROW_ID(rowIndex),
      index: rowIndex,
      label: orderedFlags[0] === undefined ? 'aligned' : FLAG_LABELS[orderedFlags[0]],
      status,
      score: null,
      flags: orderedFlags,
      kinds: uniqueKinds(pivotDifferences),
      cells: [pivotCell, ...cells],
      differences,
      moves,
    };
  });
  const documents = [multi.pivot, ...multi.versions];
  return {
    title: labels.join(' ↔ '),
    columns: documents.map((document, index) => ({
      role: index === 0 ? 'pivot' : 'version',
      label: labels[index] ?? '',
      path: cleanForDisplay(document.path),
      lang: document.lang,
      sentences: document.sentences.length,
    })),
    model: cleanForDisplay(multi.model),
    generated: options.generated.toISOString(),
    counts: alignments.map((alignment, version) => ({
      heading: `${labels[0] ?? ''} ↔ ${labels[version + 1] ?? ''}`,
      counts: pairCounts(countPairs(alignment.pairs), movedCount(alignment)),
    })),
    filters: buildFilters(rows),
    rows,
  };
}
