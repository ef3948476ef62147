/**
 * Sharding a batch across machines: shard K of N (0-based) takes the pairs whose name hashes to K, so shards are
 * balanced, independent of listing order, and a pair stays in its shard when others are added. The shard comes
 * from --shard K/N, or else from the scheduler: a Slurm job array, or a Kubernetes indexed Job with --shard-count.
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';

export interface Shard {
  /** 0-based. */
  readonly index: number;
  readonly count: number;
  /** Where it came from, for messages: "--shard", "SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX". */
  readonly from: string;
}

export function parseShard(value: string, from = '--shard'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) {
    throw new UsageError(`${from} ${value}: give K/N with 0 <= K < N, e.g. --shard 0/4 for the first of four shards`);
  }
  return { index, count, from };
}

function whole(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${name}=${value} is not a whole number — unset it or pass --shard K/N`);
  return Number(value);
}

/**
 * The shard to run: --shard, else a Slurm array task (SLURM_ARRAY_TASK_ID counted from SLURM_ARRAY_TASK_MIN, of
 * SLURM_ARRAY_TASK_COUNT), else a Kubernetes indexed Job (JOB_COMPLETION_INDEX of --shard-count); undefined: all pairs.
 */
export function resolveShard(flag: Shard | undefined, shardCount: number | undefined, env: NodeJS.ProcessEnv): Shard | undefined {
  if (flag !== undefined) return flag;
  const slurmTask = whole(env, 'SLURM_ARRAY_TASK_ID');
  if (slurmTask !== undefined) {
    const count = whole(env, 'SLURM_ARRAY_TASK_COUNT');
    if (count === undefined) throw new UsageError('SLURM_ARRAY_TASK_ID is set without SLURM_ARRAY_TASK_COUNT — pass --shard K/N');
    const first = whole(env, 'SLURM_ARRAY_TASK_MIN') ?? 0;
    return parseShard(`${slurmTask - first}/${count}`, 'SLURM_ARRAY_TASK_ID');
  }
  const jobIndex = whole(env, 'JOB_COMPLETION_INDEX');
  if (jobIndex !== undefined) {
    if (shardCount === undefined) {
      throw new UsageError("JOB_COMPLETION_INDEX is set: pass --shard-count N (the Job's completions), or --shard K/N");
    }
    return parseShard(`${jobIndex}/${shardCount}`, 'JOB_COMPLETION_INDEX');
  }
  if (shardCount !== undefined) throw new UsageError('--shard-count goes with JOB_COMPLETION_INDEX (a Kubernetes indexed Job) — or pass --shard K/N');
  return undefined;
}

/** The shard of a pair name: the first 48 bits of its SHA-256, modulo the shard count (stable everywhere). */
export function shardOf(name: string, count: number): number {
  return createHash('sha256').update(name, 'utf8').digest().readUIntBE(0, 6) % count;
}

export function isInShard(name: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(name, shard.count) === shard.index;
}
