import { describe, expect, it } from 'vitest';
import { alignFiles } from '../../src/pipeline.js';
import type { Alignment } from '../../src/types.js';

const EN = 'corpus/clubhouse/jakarta-outlet.en.txt';
const ID = 'corpus/clubhouse/bulelengpost.id.txt';

/** Target lines a reviewer must see as added: links, bylines, the date line and the photo caption. */
const ADDED_LINE = /^(Baca Juga:|Editor:|Sumber:|22 Agustus 2021|Ilustrasi anggota Taliban)/;

/** The differences reported on the pair whose source side contains `sourceText`. */
function differencesAt(alignment: Alignment, sourceText: string): string[] {
  const pair = alignment.pairs.find((p) =>
    p.source.some((i) => alignment.source.sentences[i]!.text.includes(sourceText)),
  );
  expect(pair?.status, sourceText).toBe('aligned');
  return pair!.differences.map((d) => `${d.kind}: ${d.source ?? '-'} / ${d.target ?? '-'}`);
}

/** The four changes the Indonesian rewrite made, each on its own pair; numbers written two ways are no change. */
function checkDifferences(alignment: Alignment): void {
  expect(differencesAt(alignment, 'Agence France-Presse (AFP) reported')).toContain(
    'name: Agence France-Presse (AFP) / New York Post',
  );
  expect(differencesAt(alignment, 'Saturday, July 30')).toContain('date: Saturday, July 30 / -');
  expect(differencesAt(alignment, 'According to an AFP report')).toEqual(['name: AFP / -']);
  expect(differencesAt(alignment, 'does not allow the user to rewind')).toEqual(['negation: does not allow / -']);
  expect(differencesAt(alignment, '232.000 followers').filter((d) => d.startsWith('number'))).toEqual([]);
}

function check(alignment: Alignment): void {
  const { source, target, pairs } = alignment;
  const omittedPairs = pairs.filter((p) => p.status === 'omitted');
  const omitted = omittedPairs.flatMap((p) => p.source);
  expect(omitted.map((i) => source.sentences[i]!.text)).toEqual([expect.stringMatching(/^AFP first covered/)]);
  // Reported with more confidence than not: a reviewer sorting by score sees it.
  expect(omittedPairs[0]!.score).toBeGreaterThan(0.5);
  const aligned = pairs.filter((p) => p.status === 'aligned');
  expect(aligned.flatMap((p) => p.source)).toHaveLength(source.sentences.length - 1);
  const added = new Set(pairs.filter((p) => p.status === 'added').flatMap((p) => p.target));
  const mustBeAdded = target.sentences.flatMap((s, j) => (ADDED_LINE.test(s.text) ? [j] : []));
  expect(mustBeAdded.length).toBeGreaterThanOrEqual(10);
  for (const j of mustBeAdded) expect(added.has(j), target.sentences[j]!.text).toBe(true);
  // Their labels make them surely unpaired, whatever their topic.
  for (const pair of pairs.filter((p) => p.status === 'added' && mustBeAdded.includes(p.target[0]!))) {
    expect(pair.score).toBeGreaterThanOrEqual(0.9);
  }
  // No translated sentence is left unpaired: every aligned source sentence has an Indonesian counterpart that is
  // not boilerplate.
  for (const pair of aligned) {
    for (const j of pair.target) expect(target.sentences[j]!.text).not.toMatch(ADDED_LINE);
  }
}

describe('the seed pair (English 000 / Indonesian 002)', () => {
  it('pairs every translated sentence and flags the omission and the additions, model-free', async () => {
    const alignment = await alignFiles(EN, ID, { model: 'lexical' });
    check(alignment);
    checkDifferences(alignment);
  });

  it('does the same with the bundled model, the default', async () => {
    const alignment = await alignFiles(EN, ID);
    expect(alignment.model).toBe('selaras-mini-id-en');
    check(alignment);
    checkDifferences(alignment);
  });
});

describe('differences: false (formats that never print them)', () => {
  it('aligns the same pairs and finds no differences', async () => {
    const full = await alignFiles(EN, ID, { model: 'lexical' });
    const bare = await alignFiles(EN, ID, { model: 'lexical', differences: false });
    expect(full.pairs.some((p) => p.differences.length > 0)).toBe(true);
    expect(bare.pairs.every((p) => p.differences.length === 0)).toBe(true);
    expect(bare.pairs.map(({ source, target, status, score }) => ({ source, target, status, score }))).toEqual(
      full.pairs.map(({ source, target, status, score }) => ({ source, target, status, score })),
    );
  });
});
