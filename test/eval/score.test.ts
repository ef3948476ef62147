import { describe, expect, it } from 'vitest';
import { formatBead, movedLinks, parseBeads, parseMoves, precisionRecall, scoreCase, scoreMoves } from '../../src/eval/score.js';

describe('parseBeads', () => {
  it.each([
    ['[0]:[0]', [{ source: [0], target: [0] }]],
    ['[1, 2]:[1]', [{ source: [1, 2], target: [1] }]],
    ['[3]:[]', [{ source: [3], target: [] }]],
    ['[]:[4]', [{ source: [], target: [4] }]],
    ['[0]:[0, 1]:0.812\n\n[1]:[2]:1', [{ source: [0], target: [0, 1] }, { source: [1], target: [2] }]],
  ])('parses %j', (text, beads) => {
    expect(parseBeads(text)).toEqual(beads);
  });

  it('names the line of a malformed bead', () => {
    expect(() => parseBeads('[0]:[0]\n0-1')).toThrow(/line 2/);
  });

  it('round-trips through formatBead', () => {
    const beads = parseBeads('[0]:[0]\n[1, 2]:[]\n[]:[1]');
    expect(parseBeads(beads.map((b) => formatBead(b, 0.5)).join('\n'))).toEqual(beads);
  });
});

describe('scoreCase', () => {
  const gold = parseBeads('[0]:[0]\n[1]:[]\n[2]:[1, 2]\n[]:[3]');

  it('gives a perfect prediction full marks', () => {
    const counts = scoreCase(gold, gold);
    for (const metric of ['strict', 'links', 'omitted', 'added'] as const) {
      expect(precisionRecall(counts[metric]).f1).toBe(1);
    }
  });

  it('counts beads, links and unmatched sentences separately', () => {
    // The 1-2 merge predicted as 1-1 + an added sentence; the omitted sentence wrongly paired.
    const predicted = parseBeads('[0]:[0]\n[1]:[1]\n[2]:[2]\n[]:[3]');
    const counts = scoreCase(predicted, gold);
    expect(counts.strict).toEqual({ tp: 2, predicted: 4, gold: 4 });
    expect(counts.links).toEqual({ tp: 2, predicted: 3, gold: 3 });
    expect(counts.omitted).toEqual({ tp: 0, predicted: 0, gold: 1 });
    expect(counts.added).toEqual({ tp: 1, predicted: 1, gold: 1 });
    expect(precisionRecall(counts.strict)).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(precisionRecall(counts.omitted).f1).toBe(0);
  });
});

describe('moves', () => {
  it('reads moves.json: an array of moves with their links', () => {
    expect(parseMoves('[{"source": [3, 4], "target": [9, 10], "links": [[3, 9], [4, 10]]}]')).toEqual([
      { source: [3, 4], target: [9, 10], links: [[3, 9], [4, 10]] },
    ]);
    expect(() => parseMoves('{"links": []}')).toThrow(/array of moves/);
    expect(() => parseMoves('[{"links": [[1]]}]')).toThrow(/array of moves/);
  });

  it('scores the moved links an alignment reports against the true ones', () => {
    const beads = [
      { source: [3], target: [], move: { partner: [9] } },
      { source: [4], target: [], move: { partner: [11] } },
      { source: [], target: [9], move: { partner: [3] } },
      { source: [5], target: [] },
    ];
    expect(movedLinks(beads)).toEqual(['3-9', '4-11']);
    expect(scoreMoves(beads, [{ links: [[3, 9], [4, 10]] }])).toEqual({ tp: 1, predicted: 2, gold: 2 });
    expect(scoreMoves(beads, [])).toEqual({ tp: 0, predicted: 2, gold: 0 });
  });
});
