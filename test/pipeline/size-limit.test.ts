/** Documents too long to align within the engine's memory bound are refused before any embedding, with the limit. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { maxSentences } from '../../src/align/align.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { createLexicalEmbedder } from '../../src/embed/lexical.js';
import { runCli } from '../cli-helpers.js';

const denseModel = (dimension: number): Embedder => ({ name: `dense-${dimension}`, dimension, embed: async () => [] });

describe('maxSentences', () => {
  it.each<[string, Embedder, number]>([
    ['an additive model (the bundled one, the lexical embedder)', createLexicalEmbedder(), 750_000],
    ['a 768-dimensional transformer (LaBSE): three overlap vectors a sentence', denseModel(768), 170_000],
    ['a 384-dimensional transformer (MiniLM, e5-small)', denseModel(384), 310_000],
  ])('is a round number for %s', (_, embedder, expected) => {
    expect(maxSentences(embedder)).toBe(expected);
  });
});

describe('selaras align on documents over the limit', () => {
  let dir: string;
  let big: string;
  let small: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'selaras-limit-'));
    big = join(dir, 'big.en.txt');
    small = join(dir, 'small.id.txt');
    // One sentence over the bundled model's limit, one short line each.
    writeFileSync(big, 'Ok.\n'.repeat(749_999));
    writeFileSync(small, 'Baik.\nYa.\n');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses with the counts, the limit and what to do, exit 1, and writes nothing', () => {
    const out = join(dir, 'out.json');
    const result = runCli(['align', big, small, '--presplit', '--format', 'json', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `selaras: ${big} and ${small} have 749,999 and 2 sentences: with the model selaras-mini-id-en, selaras aligns up to ` +
        '750,000 sentences in all (about 2 GB of memory) — split the documents into parts (chapters, days) and align each part',
    ]);
    expect(existsSync(out)).toBe(false);
  });
});
