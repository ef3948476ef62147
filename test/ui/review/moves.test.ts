/** Moved passages in the review: the `moved` status (marker `~`, where the counterpart stands), `m` between the two
 * halves of a move, the header's count of moves, and the "moved only" filter, which only alignments with moves
 * have. */
import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../src/ui/review/key-map.js';
import { buildReviewModel, otherHalf } from '../../../src/ui/review/review-model.js';
import { filterCycle } from '../../../src/ui/review/filters.js';
import { pairRowLines, detailContentLines, placeholderFor } from '../../../src/ui/review/pair-lines.js';
import { headerLines } from '../../../src/ui/review/screen-lines.js';
import { rowStatus } from '../../../src/ui/review/statuses.js';
import { createViewState, reduceView, selectedPair, type ViewAction, type ViewState } from '../../../src/ui/review/view-state.js';
import { NO_COUNTERPART } from '../../../src/ui/shared/frame-lines.js';
import { lineText } from '../../../src/ui/shared/layout.js';
import type { Alignment } from '../../../src/types.js';
import { alignment as withoutMoves, movedAlignment } from '../../export/fixture.js';

const SIZE = { columns: 100, rows: 24 };
const ROW = { columns: 100, numberWidth: 1, isExpanded: false, isSelected: false, search: null } as const;

function run(state: ViewState, actions: readonly ViewAction[]): ViewState {
  return actions.reduce(reduceView, state);
}

/** movedAlignment: pair 1 (source sentence 1, omitted in place) and pair 3 (target sentence 2, added in place) are
 * the two halves of move 0. */
const model = buildReviewModel(movedAlignment);

describe('the moved status', () => {
  it('marks both halves ~ and labels them moved; other pairs keep their status', () => {
    expect(movedAlignment.pairs.map((pair) => rowStatus(pair).id)).toEqual(['aligned', 'moved', 'aligned', 'moved']);
    const row = lineText(pairRowLines(model, 1, ROW)[0] ?? []);
    expect(row).toMatch(/^ ~ {3}1 moved +0\.80 +Police said the road was closed\. +│ — moved: see pair 3 \(m\) —/);
    expect(lineText(pairRowLines(model, 3, ROW)[0] ?? [])).toMatch(/^ ~ {3}3 moved .*— moved: see pair 1 \(m\) — .*│ Polisi mengatakan/);
  });

  it('says in the detail pane where the counterpart is', () => {
    expect(lineText(detailContentLines(model, 1, 100)[0] ?? [])).toContain('moved: its counterpart is pair 3 (m jumps there)');
  });

  it('an omitted or added sentence that is no move keeps "no counterpart"', () => {
    expect(placeholderFor(null)).toBe(NO_COUNTERPART);
    expect(lineText(pairRowLines(buildReviewModel(withoutMoves), 2, ROW)[0] ?? [])).toContain(NO_COUNTERPART);
  });
});

describe('m', () => {
  it('is bound in the list', () => {
    expect(commandForKey('browse', 'm', {})).toEqual({ type: 'jump-move' });
  });

  it('goes from one half to the other and back', () => {
    const start = run(createViewState(model, SIZE), [{ type: 'move', delta: 1 }]);
    expect(selectedPair(start)).toBe(1);
    const there = reduceView(start, { type: 'jump-move' });
    expect(selectedPair(there)).toBe(3);
    expect(there.message?.text).toBe('pair 3: the counterpart of moved pair 1 (m goes back)');
    expect(selectedPair(reduceView(there, { type: 'jump-move' }))).toBe(1);
  });

  it('on a pair that is not moved says so and stays', () => {
    const state = reduceView(createViewState(model, SIZE), { type: 'jump-move' });
    expect(selectedPair(state)).toBe(0);
    expect(state.message?.text).toBe('pair 0 is not moved (m works on ~ rows)');
  });

  it('shows all pairs when the filter hides the other half', () => {
    const addedOnly = run(createViewState(model, SIZE), [
      { type: 'cycle-filter', direction: 1 },
      { type: 'cycle-filter', direction: 1 },
      { type: 'cycle-filter', direction: 1 },
    ]);
    expect(addedOnly.filter.id).toBe('added');
    const state = reduceView(addedOnly, { type: 'jump-move' });
    expect(selectedPair(state)).toBe(1);
    expect(state.filter.id).toBe('all');
    expect(state.message?.text).toMatch(/pair 1 was not in the list: showing all pairs$/);
  });

  it('follows the halves when an edit before them renumbers the pairs', () => {
    // Unlinking pair 0 makes it two rows (omitted + added): every later pair moves down one.
    const unlinked: Alignment = {
      ...movedAlignment,
      pairs: [
        { source: [0], target: [], status: 'omitted', score: 1, differences: [], edited: true },
        { source: [], target: [0], status: 'added', score: 1, differences: [], edited: true },
        ...movedAlignment.pairs.slice(1),
      ],
    };
    const after = buildReviewModel(unlinked);
    expect(otherHalf(after, 2)).toBe(4);
    expect(otherHalf(after, 4)).toBe(2);
    expect(otherHalf(after, 0)).toBeNull();
  });
});

describe('counting and filtering moves', () => {
  it('the header counts the moves only when there are some', () => {
    const [, counts] = headerLines(model, 200).map(lineText);
    expect(counts).toMatch(/^4 pairs · 2 aligned · 1 omitted · 1 added · 0 with differences · 0 low confidence · 1 move · 0 of 4 reviewed/);
    expect(headerLines(buildReviewModel(withoutMoves), 200).map(lineText)[1]).not.toContain('move');
    // Its source half joined into an aligned pair by the reviewer: the move is gone.
    const joined: Alignment = {
      ...movedAlignment,
      pairs: [
        { source: [0, 1], target: [0], status: 'aligned', score: 0.5, differences: [], edited: true },
        ...movedAlignment.pairs.slice(2),
      ],
    };
    expect(headerLines(buildReviewModel(joined), 200).map(lineText)[1]).not.toContain('move');
  });

  it('Tab offers "moved only" where there are moves, and it keeps both halves', () => {
    expect(filterCycle(model).map((filter) => filter.id)).toContain('moved');
    expect(filterCycle(buildReviewModel(withoutMoves)).map((filter) => filter.id)).not.toContain('moved');
    const moved = filterCycle(model).find((filter) => filter.id === 'moved')!;
    expect(model.rows.filter((row) => moved.keeps(row)).map((row) => movedAlignment.pairs.indexOf(row.pair))).toEqual([1, 3]);
  });
});
