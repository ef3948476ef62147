/**
 * A real single-node Slurm cluster, started here in a temporary folder (munged, slurmctld, slurmd on their own
 * socket, ports, spool, state and logs), runs examples/slurm/align-corpus.sbatch as a three-task job array; its
 * merge job must write exactly what one unsharded local run writes. Skipped, with a message, only where Slurm is not
 * installed (CI installs slurm-wlm and munge from Debian).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, hostname, tmpdir, totalmem, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from '../cli-helpers.js';
import { writePairsFolder } from './fixtures.js';

const PATH = [process.env['PATH'] ?? '', '/usr/sbin', '/usr/local/sbin', '/sbin'].join(delimiter);
const TOOLS = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'sinfo', 'squeue'];
const missing = TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { env: { PATH } }).status !== 0);
if (missing.length > 0) {
  console.warn(`Slurm test skipped: ${missing.join(', ')} not installed (Debian: apt-get install slurm-wlm munge)`);
}
/** Time for the cluster to come up, and for the job array and its merge to finish: generous for a loaded CI box. */
const START_TIMEOUT_MS = 60_000;
const JOB_TIMEOUT_MS = 150_000;
const POLL_MS = 200;

let dir: string;
let env: NodeJS.ProcessEnv;
const daemons: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function start(command: string, args: readonly string[], log: string): ChildProcess {
  const child = spawn(command, args, { env, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const lines: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  child.on('exit', () => void writeFile(join(dir, log), lines.join('')).catch(() => undefined));
  daemons.push(child);
  return child;
}

function run(command: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { env, cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const logs = await Promise.all(
        (await readdir(dir)).filter((f) => f.endsWith('.log') || f.endsWith('.out')).map(async (f) => `--- ${f}\n${(await readFile(join(dir, f), 'utf8')).slice(-2000)}`),
      );
      throw new Error(`timed out waiting for ${what}\n${logs.join('\n')}`);
    }
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

describe.skipIf(missing.length > 0)('a Slurm job array', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'selaras-slurm-'));
    const node = hostname().split('.')[0]!;
    const user = userInfo().username;
    const [controllerPort, nodePort] = [await freePort(), await freePort()];
    const socket = join(dir, 'munge.socket');
    await Promise.all(['state', 'spool'].map((d) => mkdir(join(dir, d))));
    await writeFile(join(dir, 'munge.key'), randomBytes(1024), { mode: 0o600 });
    await chmod(join(dir, 'munge.key'), 0o600);
    const memoryMb = Math.max(1024, Math.floor(totalmem() / 2 ** 20) - 512);
    const conf = join(dir, 'slurm.conf');
    await writeFile(
      conf,
      [
        'ClusterName=selarastest',
        `SlurmctldHost=${node}(127.0.0.1)`,
        `SlurmctldPort=${controllerPort}`,
        `SlurmdPort=${nodePort}`,
        `SlurmUser=${user}`,
        `SlurmdUser=${user}`,
        'AuthType=auth/munge',
        `AuthInfo=socket=${socket}`,
        'CredType=cred/munge',
        `StateSaveLocation=${join(dir, 'state')}`,
        `SlurmdSpoolDir=${join(dir, 'spool')}`,
        `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
        `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
        `SlurmctldLogFile=${join(dir, 'slurmctld.log')}`,
        `SlurmdLogFile=${join(dir, 'slurmd.log')}`,
        'ProctrackType=proctrack/linuxproc',
        'TaskPlugin=task/none',
        'SchedulerType=sched/builtin',
        'SelectType=select/cons_tres',
        'SelectTypeParameters=CR_CPU',
        'ReturnToService=2',
        'MpiDefault=none',
        'JobAcctGatherType=jobacct_gather/none',
        'AccountingStorageType=accounting_storage/none',
        'JobCompType=jobcomp/none',
        'MailProg=/bin/true',
        `NodeName=${node} NodeAddr=127.0.0.1 CPUs=${availableParallelism()} RealMemory=${memoryMb} State=UNKNOWN`,
        `PartitionName=test Nodes=${node} Default=YES MaxTime=INFINITE State=UP`,
        '',
      ].join('\n'),
    );
    env = { ...process.env, PATH, SLURM_CONF: conf };
    start('munged', [
      '--foreground',
      '--force',
      `--key-file=${join(dir, 'munge.key')}`,
      `--socket=${socket}`,
      `--pid-file=${join(dir, 'munged.pid')}`,
      `--log-file=${join(dir, 'munged.log')}`,
      `--seed-file=${join(dir, 'munged.seed')}`,
    ], 'munged.out');
    await waitFor('munged', START_TIMEOUT_MS, () => (existsSync(socket) ? true : undefined));
    start('slurmctld', ['-D', '-f', conf], 'slurmctld.out');
    start('slurmd', ['-D', '-f', conf, '-N', node], 'slurmd.out');
    await waitFor('the node to be idle', START_TIMEOUT_MS, () => (/^idle/m.test(run('sinfo', ['-h', '-o', '%t']).stdout) ? true : undefined));
  }, START_TIMEOUT_MS * 2);

  afterAll(async () => {
    // Stop what this test started, by pid, newest first; then the folder goes.
    for (const child of daemons.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  }, START_TIMEOUT_MS);

  it('aligns a corpus as three shards and merges them into what one local run writes', async () => {
    const corpus = join(dir, 'corpus');
    await writePairsFolder(corpus, 9);
    const local = join(dir, 'local.csv');
    expect(runCli(['batch', corpus, '--out', local, '--model', 'lexical', '--jobs', '1']).status).toBe(0);

    const outDir = join(dir, 'out');
    const script = join(ROOT, 'examples/slurm/align-corpus.sbatch');
    env = { ...env, SELARAS: `${process.execPath} ${CLI}`, SELARAS_OPTIONS: '--model lexical' };
    const submitted = run('sbatch', ['--parsable', '--array=0-2', '--cpus-per-task=1', '--mem=256M', script, corpus, outDir, 'csv']);
    expect(submitted.stderr).toBe('');
    expect(submitted.stdout.trim()).toMatch(/^\d+/);

    const merged = join(outDir, 'corpus.csv');
    await waitFor('the array and its merge job', JOB_TIMEOUT_MS, () => {
      const queue = run('squeue', ['-h', '-o', '%i %j %T %r']).stdout.trim();
      if (/DependencyNeverSatisfied/.test(queue)) throw new Error(`the merge job can never run:\n${queue}`);
      return queue === '' && existsSync(merged) ? true : undefined;
    });
    expect(await readFile(merged)).toEqual(await readFile(local));
    const reports = await Promise.all([0, 1, 2].map(async (k) => JSON.parse(await readFile(join(outDir, `shard-${k}.report.json`), 'utf8'))));
    expect(reports.map((r) => r.shard)).toEqual([0, 1, 2].map((index) => ({ index, count: 3 })));
    expect(reports.reduce((sum, r) => sum + r.pairs.total, 0)).toBe(9);
  }, JOB_TIMEOUT_MS + 30_000);
});
