import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeFalseAlarms, leavesSomethingToFind, readFlagVerdicts, readPlantVerdicts } from '../../src/bench/judged.js';
import { judgedFigures, readVerdicts } from '../../src/bench/differences.js';
import type { Difference } from '../../src/types.js';

const dir = mkdtempSync(join(tmpdir(), 'selaras-judged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, lines: readonly object[] | string): string {
  const path = join(dir, name);
  writeFileSync(path, typeof lines === 'string' ? lines : lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return path;
}

const name = (source: string | null, target: string | null): Difference => ({ kind: 'name', source, target });
const omission = (source: string): Difference => ({ kind: 'omission', source, target: null });

describe('the reviewer verdicts of the differences benchmark', () => {
  const flags = readFlagVerdicts(
    file('flags.jsonl', [
      { where: 'a:1', kind: 'name', en: 'Hamdan', id: null, verdict: 'real', why: 'dropped' },
      { where: 'a:2', kind: 'name', en: null, id: 'DPR', verdict: 'false', why: 'the parliament' },
      { where: 'a:3', kind: 'omission', en: 'a spokesman said', id: null, verdict: 'real', why: 'not there' },
      { where: 'a:3', kind: 'name', en: 'Lusa', id: null, verdict: 'unsure', why: '' },
    ]),
  );

  it('count a pair as a false alarm when any flag is not judged real, or not judged at all', () => {
    const wheres = ['a:1', 'a:2', 'a:3', 'a:4', 'a:5'];
    const found = [[name('Hamdan', null)], [name(null, 'DPR')], [omission('a spokesman said'), name('Lusa', null)], [name('Gedi', null)], []];
    expect(judgeFalseAlarms(wheres, found, flags)).toEqual({ pairs: 5, flagged: 4, allReal: 1, falseAlarms: 3, unjudged: 1 });
    // By kind: only the pair's omission counts, and it is real.
    expect(judgeFalseAlarms(wheres, found, flags, ['omission', 'addition'])).toEqual({ pairs: 5, flagged: 1, allReal: 1, falseAlarms: 0, unjudged: 0 });
  });

  it('match a flag by its pair and its exact text: the same name on another line is unjudged', () => {
    expect(judgeFalseAlarms(['a:9'], [[name('Hamdan', null)]], flags).unjudged).toBe(1);
  });

  it('keep a planted deletion unless the reviewer found nothing for it on the other side', () => {
    const plants = readPlantVerdicts(
      file('plants.jsonl', [
        { seed: 11, pair: 4, deletedFrom: 'id', clause: 'Itu akan lama', verdict: 'no', why: 'never translated' },
        { seed: 11, pair: 5, deletedFrom: 'en', clause: 'he told Reuters', verdict: 'partly', why: '' },
      ]),
    );
    expect(leavesSomethingToFind(plants, 4, 'Itu akan lama')).toBe(false);
    expect(leavesSomethingToFind(plants, 5, 'he told Reuters')).toBe(true);
    expect(leavesSomethingToFind(plants, 6, 'kata polisi')).toBe(true);
  });

  it('name the file and line of a record that is not a verdict', () => {
    const path = file('bad.jsonl', '{"where":"a:1","kind":"name","en":"X","id":null,"verdict":"real"}\n{"where":"a:2","kind":"name","verdict":"maybe"}\n');
    expect(() => readFlagVerdicts(path)).toThrow(`${path}:2: not a verdict record`);
    expect(() => readPlantVerdicts(file('worse.jsonl', 'not json\n'))).toThrow(/worse\.jsonl:1: not a verdict record/);
  });

  it('read as empty where there is no file, and the committed ones in full', () => {
    expect(readFlagVerdicts(join(dir, 'none.jsonl')).size).toBe(0);
    const committed = readVerdicts();
    expect(committed.flags.size).toBeGreaterThan(300);
    expect(committed.plants.size).toBe(300);
  });
});

describe('the judged figures of the bench', () => {
  it('count the untouched pairs by their verdicts, and leave out of the phrase recall only the plants with nothing to find', () => {
    const pairs = [
      { en: 'a', id: 'b', where: 'x:1' },
      { en: 'c', id: 'd', where: 'x:2' },
    ];
    const plant = (pair: number, clause: string, kind: 'phrase' | 'name' = 'phrase') =>
      ({ en: '', id: '', kind, side: 'en', change: `${kind === 'phrase' ? 'deleted clause' : 'dropped name'}: ${clause}`, pair }) as const;
    const figures = {
      total: { number: 0, name: 1, date: 0, negation: 0, phrase: 3 },
      found: { number: 0, name: 1, date: 0, negation: 0, phrase: 1 },
      foundAny: { number: 0, name: 1, date: 0, negation: 0, phrase: 1 },
      untouched: { pairs: 2, flagged: 1, byKind: {} as never, kinds: [], differences: [[omission('he said')], []] },
      changes: [plant(0, 'he said'), plant(1, 'kata polisi'), plant(1, 'never there'), plant(0, 'Gedi', 'name')],
      foundEach: [true, false, false, true],
    };
    const verdicts = {
      flags: new Map([[JSON.stringify(['x:1', 'omission', 'he said', null]), 'false' as const]]),
      plants: new Map([[JSON.stringify([1, 'never there']), 'no' as const]]),
    };
    const judged = judgedFigures(pairs, figures, verdicts);
    expect(judged.all).toEqual({ pairs: 2, flagged: 1, allReal: 0, falseAlarms: 1, unjudged: 0 });
    expect(judged.phrases.falseAlarms).toBe(1);
    // Three phrase plants, one of which deleted a clause the other side never had: 1 found of 2.
    expect([judged.found, judged.plants, judged.phrasePlants]).toEqual([1, 2, 3]);
  });
});
