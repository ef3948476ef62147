import { describe, expect, it } from 'vitest';
import { toggleReviewed, planJoin, editFromJudged } from '../../../src/edit/operations.js';
import { ALL_PAIRS, BASE_FILTERS, filterCycle, nextFilter, visiblePairs, type PairFilter, type Search } from '../../../src/ui/review/filters.js';
import { applyEditToModel, buildReviewModel, differenceKinds, pairLabel } from '../../../src/ui/review/review-model.js';
import { foldForSearch, matchRanges } from '../../../src/ui/shared/highlight.js';
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
    ['low but made by the reviewer', { ...aligned([0], [0, 1], 0.002), edited: true }, '1-2', []],
    ['low, reviewed but not edited', { ...aligned([0], [0], 0.2), reviewed: true }, '1-1', ['low-confidence']],
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

function filterById(id: string): PairFilter {
  const filter = filterCycle(buildReviewModel(mixedAlignment())).find((one) => one.id === id);
  if (filter === undefined) throw new Error(`no filter ${id}`);
  return filter;
}

describe('visiblePairs', () => {
  const model = buildReviewModel(mixedAlignment());
  const both = (query: string): Search => ({ query, scope: 'both' });
  it.each<[string, string, Search | null, readonly number[]]>([
    ['all', 'all', null, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['flagged only', 'flagged', null, [1, 2, 3, 4]],
    ['omitted only', 'omitted', null, [1]],
    ['added only', 'added', null, [2]],
    ['low score', 'low', null, [3]],
    ['not reviewed', 'not-reviewed', null, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['one kind of difference', 'kind:number', null, [4]],
    ['search the source side, any case', 'all', both('MINISTER'), [0, 10]],
    ['search the target side', 'all', both('banjir'), [3]],
    ['search limited to the source', 'all', { query: 'menteri', scope: 'source' }, []],
    ['search limited to the target', 'all', { query: 'menteri', scope: 'target' }, [0, 10]],
    ['search and filter together', 'flagged', both('evacuated'), [4]],
    ['regex characters are literal', 'all', both('232,000 ('), []],
    ['a merge matches on its second sentence', 'all', both('minggu depan'), [5]],
  ])('%s', (_name, filter, search, expected) => {
    expect(visiblePairs(model, filterById(filter), 'document', search)).toEqual(expected);
  });

  it('sorts by score either way, ties in document order', () => {
    expect(visiblePairs(model, ALL_PAIRS, 'score-ascending', null).slice(0, 3)).toEqual([3, 5, 1]);
    expect(visiblePairs(model, ALL_PAIRS, 'score-descending', null).slice(0, 2)).toEqual([2, 0]);
  });

  it('has one filter per kind of difference present, after the base ones, and cycles both ways', () => {
    expect(filterCycle(model).map((filter) => filter.id)).toEqual([...BASE_FILTERS.map((filter) => filter.id), 'kind:number']);
    expect(nextFilter(model, ALL_PAIRS, -1).id).toBe('kind:number');
    expect(nextFilter(model, filterById('kind:number'), 1).id).toBe('all');
  });
});

describe('search folds case and quotation marks', () => {
  it.each([
    ['straight and curly apostrophes', "didn't", 'Dia bilang didn’t lagi', ['didn’t']],
    ['double quotes', '"kafir"', 'yakni “kafir” pejuang', ['“kafir”']],
    ['case', 'jakarta', 'JAKARTA - Saat', ['JAKARTA']],
    ['every occurrence', 'ab', 'ab ab', ['ab', 'ab']],
  ])('%s', (_name, query, text, expected) => {
    expect(matchRanges(text, query).map((range) => text.slice(range.start, range.end))).toEqual(expected);
  });

  it('keeps every offset in place', () => {
    const text = 'İstanbul “Kota” didn’t';
    expect(foldForSearch(text)).toHaveLength(text.length);
  });
});

describe('the model follows edits', () => {
  it('keeps the counts and kinds right after an edit, as a model built afresh has them', () => {
    const alignment = mixedAlignment();
    const model = buildReviewModel(alignment);
    const reviewed = toggleReviewed(alignment.pairs, 4)!;
    const afterReview = applyEditToModel(model, reviewed);
    const plan = planJoin(afterReview.alignment.pairs, 3).plan!;
    const join = editFromJudged(afterReview.alignment, plan, [{ ...plan.beads[0]!, status: 'aligned', score: 0.7 }]);
    const afterJoin = applyEditToModel(afterReview, join);
    const fresh = buildReviewModel(afterJoin.alignment);
    expect(afterJoin.counts).toEqual(fresh.counts);
    expect(afterJoin.counts).toMatchObject({ pairs: 10, reviewed: 0, edited: 1 });
    expect(differenceKinds(afterJoin)).toEqual(differenceKinds(fresh));
    expect(afterJoin.rows.map((row) => row.sourceText)).toEqual(fresh.rows.map((row) => row.sourceText));
    // Rows the edit did not touch are the same objects (their cached lines stay valid).
    expect(afterJoin.rows[0]).toBe(model.rows[0]);
  });
});
