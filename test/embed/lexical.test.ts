import { describe, expect, it } from 'vitest';
import { dot } from '../../src/align/vectors.js';
import { cognateSkeleton, createLexicalEmbedder, embedLexical } from '../../src/embed/lexical.js';

describe('cognateSkeleton', () => {
  it.each([
    ['technology', 'teknologi'],
    ['information', 'informasi'],
    ['president', 'presiden'],
    ['university', 'universitas'],
    ['economic', 'ekonomi'],
    ['physics', 'fisika'],
  ])('spells %s and %s alike enough to share n-grams', (en, id) => {
    const a = cognateSkeleton(en);
    const b = cognateSkeleton(id);
    const grams = (w: string) => new Set(Array.from({ length: w.length - 3 }, (_, k) => w.slice(k, k + 4)));
    const shared = [...grams(a)].filter((g) => grams(b).has(g));
    expect(shared.length, `${a} / ${b}`).toBeGreaterThanOrEqual(2);
  });
});

describe('embedLexical', () => {
  it('returns unit vectors, zero for text without features', () => {
    const v = embedLexical('The president visited Jakarta.');
    expect(dot(v, v)).toBeCloseTo(1, 5);
    expect(dot(embedLexical('the of and'), embedLexical('the of and'))).toBe(0);
  });

  it('brings a translation closer than an unrelated sentence', () => {
    const en = embedLexical('The Indonesian economy grew 5.2 percent in 2019, President Joko Widodo said.');
    const id = embedLexical('Ekonomi Indonesia tumbuh 5,2 persen pada 2019, kata Presiden Joko Widodo.');
    const other = embedLexical('Hujan deras membuat banjir di beberapa kampung sejak pagi hari.');
    expect(dot(en, id)).toBeGreaterThan(dot(en, other) + 0.3);
  });

  it('embeds through the Embedder interface in order, with progress', async () => {
    const calls: number[] = [];
    const vectors = await createLexicalEmbedder().embed(['Jakarta', 'Bandung'], (done) => calls.push(done));
    expect(vectors).toHaveLength(2);
    expect(dot(vectors[0]!, vectors[1]!)).toBeLessThan(0.5);
    expect(calls.at(-1)).toBe(2);
  });
});
