/** The editor's core: each operation as a table of cases, and properties over random alignments and random runs of
 * operations: the contract holds after every edit, and undoing everything restores exactly what was loaded. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BeadSentences } from '../../src/align/align.js';
import type { ScoredBead } from '../../src/compare/pair.js';
import {
  EMPTY_HISTORY,
  applyEdit,
  invertEdit,
  applyToAlignment,
  contractViolation,
  editFromJudged,
  hasUnsavedEdits,
  markReviewed,
  markSaved,
  moveViolation,
  planJoin,
  planLink,
  planSplit,
  planUnlink,
  recordEdit,
  redoEdit,
  setNote,
  toggleReviewed,
  undoEdit,
  type EditHistory,
  type EditPlan,
  type PairEdit,
  type Planned,
} from '../../src/edit/index.js';
import type { Alignment, MovedPassage, SentencePair } from '../../src/types.js';
import { added, aligned, makeDocument, omitted } from '../ui/fixtures/make-alignment.js';

function statusOf(bead: BeadSentences): SentencePair['status'] {
  return bead.source.length === 0 ? 'added' : bead.target.length === 0 ? 'omitted' : 'aligned';
}

/** A stand-in for the engine: statuses from the sides, a fixed score, and splits that pair sentences in order. */
function fakeJudge(plan: EditPlan): ScoredBead[] {
  const scored = (bead: BeadSentences): ScoredBead => ({ ...bead, status: statusOf(bead), score: 0.5 });
  if (plan.ask === 'score') return plan.beads.map(scored);
  const { source, target } = plan.beads[0]!;
  const beads: BeadSentences[] = [];
  const shared = Math.min(source.length, target.length);
  for (let k = 0; k < shared; k += 1) beads.push({ source: [source[k]!], target: [target[k]!] });
  for (const i of source.slice(shared)) beads.push({ source: [i], target: [] });
  for (const j of target.slice(shared)) beads.push({ source: [], target: [j] });
  return beads.map(scored);
}

function alignmentOf(pairs: readonly SentencePair[]): Alignment {
  const count = (side: 'source' | 'target') => pairs.reduce((sum, pair) => sum + pair[side].length, 0);
  const sentences = (prefix: string, n: number) => Array.from({ length: n }, (_, k) => `${prefix} sentence ${k} about 1${k}0 people.`);
  return {
    source: makeDocument('a.en.txt', 'en', sentences('Source', count('source'))),
    target: makeDocument('b.id.txt', 'id', sentences('Target', count('target'))),
    model: 'test-model',
    pairs,
  };
}

/** 0: [0]:[0] · 1: [1]:[] · 2: []:[1] · 3: [2]:[2,3] · 4: [3]:[4] · 5: []:[5] */
const MIXED = alignmentOf([aligned([0], [0]), omitted(1), added(1), aligned([2], [2, 3]), aligned([3], [4]), added(5)]);

function planned(result: Planned): EditPlan {
  if (result.plan === undefined) throw new Error(`refused: ${result.refusal}`);
  return result.plan;
}

/** The pairs after running a plan through the fake engine, as Vecalign beads `[i]:[j]`. */
function beadsAfter(alignment: Alignment, result: Planned): string[] {
  const plan = planned(result);
  const edit = editFromJudged(alignment, plan, fakeJudge(plan));
  return applyEdit(alignment.pairs, edit).map((pair) => `[${pair.source.join(',')}]:[${pair.target.join(',')}]`);
}

