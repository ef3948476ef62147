import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it, vi } from 'vitest';

import { seededRandom } from '../../src/align/random.js';
import {
  AdditiveSimilarity,
  bandCells,
  GRAM_CHUNK_ROWS,
  gramControl,
  takeGramChunks,
  type GramHelper,
  type GramJob,
} from '../../src/align/similarity.js';
import { fullBand } from '../../src/align/dp.js';
import { int16Rows, type Int16Rows } from '../../src/align/vectors.js';
import { createLexicalEmbedder } from '../../src/embed/lexical.js';
import { AlignHelper, HELPER_MIN_SENTENCES, wantsHelper } from '../../src/parallel/helper.js';
import { alignTexts, DEFAULT_MODEL_NAME, helperPaysFor } from '../../src/pipeline.js';
import { runCli } from '../cli-helpers.js';

const DIMENSION = 64;

function randomParts(count: number, seed: number): Int16Rows {
  const next = seededRandom(seed);
  const parts = int16Rows(count, DIMENSION);
  for (let r = 0; r < count; r++) parts.set(r, Float32Array.from({ length: DIMENSION }, () => next() - 0.5));
  return parts;
}

/** Every 1-1 similarity of a full band (a Gram table of n x m cells) as one array. */
function similarities(similarity: AdditiveSimilarity, n: number, m: number): Float64Array {
  similarity.prepare(bandCells(fullBand(n, m), n, m, 3));
  return Float64Array.from({ length: n * m }, (_, k) => similarity.similarity(Math.floor(k / m), k % m, 1, 1));
}

const words = 'the minister said rupiah market rose fell jakarta bank rate city river school court police'.split(' ');
function sentences(count: number, seed: number): string[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => `${Array.from({ length: 6 }, () => words[Math.floor(next() * words.length)]).join(' ')} ${i}.`);
}

