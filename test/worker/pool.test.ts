import { afterEach, describe, expect, it } from 'vitest';
import { ModelFolderError, UnknownModelError } from '../../src/embed/errors.js';
import { createLexicalEmbedder } from '../../src/embed/lexical.js';
import { InputError, UsageError } from '../../src/errors.js';
import { alignFiles, alignVersions } from '../../src/pipeline.js';
import type { ProgressEvent } from '../../src/types.js';
import { reviveError, serializeError } from '../../src/worker/errors.js';
import { AlignmentPool, PoolTerminatedError } from '../../src/worker/pool.js';

const EN = 'corpus/clubhouse/jakarta-outlet.en.txt';
const ID = 'corpus/clubhouse/bulelengpost.id.txt';
const SEEDS = ['corpus/haqqani-twitter/breitbart.en.txt', 'corpus/haqqani-twitter/blog.en.txt', EN];

let pools: AlignmentPool[] = [];
function pool(options: ConstructorParameters<typeof AlignmentPool>[0]): AlignmentPool {
  const made = new AlignmentPool(options);
  pools.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(pools.map((p) => p.terminate()));
  pools = [];
});

describe('AlignmentPool', () => {
  it('returns in a worker what the pipeline returns on this thread, with its progress events', async () => {
    const events: ProgressEvent[] = [];
    const inWorker = await pool({ size: 1 }).align({ files: [EN, ID], model: 'lexical' }, { onProgress: (e) => events.push(e) });
    const here = await alignFiles(EN, ID, { model: 'lexical' });
    expect(inWorker).toEqual(here);
    expect(new Set(events.map((e) => e.stage))).toEqual(new Set(['embed', 'align', 'differences']));
  });

  it('runs three or more versions as one job', async () => {
    const multi = await pool({ size: 1 }).alignVersions({ files: SEEDS, model: 'lexical' });
    expect(multi).toEqual(await alignVersions(SEEDS, { model: 'lexical' }));
  });

  it('skips the differences when the job says so', async () => {
    const alignment = await pool({ size: 1 }).align({ files: [EN, ID], model: 'lexical', differences: false });
    expect(alignment.pairs.every((p) => p.differences.length === 0)).toBe(true);
    const withThem = await pool({ size: 1 }).align({ files: [EN, ID], model: 'lexical' });
    expect(withThem.pairs.some((p) => p.differences.length > 0)).toBe(true);
  });

  it('gives every job its own result when more jobs than workers run at once', async () => {
    const two = pool({ size: 2 });
    const jobs = [
      [EN, ID],
      [SEEDS[0]!, SEEDS[1]!],
      [ID, EN],
      [SEEDS[1]!, SEEDS[0]!],
      [EN, SEEDS[0]!],
    ] as const;
    const results = await Promise.all(jobs.map((files) => two.align({ files, model: 'lexical' })));
    results.forEach((alignment, k) => {
      expect([alignment.source.path, alignment.target.path]).toEqual(jobs[k]);
    });
    await two.close();
    await expect(two.align({ files: [EN, ID] })).rejects.toBeInstanceOf(PoolTerminatedError);
  });

  it('rejects with the error class and message the pipeline throws', async () => {
    const error = await pool({ size: 1 }).align({ files: ['no/such.en.txt', ID], model: 'lexical' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^no\/such\.en\.txt: file not found/);
    const model = await pool({ size: 1 }).align({ files: [EN, ID], model: 'no-such-model' }).catch((e: unknown) => e);
    expect(model).toBeInstanceOf(UnknownModelError);
  });

  it('terminate() stops a running job and every queued one', async () => {
    const one = pool({ size: 1 });
    const running = one.align({ files: [EN, ID] }).catch((e: unknown) => e);
    const queued = one.align({ files: [ID, EN] }).catch((e: unknown) => e);
    await one.terminate();
    expect(await running).toBeInstanceOf(PoolTerminatedError);
    expect(await queued).toBeInstanceOf(PoolTerminatedError);
    expect(one.load).toBe(0);
  });

  it('with size 0 runs jobs on this thread, with an Embedder object', async () => {
    const embedder = createLexicalEmbedder();
    const inline = pool({ size: 0, embedder });
    const alignment = await inline.align({ files: [EN, ID] });
    expect(alignment).toEqual(await alignFiles(EN, ID, { embedder }));
    expect(() => new AlignmentPool({ size: 1, embedder })).toThrow(/cannot cross/);
  });
});

describe('errors across the worker boundary', () => {
  it.each([
    ['InputError', new InputError('a.txt: file not found — check the path'), InputError],
    ['UsageError', new UsageError('bad flag'), UsageError],
    ['ModelFolderError', new ModelFolderError('/m', 'tokenizer.json is missing', 'Pull it again.'), ModelFolderError],
    ['TypeError', new TypeError('not a function'), TypeError],
  ])('%s comes back as its own class with its message and fields', (_, error, type) => {
    const revived = reviveError(structuredClone(serializeError(error)));
    expect(revived).toBeInstanceOf(type);
    expect(revived.message).toBe(error.message);
    expect(revived.name).toBe(error.name);
    expect(revived.stack).toBe(error.stack);
    expect({ ...revived }).toEqual({ ...error });
  });

  it('an unknown class arrives as an Error that keeps its name, message and code', () => {
    const error = Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    error.name = 'SystemError';
    const revived = reviveError(structuredClone(serializeError(error)));
    expect(revived).toBeInstanceOf(Error);
    expect([revived.name, revived.message, (revived as Error & { code?: string }).code]).toEqual(['SystemError', 'disk full', 'ENOSPC']);
    expect(reviveError(serializeError('a string')).message).toBe('a string');
  });
});
