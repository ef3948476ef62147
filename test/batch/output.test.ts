import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamFormat } from '../../src/batch/formats.js';
import { BatchOutput, type Opened } from '../../src/batch/output.js';
import { UsageError } from '../../src/errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'selaras-output-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A format whose units are plain lines, so byte counts are easy to read. */
const LINES = { ...streamFormat('jsonl'), header: () => ['HEAD\n'], footer: () => ['FOOT\n'] };
const SETTINGS = { format: 'lines' };

function opened(result: Opened): Extract<Opened, { isComplete: false }> {
  if (result.isComplete) throw new Error('expected an output to write');
  return result;
}

async function writeRun(out: string, names: readonly string[]): Promise<BatchOutput> {
  const { output } = opened(await BatchOutput.open(out, LINES, { settings: SETTINGS }));
  for (const name of names) await output.writePair(name, [`${name}\n`], { n: name.length });
  return output;
}

describe('BatchOutput', () => {
  it('writes OUT.partial and its journal, then puts the whole file in place and removes both', async () => {
    const out = join(dir, 'whole.txt');
    const output = await writeRun(out, ['a', 'b']);
    expect(await readFile(`${out}.partial`, 'utf8')).toBe('HEAD\na\nb\n');
    expect((await readFile(`${out}.journal`, 'utf8')).split('\n')).toHaveLength(4);
    await output.finish();
    expect(await readFile(out, 'utf8')).toBe('HEAD\na\nb\nFOOT\n');
    expect((await readdir(dir)).filter((f) => f.startsWith('whole'))).toEqual(['whole.txt']);
  });

  it('resumes after the last journaled pair, dropping a unit and a journal line cut short by a kill', async () => {
    const out = join(dir, 'torn.txt');
    await (await writeRun(out, ['a', 'b'])).suspend();
    // Killed while writing pair c: half its unit is in the file, half its journal line in the journal.
    await appendFile(`${out}.partial`, 'c-half');
    await appendFile(`${out}.journal`, '{"name":"c","end":[');
    const resumed = opened(await BatchOutput.open(out, LINES, { settings: SETTINGS, resume: true }));
    expect(resumed.done).toEqual([
      { name: 'a', record: { n: 1 } },
      { name: 'b', record: { n: 1 } },
    ]);
    await resumed.output.writePair('c', ['c\n'], { n: 1 });
    await resumed.output.finish();
    expect(await readFile(out, 'utf8')).toBe('HEAD\na\nb\nc\nFOOT\n');
  });

  it('refuses to resume with other settings or a partial file shorter than its journal', async () => {
    const out = join(dir, 'other.txt');
    await (await writeRun(out, ['a'])).suspend();
    await expect(BatchOutput.open(out, LINES, { settings: { format: 'csv' }, resume: true })).rejects.toThrow(UsageError);
    await writeFile(`${out}.partial`, 'HE');
    await expect(BatchOutput.open(out, LINES, { settings: SETTINGS, resume: true })).rejects.toThrow(/shorter than .*other\.txt\.journal says/);
  });

  it('says an output is complete when --resume finds it and no journal, and starts anew without one', async () => {
    const out = join(dir, 'done.txt');
    await writeFile(out, 'finished\n');
    expect((await BatchOutput.open(out, LINES, { settings: SETTINGS, resume: true })).isComplete).toBe(true);
    const fresh = join(dir, 'fresh.txt');
    const started = opened(await BatchOutput.open(fresh, LINES, { settings: SETTINGS, resume: true }));
    expect(started.done).toEqual([]);
    await started.output.finish();
    expect(await readFile(fresh, 'utf8')).toBe('HEAD\nFOOT\n');
  });

  it('takes a run killed after putting its file in place but before removing the journal as complete', async () => {
    const out = join(dir, 'renamed.txt');
    await (await writeRun(out, ['a'])).suspend();
    await writeFile(out, 'HEAD\na\nFOOT\n');
    await rm(`${out}.partial`);
    expect((await BatchOutput.open(out, LINES, { settings: SETTINGS, resume: true })).isComplete).toBe(true);
    expect((await readdir(dir)).filter((f) => f.startsWith('renamed'))).toEqual(['renamed.txt']);
  });

  it('discards what it wrote and leaves an existing file as it was', async () => {
    const out = join(dir, 'kept.txt');
    await writeFile(out, 'precious\n');
    await (await writeRun(out, ['a'])).discard();
    expect(await readFile(out, 'utf8')).toBe('precious\n');
    expect((await readdir(dir)).filter((f) => f.startsWith('kept'))).toEqual(['kept.txt']);
  });

  it('refuses --resume for an output written straight through (a device)', async () => {
    await expect(BatchOutput.open('/dev/null', LINES, { settings: SETTINGS, resume: true })).rejects.toThrow(/--resume needs --out to be a regular file/);
    const { output } = opened(await BatchOutput.open('/dev/null', LINES, { settings: SETTINGS }));
    await output.writePair('a', ['a\n'], {});
    await output.finish();
    expect(output.partialPaths).toEqual([]);
  });
});