describe('planning edits', () => {
  it.each<[string, (pairs: readonly SentencePair[]) => Planned, string[]]>([
    ['J joins a pair with the next one', (p) => planJoin(p, 0), ['[0,1]:[0]', '[]:[1]', '[2]:[2,3]', '[3]:[4]', '[]:[5]']],
    ['J joins an omitted row with the added row after it', (p) => planJoin(p, 1), ['[0]:[0]', '[1]:[1]', '[2]:[2,3]', '[3]:[4]', '[]:[5]']],
    ['J joins two aligned pairs', (p) => planJoin(p, 3), ['[0]:[0]', '[1]:[]', '[]:[1]', '[2,3]:[2,3,4]', '[]:[5]']],
    ['x unlinks a merge into one row per sentence', (p) => planUnlink(p, 3), ['[0]:[0]', '[1]:[]', '[]:[1]', '[2]:[]', '[]:[2]', '[]:[3]', '[3]:[4]', '[]:[5]']],
    ['L links an omitted row with the added row after it', (p) => planLink(p, 1), ['[0]:[0]', '[1]:[1]', '[2]:[2,3]', '[3]:[4]', '[]:[5]']],
    ['L links an added row with the omitted row before it', (p) => planLink(p, 2), ['[0]:[0]', '[1]:[1]', '[2]:[2,3]', '[3]:[4]', '[]:[5]']],
    ['S splits a 1-2 merge into single pairs', (p) => planSplit(p, 3), ['[0]:[0]', '[1]:[]', '[]:[1]', '[2]:[2]', '[]:[3]', '[3]:[4]', '[]:[5]']],
  ])('%s', (_name, plan, expected) => {
    expect(beadsAfter(MIXED, plan(MIXED.pairs))).toEqual(expected);
  });

  it('L on an omitted row with no added neighbour takes the target of the next pair, leaving its source unpaired', () => {
    const alignment = alignmentOf([aligned([0], [0]), omitted(1), aligned([2], [1]), aligned([3], [2])]);
    expect(beadsAfter(alignment, planLink(alignment.pairs, 1))).toEqual(['[0]:[0]', '[1]:[1]', '[2]:[]', '[3]:[2]']);
  });

  it('L on an added row with no omitted neighbour takes the source of the next pair', () => {
    const alignment = alignmentOf([aligned([0], [0]), added(1), aligned([1], [2])]);
    expect(beadsAfter(alignment, planLink(alignment.pairs, 1))).toEqual(['[0]:[0]', '[1]:[1]', '[]:[2]']);
  });

  it.each<[string, Planned, RegExp]>([
    ['J on the last pair', planJoin(MIXED.pairs, 5), /pair 5 is the last one/],
    ['x on an omitted row', planUnlink(MIXED.pairs, 1), /pair 1 is omitted: there is no link to undo/],
    ['L on an aligned pair', planLink(MIXED.pairs, 0), /pair 0 is already aligned \(1-1\).*x unlinks/],
    ['L on the last row with nothing beside it', planLink(alignmentOf([aligned([0], [0]), aligned([1], [1]), omitted(2)]).pairs, 2), /last one/],
    ['L with an unpaired next pair', planLink(alignmentOf([omitted(0), omitted(1), aligned([2], [0])]).pairs, 0), /next pair has no target side/],
    ['S on a 1-1 pair', planSplit(MIXED.pairs, 0), /pair 0 is 1-1: S splits merged pairs/],
    ['S on an added row', planSplit(MIXED.pairs, 2), /pair 2 is added/],
    ['any operation past the end', planJoin(MIXED.pairs, 9), /no pair selected/],
  ])('refuses %s, saying why', (_name, result, why) => {
    expect(result.refusal).toMatch(why);
  });

  it('marks the new pairs edited, finds their differences again, and drops "reviewed"', () => {
    const alignment = alignmentOf([{ ...aligned([0], [0]), reviewed: true }, { ...omitted(1), reviewed: true }, added(1)]);
    const plan = planned(planJoin(alignment.pairs, 0));
    const [pair] = editFromJudged(alignment, plan, fakeJudge(plan)).inserted;
    expect(pair).toMatchObject({ source: [0, 1], target: [0], status: 'aligned', edited: true });
    expect(pair?.reviewed).toBeUndefined();
    // "Source sentence 0 about 100 people. Source sentence 1 about 110 people." vs "Target sentence 0 about 100 people."
    expect(pair?.differences).toEqual([expect.objectContaining({ kind: 'number', source: '110', target: null })]);
  });

  it('keeps the notes of joined pairs on the new pair', () => {
    const alignment = alignmentOf([{ ...aligned([0], [0]), note: 'check the name' }, { ...aligned([1], [1]), note: 'a number?' }]);
    const plan = planned(planJoin(alignment.pairs, 0));
    expect(editFromJudged(alignment, plan, fakeJudge(plan)).inserted[0]?.note).toBe('check the name / a number?');
  });

  it('refuses beads from the engine that do not hold the planned sentences', () => {
    const plan = planned(planJoin(MIXED.pairs, 0));
    expect(() => editFromJudged(MIXED, plan, [{ source: [0], target: [0], status: 'aligned', score: 1 }])).toThrow(/same source sentences/);
  });
});

