/**
 * What the real command does with its output: refusals before any work, full and closed outputs, special files,
 * and interrupted runs. Inputs that are FIFOs nobody writes to show that a refusal comes before reading them.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, createReadStream, lstatSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from './cli-helpers.js';

const EN = join(ROOT, 'corpus/clubhouse/jakarta-outlet.en.txt');
const ID = join(ROOT, 'corpus/clubhouse/bulelengpost.id.txt');
const LEXICAL = ['--model', 'lexical'];
/** Long enough for a run that hangs on a FIFO to show as a failure rather than a pass. */
const HANG_MS = 20_000;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'selaras-cli-output-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fifo = (name: string): string => {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
};
const oneLine = (stderr: string): void => {
  expect(stderr).toMatch(/^selaras: [^\n]+\n$/);
};
const noTemporaries = (folder: string): void => {
  expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
};

/** Run with standard output on `fd` (a file or a device), no terminal. */
function runWithStdout(args: readonly string[], fd: number): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stderr: result.stderr };
}

describe('--out that would destroy an input is refused before any work (exit 2)', () => {
  it.each([
    ['the target of two files', 2, 1],
    ['the source of two files', 2, 0],
    ['the last of three versions', 3, 2],
  ])('%s', (_, count, which) => {
    const files = Array.from({ length: count }, (_x, k) => join(dir, `v${k}.txt`));
    files.forEach((file, k) => copyFileSync(k === 0 ? EN : ID, file));
    const result = runCli(['align', ...files, '--out', files[which]!, '--format', 'json', ...LEXICAL]);
    expect(result.status).toBe(2);
    oneLine(result.stderr);
    expect(result.stderr).toContain(`--out ${files[which]} is the input file`);
    expect(readFileSync(files[which]!)).toEqual(readFileSync(which === 0 ? EN : ID));
    noTemporaries(dir);
  });

  it('through a symlink, before reading the other input (a FIFO nobody writes)', () => {
    const target = join(dir, 'b.id.txt');
    copyFileSync(ID, target);
    execFileSync('ln', ['-s', 'b.id.txt', join(dir, 'out.json')]);
    const result = spawnSync(process.execPath, [CLI, 'align', fifo('a.en.txt'), target, '--out', join(dir, 'out.json')], { encoding: 'utf8', timeout: HANG_MS });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is the input file .*b\.id\.txt/);
    expect(readFileSync(target)).toEqual(readFileSync(ID));
  });

  it('batch: the manifest itself, or a file inside the batch folder', () => {
    const folder = join(dir, 'articles');
    mkdirSync(folder);
    copyFileSync(EN, join(folder, 'story.en.txt'));
    copyFileSync(ID, join(folder, 'story.id.txt'));
    const manifest = join(dir, 'pairs.csv');
    const manifestText = 'source,target\narticles/story.en.txt,articles/story.id.txt\n';
    writeFileSync(manifest, manifestText);
    const intoManifest = runCli(['batch', manifest, '--out', manifest, ...LEXICAL]);
    expect(intoManifest.status).toBe(2);
    oneLine(intoManifest.stderr);
    expect(readFileSync(manifest, 'utf8')).toBe(manifestText);
    const intoFolder = runCli(['batch', folder, '--out', join(folder, 'corpus.csv'), ...LEXICAL]);
    expect(intoFolder.status).toBe(2);
    expect(intoFolder.stderr).toContain('is inside the input folder');
    expect(readdirSync(folder).sort()).toEqual(['story.en.txt', 'story.id.txt']);
  });
});

describe('output problems are found before the alignment (exit 1), naming the user\'s path', () => {
  it.each([
    ['a missing folder', (d: string) => join(d, 'no-such-folder', 'out.json'), /no-such-folder\/out\.json: the folder .* does not exist — create it first/],
    ['a directory', (d: string) => d, /: is a directory — give a file name/],
  ])('%s, before reading an input (a FIFO nobody writes)', (_, make, pattern) => {
    const out = make(dir);
    const result = spawnSync(process.execPath, [CLI, 'align', fifo('a.en.txt'), ID, '--out', out, ...LEXICAL], { encoding: 'utf8', timeout: HANG_MS });
    expect(result.status).toBe(1);
    oneLine(result.stderr);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\.tmp/);
  });
});

