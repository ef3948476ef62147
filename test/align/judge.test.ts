/** judgeBeads: the engine's opinion of the beads a reviewer makes, on the similarities of the alignment. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignWithSimilarity, judgeBeads, similarityFor, type AlignedBead } from '../../src/align/align.js';
import { createLexicalEmbedder } from '../../src/embed/lexical.js';

const embedder = createLexicalEmbedder();

const SOURCE = [
  'The minister arrived in Jakarta on Monday morning.',
  'He met the governor for two hours at the palace.',
  'The meeting covered flood control along the river.',
  'About 232,000 people were evacuated last week.',
  'Schools will reopen on Thursday after the floods.',
];
const TARGET = [
  'The minister arrived in Jakarta on Monday morning.',
  'He met the governor for two hours at the palace.',
  'The meeting covered flood control along the river.',
  'About 232,000 people were evacuated last week.',
  'Schools will reopen on Thursday after the floods.',
];

async function engineFor(source: readonly string[], target: readonly string[]) {
  const similarity = await similarityFor(source, target, embedder);
  return { beads: alignWithSimilarity(similarity, source, target).beads, judge: judgeBeads(similarity, source, target) };
}

describe('judgeBeads', () => {
  it('gives every bead the engine chose the status and score the engine gave it', async () => {
    const sentence = fc.array(fc.stringMatching(/^[a-z]{5,9}$/), { minLength: 3, maxLength: 8 }).map((w) => `${w.join(' ')}.`);
    const document = fc.uniqueArray(sentence, { minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(document, document, async (source, target) => {
        const { beads, judge } = await engineFor(source, target);
        for (const { move: _move, ...bead } of beads) expect(judge.score(bead)).toEqual(bead);
      }),
      { numRuns: 30 },
    );
  });

  it.each<[string, { source: number[]; target: number[] }, Partial<AlignedBead>]>([
    ['a 1-1 translation scores high', { source: [0], target: [0] }, { status: 'aligned' }],
    ['a wrong 1-1 pair scores low', { source: [0], target: [3] }, { status: 'aligned' }],
    ['an unpaired source sentence is omitted', { source: [2], target: [] }, { status: 'omitted' }],
    ['an unpaired target sentence is added', { source: [], target: [4] }, { status: 'added' }],
    ['a join larger than any overlap is aligned', { source: [0, 1, 2, 3], target: [0, 1, 2, 3, 4] }, { status: 'aligned' }],
  ])('%s', async (_name, bead, expected) => {
    const { judge } = await engineFor(SOURCE, TARGET);
    const judged = judge.score(bead);
    expect(judged).toMatchObject({ ...expected, source: bead.source, target: bead.target });
    expect(judged.score).toBeGreaterThanOrEqual(0);
    expect(judged.score).toBeLessThanOrEqual(1);
  });

  it('scores a true pair above a wrong one, and a join of true pairs above a join with a stranger', async () => {
    const { judge } = await engineFor(SOURCE, TARGET);
    expect(judge.score({ source: [1], target: [1] }).score).toBeGreaterThan(judge.score({ source: [1], target: [3] }).score);
    expect(judge.score({ source: [0, 1, 2, 3], target: [0, 1, 2, 3] }).score).toBeGreaterThan(
      judge.score({ source: [0, 1, 2, 3], target: [1, 2, 3, 4] }).score,
    );
  });

  it('splits a merge back into its single pairs, leaving the sentence without a partner unpaired', async () => {
    const { judge } = await engineFor(SOURCE, TARGET.slice(0, 3).concat(TARGET.slice(4)));
    const split = judge.split({ source: [2, 3, 4], target: [2, 3] });
    expect(split.map((bead) => [bead.source, bead.target, bead.status])).toEqual([
      [[2], [2], 'aligned'],
      [[3], [], 'omitted'],
      [[4], [3], 'aligned'],
    ]);
  });

  it('splits a one-sided bead into its sentences', async () => {
    const { judge } = await engineFor(SOURCE, TARGET);
    expect(judge.split({ source: [1, 2], target: [] }).map((bead) => bead.source)).toEqual([[1], [2]]);
  });

  it('refuses sentences that are not consecutive', async () => {
    const { judge } = await engineFor(SOURCE, TARGET);
    expect(() => judge.score({ source: [0, 2], target: [0] })).toThrow(/consecutive/);
  });
});