describe('reviewed marks and notes', () => {
  it('r toggles "reviewed" on one pair, the field present only when set', () => {
    const once = applyEdit(MIXED.pairs, toggleReviewed(MIXED.pairs, 3)!);
    expect(once[3]?.reviewed).toBe(true);
    const twice = applyEdit(once, toggleReviewed(once, 3)!);
    expect('reviewed' in twice[3]!).toBe(false);
  });

  it('R marks the given pairs reviewed as one edit, leaving the others as they were', () => {
    const edit = markReviewed(MIXED.pairs, [4, 1, 2])!;
    const pairs = applyEdit(MIXED.pairs, edit);
    expect(pairs.map((pair) => pair.reviewed === true)).toEqual([false, true, true, false, true, false]);
    expect(pairs[3]).toBe(MIXED.pairs[3]);
    expect(edit.label).toBe('marked 3 pairs reviewed');
    expect(markReviewed(pairs, [1, 2])).toBeNull();
  });

  it.each([
    ['sets a note, whitespace made single', '  ask  the\ttranslator ', 'ask the translator'],
    ['an empty note removes it', '', undefined],
  ])('c %s', (_name, text, expected) => {
    const noted = applyEdit(MIXED.pairs, setNote(MIXED.pairs, 0, 'old')!);
    const edit = setNote(noted, 0, text)!;
    expect(applyEdit(noted, edit)[0]?.note).toBe(expected);
    expect(setNote(noted, 0, 'old')).toBeNull();
  });
});

describe('history', () => {
  it('undo and redo step through the edits; a new edit forgets what was undone', () => {
    const first = toggleReviewed(MIXED.pairs, 0)!;
    let pairs = applyEdit(MIXED.pairs, first);
    let history = recordEdit(EMPTY_HISTORY, first);
    const second = setNote(pairs, 1, 'why?')!;
    pairs = applyEdit(pairs, second);
    history = recordEdit(history, second);
    const undone = undoEdit(history)!;
    pairs = applyEdit(pairs, undone.edit);
    expect(pairs[1]).toBe(MIXED.pairs[1]);
    const redone = redoEdit(undone.history)!;
    expect(applyEdit(pairs, redone.edit)[1]?.note).toBe('why?');
    const other = recordEdit(undone.history, toggleReviewed(pairs, 2)!);
    expect(redoEdit(other)).toBeNull();
    expect(undoEdit(EMPTY_HISTORY)).toBeNull();
  });

  it('knows whether anything changed since the last save, even after undoing past it', () => {
    const edit = toggleReviewed(MIXED.pairs, 0)!;
    const history = recordEdit(EMPTY_HISTORY, edit);
    expect(hasUnsavedEdits(EMPTY_HISTORY)).toBe(false);
    expect(hasUnsavedEdits(history)).toBe(true);
    const saved = markSaved(history);
    expect(hasUnsavedEdits(saved)).toBe(false);
    expect(hasUnsavedEdits(undoEdit(saved)!.history)).toBe(true);
    expect(hasUnsavedEdits(undoEdit(history)!.history)).toBe(false);
  });

  it('refuses an edit made for other pairs', () => {
    expect(() => applyEdit(MIXED.pairs.slice(1), toggleReviewed(MIXED.pairs, 0)!)).toThrow(/does not fit/);
  });
});

/** The alignment with up to `count` moved passages: the k-th omitted sentence with the k-th added one from the end,
 * each half marked with its move, as the engine reports them. */
function withMoves(alignment: Alignment, count: number): Alignment {
  const singles = (status: SentencePair['status']) =>
    alignment.pairs.flatMap((pair, index) => (pair.status === status && pair.source.length + pair.target.length === 1 ? [index] : []));
  const omittedAt = singles('omitted');
  const addedAt = singles('added').reverse();
  const pairs = [...alignment.pairs];
  const moves: MovedPassage[] = [];
  for (let k = 0; k < Math.min(count, omittedAt.length, addedAt.length); k += 1) {
    const [from, to] = [omittedAt[k]!, addedAt[k]!];
    const [source, target] = [pairs[from]!.source, pairs[to]!.target];
    moves.push({ source, target, score: 0.9, differences: [], pairs: [{ source, target, score: 0.9 }] });
    pairs[from] = { ...pairs[from]!, move: k };
    pairs[to] = { ...pairs[to]!, move: k };
  }
  return { ...alignment, pairs, moves };
}

