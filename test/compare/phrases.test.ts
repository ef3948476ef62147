import { describe, expect, it } from 'vitest';
import { findDifferences } from '../../src/compare/index.js';
import { missingPhrases, phraseCandidates } from '../../src/compare/phrases.js';
import { tokenised } from '../../src/compare/tokens.js';
import { toyVectors } from './toy-vectors.js';

const wordVectors = toyVectors([
  ['nearly', 'hampir'], ['half', 'setengah'], ['country', 'negara'], ['people', 'penduduk'], ['access', 'akses'],
  ['million', 'juta'], ['report', 'laporan'], ['according', 'menurut'], ['spokesman', 'juru'], ['said', 'kata'],
  ['the', 'itu'], ['police', 'polisi'], ['arrested', 'menangkap'], ['three', 'tiga'], ['men', 'pria'], ['in', 'di'],
  ['on', 'pada'], ['monday', 'senin'],
]);
const EN_ID = { sourceLang: 'en', targetLang: 'id', wordVectors } as const;

function phrases(source: string, target: string, options: Parameters<typeof findDifferences>[2] = EN_ID) {
  return findDifferences(source, target, options).filter((d) => d.kind === 'omission' || d.kind === 'addition');
}

describe('dropped and added phrases', () => {
  it.each<[string, string, string, object[]]>([
    [
      'a dropped attribution',
      "According to an AFP report, nearly half of the country's 37 million people have internet access.",
      'Hampir setengah dari 37 juta penduduk negara itu memiliki akses internet.',
      [{ kind: 'omission', source: 'According to an AFP report', target: null, detail: 'only in source' }],
    ],
    [
      'a faithful translation',
      "Nearly half of the country's 37 million people have internet access.",
      'Hampir setengah dari 37 juta penduduk negara itu memiliki akses internet.',
      [],
    ],
    [
      'a dropped "said" clause',
      'The police arrested three men in Jakarta on Monday, a police spokesman said.',
      'Polisi menangkap tiga pria di Jakarta pada Senin.',
      [{ kind: 'omission', source: 'a police spokesman said', target: null, detail: 'only in source' }],
    ],
    [
      'an added attribution',
      'The police arrested three men in Jakarta on Monday.',
      'Polisi menangkap tiga pria di Jakarta pada Senin, kata juru bicara polisi.',
      [{ kind: 'addition', source: null, target: 'kata juru bicara polisi', detail: 'only in target' }],
    ],
  ])('%s', (_, source, target, expected) => {
    expect(phrases(source, target)).toEqual(expected);
  });

  it('looks for none without word vectors: spelling alone cannot tell a dropped clause from a free translation', () => {
    expect(
      phrases('The police arrested three men in Jakarta on Monday, a police spokesman said.', 'Polisi menangkap tiga pria di Jakarta pada Senin.', {
        sourceLang: 'en',
        targetLang: 'id',
      }),
    ).toEqual([]);
  });

  it('weighs a run of words without counterpart where no mark or opener cuts the side', () => {
    const { target } = phraseCandidates(
      tokenised('The police arrested three men in Jakarta on Monday.'),
      tokenised('Polisi menangkap tiga pria bersenjata api lengkap di Jakarta pada Senin.'),
      EN_ID,
    );
    expect(target.filter((c) => c.isRun).map((c) => c.surface)).toEqual(['bersenjata api lengkap']);
    expect(target.filter((c) => !c.isRun)).toEqual([]);
  });
});

describe('missingPhrases', () => {
  const text = 'According to an AFP report, nearly half of the people, a spokesman said.';
  const { source } = phraseCandidates(
    tokenised(text),
    tokenised('Hampir setengah penduduk.'),
    EN_ID,
  );

  it('keeps no phrase above every score, and joins the overlapping ones below it', () => {
    expect(source.length).toBeGreaterThan(1);
    expect(missingPhrases(text, source, Infinity)).toEqual([]);
    const all = missingPhrases(text, source, -Infinity);
    // Every candidate passes: overlapping and adjacent ones make one stretch of the text, each a slice of it.
    expect(all.length).toBeGreaterThan(0);
    for (const phrase of all) expect(text).toContain(phrase);
    for (const candidate of source) expect(all.some((phrase) => phrase.includes(candidate.surface))).toBe(true);
  });

  it('is what the finder reports at its own threshold', () => {
    const reported = findDifferences(text, 'Hampir setengah penduduk.', EN_ID).filter((d) => d.kind === 'omission').map((d) => d.source);
    expect(missingPhrases(text, source)).toEqual(reported);
  });
});
