import { describe, expect, it } from 'vitest';
import { filterPairs, hasFilters } from '../../src/batch/filters.js';
import { isInShard, parseShard, resolveShard, shardOf } from '../../src/batch/shard.js';
import { UsageError } from '../../src/errors.js';
import { alignment } from '../export/fixture.js';

describe('shards', () => {
  it.each([
    ['0/1', { index: 0, count: 1 }],
    ['2/3', { index: 2, count: 3 }],
    [' 1 / 4 ', { index: 1, count: 4 }],
  ])('parses %j', (value, shard) => {
    expect(parseShard(value)).toMatchObject(shard);
  });

  it.each(['3/3', '1/0', '-1/2', 'a/b', '1', '1/2/3'])('refuses %j as a usage error', (value) => {
    expect(() => parseShard(value)).toThrow(UsageError);
  });

  it.each([
    ['--shard wins', { index: 1, count: 2, from: '--shard' }, undefined, { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '3' }, { index: 1, count: 2 }],
    ['a Slurm array from 0', undefined, undefined, { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '3' }, { index: 2, count: 3, from: 'SLURM_ARRAY_TASK_ID' }],
    ['a Slurm array from 1', undefined, undefined, { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '3' }, { index: 0, count: 3 }],
    ['a Kubernetes indexed Job', undefined, 5, { JOB_COMPLETION_INDEX: '4' }, { index: 4, count: 5, from: 'JOB_COMPLETION_INDEX' }],
    ['nothing', undefined, undefined, {}, undefined],
  ] as const)('resolves %s', (_, flag, count, env, expected) => {
    const shard = resolveShard(flag, count, env);
    if (expected === undefined) expect(shard).toBeUndefined();
    else expect(shard).toMatchObject(expected);
  });

  it.each([
    ['JOB_COMPLETION_INDEX without a count', undefined, { JOB_COMPLETION_INDEX: '1' }, /pass --shard-count N/],
    ['a count without JOB_COMPLETION_INDEX', 3, {}, /--shard-count goes with JOB_COMPLETION_INDEX/],
    ['a Slurm task without a count', undefined, { SLURM_ARRAY_TASK_ID: '1' }, /without SLURM_ARRAY_TASK_COUNT/],
    ['a task past the count', undefined, { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '3' }, /SLURM_ARRAY_TASK_ID 3\/3/],
    ['a task id that is not a number', undefined, { SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_COUNT: '3' }, /not a whole number/],
  ] as const)('refuses %s', (_, count, env, message) => {
    expect(() => resolveShard(undefined, count, env)).toThrow(message);
  });

  it('puts a name in the same shard on every machine, and every name in exactly one shard', () => {
    // Fixed values: the hash must never change, or shards of one corpus made by two versions would not merge.
    expect([shardOf('a/p000', 3), shardOf('story', 7), shardOf('', 2), shardOf('story', 1000)]).toEqual([0, 2, 0, 89]);
    // sha256("story") starts c478361e6869: 0xc478361e6869 mod 1000 = 89.
    expect(Number(0xc478361e6869n % 1000n)).toBe(89);
    const names = Array.from({ length: 3000 }, (_, k) => `doc-${k}`);
    const counts = [0, 1, 2, 3].map((index) => names.filter((name) => isInShard(name, { index, count: 4, from: 't' })).length);
    expect(counts.reduce((a, b) => a + b)).toBe(names.length);
    for (const count of counts) expect(Math.abs(count - 750)).toBeLessThan(100);
    expect(names.every((name) => isInShard(name, undefined))).toBe(true);
  });
});

describe('filters', () => {
  // The fixture's pairs: 1-1 aligned 0.91, 1-1 aligned 0.7, omitted 0.8, added 0.95, 2-1 aligned 0.6.
  it.each([
    [{}, [0, 1, 2, 3, 4], { alignedOnly: 0, maxMerge: 0, minScore: 0 }],
    [{ alignedOnly: true }, [0, 1, 4], { alignedOnly: 2, maxMerge: 0, minScore: 0 }],
    [{ maxMerge: 1 }, [0, 1, 2, 3], { alignedOnly: 0, maxMerge: 1, minScore: 0 }],
    [{ minScore: 0.75 }, [0, 2, 3], { alignedOnly: 0, maxMerge: 0, minScore: 2 }],
    [{ alignedOnly: true, maxMerge: 1, minScore: 0.75 }, [0], { alignedOnly: 2, maxMerge: 1, minScore: 1 }],
  ])('%j keeps %j and counts each dropped pair once, under the first filter that drops it', (filters, kept, filtered) => {
    const result = filterPairs(alignment, filters);
    expect(result.kept.map((k) => k.index)).toEqual(kept);
    expect(result.filtered).toEqual(filtered);
    expect(hasFilters(filters)).toBe(Object.keys(filters).length > 0);
  });
});
