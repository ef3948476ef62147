import { spawn } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from '../cli-helpers.js';
import { writePairsFolder } from './fixtures.js';

const LEXICAL = ['--model', 'lexical'];
let dir: string;
let folder: string;
let names: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'selaras-batch-'));
  folder = join(dir, 'pairs');
  names = await writePairsFolder(folder, 12);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function batch(out: string, ...args: string[]) {
  return runCli(['batch', folder, '--out', out, ...LEXICAL, ...args]);
}

async function report(path: string) {
  return JSON.parse(await readFile(path, 'utf8'));
}

describe('selaras batch on a pool of workers', () => {
  it('writes with --jobs 2 exactly what --jobs 1 writes, rows by pair name, pair_index per alignment', async () => {
    const one = join(dir, 'one.csv');
    const two = join(dir, 'two.csv');
    expect(batch(one, '--jobs', '1').status).toBe(0);
    const result = batch(two, '--jobs', '2', '--report', join(dir, 'two.json'));
    expect(result.status).toBe(0);
    expect(await readFile(two, 'utf8')).toBe(await readFile(one, 'utf8'));
    const rows = parse(await readFile(two, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect([...new Set(rows.map((r) => r['pair']))]).toEqual(names);
    const first = rows.filter((r) => r['pair'] === names[0]);
    expect(first.map((r) => r['pair_index'])).toEqual(first.map((_, k) => String(k)));
    const summary = await report(join(dir, 'two.json'));
    expect(summary.pairs).toEqual({ total: 12, done: 12, failed: 0, skipped: 0, otherShards: 0 });
    expect(summary.written).toBe(rows.length);
    expect(summary.sentencePairs.aligned + summary.sentencePairs.omitted + summary.sentencePairs.added).toBe(rows.length);
    expect(summary.jobs).toBe(2);
    expect(result.stderr).toMatch(/12 of 12 pairs aligned; \d+ rows written/);
    expect(await readdir(dir)).not.toContain('two.csv.journal');
  });

  it('writes JSON Lines, one object per pair with its name; TMX and Moses for the whole batch', async () => {
    expect(batch(join(dir, 'all.jsonl')).status).toBe(0);
    const objects = (await readFile(join(dir, 'all.jsonl'), 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(objects.map((o) => o.name)).toEqual(names);
    expect(Object.keys(objects[0])).toEqual(['name', 'source', 'target', 'model', 'pairs', 'moves']);

    expect(batch(join(dir, 'all.tmx')).status).toBe(0);
    const tmx = await readFile(join(dir, 'all.tmx'), 'utf8');
    expect(tmx).toMatch(/^<\?xml[^\n]*\n<tmx version="1.4">\n {2}<header [^\n]*srclang="\*all\*"/);
    expect(tmx).not.toContain('creationdate');
    expect(tmx.endsWith('  </body>\n</tmx>\n')).toBe(true);
    expect(tmx).toContain(`<prop type="x-pair">${names[3]}</prop>`);

    const prefix = join(dir, 'corpus');
    expect(batch(prefix, '--format', 'moses').status).toBe(0);
    const [en, id, ids] = await Promise.all(['.en', '.id', '.ids'].map((s) => readFile(prefix + s, 'utf8')));
    const count = (text: string) => text.split('\n').length - 1;
    expect(count(en!)).toBeGreaterThan(12);
    expect(count(id!)).toBe(count(en!));
    expect(count(ids!)).toBe(count(en!));
    expect((tmx.match(/<tu>/g) ?? []).length).toBe(count(en!));
    expect(ids!.split('\n')[0]).toMatch(new RegExp(`^${names[0]}\\t\\d+\\t[\\d ]+\\t[\\d ]+\\t[01]\\.\\d{4}$`));
  });

  it('filters sentence pairs and counts what each filter left out', async () => {
    const out = join(dir, 'filtered.csv');
    expect(batch(out, '--aligned-only', '--max-merge', '1', '--min-score', '0.8', '--report', join(dir, 'filtered.json')).status).toBe(0);
    const rows = parse(await readFile(out, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r['status'] === 'aligned' && Number(r['score']) >= 0.8)).toBe(true);
    const summary = await report(join(dir, 'filtered.json'));
    const all = summary.sentencePairs.aligned + summary.sentencePairs.omitted + summary.sentencePairs.added;
    expect(summary.filtered.alignedOnly).toBe(summary.sentencePairs.omitted + summary.sentencePairs.added);
    expect(summary.filtered.minScore).toBeGreaterThan(0);
    expect(summary.written + summary.filtered.alignedOnly + summary.filtered.maxMerge + summary.filtered.minScore).toBe(all);
    expect(summary.written).toBe(rows.length);
  });

  it('keeps an existing output and exits 1 when every pair fails', async () => {
    const broken = join(dir, 'broken');
    await mkdir(broken, { recursive: true });
    await writeFile(join(broken, 'x.en.txt'), '');
    await writeFile(join(broken, 'x.id.txt'), 'Satu kalimat.');
    await writeFile(join(broken, 'y.en.txt'), 'One sentence.');
    await writeFile(join(broken, 'y.id.txt'), '\u0000\u0001binary');
    const out = join(dir, 'precious.csv');
    await writeFile(out, 'yesterday,s,work\r\n');
    const result = runCli(['batch', broken, '--out', out, ...LEXICAL, '--report', join(dir, 'broken.json')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/x: failed: .*x\.en\.txt: file is empty/);
    expect(result.stderr).toMatch(/no pair could be aligned, so .*precious\.csv was not written/);
    expect(await readFile(out, 'utf8')).toBe('yesterday,s,work\r\n');
    expect((await readdir(dir)).filter((f) => f.startsWith('precious.csv'))).toEqual(['precious.csv']);
    const summary = await report(join(dir, 'broken.json'));
    expect(summary.failures.map((f: { pair: string }) => f.pair)).toEqual(['x', 'y']);
  });

  it.each([
    [['--jobs', '0'], /--jobs 0: give a whole number/],
    [['--shard', '3/3'], /--shard 3\/3: give K\/N with 0 <= K < N/],
    [['--min-score', '2'], /--min-score 2: give a score between 0 and 1/],
    [['--format', 'json'], /for JSON use jsonl/],
  ])('refuses %j with exit 2', (args, message) => {
    const result = batch(join(dir, 'never.csv'), ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(dir, 'never.csv'))).toBe(false);
  });

  it('stops at a model that cannot be loaded, with one line, and leaves nothing behind', async () => {
    const out = join(dir, 'nomodel.csv');
    const result = runCli(['batch', folder, '--out', out, '--model', 'no-such-model', '--jobs', '2']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^selaras: no model "no-such-model" in /)]);
    expect((await readdir(dir)).filter((f) => f.startsWith('nomodel'))).toEqual([]);
  });

  it('refuses an --out that is a file a manifest lists, before any work', async () => {
    const listed = join(dir, 'listed');
    await mkdir(listed, { recursive: true });
    await writeFile(join(listed, 'a.txt'), 'Hello world from Bandung.');
    await writeFile(join(listed, 'b.txt'), 'Halo dunia dari Bandung.');
    await writeFile(join(listed, 'pairs.csv'), 'source,target\na.txt,b.txt\n');
    const result = runCli(['batch', join(listed, 'pairs.csv'), '--out', join(listed, 'b.txt'), ...LEXICAL]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is the input file .*b\.txt/);
    expect(await readFile(join(listed, 'b.txt'), 'utf8')).toBe('Halo dunia dari Bandung.');
  });

  it('asks for --format moses and a prefix when --out names a Moses file', () => {
    const result = batch(join(dir, 'never.en'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/give --format moses --out PREFIX/);
    expect(existsSync(join(dir, 'never.en'))).toBe(false);
  });

  it('align writes Moses files for one pair, and asks for --out without it', async () => {
    const files = ['corpus/clubhouse/jakarta-outlet.en.txt', 'corpus/clubhouse/bulelengpost.id.txt'];
    const prefix = join(dir, 'one-pair');
    expect(runCli(['align', ...files, '--format', 'moses', '--out', prefix, ...LEXICAL]).status).toBe(0);
    const [en, id, ids] = await Promise.all(['.en', '.id', '.ids'].map((s) => readFile(prefix + s, 'utf8')));
    expect(en!.split('\n').length).toBe(id!.split('\n').length);
    expect(ids!.split('\n')[0]).toMatch(/^corpus\/clubhouse\/jakarta-outlet\.en\.txt \| corpus\/clubhouse\/bulelengpost\.id\.txt\t\d+\t/);
    const missing = runCli(['align', ...files, '--format', 'moses', ...LEXICAL]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/give --out PREFIX/);
  });

  it('says which options belong to batch when align gets them', () => {
    const result = runCli(['align', 'corpus/clubhouse/jakarta-outlet.en.txt', 'corpus/clubhouse/bulelengpost.id.txt', '--jobs', '2']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--jobs is an option of selaras batch/);
  });
});

describe('shards and merge', () => {
  it.each(['csv', 'jsonl', 'tmx', 'moses'])('merging the %s of three shards gives the unsharded output, byte for byte', async (format) => {
    const extension = format === 'moses' ? '' : `.${format}`;
    const whole = join(dir, `whole-${format}${extension}`);
    expect(batch(whole, '--format', format).status).toBe(0);
    const shards = [0, 1, 2].map((k) => join(dir, `shard-${format}-${k}${extension}`));
    const counts: number[] = [];
    for (const [k, shard] of shards.entries()) {
      const result = batch(shard, '--format', format, '--shard', `${k}/3`, '--report', `${shard}.json`);
      expect(result.status).toBe(0);
      counts.push((await report(`${shard}.json`)).pairs.total);
    }
    expect(counts.reduce((a, b) => a + b)).toBe(12);
    expect(Math.min(...counts)).toBeGreaterThan(0);
    const merged = join(dir, `merged-${format}${extension}`);
    const result = runCli(['merge', merged, ...shards.reverse(), '--format', format]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/12 pairs from 3 shard files merged/);
    const files = format === 'moses' ? ['.en', '.id', '.ids'] : [''];
    for (const suffix of files) expect(await readFile(merged + suffix)).toEqual(await readFile(whole + suffix));
  });

  it('takes the shard from a Slurm array task or a Kubernetes indexed Job', async () => {
    const slurm = runCli(['batch', folder, '--out', join(dir, 'slurm.csv'), ...LEXICAL, '--report', join(dir, 'slurm.json')], {
      env: { SLURM_ARRAY_TASK_ID: '6', SLURM_ARRAY_TASK_MIN: '5', SLURM_ARRAY_TASK_COUNT: '3' },
    });
    expect(slurm.status).toBe(0);
    expect(slurm.stderr).toMatch(/shard 1\/3 \(from SLURM_ARRAY_TASK_ID\)/);
    expect((await report(join(dir, 'slurm.json'))).shard).toEqual({ index: 1, count: 3 });
    const k8s = runCli(['batch', folder, '--out', join(dir, 'k8s.csv'), ...LEXICAL, '--shard-count', '4'], { env: { JOB_COMPLETION_INDEX: '3' } });
    expect(k8s.status).toBe(0);
    expect(k8s.stderr).toMatch(/shard 3\/4 \(from JOB_COMPLETION_INDEX\)/);
    const missing = runCli(['batch', folder, '--out', join(dir, 'k8s.csv'), ...LEXICAL], { env: { JOB_COMPLETION_INDEX: '3' } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/pass --shard-count N/);
  });

  it('refuses shards that overlap, and an output that is one of the shards', async () => {
    const a = join(dir, 'overlap-a.jsonl');
    expect(batch(a).status).toBe(0);
    const twice = runCli(['merge', join(dir, 'overlap.jsonl'), a, a]);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(/pair "a\/p000" is in both/);
    expect(existsSync(join(dir, 'overlap.jsonl'))).toBe(false);
    const self = runCli(['merge', a, a]);
    expect(self.status).toBe(2);
    expect(self.stderr).toMatch(/is both a shard and the merge output/);
  });
});

describe('resume', () => {
  let many: string;
  let whole: string;
  beforeAll(async () => {
    many = join(dir, 'many');
    await writePairsFolder(many, 160, 8);
    whole = join(dir, 'many-whole.csv');
    expect(runCli(['batch', many, '--out', whole, ...LEXICAL, '--jobs', '2']).status).toBe(0);
  }, 120_000);

  /** Start a real run, wait (polling, no fixed sleep) until `pairs` pairs are journaled, then send `signal`. */
  async function interrupt(out: string, signal: NodeJS.Signals, pairs: number): Promise<{ code: number | null; stderr: string }> {
    const journal = `${out}.journal`;
    const child = spawn(process.execPath, [CLI, 'batch', many, '--out', out, ...LEXICAL, '--jobs', '2'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    for (;;) {
      const lines = (await readFile(journal, 'utf8').catch(() => '')).split('\n').length - 2;
      if (lines >= pairs) break;
      await new Promise((done) => setTimeout(done, 10));
    }
    process.kill(child.pid!, signal);
    const code = await exited;
    return { code, stderr };
  }

  it('continues a run killed mid-way (SIGKILL) to the bytes of an uninterrupted run', async () => {
    const out = join(dir, 'many.csv');
    await interrupt(out, 'SIGKILL', 3);
    expect(existsSync(out)).toBe(false); // it died mid-way: only the partial output and its journal exist
    expect(existsSync(`${out}.partial`)).toBe(true);
    const journaled = (await readFile(`${out}.journal`, 'utf8')).split('\n').length - 2;
    expect(journaled).toBeLessThan(160);

    const resumed = runCli(['batch', many, '--out', out, ...LEXICAL, '--jobs', '2', '--resume', '--report', join(dir, 'many.json')]);
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toMatch(/resuming: \d+ of 160 pairs already done/);
    expect(await readFile(out)).toEqual(await readFile(whole));
    expect(existsSync(`${out}.journal`)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
    const summary = await report(join(dir, 'many.json'));
    expect(summary.pairs.done).toBe(160);
    expect(summary.pairs.skipped).toBeGreaterThanOrEqual(journaled - 1);

    const again = runCli(['batch', many, '--out', out, ...LEXICAL, '--resume']);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/is complete already/);
  }, 120_000);

  it('stops at once on SIGINT, says how to continue, exits 130, and resumes to the same bytes', async () => {
    const out = join(dir, 'stopped.csv');
    const stopped = await interrupt(out, 'SIGINT', 2);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted: \d+ of 160 pairs are done and kept in .*stopped\.csv\.partial; run the same command with --resume/);
    expect(existsSync(out)).toBe(false);
    expect(runCli(['batch', many, '--out', out, ...LEXICAL, '--resume']).status).toBe(0);
    expect(await readFile(out)).toEqual(await readFile(whole));
  }, 120_000);

  it('refuses to resume with other options, and says so', async () => {
    const out = join(dir, 'opts.csv');
    await writeFile(`${out}.journal`, `${JSON.stringify({ journal: 'selaras batch journal', version: 1, settings: { other: true }, header: [0] })}\n`);
    await writeFile(`${out}.partial`, '');
    const result = batch(out, '--resume');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/the interrupted run used other options .* run without --resume to start over/);
    const fresh = batch(out);
    expect(fresh.status).toBe(0);
    expect(fresh.stderr).toMatch(/started over/);
    expect(existsSync(`${out}.journal`)).toBe(false);
  });
});
