/**
 * The dynamic programme again where only some bead costs changed (the moved sentences of moves.ts): instead of
 * the whole band, only windows of the old path around the beads whose costs changed, each window's corners held
 * where the old path passes, and the old path kept between them. A change of cost moves the best path only near
 * it in a translation, so with a margin of WINDOW_MARGIN beads each side, and a wider window wherever the new path
 * has not met the old one again well inside it, this gives what a full run gives (the same output, byte for byte,
 * on the bench's long pair, its 80 move cases and the 60 dev cases) for a fraction of the cells. It is not the
 * full run in every case: a change that makes a long shifted stretch cheaper than the old path only as a whole,
 * while inside any window going back pays, is not followed beyond the window. Pure.
 */
import { runDp, type Band, type BeadCost, type PathBead, type PathConfidence } from './dp.js';
import type { MoveWindow } from './moves.js';

/** Beads of the old path kept around each changed bead inside its window. */
export const WINDOW_MARGIN = 24;

/** Bead indexes [first, end) of a path. */
export type BeadRange = readonly [number, number];

/** Ranges [k - margin, k + margin + 1) around each bead `isChanged` picks, merged where they touch, in order. */
export function rangesAround(count: number, isChanged: (k: number) => boolean, margin: number): BeadRange[] {
  const ranges: Array<[number, number]> = [];
  for (let k = 0; k < count; k++) {
    if (!isChanged(k)) continue;
    const first = Math.max(0, k - margin);
    const end = Math.min(count, k + margin + 1);
    const last = ranges.at(-1);
    if (last && first <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([first, end]);
  }
  return ranges;
}

/** The corner before bead k of a path (the end corner of the path for k = path.length). */
function corner(path: readonly PathBead[], k: number, n: number, m: number): [number, number] {
  const bead = path[k];
  return bead ? [bead.sourceStart, bead.targetStart] : [n, m];
}

/** The best path from corner (i0, j0) to (i1, j1) inside the band, in document coordinates. */
export function runDpBetween(band: Band, beadCost: BeadCost, from: readonly [number, number], to: readonly [number, number]): PathBead[] {
  const [i0, j0] = from;
  const [i1, j1] = to;
  const rows = i1 - i0;
  const columns = j1 - j0;
  const lo = new Int32Array(rows + 1);
  const hi = new Int32Array(rows + 1);
  for (let r = 0; r <= rows; r++) {
    lo[r] = Math.min(columns, Math.max(0, band.lo[i0 + r]! - j0));
    hi[r] = Math.max(0, Math.min(columns, band.hi[i0 + r]! - j0));
  }
  const local = runDp(rows, columns, { lo, hi }, (i, j, a, b) => beadCost(i0 + i, j0 + j, a, b));
  return local.map((bead) => ({ ...bead, sourceStart: bead.sourceStart + i0, targetStart: bead.targetStart + j0 }));
}

export interface Rerun {
  readonly path: PathBead[];
  /** Per bead of the new path: its index in the old path when the bead lies outside every window, else -1. */
  readonly oldIndex: Int32Array;
}

/** Whether a window's new beads start and end as the old path's did (`keep` beads each end, where the window has
 * an end inside the path): the new path met the old one again inside the window, so its corners held nothing in. */
function meetsOldPath(path: readonly PathBead[], first: number, end: number, beads: readonly PathBead[], keep: number): boolean {
  const same = (a: PathBead, b: PathBead | undefined) =>
    b !== undefined && a.sourceStart === b.sourceStart && a.sourceCount === b.sourceCount && a.targetStart === b.targetStart && a.targetCount === b.targetCount;
  if (first > 0) for (let d = 0; d < keep; d++) if (!same(path[first + d]!, beads[d])) return false;
  if (end < path.length) for (let d = 1; d <= keep; d++) if (!same(path[end - d]!, beads[beads.length - d])) return false;
  return true;
}

/**
 * The best path under `beadCost` when it differs from the costs that gave `path` only in beads `isChanged` picks
 * (by the old path's bead index) and near them: each window of the old path around them is run again between its
 * corners, and the rest of the old path is kept. A window whose new path has not met the old one again by half its
 * margin from either end (a change that shifts the path a long way) is run again with twice the margin, up to the
 * whole path, which is the full run.
 */
export function rerunAround(
  n: number,
  m: number,
  band: Band,
  beadCost: BeadCost,
  path: readonly PathBead[],
  isChanged: (k: number) => boolean,
  margin = WINDOW_MARGIN,
): Rerun {
  for (let width = Math.max(1, margin); ; width *= 2) {
    const ranges = rangesAround(path.length, isChanged, width);
    const runs = ranges.map(([first, end]) => runDpBetween(band, beadCost, corner(path, first, n, m), corner(path, end, n, m)));
    const keep = Math.ceil(width / 2);
    // A window over the whole path always passes: it is the full run.
    if (!ranges.every(([first, end], r) => meetsOldPath(path, first, end, runs[r]!, keep))) continue;
    const out: PathBead[] = [];
    const oldIndex: number[] = [];
    let next = 0;
    ranges.forEach(([first, end], r) => {
      for (; next < first; next++) {
        out.push(path[next]!);
        oldIndex.push(next);
      }
      for (const bead of runs[r]!) {
        out.push(bead);
        oldIndex.push(-1);
      }
      next = end;
    });
    for (; next < path.length; next++) {
      out.push(path[next]!);
      oldIndex.push(next);
    }
    return { path: out, oldIndex: Int32Array.from(oldIndex) };
  }
}

/** Beads next to a window run again whose margins and posteriors are taken again too (the band around the path,
 * and so their alternatives, changed near them). */
export const CONFIDENCE_KEEP = 16;
/** Beads beyond those whose paths are weighed with them. */
export const CONFIDENCE_CONTEXT = 24;

/**
 * Margins and posteriors (dp.ts pathConfidence) of a path that `rerunAround` made from one whose are known: beads
 * more than CONFIDENCE_KEEP beads from a window run again keep theirs (the paths around them are the same); the
 * others are weighed again by `confidenceIn` over the path's part from CONFIDENCE_CONTEXT beads further on each
 * side, which gives what the whole documents give up to rounding far below the score's four digits (the paths
 * that matter to a bead pass through the part's corners).
 */
export function confidenceAfterRerun(
  old: PathConfidence,
  rerun: Rerun,
  n: number,
  m: number,
  confidenceIn: (part: readonly PathBead[], window: MoveWindow) => PathConfidence,
): PathConfidence {
  const { path, oldIndex } = rerun;
  const margins = new Float64Array(path.length);
  const posteriors = new Float64Array(path.length);
  oldIndex.forEach((was, k) => {
    if (was < 0) return;
    margins[k] = old.margins[was]!;
    posteriors[k] = old.posteriors[was]!;
  });
  for (const [first, end] of rangesAround(path.length, (k) => oldIndex[k]! < 0, CONFIDENCE_KEEP)) {
    const from = Math.max(0, first - CONFIDENCE_CONTEXT);
    const to = Math.min(path.length, end + CONFIDENCE_CONTEXT);
    const [i0, j0] = corner(path, from, n, m);
    const [i1, j1] = corner(path, to, n, m);
    const part = confidenceIn(path.slice(from, to), { sourceStart: i0, targetStart: j0, sourceCount: i1 - i0, targetCount: j1 - j0 });
    for (let k = first; k < end; k++) {
      margins[k] = part.margins[k - from]!;
      posteriors[k] = part.posteriors[k - from]!;
    }
  }
  return { margins, posteriors };
}
