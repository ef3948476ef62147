import { describe, expect, it } from 'vitest';
import type { Embedder } from '../src/embed/embedder.js';
import { createLexicalEmbedder } from '../src/embed/lexical.js';
import { distinctWords, embedWordVectors } from '../src/word-vectors.js';

/** A deterministic embedder: each text gets a vector from its characters, 512 dimensions, unit length. */
function fakeEmbedder(): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    name: 'fake',
    dimension: 512,
    calls,
    async embed(texts) {
      calls.push([...texts]);
      return texts.map((text) => {
        const vector = Float32Array.from({ length: 512 }, (_, k) => Math.sin((k + 1) * (text.charCodeAt(k % text.length) + text.length)));
        const norm = Math.hypot(...vector);
        return vector.map((x) => x / norm);
      });
    },
  };
}

describe('word vectors for the phrase finder', () => {
  it('embeds each distinct folded word once', async () => {
    const embedder = fakeEmbedder();
    const vectors = await embedWordVectors(embedder, ['The AFP said so.', 'AFP kata, the end.']);
    expect(embedder.calls).toEqual([distinctWords(['The AFP said so.', 'AFP kata, the end.'])]);
    expect(embedder.calls[0]!.sort()).toEqual(['afp', 'end', 'kata', 'said', 'so', 'the']);
    expect(vectors?.vector('afp')).toBeDefined();
    expect(vectors?.vector('missing')).toBeUndefined();
  });

  it('gives sketched vectors of unit length, the same for the same word', async () => {
    const first = await embedWordVectors(fakeEmbedder(), ['kata']);
    const second = await embedWordVectors(fakeEmbedder(), ['Kata lain']);
    const vector = first!.vector('kata')!;
    expect(vector.length).toBeLessThan(512);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect([...second!.vector('kata')!]).toEqual([...vector]);
  });

  it('embeds only the words the same embedder has not given before, and gives the same vectors for the others', async () => {
    const embedder = fakeEmbedder();
    const first = await embedWordVectors(embedder, ['kata AFP']);
    const second = await embedWordVectors(embedder, ['Kata lain, AFP']);
    expect(embedder.calls).toEqual([['kata', 'afp'], ['lain']]);
    expect([...second!.vector('kata')!]).toEqual([...first!.vector('kata')!]);
    expect(second!.vector('lain')).toBeDefined();
    const other = fakeEmbedder();
    await embedWordVectors(other, ['Kata lain']);
    expect(other.calls).toEqual([['kata', 'lain']]);
  });

  it('has none for the lexical embedder, whose features do not match translations', async () => {
    expect(await embedWordVectors(createLexicalEmbedder(), ['The AFP said so.'])).toBeUndefined();
  });
});
