import { describe, expect, it } from 'vitest';
import { alignFiles } from '../../src/pipeline.js';

describe('two English reports of one story (seeds 003 and 004)', () => {
  it('are not force-aligned: most sentences stay unpaired, the shared quote pairs', async () => {
    const alignment = await alignFiles('corpus/haqqani-twitter/breitbart.en.txt', 'corpus/haqqani-twitter/blog.en.txt', {
      model: 'lexical',
    });
    const { source, target, pairs } = alignment;
    const unpaired = pairs.filter((p) => p.status !== 'aligned').flatMap((p) => [...p.source, ...p.target]).length;
    expect(unpaired / (source.sentences.length + target.sentences.length)).toBeGreaterThan(0.6);
    const quotePair = pairs.find((p) => p.target.some((j) => target.sentences[j]!.text.includes('intolerant policy like Meta')));
    expect(quotePair?.status).toBe('aligned');
    expect(quotePair?.source.map((i) => source.sentences[i]!.text).join(' ')).toMatch(/intolerant/);
    // Same language: every aligned pair carries a word diff.
    for (const pair of pairs.filter((p) => p.status === 'aligned')) expect(pair.wordDiff?.length).toBeGreaterThan(0);
  });
});
