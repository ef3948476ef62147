/** Sessions: written as the JSON contract plus review marks and input hashes, read back exactly, refused with the
 * reason when broken, resumable only for the same inputs, and reviews carried over to unchanged pairs. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit, applyToAlignment, moveViolation } from '../../src/edit/edit.js';
import { EMPTY_HISTORY, hasUnsavedEdits, recordEdit, undoEdit } from '../../src/edit/history.js';
import { editFromJudged, planJoin, setNote, toggleReviewed } from '../../src/edit/operations.js';
import { InputError } from '../../src/errors.js';
import {
  carryOverReviews,
  hashFile,
  parseAlignmentJson,
  readSession,
  sessionJson,
  whyNotResumable,
  type InputHashes,
} from '../../src/session/session.js';
import type { Alignment } from '../../src/types.js';
import { alignment, movedAlignment as withMove } from '../export/fixture.js';

const HASHES: InputHashes = { source: 'a'.repeat(64), target: 'b'.repeat(64) };

const reviewed: Alignment = {
  ...alignment,
  pairs: alignment.pairs.map((pair, k) => (k === 1 ? { ...pair, reviewed: true, note: 'check AFP', edited: true } : pair)),
};

/** Documents come back without their text (the JSON holds sentences only). */
function withoutText(value: Alignment): Alignment {
  return { ...value, source: { ...value.source, text: '' }, target: { ...value.target, text: '' } };
}

