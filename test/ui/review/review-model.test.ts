import { describe, expect, it } from 'vitest';
import { buildReviewModel, pairLabel, visiblePairs } from '../../../src/ui/review/review-model.js';
import { LOW_CONFIDENCE_SCORE, cleanForDisplay, countPairs, isLowConfidence, pairFlags } from '../../../src/review.js';
import type { SentencePair } from '../../../src/types.js';
import { added, aligned, mixedAlignment, omitted } from '../fixtures/make-alignment.js';

describe('pair labels and flags', () => {
  const cases: readonly [string, SentencePair, string, readonly string[]][] = [
    ['1-1 sure', aligned([0], [0], 0.9), '1-1', []],
    ['1-2 merge', aligned([0], [1, 2], 0.9), '1-2', []],
    ['2-1 merge', aligned([0, 1], [2], 0.9), '2-1', []],
    ['omitted', omitted(3), 'omitted', ['omitted']],
    ['added', added(3), 'added', ['added']],
    ['low confidence', aligned([0], [0], LOW_CONFIDENCE_SCORE - 0.01), '1-1', ['low-confidence']],
    ['at the threshold is not low', aligned([0], [0], LOW_CONFIDENCE_SCORE), '1-1', []],
    ['with a difference', aligned([0], [0], 0.9, [{ kind: 'number', source: '5', target: null }]), '1-1', ['differences']],
    [
      'low and different',
      aligned([0], [0], 0.2, [{ kind: 'name', source: 'AFP', target: null }]),
      '1-1',
      ['low-confidence', 'differences'],
    ],
  ];
  it.each(cases)('%s', (_name, pair, label, flags) => {
    expect(pairLabel(pair)).toBe(label);
    expect(pairFlags(pair)).toEqual(flags);
  });

  it('never calls an omitted or added pair low confidence, whatever its score', () => {
    expect(isLowConfidence(omitted(0, 0.1))).toBe(false);
    expect(isLowConfidence(added(0, 0.1))).toBe(false);
  });
});

describe('countPairs', () => {
  it('counts each kind for the header', () => {
    expect(countPairs(mixedAlignment().pairs)).toEqual({
      pairs: 11,
      aligned: 9,
      omitted: 1,
      added: 1,
      withDifferences: 1,
      lowConfidence: 1,
    });
  });
});

describe('cleanForDisplay', () => {
  it.each([
    ['tabs and newlines', 'a\tb\nc', 'a b c'],
    ['no-break spaces', 'Taliban\u00a0meraih', 'Taliban meraih'],
    ['escape sequences cannot reach the terminal', 'red\u001B[31m text', 'red text'],
    ['surrounding space', '  x  ', 'x'],
  ])('%s', (_name, input, expected) => {
    expect(cleanForDisplay(input)).toBe(expected);
  });
});

describe('visiblePairs', () => {
  const model = buildReviewModel(mixedAlignment());
  it.each([
    ['all', 'all', '', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['flagged only', 'flagged', '', [1, 2, 3, 4]],
    ['search the source side, any case', 'all', 'MINISTER', [0, 10]],
    ['search the target side', 'all', 'banjir', [3]],
    ['search and filter together', 'flagged', 'evacuated', [4]],
    ['regex characters are literal', 'all', '232,000 (', []],
    ['a merge matches on its second sentence', 'all', 'minggu depan', [5]],
  ] as const)('%s', (_name, filter, query, expected) => {
    expect(visiblePairs(model, filter, query)).toEqual(expected);
  });
});
