import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE_SCORE } from '../../src/align/confidence.js';
import { alignFiles } from '../../src/pipeline.js';

/** The examples the old score got wrong: it looked sure of pairs that were not translations. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'selaras-score-'));
  await writeFile(join(dir, 'farmers.en.txt'), 'He met 300 farmers at the market.\n');
  await writeFile(join(dir, 'chili.id.txt'), 'Harga cabai di pasar naik tajam minggu ini.\n');
  await writeFile(join(dir, 'farmers.id.txt'), 'Dia bertemu 300 petani di pasar.\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const MODELS = ['lexical', 'selaras-mini-id-en'] as const;

describe.each(MODELS)('the score with %s', (model) => {
  it('one unrelated sentence a side: paired (nothing else to do) but flagged as doubtful', async () => {
    const alignment = await alignFiles(join(dir, 'farmers.en.txt'), join(dir, 'chili.id.txt'), { model });
    expect(alignment.pairs.map((p) => p.status)).toEqual(['aligned']);
    expect(alignment.pairs[0]!.score).toBeLessThan(LOW_CONFIDENCE_SCORE);
  });

  it('one sentence and its translation: sure', async () => {
    const alignment = await alignFiles(join(dir, 'farmers.en.txt'), join(dir, 'farmers.id.txt'), { model });
    expect(alignment.pairs.map((p) => p.status)).toEqual(['aligned']);
    expect(alignment.pairs[0]!.score).toBeGreaterThan(0.9);
  });

  it('two different articles (seeds 000 and 004): no pair is trusted, the unpaired sentences are', async () => {
    const alignment = await alignFiles('corpus/clubhouse/jakarta-outlet.en.txt', 'corpus/haqqani-twitter/blog.en.txt', { model });
    const aligned = alignment.pairs.filter((p) => p.status === 'aligned');
    const unpaired = alignment.pairs.filter((p) => p.status !== 'aligned');
    expect(unpaired.length).toBeGreaterThan(aligned.length);
    for (const pair of aligned) expect(pair.score).toBeLessThan(LOW_CONFIDENCE_SCORE);
    for (const pair of unpaired) expect(pair.score).toBeGreaterThan(0.9);
  });

  it('the seed translation pair: most pairs sure, the score meaning the same for every kind of bead', async () => {
    const alignment = await alignFiles('corpus/clubhouse/jakarta-outlet.en.txt', 'corpus/clubhouse/bulelengpost.id.txt', { model });
    const sure = alignment.pairs.filter((p) => p.score >= 0.9).length;
    expect(sure / alignment.pairs.length).toBeGreaterThan(0.6);
    for (const pair of alignment.pairs) {
      expect(pair.score).toBeGreaterThan(0);
      expect(pair.score).toBeLessThan(1);
    }
  });
});