describe('a session file', () => {
  it('reads back the alignment it was written from, with the marks, the hashes and the settings', () => {
    const loaded = parseAlignmentJson(sessionJson(reviewed, HASHES, { presplit: true }), 's.json');
    expect(loaded.alignment).toEqual(withoutText(reviewed));
    expect(loaded.hashes).toEqual(HASHES);
    expect(loaded.settings).toEqual({ presplit: true });
  });

  it('is the JSON contract with each document\'s SHA-256 beside its language', () => {
    const value = JSON.parse(sessionJson(reviewed, HASHES, { presplit: false }));
    expect(Object.keys(value)).toEqual(['source', 'target', 'model', 'pairs', 'moves', 'session']);
    expect(Object.keys(value.source)).toEqual(['path', 'lang', 'sha256', 'sentences']);
    expect(value.pairs[1]).toMatchObject({ edited: true, reviewed: true, note: 'check AFP' });
  });

  it('keeps the undo history, so that u after resuming undoes what was done before', () => {
    const first = toggleReviewed(alignment.pairs, 0)!;
    const afterFirst = applyEdit(alignment.pairs, first);
    const second = setNote(afterFirst, 2, 'missing in the Indonesian?')!;
    const edited = { ...alignment, pairs: applyEdit(afterFirst, second) };
    const history = recordEdit(recordEdit(EMPTY_HISTORY, first), second);
    const loaded = parseAlignmentJson(sessionJson(edited, HASHES, { presplit: false }, history), 's.json');
    expect(loaded.history?.done.map((entry) => entry.edit.label)).toEqual([first.label, second.label]);
    expect(hasUnsavedEdits(loaded.history!)).toBe(false);
    // Undo twice on the pairs read back: the alignment as it was before both edits.
    let pairs = loaded.alignment.pairs;
    let current = loaded.history!;
    for (let k = 0; k < 2; k += 1) {
      const undone = undoEdit(current)!;
      pairs = applyEdit(pairs, undone.edit);
      current = undone.history;
    }
    expect(pairs).toEqual(parseAlignmentJson(sessionJson(alignment, HASHES, { presplit: false }), 's.json').alignment.pairs);
    expect(hasUnsavedEdits(current)).toBe(true);
  });

  it('keeps moved passages: each half\'s move and the moves list', () => {
    const loaded = parseAlignmentJson(sessionJson(withMove, HASHES, { presplit: false }), 's.json');
    expect(loaded.alignment).toEqual(withoutText(withMove));
    const stray = JSON.parse(sessionJson(withMove, HASHES, { presplit: false }));
    stray.pairs[1].move = 4;
    expect(() => parseAlignmentJson(JSON.stringify(stray), 's.json')).toThrow(/pairs\[1\]\.move names no entry of "moves"/);
  });

  it('keeps an edit that dissolved a move, so that u after resuming brings the move back', () => {
    // J on pairs 0 and 1: the move's source half joins the first pair, so the move is dissolved.
    const plan = planJoin(withMove.pairs, 0).plan!;
    const edit = editFromJudged(withMove, plan, [{ source: [0, 1], target: [0], status: 'aligned', score: 0.7 }]);
    const edited = applyToAlignment(withMove, edit);
    expect(edited.moves).toEqual([]);
    expect(moveViolation(edited)).toBeNull();
    const loaded = parseAlignmentJson(sessionJson(edited, HASHES, { presplit: false }, recordEdit(EMPTY_HISTORY, edit)), 's.json');
    expect(loaded.alignment.pairs.some((pair) => pair.move !== undefined)).toBe(false);
    const undone = applyToAlignment(loaded.alignment, undoEdit(loaded.history!)!.edit);
    expect(undone.moves).toEqual(withMove.moves);
    expect(undone.pairs.map((pair) => pair.move)).toEqual([undefined, 0, undefined, 0]);
    expect(moveViolation(undone)).toBeNull();
  });

  it('reads plain --format json output too, without hashes', () => {
    const loaded = parseAlignmentJson(JSON.stringify({ source: { path: 'a', lang: 'en', sentences: [{ text: 'A.', start: 0, end: 2, paragraph: 0 }] }, target: { path: 'b', lang: 'id', sentences: [] }, model: 'm', pairs: [{ source: [0], target: [], status: 'omitted', score: 1, differences: [] }] }), 'a.json');
    expect(loaded.hashes).toBeUndefined();
    expect(loaded.alignment.pairs).toHaveLength(1);
  });

  const broken = (change: (value: Record<string, any>) => void): string => {
    const value = JSON.parse(sessionJson(reviewed, HASHES, { presplit: false }));
    change(value);
    return JSON.stringify(value);
  };

  it.each<[string, string, RegExp]>([
    ['not JSON', '{"source": ', /^s\.json: is not JSON \(.*\) — give a file written by selaras align --session FILE\.json or --format json$/],
    ['a list', '[]', /is not a selaras alignment: the file is not one JSON object/],
    ['without pairs', broken((v) => delete v.pairs), /the file has no "pairs"/],
    ['a pair with a bad status', broken((v) => (v.pairs[0].status = 'maybe')), /pairs\[0\]\.status is not one of aligned, omitted, added/],
    ['a score out of range', broken((v) => (v.pairs[0].score = 3)), /pairs\[0\]\.score is not a number from 0 to 1/],
    ['a sentence in two pairs', broken((v) => (v.pairs[1].source = [0])), /do not align every sentence once, in order \(pair 1: source sentence 0 where 1 was due\)/],
    ['a later layout', broken((v) => (v.session.version = 99)), /a session of a later selaras \(layout 99; this one reads 1\)/],
  ])('is refused when %s, naming the file and the fix', (_name, content, message) => {
    expect(() => parseAlignmentJson(content, 's.json')).toThrow(InputError);
    expect(() => parseAlignmentJson(content, 's.json')).toThrow(message);
  });

  it('is null when there is none yet, and an InputError when it cannot be read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selaras-session-'));
    expect(await readSession(join(dir, 'new.json'))).toBeNull();
    await expect(readSession(dir)).rejects.toThrow(/cannot read the session \(EISDIR\)/);
  });

  it('hashes the bytes of a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selaras-session-'));
    await writeFile(join(dir, 'a.txt'), 'abc');
    expect(await hashFile(join(dir, 'a.txt'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('resuming', () => {
  const saved = parseAlignmentJson(sessionJson(reviewed, HASHES, { presplit: false }), 's.json');

  it.each<[string, InputHashes, boolean, string | null]>([
    ['the same inputs and settings', HASHES, false, null],
    ['a changed source', { ...HASHES, source: 'c'.repeat(64) }, false, 'the source file changed'],
    ['a changed target', { ...HASHES, target: 'c'.repeat(64) }, false, 'the target file changed'],
    ['both changed', { source: 'c'.repeat(64), target: 'd'.repeat(64) }, false, 'both input files changed'],
    ['--presplit now', HASHES, true, 'it was split into sentences, and --presplit asks for lines'],
  ])('%s: %s', (_name, hashes, presplit, why) => {
    expect(whyNotResumable(saved, hashes, { presplit })).toBe(why);
  });

  it('carries reviews and notes over to the pairs whose texts are unchanged, and counts them', () => {
    const previous: Alignment = {
      ...alignment,
      pairs: alignment.pairs.map((pair, k) => (k === 0 || k === 4 ? { ...pair, reviewed: true, note: `note ${k}` } : pair)),
    };
    // The new alignment: the last source sentence was reworded, so pair 4's texts changed.
    const next: Alignment = {
      ...alignment,
      source: { ...alignment.source, sentences: alignment.source.sentences.map((s, k) => (k === 4 ? { ...s, text: 'Part two, reworded.' } : s)) },
    };
    const { alignment: carried, carried: count, reviewed: total } = carryOverReviews(previous, next);
    expect([count, total]).toEqual([1, 2]);
    expect(carried.pairs[0]).toMatchObject({ reviewed: true, note: 'note 0' });
    expect(carried.pairs[4]?.reviewed).toBeUndefined();
    expect(carried.pairs[1]).toBe(next.pairs[1]);
  });
});