/** A contract-keeping alignment of random bead shapes, with up to three moved passages. */
const randomAlignment = fc
  .tuple(
    fc.array(fc.constantFrom<[number, number]>([1, 1], [1, 0], [0, 1], [1, 2], [2, 1], [2, 2], [1, 3], [3, 1]), { minLength: 1, maxLength: 14 }),
    fc.nat({ max: 3 }),
  )
  .map(([shapes, moveCount]) => {
    let i = 0;
    let j = 0;
    const pairs = shapes.map(([a, b]): SentencePair => {
      const source = Array.from({ length: a }, () => i++);
      const target = Array.from({ length: b }, () => j++);
      return { source, target, status: statusOf({ source, target }), score: 0.7, differences: [] };
    });
    return withMoves(alignmentOf(pairs), moveCount);
  });

type Operation = { readonly name: string; readonly index: number };
const operation = fc.record({
  name: fc.constantFrom('join', 'unlink', 'link', 'split', 'review', 'review-many', 'note', 'undo', 'redo'),
  index: fc.nat({ max: 30 }),
});

/** One step of the editor: the edit an operation makes (or undoes), if any. */
function step(alignment: Alignment, history: EditHistory, { name, index }: Operation): { alignment: Alignment; history: EditHistory } {
  const pairs = alignment.pairs;
  const at = pairs.length === 0 ? 0 : index % pairs.length;
  if (name === 'undo' || name === 'redo') {
    const moved = name === 'undo' ? undoEdit(history) : redoEdit(history);
    return moved === null ? { alignment, history } : { alignment: applyToAlignment(alignment, moved.edit), history: moved.history };
  }
  let edit: PairEdit | null = null;
  if (name === 'review') edit = toggleReviewed(pairs, at);
  else if (name === 'review-many') edit = markReviewed(pairs, [at, Math.floor(at / 2)]);
  else if (name === 'note') edit = setNote(pairs, at, `note ${index}`);
  else {
    const plans = { join: planJoin, unlink: planUnlink, link: planLink, split: planSplit } as const;
    const result = plans[name as keyof typeof plans](pairs, at);
    if (result.plan !== undefined) edit = editFromJudged(alignment, result.plan, fakeJudge(result.plan));
  }
  return edit === null ? { alignment, history } : { alignment: applyToAlignment(alignment, edit), history: recordEdit(history, edit) };
}

describe('moved passages and edits', () => {
  /** 0: [0]:[0] · 1: [1]:[] move 0 · 2: [2]:[] move 1 · 3: [3]:[1] · 4: []:[2] move 1 · 5: []:[3] move 0 */
  const MOVED = withMoves(alignmentOf([aligned([0], [0]), omitted(1), omitted(2), aligned([3], [1]), added(2), added(3)]), 2);

  it('an edit of one half dissolves its move: both halves lose the mark, the list drops it, later moves renumber', () => {
    expect(MOVED.pairs.map((pair) => pair.move)).toEqual([undefined, 0, 1, undefined, 1, 0]);
    const plan = planned(planJoin(MOVED.pairs, 0)); // pairs 0 and 1: half of move 0 joins an aligned pair
    const edit = editFromJudged(MOVED, plan, fakeJudge(plan));
    const after = applyToAlignment(MOVED, edit);
    expect(after.pairs.map((pair) => pair.move)).toEqual([undefined, 0, undefined, 0, undefined]);
    expect(after.moves).toEqual([MOVED.moves![1]]);
    expect(moveViolation(after)).toBeNull();
    expect(contractViolation(after)).toBeNull();
    // The other half is an added row again, and undo puts back exactly what was there, moves included.
    expect(after.pairs[4]).toMatchObject({ target: [3], status: 'added' });
    const undone = applyToAlignment(after, invertEdit(edit));
    undone.pairs.forEach((pair, k) => expect(pair).toBe(MOVED.pairs[k]));
    expect(undone.moves).toBe(MOVED.moves);
  });

  it('marks and notes keep a move whole; an edit elsewhere leaves the list alone', () => {
    const noted = applyToAlignment(MOVED, setNote(MOVED.pairs, 1, 'moved up?')!);
    expect(noted.pairs[1]?.move).toBe(0);
    expect(noted.moves).toBe(MOVED.moves);
    const far = alignmentOf([aligned([0], [0]), aligned([1], [1]), omitted(2), added(2)]);
    const plan = planned(planJoin(far.pairs, 0));
    expect(editFromJudged(far, plan, fakeJudge(plan)).moves).toBeUndefined();
  });

  it('the move check finds a stray index, a mark on a pair of no move, and a move that lost a half', () => {
    expect(moveViolation(MOVED)).toBeNull();
    const strip = (k: number): SentencePair => {
      const { move: _move, ...rest } = MOVED.pairs[k]!;
      return rest;
    };
    const replaced = (k: number, pair: SentencePair) => ({ ...MOVED, pairs: MOVED.pairs.map((old, n) => (n === k ? pair : old)) });
    expect(moveViolation(replaced(1, { ...MOVED.pairs[1]!, move: 5 }))).toMatch(/pair 1: move 5 is not in the moves list/);
    expect(moveViolation(replaced(0, { ...MOVED.pairs[0]!, move: 0 }))).toMatch(/pair 0 is no half of move 0/);
    expect(moveViolation(replaced(5, strip(5)))).toMatch(/move 0 has lost a half/);
  });
});

