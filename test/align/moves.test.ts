import { describe, expect, it } from 'vitest';
import { alignSentences } from '../../src/align/align.js';
import { collectMoves, findMoves, markMoves, type MoveCosts, type MoveWindow, type PathPair } from '../../src/align/moves.js';
import { createLexicalEmbedder } from '../../src/embed/lexical.js';

/** A path: `aligned` pairs i-i' in order, omitted source and added target sentences where given. */
function path(beads: ReadonlyArray<[number[], number[]]>): PathPair[] {
  return beads.map(([source, target]) => ({ source, target, status: source.length === 0 ? 'added' : target.length === 0 ? 'omitted' : 'aligned' }));
}

/** Costs where the pairs listed translate each other (cost 0.2) and everything else is unrelated (cost 1). */
function costs(translations: ReadonlyArray<[number, number]>): MoveCosts {
  const good = new Set(translations.map(([i, j]) => `${i}-${j}`));
  const unit = (i: number, j: number, a: number, b: number) => {
    for (let k = 0; k < a; k++) for (let l = 0; l < b; l++) if (!good.has(`${i + k}-${j + l}`) || a !== b) return 1;
    return 0.2;
  };
  return {
    unitCost: unit,
    pairBoundary: 0.8,
    // Each bead of the path its own score: 1 minus its unit cost (what the engine's calibrated score would follow).
    score: (beads) => beads.map((bead) => (bead.sourceCount > 0 && bead.targetCount > 0 ? 1 - unit(bead.sourceStart, bead.targetStart, bead.sourceCount, bead.targetCount) : 0)),
    beadCost: (i, j, a, b) => (a === 0 || b === 0 ? 0.4 * (a + b) : unit(i, j, a, b) * ((a + b) / 2) + 0.4 * Math.max(0, a + b - 2)),
  };
}

/** Source sentences 0-9 paired in place with target 0-6, except source 2-4, whose translations stand at target 7-9. */
const MOVED = path([
  [[0], [0]], [[1], [1]], [[2], []], [[3], []], [[4], []], [[5], [2]], [[6], [3]], [[7], [4]], [[8], [5]], [[9], [6]],
  [[], [7]], [[], [8]], [[], [9]],
]);

