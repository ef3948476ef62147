import { describe, expect, it } from 'vitest';
import { CASE_GROUPS, domainOf, makeCases, type RawDocument } from '../../src/calibrate/make-cases.js';

/** A parallel document whose line k says k on both sides, so gold beads can be checked by their text. */
function rawDocument(domain: string, size: number): RawDocument {
  return {
    domain,
    en: Array.from({ length: size }, (_, k) => `English sentence number ${k} about the economy.`),
    id: Array.from({ length: size }, (_, k) => `Kalimat nomor ${k} tentang ekonomi.`),
  };
}

const docs = [rawDocument('bppt-eco', 400), rawDocument('ted', 1000)];
const cases = makeCases(docs);
const numbersIn = (text: string): number[] => [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));

describe('makeCases', () => {
  it('is deterministic for a seed and changes with it', () => {
    expect(makeCases(docs)).toEqual(cases);
    expect(makeCases(docs, 1)).not.toEqual(cases);
  });

  it('makes every group for every document, named gen-DOMAIN-GROUP-NNN', () => {
    for (const domain of ['bppt-eco', 'ted']) {
      for (const group of CASE_GROUPS) {
        const names = cases.filter((c) => c.domain === domain && c.group === group).map((c) => c.name);
        expect(names.length, `${domain} ${group}`).toBeGreaterThan(0);
        expect(names[0]).toBe(`gen-${domain}-${group}-000`);
        expect(domainOf(names[0]!)).toBe(domain);
      }
    }
  });

  it('writes gold that covers every sentence once, in order on both sides', () => {
    for (const c of cases) {
      expect(c.gold.flatMap((b) => b.source), c.name).toEqual(c.source.map((_, k) => k));
      expect([...c.gold.flatMap((b) => b.target)].sort((a, b) => a - b), c.name).toEqual(c.target.map((_, k) => k));
      expect(c.gold.every((b) => b.source.length + b.target.length > 0)).toBe(true);
    }
  });

  it('pairs only translations: a gold pair holds the same sentence numbers on both sides', () => {
    for (const c of cases.filter((c) => ['clean', 'light', 'heavy', 'overlap', 'excerpt'].includes(c.group))) {
      for (const bead of c.gold.filter((b) => b.source.length > 0 && b.target.length > 0)) {
        const en = bead.source.flatMap((i) => numbersIn(c.source[i]!));
        const id = bead.target.flatMap((j) => numbersIn(c.target[j]!));
        expect(id, c.name).toEqual(en);
      }
    }
  });

  it('edits about 8% of positions in light cases and 25% in heavy ones, none in clean ones', () => {
    const editShare = (group: string): number => {
      const beads = cases.filter((c) => c.group === group).flatMap((c) => c.gold);
      return beads.filter((b) => b.source.length !== 1 || b.target.length !== 1).length / beads.length;
    };
    expect(editShare('clean')).toBe(0);
    expect(editShare('light')).toBeGreaterThan(0.04);
    expect(editShare('light')).toBeLessThan(0.14);
    expect(editShare('heavy')).toBeGreaterThan(0.17);
    expect(editShare('heavy')).toBeLessThan(0.33);
  });

  it('keeps unrelated and different-article cases all unpaired, from distant parts of the document', () => {
    for (const c of cases.filter((c) => c.group === 'unrelated' || c.group === 'different')) {
      expect(c.gold.every((b) => b.source.length === 0 || b.target.length === 0)).toBe(true);
      const source = new Set(c.source.flatMap(numbersIn));
      expect(c.target.flatMap(numbersIn).some((k) => source.has(k)), c.name).toBe(false);
    }
  });
});

describe('domainOf', () => {
  it.each([
    ['bppt-eco-heavy-001', 'bppt-eco'],
    ['ted-light-003', 'ted'],
    ['gen-ted-tst2013-tiny-004', 'ted'],
    ['gen-bppt-spo-version-002', 'bppt-spo'],
    ['ted-tst2013', 'ted'],
  ])('%s is from %s', (name, domain) => {
    expect(domainOf(name)).toBe(domain);
  });
});
