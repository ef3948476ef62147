import { describe, expect, it } from 'vitest';
import { formatBatchProgress, isLogLineDue } from '../../src/batch/command.js';
import { formatSummary, type BatchReport } from '../../src/batch/summary.js';

describe('the batch progress line', () => {
  it.each([
    [{ done: 0, total: 200, skipped: 0, seconds: 0 }, 'batch [..........] 0/200 pairs, 0.0 pairs/s'],
    [{ done: 50, total: 200, skipped: 0, seconds: 5 }, 'batch [###.......] 50/200 pairs, 10.0 pairs/s, ETA 0:15'],
    [{ done: 150, total: 200, skipped: 100, seconds: 10 }, 'batch [########..] 150/200 pairs, 5.0 pairs/s, ETA 0:10'],
    [{ done: 10, total: 100000, skipped: 0, seconds: 10 }, 'batch [..........] 10/100000 pairs, 1.0 pairs/s, ETA 27:46:30'],
  ])('%j reads %j', (progress, line) => {
    expect(formatBatchProgress(progress, 10)).toBe(line);
  });
});

describe('progress in a log (no terminal)', () => {
  it.each([
    [10, 0, false],
    [60, 0, true],
    [119, 60, false],
    [120.5, 60, true],
  ])('at %s s, last logged at %s s: due %s', (seconds, last, due) => {
    expect(isLogLineDue(seconds, last)).toBe(due);
  });
});

describe('the batch summary line', () => {
  const report: BatchReport = {
    input: 'in',
    out: 'out.csv',
    format: 'csv',
    model: 'm',
    shard: null,
    pairs: { total: 3, done: 2, failed: 1, skipped: 1, otherShards: 0 },
    failures: [{ pair: 'x', message: 'bad' }],
    unpaired: [],
    sentences: { source: 10, target: 11 },
    sentencePairs: { aligned: 8, omitted: 2, added: 3 },
    meanScore: 0.9123,
    written: 9,
    filtered: { alignedOnly: 0, maxMerge: 1, minScore: 3 },
    jobs: 2,
    seconds: 1.25,
    cpuSeconds: 2,
    peakRssMiB: 100,
  };
  it('says what was done, failed, resumed and filtered', () => {
    expect(formatSummary(report)).toBe(
      '2 of 3 pairs aligned; 9 rows written to out.csv; 1 failed; 1 already done; filtered out 1 by max-merge, 3 by min-score; ' +
        '2 omitted, 3 added sentences; mean score 0.912; 1.3 s',
    );
  });
});
