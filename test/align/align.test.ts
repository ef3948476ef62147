import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignSentences, alignWithSimilarity, EMBEDDING_MODEL_TUNING, emptyCostTerms, overlapTexts, similarityFor, type AlignedBead } from '../../src/align/align.js';
import { BEAD_SHAPES, runDp } from '../../src/align/dp.js';
import { createLexicalEmbedder } from '../../src/embed/lexical.js';
import { DEFAULT_MODEL_NAME, resolveEmbedder, tuningFor } from '../../src/pipeline.js';

const embedder = createLexicalEmbedder();

/** Sentences built from distinct made-up words, so each has its own lexical fingerprint. */
const sentence = fc
  .array(fc.stringMatching(/^[a-z]{5,9}$/), { minLength: 4, maxLength: 10 })
  .map((words) => `${words.join(' ')}.`);
const document = fc.uniqueArray(sentence, { minLength: 1, maxLength: 25 });

function coversEverySentenceOnce(beads: readonly AlignedBead[], n: number, m: number): void {
  expect(beads.flatMap((b) => b.source)).toEqual(Array.from({ length: n }, (_, k) => k));
  expect(beads.flatMap((b) => b.target)).toEqual(Array.from({ length: m }, (_, k) => k));
}

describe('overlapTexts', () => {
  it('joins consecutive sentences up to the overlap size', () => {
    expect(overlapTexts(['a', 'b', 'c'], 2)).toEqual([
      ['a', 'b', 'c'],
      ['a b', 'b c'],
    ]);
  });
});