describe('findMoves', () => {
  it('pairs a block omitted in one place with its translation added elsewhere: one move', () => {
    const moves = findMoves(MOVED, costs([[2, 7], [3, 8], [4, 9]]));
    expect(moves.map(({ source, target, beads }) => ({ source, target, pairs: beads.map((b) => [b.source, b.target]) }))).toEqual([
      { source: [2, 3, 4], target: [7, 8, 9], pairs: [[[2], [7]], [[3], [8]], [[4], [9]]] },
    ]);
  });

  it("gives each pair of a move the score the engine gives it within the two runs' path, the move its weakest", () => {
    const seen: Array<{ window: MoveWindow; path: Array<[number, number]> }> = [];
    const scoring = costs([[2, 7], [3, 8], [4, 9]]);
    const moves = findMoves(MOVED, {
      ...scoring,
      score: (beads, window) => {
        seen.push({ window, path: beads.map((bead) => [bead.sourceStart, bead.targetStart]) });
        return beads.map((bead) => bead.sourceStart / 10);
      },
    });
    expect(seen).toEqual([{ window: { sourceStart: 2, targetStart: 7, sourceCount: 3, targetCount: 3 }, path: [[2, 7], [3, 8], [4, 9]] }]);
    expect(moves[0]!.beads.map((bead) => bead.score)).toEqual([0.2, 0.3, 0.4]);
    expect(moves[0]!.score).toBe(0.2);
  });

  it.each<[string, PathPair[], Array<[number, number]>, number]>([
    ['nothing when the omitted and added sentences do not translate each other', MOVED, [], 0],
    ['two moves when the block is cut by a sentence without counterpart', MOVED, [[2, 7], [4, 9]], 2],
    [
      'nothing when the two stand in the same gap, which the monotone alignment already weighed',
      path([[[0], [0]], [[1], []], [[], [1]], [[2], [2]]]),
      [[1, 1]],
      0,
    ],
  ])('%s', (_, beads, translations, count) => {
    expect(findMoves(beads, costs(translations))).toHaveLength(count);
  });

  it('keeps in the move a weaker pair between two good ones, cheaper than leaving it unaligned: one move', () => {
    const base = costs([[2, 7], [3, 8], [4, 9]]);
    const weakMiddle = (cost: number): MoveCosts => {
      const unitCost = (i: number, j: number, a: number, b: number) => (i === 3 && j === 8 && a === 1 && b === 1 ? cost : base.unitCost(i, j, a, b));
      return { ...base, unitCost, beadCost: (i, j, a, b) => (a === 0 || b === 0 ? 0.4 * (a + b) : unitCost(i, j, a, b) * ((a + b) / 2) + 0.4 * Math.max(0, a + b - 2)) };
    };
    // 0.75 a sentence: above what a pair alone may cost in a move (0.7), below the boundary (0.8).
    expect(findMoves(MOVED, weakMiddle(0.75)).map(({ source, target }) => [source, target])).toEqual([[[2, 3, 4], [7, 8, 9]]]);
    // Dearer than leaving the two sentences unaligned, it cuts the block in two.
    expect(findMoves(MOVED, weakMiddle(0.9)).map(({ source, target }) => [source, target])).toEqual([[[2], [7]], [[4], [9]]]);
  });

  it('grows a move by the sentence next to it that the alignment paired in place more poorly', () => {
    // Source 5 translates target 10, next to the moved block (cost 0.2), but the monotone alignment paired it with
    // target 2 (cost 0.6).
    const beads = path([
      [[0], [0]], [[1], [1]], [[2], []], [[3], []], [[4], []], [[5], [2]], [[6], [3]], [[7], [4]], [[8], [5]], [[9], [6]],
      [[], [7]], [[], [8]], [[], [9]], [[], [10]],
    ]);
    const base = costs([[2, 7], [3, 8], [4, 9], [5, 10]]);
    const unitCost = (i: number, j: number, a: number, b: number) => (i === 5 && j === 2 && a === 1 && b === 1 ? 0.6 : base.unitCost(i, j, a, b));
    const moves = findMoves(beads, { ...base, unitCost });
    expect(moves.map(({ source, target }) => [source, target])).toEqual([[[2, 3, 4, 5], [7, 8, 9, 10]]]);
    // Paired in place better than with the move's neighbour, it stays where it is.
    const better = (i: number, j: number, a: number, b: number) => (i === 5 && j === 2 && a === 1 && b === 1 ? 0.1 : base.unitCost(i, j, a, b));
    expect(findMoves(beads, { ...base, unitCost: better }).map(({ source, target }) => [source, target])).toEqual([[[2, 3, 4], [7, 8, 9]]]);
  });

  it('uses no sentence in two moves', () => {
    const beads = path([[[0], []], [[1], [0]], [[2], [1]], [[3], [2]], [[4], [3]], [[5], [4]], [[], [5]], [[], [6]]]);
    const moves = findMoves(beads, costs([[0, 5], [0, 6]]));
    expect(moves).toHaveLength(1);
    expect(moves[0]!.source).toEqual([0]);
  });

  it('marks the halves of each move, and rebuilds the moves from them', () => {
    const moves = findMoves(MOVED, costs([[2, 7], [3, 8], [4, 9]]));
    const marked = markMoves(MOVED, moves);
    expect(marked.filter((bead) => bead.move).map((bead) => [bead.source, bead.target, bead.move!.index, bead.move!.partner])).toEqual([
      [[2], [], 0, [7]], [[3], [], 0, [8]], [[4], [], 0, [9]], [[], [7], 0, [2]], [[], [8], 0, [3]], [[], [9], 0, [4]],
    ]);
    expect(collectMoves(marked)).toEqual(moves);
  });
});

describe('alignSentences with a moved paragraph', () => {
  it('keeps the monotone pairs and reports the moved sentences as one move', async () => {
    const words = (k: number) => `kalimat${k} berisi kata${k}a kata${k}b kata${k}c tentang topik${k}.`;
    const source = Array.from({ length: 16 }, (_, k) => words(k));
    // Sentences 2-4 of the source moved after sentence 13 in the target.
    const target = [...source.slice(0, 2), ...source.slice(5, 14), ...source.slice(2, 5), ...source.slice(14)];
    const beads = await alignSentences(source, target, createLexicalEmbedder());
    expect(beads.filter((bead) => bead.status === 'omitted').map((bead) => bead.source[0])).toEqual([2, 3, 4]);
    expect(collectMoves(beads).map(({ source: s, target: t }) => [s, t])).toEqual([[[2, 3, 4], [11, 12, 13]]]);
  });
});
