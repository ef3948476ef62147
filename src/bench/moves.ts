/**
 * The moved-passages part of `npm run bench`: cases made from dev-raw with a block of sentences moved
 * (make-move-cases.ts, written to a temporary folder and removed after), scored by `selaras eval`: the moved
 * links found, and the other figures beside those of the same cases without the move.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Embedder } from '../embed/embedder.js';
import { runEval, type EvalReport } from '../eval/run-eval.js';
import { targetLine } from './differences.js';
import { MOVE_CASES, writeMoveCases } from './make-move-cases.js';

/** Issue 11's target for moves: recall of moved links at a least precision. */
const MOVE_TARGET = { recall: 0.85, precision: 0.9 };

function f1(report: EvalReport, metric: 'strict' | 'links' | 'omitted' | 'added'): string {
  return report.overall[metric].f1.toFixed(3);
}

export async function benchMoves(devRawDir: string, embedder: Embedder): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'selaras-bench-moves-'));
  try {
    const folders = await writeMoveCases(dir, devRawDir);
    const moved = await runEval(folders.moved, embedder);
    const inPlace = await runEval(folders.inPlace, embedder);
    const { moves } = moved;
    console.log(
      `moved passages (${embedder.name}, ${MOVE_CASES.count} cases from dev-raw, seed ${MOVE_CASES.seed}): ` +
        `moved links P ${moves.precision.toFixed(3)} R ${moves.recall.toFixed(3)} (${moves.found} moves, ${moves.predictedLinks} links found, ${moves.goldLinks} true); ` +
        `F1 with the move (without) strict ${f1(moved, 'strict')} (${f1(inPlace, 'strict')}), links ${f1(moved, 'links')} (${f1(inPlace, 'links')}), ` +
        `omitted ${f1(moved, 'omitted')} (${f1(inPlace, 'omitted')}), added ${f1(moved, 'added')} (${f1(inPlace, 'added')}); ` +
        `moves found in the cases without one: ${inPlace.moves.found}`,
    );
    const met = moves.recall >= MOVE_TARGET.recall && moves.precision >= MOVE_TARGET.precision;
    const figures = `R ${moves.recall.toFixed(3)} at P ${moves.precision.toFixed(3)}`;
    console.log(targetLine('  issue 11 target, moved links:', figures, `R >= ${MOVE_TARGET.recall} at P >= ${MOVE_TARGET.precision}`, met));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
