import { describe, expect, it } from 'vitest';
import { plantChanges, removeSpan, type TextPair } from '../../src/bench/plant-changes.js';

/** Hand-written translation pairs with something of every kind to plant. */
const PAIRS: TextPair[] = [
  { en: 'The company hired 1,500 workers in Jakarta on Monday, July 30.', id: 'Perusahaan itu merekrut 1.500 pekerja di Jakarta pada Senin, 30 Juli.' },
  { en: 'We will not stop until we win, Prime Minister Ali Mohamed Gedi said.', id: 'Kami tidak akan berhenti sampai kami menang, kata Perdana Menteri Ali Mohamed Gedi.' },
  { en: 'According to an AFP report, nearly half of the 37 million people have internet access.', id: 'Menurut laporan AFP, hampir setengah dari 37 juta penduduk memiliki akses internet.' },
  { en: 'The ministry can build 20 new schools in Bandung this year.', id: 'Kementerian dapat membangun 20 sekolah baru di Bandung tahun ini.' },
];

describe('plantChanges', () => {
  const planted = plantChanges(PAIRS, { seed: 3, perKind: 4 });

  it('is the same for the same seed', () => {
    expect(plantChanges(PAIRS, { seed: 3, perKind: 4 })).toEqual(planted);
  });

  it('plants every kind, each change on one side only', () => {
    expect(new Set(planted.map((change) => change.kind))).toEqual(new Set(['number', 'name', 'date', 'negation', 'phrase']));
    for (const change of planted) {
      const pair = PAIRS[change.pair]!;
      const other = change.side === 'en' ? 'id' : 'en';
      expect(change[change.side]).not.toBe(pair[change.side]);
      expect(change[other]).toBe(pair[other]);
    }
  });

  it('plants what it says it planted', () => {
    for (const change of planted) {
      const before = PAIRS[change.pair]![change.side];
      const after = change[change.side];
      const dropped = /^(?:dropped name|dropped name word|dropped number|deleted clause|removed negation): (.+?)(?: of .*)?$/.exec(change.change);
      if (dropped && !change.change.startsWith('removed negation: ') ) {
        expect(before).toContain(dropped[1]);
        expect(after.length).toBeLessThan(before.length);
      }
      const changed = /^(?:changed number|changed date|replaced name|changed code): (.+) -> (.+)$/.exec(change.change);
      if (changed) {
        expect(before).toContain(changed[1]);
        expect(after).toContain(changed[2]);
      }
    }
  });
});

describe('removeSpan', () => {
  it.each<[string, number, number, string]>([
    ['According to an AFP report, half have access.', 0, 28, 'half have access.'],
    ['He won, said Gedi.', 6, 17, 'He won.'],
    ['A B (C D) E.', 4, 9, 'A B E.'],
  ])('%s', (text, start, end, expected) => {
    expect(removeSpan(text, start, end)).toBe(expected);
  });
});