describe('a full or closed output is an error, never a silent truncation', () => {
  it('standard output on a full device: exit 1 and a one-line message', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const result = runWithStdout(['align', EN, ID, '--format', 'json', ...LEXICAL], fd);
      expect(result.status).toBe(1);
      oneLine(result.stderr);
      expect(result.stderr).toMatch(/^selaras: standard output: no space left on the device/);
    } finally {
      closeSync(fd);
    }
  });

  it('--out on a full device: exit 1, the device left as it is', () => {
    const result = runCli(['align', EN, ID, '--format', 'json', '--out', '/dev/full', ...LEXICAL]);
    expect(result.status).toBe(1);
    oneLine(result.stderr);
    expect(result.stderr).toMatch(/^selaras: \/dev\/full: no space left on the device/);
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('the help on a full device fails too', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      expect(runWithStdout(['--help'], fd).status).toBe(1);
    } finally {
      closeSync(fd);
    }
  });

  it('a reader that closed the pipe ends the run quietly with 141, as SIGPIPE would', async () => {
    const child = spawn(process.execPath, [CLI, 'align', EN, ID, '--format', 'json', ...LEXICAL], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // nothing reads: the first write gets EPIPE
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(141);
    expect(stderr).toBe('');
  });
});

describe('special files as --out are written through, never replaced', () => {
  it('/dev/stdout goes to standard output', () => {
    const result = runCli(['align', EN, ID, '--format', 'json', '--out', '/dev/stdout', ...LEXICAL]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).model).toBe('lexical');
  });

  it('a FIFO gets the output and stays a FIFO', async () => {
    const out = fifo('out.json');
    const chunks: Buffer[] = [];
    const reading = new Promise<void>((resolve, reject) => {
      createReadStream(out).on('data', (chunk) => chunks.push(chunk as Buffer)).on('end', resolve).on('error', reject);
    });
    const child = spawn(process.execPath, [CLI, 'align', EN, ID, '--format', 'json', '--out', out, ...LEXICAL], { stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await reading;
    expect(code).toBe(0);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8')).model).toBe('lexical');
    expect(lstatSync(out).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});

describe('an interrupted run leaves no temporary file', () => {
  /** Start a run whose source is a FIFO nobody writes yet: it waits there with its output open. */
  async function startWaitingRun(out: string) {
    const input = fifo(`in-${readdirSync(dir).length}.en.txt`);
    const child = spawn(process.execPath, [CLI, 'align', input, ID, '--out', out, ...LEXICAL], { stdio: ['ignore', 'ignore', 'pipe'] });
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    // Poll for the temporary file: the run has checked and opened its output and now waits for its input.
    for (;;) {
      if (readdirSync(dir).some((name) => name.endsWith('.tmp'))) break;
      const ended = await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 20, undefined))]);
      if (ended) throw new Error('the run ended before it opened its output');
    }
    return { child, exit, input };
  }

  it.each(['SIGINT', 'SIGTERM'] as const)('%s removes it and keeps the old output', async (signal) => {
    const out = join(dir, 'out.json');
    writeFileSync(out, 'old');
    const { child, exit } = await startWaitingRun(out);
    child.kill(signal);
    expect((await exit).signal).toBe(signal);
    noTemporaries(dir);
    expect(readFileSync(out, 'utf8')).toBe('old');
  });

  it('SIGKILL leaves one behind, and the next run into that folder sweeps it', async () => {
    const out = join(dir, 'out.json');
    const { child, exit } = await startWaitingRun(out);
    child.kill('SIGKILL');
    await exit;
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toHaveLength(1);
    const result = runCli(['align', EN, ID, '--out', out, ...LEXICAL]);
    expect(result.status).toBe(0);
    noTemporaries(dir);
    expect(JSON.parse(readFileSync(out, 'utf8')).model).toBe('lexical');
  });
});