describe('editing properties', () => {
  it('every sentence stays in exactly one pair, pairs in order, statuses matching their sides', () => {
    fc.assert(
      fc.property(randomAlignment, fc.array(operation, { maxLength: 25 }), (start, operations) => {
        let state = { alignment: start, history: EMPTY_HISTORY };
        for (const one of operations) {
          state = step(state.alignment, state.history, one);
          expect(contractViolation(state.alignment)).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('after any edit every move index names a listed move and every listed move has both halves', () => {
    fc.assert(
      fc.property(randomAlignment, fc.array(operation, { maxLength: 25 }), (start, operations) => {
        expect(moveViolation(start)).toBeNull();
        let state = { alignment: start, history: EMPTY_HISTORY };
        for (const one of operations) {
          state = step(state.alignment, state.history, one);
          expect(moveViolation(state.alignment)).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('undoing every edit restores exactly the pairs that were loaded, and redoing them comes back to the end', () => {
    fc.assert(
      fc.property(randomAlignment, fc.array(operation, { maxLength: 25 }), (start, operations) => {
        let state = { alignment: start, history: EMPTY_HISTORY };
        for (const one of operations) state = step(state.alignment, state.history, one);
        const end = state.alignment.pairs;
        const endMoves = state.alignment.moves;
        const doneAtEnd = state.history.done.length;
        while (state.history.done.length > 0) state = step(state.alignment, state.history, { name: 'undo', index: 0 });
        expect(state.alignment.pairs).toHaveLength(start.pairs.length);
        state.alignment.pairs.forEach((pair, k) => expect(pair).toBe(start.pairs[k]));
        expect(state.alignment.moves).toBe(start.moves);
        for (let k = 0; k < doneAtEnd; k += 1) state = step(state.alignment, state.history, { name: 'redo', index: 0 });
        state.alignment.pairs.forEach((pair, k) => expect(pair).toBe(end[k]));
        expect(state.alignment.moves).toBe(endMoves);
      }),
      { numRuns: 300 },
    );
  });

  it('the contract check itself finds a sentence in two pairs, a missing one and a wrong status', () => {
    expect(contractViolation(MIXED)).toBeNull();
    expect(contractViolation({ ...MIXED, pairs: [...MIXED.pairs, aligned([3], [5])] })).toMatch(/source sentence 3 where 4 was due/);
    expect(contractViolation({ ...MIXED, pairs: MIXED.pairs.slice(0, 5) })).toMatch(/target: 5 of 6 sentences/);
    expect(contractViolation({ ...MIXED, pairs: [{ ...MIXED.pairs[0]!, status: 'omitted' }, ...MIXED.pairs.slice(1)] })).toMatch(
      /pair 0 is omitted but has the sides of an aligned pair/,
    );
  });
});