describe('alignSentences properties', () => {
  it('covers every sentence of both sides exactly once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(document, document, async (source, target) => {
        const beads = await alignSentences(source, target, embedder);
        coversEverySentenceOnce(beads, source.length, target.length);
        for (const bead of beads) {
          expect(bead.score).toBeGreaterThanOrEqual(0);
          expect(bead.score).toBeLessThanOrEqual(1);
          expect(bead.status).toBe(bead.source.length === 0 ? 'added' : bead.target.length === 0 ? 'omitted' : 'aligned');
        }
      }),
      { numRuns: 40 },
    );
  });

  it('aligns identical documents 1-1', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (source) => {
        const beads = await alignSentences(source, source, embedder);
        expect(beads.map((b) => [b.source, b.target])).toEqual(source.map((_, k) => [[k], [k]]));
      }),
      { numRuns: 40 },
    );
  });

  it('reports exactly one omitted sentence when one is deleted from the target', async () => {
    const withIndex = document
      .filter((d) => d.length >= 3)
      .chain((d) => fc.tuple(fc.constant(d), fc.integer({ min: 0, max: d.length - 1 })));
    await fc.assert(
      fc.asyncProperty(withIndex, async ([source, deleted]) => {
        const target = source.filter((_, k) => k !== deleted);
        const beads = await alignSentences(source, target, embedder);
        const omitted = beads.filter((b) => b.status === 'omitted');
        expect(omitted.map((b) => b.source)).toEqual([[deleted]]);
        expect(beads.filter((b) => b.status === 'added')).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('alignSentences on long documents', () => {
  it('aligns a 2,000-sentence document with a dropped and an added sentence through the band', async () => {
    const words = (k: number) => `item${k} alpha${k % 97} beta${(k * 7) % 101} gamma${(k * 13) % 89} number ${k}.`;
    const source = Array.from({ length: 2000 }, (_, k) => words(k));
    const target = source.filter((_, k) => k !== 700);
    target.splice(1500, 0, 'completely unrelated inserted line zzzz qqqq.');
    const beads = await alignSentences(source, target, embedder);
    coversEverySentenceOnce(beads, source.length, target.length);
    expect(beads.filter((b) => b.status === 'omitted').map((b) => b.source)).toEqual([[700]]);
    expect(beads.filter((b) => b.status === 'added').map((b) => b.target)).toEqual([[1500]]);
  });
});

describe('alignSentences on long documents with a long gap', () => {
  it('finds a run of 40 sentences missing from a 3,000-sentence target through the coarse levels', async () => {
    const words = (k: number) => `item${k} alpha${k % 97} beta${(k * 7) % 101} gamma${(k * 13) % 89} number ${k}.`;
    const source = Array.from({ length: 3000 }, (_, k) => words(k));
    const target = source.filter((_, k) => k < 1200 || k >= 1240);
    const beads = await alignSentences(source, target, embedder);
    coversEverySentenceOnce(beads, source.length, target.length);
    expect(beads.filter((b) => b.status === 'omitted').map((b) => b.source[0])).toEqual(Array.from({ length: 40 }, (_, k) => 1200 + k));
    expect(beads.filter((b) => b.status === 'added')).toEqual([]);
  });
});

describe('the engine state', () => {
  it('gives the cost terms of every bead of the path, adding up to what the dynamic programme paid', async () => {
    const source = ['The bank raised rates by 25 basis points.', 'Editor: Budi', 'Prices rose 3 percent in May.', 'Exports fell.'];
    const target = ['Bank menaikkan suku bunga 25 basis poin.', 'Harga naik 3 persen pada Mei.', 'Ekspor turun.', 'Baca Juga: Harga emas'];
    const similarity = await similarityFor(source, target, embedder);
    const { beads, state } = alignWithSimilarity(similarity, source, target);
    expect(state).not.toBeNull();
    expect(beads).toHaveLength(state!.path.length);
    for (const bead of state!.path) {
      const terms = emptyCostTerms();
      const total = state!.coster.cost(bead.sourceStart, bead.targetStart, bead.sourceCount, bead.targetCount, terms);
      expect(terms.total).toBe(total);
      expect(total).toBeCloseTo(bead.cost, 9);
      if (bead.sourceCount === 0 || bead.targetCount === 0) {
        expect(terms.skip).toBe(total);
      } else {
        expect(terms.unit).toBeCloseTo(Math.max(0, terms.semantic + terms.length + terms.number), 12);
        const size = bead.sourceCount + bead.targetCount;
        expect(total).toBeCloseTo(terms.unit * (size / 2) + terms.merge + terms.member + terms.boilerplate, 12);
      }
    }
  });

  it('finds the path the whole bead costs give, with its floors and its merges cut short where they lose', async () => {
    // The bundled model's tuning weighs merge members (the part the DP may skip); the lexical embedder's would not.
    await fc.assert(
      fc.asyncProperty(document, document, async (source, target) => {
        const similarity = await similarityFor(source, target, embedder);
        const { state } = alignWithSimilarity(similarity, source, target, undefined, { ...EMBEDDING_MODEL_TUNING, memberFree: 0.2 });
        const { coster, band } = state!;
        const whole = runDp(source.length, target.length, band, (i, j, a, b) => coster.beadCost(i, j, a, b));
        expect(runDp(source.length, target.length, band, coster.beadCost, BEAD_SHAPES, coster.costFloors())).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });
});

/** Six sentences a side of a dev case (bppt-spo-light-003) whose DP path merges 3-4 with 3-4, a merge the score doubts. */
const DOUBTED_SOURCE = [
  'Beckham saved his team from the threat posed by Nicolas Anelka by beating the Chelsea forward to the ball just before being replaced by Bentley to a standing ovation from both the French and English fans.',
  'His last contribution was a trademark 50-metre crossfield pass to Stewart Downing.',
  'Then his number flashed up on the replacement board and he left applauding the fans who were cheering him.',
  'David played like I know he can play, said coach Fabio Capello.',
  'I only substituted him because I wanted to see other players and I know him well.',
  'France defender William Gallas approached Beckham at fulltime to swap shirts but the England man declined.',
];
const DOUBTED_TARGET = [
  'Beckham menyelamatkan timnya dari ancaman serangan lawan beberapa menit sebelum digantikan Bentley, sehingga penonton yang mendukung tim Inggris dan Prancis berdiri memberikan sorakan kepadanya.',
  'Sumbangan lain dari pemain kondang itu pada timnya, ketika ia melancarkan umpan dari jarak sekitar 50 meter kepada Stewart Downing.',
  'Kemudian pemain ini digantikan rekannya dan ia keluar dari lapangan diiringi sorak-sorai pada penonton.',
  'David bermain seperti yang dulu saya lihat, kata pelatih Fabio Capello, Saya menggantikannya karena Saya ingin melihat penampilan pemain lain.',
  'Saya tahu tentang David.',
  'Pemain bertahan Prancis, William Gallas, menghampiri Beckham untuk meminta kaosnya tetapi Beckham tidak memberikan.',
];

describe('the repair of doubted beads', () => {
  it('cuts a doubted stretch again, and is left out when asked: the score fit reads the path before it', async () => {
    const model = await resolveEmbedder(DEFAULT_MODEL_NAME);
    const similarity = await similarityFor(DOUBTED_SOURCE, DOUBTED_TARGET, model);
    const tuning = tuningFor(model, false);
    const keys = (beads: readonly AlignedBead[]) => beads.map((bead) => `${bead.source.join(',')}|${bead.target.join(',')}`);
    const before = alignWithSimilarity(similarity, DOUBTED_SOURCE, DOUBTED_TARGET, undefined, tuning, { repair: false });
    expect(keys(before.beads)).toEqual(['0|0', '1|1', '2|2', '3,4|3,4', '5|5']);
    expect(before.beads[3]!.score).toBeLessThan(0.5);
    expect(keys(alignWithSimilarity(similarity, DOUBTED_SOURCE, DOUBTED_TARGET, undefined, tuning).beads)).toEqual(['0|0', '1|1', '2|2', '3|3', '4|4', '5|5']);
  });
});