describe('the helper thread of an alignment', () => {
  const helpers: AlignHelper[] = [];
  afterAll(() => helpers.forEach((h) => h.close()));

  // 400 x 300 full band: 120,000 cells, shared (at least 20,000), in 4 chunks of GRAM_CHUNK_ROWS rows.
  const [n, m] = [400, 300];
  const source = randomParts(n, 1);
  const target = randomParts(m, 2);
  const boundary = Float32Array.from({ length: DIMENSION }, (_, k) => (k % 7) / 10);
  const alone = similarities(new AdditiveSimilarity(source, target, boundary, 3), n, m);

  it('gives the same Gram table as one thread when it takes chunks of it', () => {
    const helper = new AlignHelper('lexical');
    helpers.push(helper);
    expect(Array.from(similarities(new AdditiveSimilarity(source, target, boundary, 3, helper), n, m))).toEqual(Array.from(alone));
  });

  it('computes the chunks it takes straight into the shared table', async () => {
    const helper = new AlignHelper('lexical');
    helpers.push(helper);
    const cells = bandCells(fullBand(n, m), n, m, 3);
    const job = (gram: Float32Array): GramJob => ({ source, target, from: cells.from, to: cells.to, offset: cells.offset, gram });
    const expected = job(new Float32Array(cells.cells));
    takeGramChunks(expected, gramControl(n));
    const shared = job(new Float32Array(new SharedArrayBuffer(cells.cells * Float32Array.BYTES_PER_ELEMENT)));
    const control = gramControl(n);
    helper.help(shared, control);
    await vi.waitFor(() => expect(Array.from(control.subarray(1)).every((done) => done === 1)).toBe(true), { timeout: 20_000 });
    expect(Array.from(shared.gram)).toEqual(Array.from(expected.gram));
  });

  it('never hangs or leaves holes when a helper takes a chunk and never finishes it', () => {
    let taken = -1;
    const stalled: GramHelper = { help: (_job, control) => void (taken = Atomics.add(control, 0, 1)) };
    expect(Array.from(similarities(new AdditiveSimilarity(source, target, boundary, 3, stalled), n, m))).toEqual(Array.from(alone));
    expect(taken).toBe(0);
    expect(n).toBeGreaterThan(GRAM_CHUNK_ROWS);
  });

  it('embeds parts on its thread exactly as here', async () => {
    const helper = new AlignHelper('lexical');
    helpers.push(helper);
    const texts = sentences(50, 3);
    const here = await createLexicalEmbedder().embedParts!(texts);
    const there = await helper.embedParts(texts);
    expect(there.parts.count).toBe(50);
    expect(there).toEqual({ parts: { ...here.parts }, boundary: here.boundary });
  });

  it('fails an embedding it cannot give (unknown model) without failing the alignment that falls back', async () => {
    const helper = new AlignHelper('no-such-model-here');
    helpers.push(helper);
    await expect(helper.embedParts(['a sentence.'])).rejects.toThrow();
    const embedder = createLexicalEmbedder();
    const [en, id] = [sentences(120, 4), sentences(110, 5)];
    const helped = await alignTexts(en, id, embedder, { helper });
    expect(helped).toEqual(await alignTexts(en, id, embedder));
  });

  it('aligns a pair with the same beads as one thread', async () => {
    const helper = new AlignHelper('lexical');
    helpers.push(helper);
    const embedder = createLexicalEmbedder();
    const [en, id] = [sentences(300, 6), sentences(280, 7)];
    expect(await alignTexts(en, id, embedder, { helper })).toEqual(await alignTexts(en, id, embedder));
  });

  it('gives `selaras align` the same output on a large pair with and without it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'selaras-helper-'));
    try {
      const [en, id] = [join(dir, 'a.en.txt'), join(dir, 'a.id.txt')];
      writeFileSync(en, sentences(HELPER_MIN_SENTENCES / 2 + 100, 8).join('\n'));
      writeFileSync(id, sentences(HELPER_MIN_SENTENCES / 2, 9).join('\n'));
      const run = (helper: string) => {
        const result = runCli(['align', en, id, '--presplit', '--format', 'vecalign', '--model', 'lexical'], {
          env: { ...process.env, SELARAS_HELPER: helper, SELARAS_CACHE_DIR: join(dir, 'cache') },
        });
        expect(result.status).toBe(0);
        return result.stdout;
      };
      const alone = run('0');
      expect(alone.split('\n').length).toBeGreaterThan(HELPER_MIN_SENTENCES / 2);
      expect(run('1')).toBe(alone);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is worth starting for the bundled model, for the lexical one only when forced, never for a pulled model', () => {
    expect([helperPaysFor(DEFAULT_MODEL_NAME), helperPaysFor('lexical'), helperPaysFor('labse')]).toEqual([true, false, false]);
    const saved = process.env['SELARAS_HELPER'];
    try {
      delete process.env['SELARAS_HELPER'];
      expect(wantsHelper(HELPER_MIN_SENTENCES, helperPaysFor('lexical'))).toBe(false);
      process.env['SELARAS_HELPER'] = '1';
      expect(wantsHelper(HELPER_MIN_SENTENCES, helperPaysFor('lexical'))).toBe(availableParallelism() > 1);
      process.env['SELARAS_HELPER'] = '0';
      expect(wantsHelper(HELPER_MIN_SENTENCES, helperPaysFor(DEFAULT_MODEL_NAME))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env['SELARAS_HELPER'];
      else process.env['SELARAS_HELPER'] = saved;
    }
  });

  it('is started only for large pairs, and can be turned off or forced', () => {
    expect(wantsHelper(HELPER_MIN_SENTENCES - 1)).toBe(false);
    const saved = process.env['SELARAS_HELPER'];
    process.env['SELARAS_HELPER'] = '0';
    try {
      expect(wantsHelper(HELPER_MIN_SENTENCES)).toBe(false);
      process.env['SELARAS_HELPER'] = '1';
      expect(wantsHelper(HELPER_MIN_SENTENCES)).toBe(availableParallelism() > 1);
      expect(wantsHelper(HELPER_MIN_SENTENCES - 1)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env['SELARAS_HELPER'];
      else process.env['SELARAS_HELPER'] = saved;
    }
  });
});
