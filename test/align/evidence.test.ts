import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapsedLength, distinct, numberMismatch, sentenceEvidence } from '../../src/align/evidence.js';

describe('sentence evidence', () => {
  it('counts characters with each run of whitespace once and none at the ends, as collapsing and trimming would', () => {
    const unit = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', '\u0085', 'a', 'é', '1', '.');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }).map((units) => units.join('')), (text) => {
        expect(collapsedLength(text)).toBe(text.replace(/\s+/g, ' ').trim().length);
      }),
      { numRuns: 500 },
    );
    expect(sentenceEvidence('  Harga naik\t 3,5 persen  ').length).toBe('Harga naik 3,5 persen'.length);
  });

  it('compares the numbers of a bead by their digits', () => {
    expect(sentenceEvidence('Naik 232.000 dari 1,5 juta.').numbers).toEqual(['232000', '15']);
    expect(numberMismatch(['232000'], ['232000'])).toBe(-1);
    expect(numberMismatch(['232000'], ['15'])).toBe(1);
    expect(numberMismatch(['1', '2'], ['2', '3'])).toBeCloseTo(1 / 3);
    expect(numberMismatch([], [])).toBe(0);
    expect(distinct(['1', '2', '1'])).toEqual(['1', '2']);
  });
});
