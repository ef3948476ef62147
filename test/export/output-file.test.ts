/**
 * The output module: temporary file and rename for regular files, writing through FIFOs, devices and symlinks,
 * checks before any work, errors that name the user's path, and no temporary file left behind.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrokenPipeError, OutputError, UsageError } from '../../src/errors.js';
import {
  checkOutputPath,
  openOutput,
  sweepStaleTemporaries,
  temporaryNameFor,
  writeOutputOf,
} from '../../src/export/output-file.js';
import { ROOT } from '../cli-helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'selaras-output-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const temporaries = (folder: string): string[] => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

describe('openOutput on a regular file', () => {
  it('shows nothing until commit, then the whole file, and leaves no temporary file', async () => {
    const out = join(dir, 'a.json');
    writeFileSync(out, 'old');
    const writer = await openOutput(out);
    await writer.write('{"a": ');
    await writer.write(new TextEncoder().encode('1}'));
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(temporaries(dir)).toHaveLength(1);
    await writer.commit();
    expect(readFileSync(out, 'utf8')).toBe('{"a": 1}');
    expect(temporaries(dir)).toEqual([]);
  });

  it('abort keeps the old file and removes the temporary one', async () => {
    const out = join(dir, 'a.csv');
    writeFileSync(out, 'old');
    const writer = await openOutput(out);
    await writer.write('half');
    await writer.abort();
    await writer.abort();
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const out = join(dir, 'private.csv');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    const writer = await openOutput(out);
    await writer.write('new');
    await writer.commit();
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('writeOutputOf removes the temporary file when the work fails, and keeps the old output', async () => {
    const out = join(dir, 'a.json');
    writeFileSync(out, 'old');
    await expect(
      writeOutputOf(out, [], async (output) => {
        await output.write('partial');
        throw new Error('alignment failed');
      }),
    ).rejects.toThrow('alignment failed');
    expect(readdirSync(dir)).toEqual(['a.json']);
    expect(readFileSync(out, 'utf8')).toBe('old');
  });
});

describe('openOutput never replaces a link or a special file', () => {
  it('a symlink to a regular file: the file it points at is replaced, the link stays', async () => {
    const real = join(dir, 'real.txt');
    const link = join(dir, 'link.txt');
    writeFileSync(real, 'old');
    symlinkSync('real.txt', link);
    const writer = await openOutput(link);
    await writer.write('new');
    await writer.commit();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.txt');
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(temporaries(dir)).toEqual([]);
  });

  it('a dangling symlink: the file it names is created, the link stays', async () => {
    mkdirSync(join(dir, 'sub'));
    const link = join(dir, 'link.txt');
    symlinkSync(join('sub', 'later.txt'), link);
    const writer = await openOutput(link);
    await writer.write('new');
    await writer.commit();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'sub', 'later.txt'), 'utf8')).toBe('new');
  });

  it('a FIFO is written through and stays a FIFO', async () => {
    const fifo = join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const reading = new Promise<void>((resolve, reject) => {
      createReadStream(fifo).on('data', (chunk) => chunks.push(chunk as Buffer)).on('end', resolve).on('error', reject);
    });
    const writer = await openOutput(fifo);
    await writer.write('through the pipe');
    await writer.commit();
    await reading;
    expect(Buffer.concat(chunks).toString('utf8')).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.fifo']);
  });

  it('a full device is a one-line OutputError naming the path', async () => {
    const writer = await openOutput('/dev/full');
    const error = await writer.write('x'.repeat(100_000)).catch((e: unknown) => e);
    await writer.abort();
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toMatch(/^\/dev\/full: no space left on the device .* — /);
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('a FIFO whose reader left is a broken pipe, not a failure', async () => {
    const fifo = join(dir, 'gone.fifo');
    execFileSync('mkfifo', [fifo]);
    // A reader that opens the FIFO and closes it at once.
    const reader = spawn('sh', ['-c', `exec 3<"${fifo}"; exec 3<&-`]);
    const writer = await openOutput(fifo);
    await new Promise((resolve) => reader.on('exit', resolve));
    const error = await writer.write('x'.repeat(200_000)).catch((e: unknown) => e);
    await writer.abort();
    expect(error).toBeInstanceOf(BrokenPipeError);
  });
});

describe('openOutput errors name the user\'s path and say what to do', () => {
  it.each([
    ['a directory', (d: string) => d, /: is a directory — give a file name, e\.g\. /],
    ['a missing folder', (d: string) => join(d, 'missing', 'out.csv'), /: the folder .*missing does not exist — create it first \(mkdir -p /],
    ['a file used as a folder', (d: string) => { writeFileSync(join(d, 'file'), ''); return join(d, 'file', 'out.csv'); }, /: a part of this path is a file, not a folder/],
  ])('%s', async (_, make, pattern) => {
    const out = make(dir);
    const error = await openOutput(out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message.startsWith(`${out}: `)).toBe(true);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).not.toMatch(/selaras-.*\.tmp/);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('checkOutputPath refuses an output that would destroy an input', () => {
  const setup = (d: string): { en: string; id: string; other: string; folder: string; manifest: string } => {
    const folder = join(d, 'articles');
    mkdirSync(folder);
    const en = join(folder, 'story.en.txt');
    const id = join(folder, 'story.id.txt');
    const other = join(d, 'other.id.txt');
    const manifest = join(d, 'pairs.csv');
    writeFileSync(en, 'An English sentence.');
    writeFileSync(id, 'Sebuah kalimat.');
    writeFileSync(other, 'Kalimat lain.');
    writeFileSync(manifest, 'source,target\narticles/story.en.txt,articles/story.id.txt\n');
    symlinkSync(id, join(d, 'link-to-id.txt'));
    linkSync(en, join(d, 'hard-link-to-en.txt'));
    return { en, id, other, folder, manifest };
  };

  const refused: Array<[string, (p: ReturnType<typeof setup>, d: string) => [string, string[]]]> = [
    ['the target of two files', (p) => [p.id, [p.en, p.id]]],
    ['the source of two files', (p) => [p.en, [p.en, p.id]]],
    ['the same file by another spelling', (p, d) => [relative(process.cwd(), join(d, 'articles', '..', 'articles', 'story.id.txt')), [p.en, p.id]]],
    ['a symlink to an input', (p, d) => [join(d, 'link-to-id.txt'), [p.en, p.id]]],
    ['a hard link to an input', (p, d) => [join(d, 'hard-link-to-en.txt'), [p.en, p.id]]],
    ['the third of three versions', (p) => [p.other, [p.en, p.id, p.other]]],
    ['the batch manifest', (p) => [p.manifest, [p.manifest]]],
    ['a new file inside the batch folder', (p) => [join(p.folder, 'corpus.csv'), [p.folder]]],
    ['a new file in a subfolder of the batch folder', (p) => [join(p.folder, 'sub', 'corpus.csv'), [p.folder]]],
  ];

  it.each(refused)('%s: UsageError', async (_, make) => {
    const paths = setup(dir);
    const [out, inputs] = make(paths, dir);
    if (out.includes(join('sub', 'corpus.csv'))) mkdirSync(join(paths.folder, 'sub'));
    const error = await checkOutputPath(out, inputs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(`--out ${out} `);
    expect(readFileSync(paths.id, 'utf8')).toBe('Sebuah kalimat.');
  });

  it.each([
    ['a new file beside the inputs', (p: ReturnType<typeof setup>, d: string): [string, string[]] => [join(d, 'out.csv'), [p.en, p.id]]],
    ['a folder whose name starts like the batch folder', (p: ReturnType<typeof setup>, d: string): [string, string[]] => { mkdirSync(join(d, 'articles-out')); return [join(d, 'articles-out', 'c.csv'), [p.folder]]; }],
    ['an input that does not exist (the reader reports it)', (p: ReturnType<typeof setup>, d: string): [string, string[]] => [join(d, 'out.csv'), [join(d, 'nope.txt'), p.id]]],
  ])('%s: allowed', async (_, make) => {
    const [out, inputs] = make(setup(dir), dir);
    await expect(checkOutputPath(out, inputs)).resolves.toBeUndefined();
  });
});

describe('stale temporary files of a killed run', () => {
  it('are swept when their process is dead on this host, and only then', async () => {
    const deadPid = 2 ** 22 + 1; // above Linux's largest pid: never running
    const dead = temporaryNameFor('a.json', deadPid);
    const live = temporaryNameFor('b.json', process.ppid);
    const otherHost = `.c.json.selaras-another-machine-${deadPid}-0123abcd.tmp`;
    const unrelated = '.a.json.12345.abcdef01.tmp';
    for (const name of [dead, live, otherHost, unrelated, 'a.json']) writeFileSync(join(dir, name), '');
    const removed = await sweepStaleTemporaries(dir);
    expect(removed).toEqual([join(dir, dead)]);
    expect(readdirSync(dir).sort()).toEqual([live, otherHost, unrelated, 'a.json'].sort());
  });

  it('the temporary name carries the host and the pid', () => {
    const host = hostname().replace(/[^A-Za-z0-9-]/g, '').slice(0, 32);
    expect(temporaryNameFor('out.csv')).toMatch(new RegExp(`^\\.out\\.csv\\.selaras-${host}-${process.pid}-[0-9a-f]{8}\\.tmp$`));
  });
});

describe('an interrupted writer removes its temporary file', () => {
  const script = `
    import { openOutput } from ${JSON.stringify(join(ROOT, 'dist/export/output-file.js'))};
    const writer = await openOutput(process.argv[1]);
    await writer.write('half of it');
    process.stdout.write('ready\\n');
    setInterval(() => writer, 1000); // keeps the writer (and its file handle) alive until the signal
  `;

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('on %s, and dies of the signal', async (signal) => {
    const out = join(dir, 'out.json');
    writeFileSync(out, 'old');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, killedBy) => resolve(killedBy)));
    const ready = new Promise<void>((resolve) => child.stdout.on('data', (data: Buffer) => data.toString().includes('ready') && resolve()));
    await Promise.race([ready, exit.then(() => expect.fail('the writer exited before it was ready'))]);
    expect(temporaries(dir)).toHaveLength(1);
    child.kill(signal);
    expect(await exit).toBe(signal);
    expect(readdirSync(dir)).toEqual(['out.json']);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(existsSync(out)).toBe(true);
  });
});
