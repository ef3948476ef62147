import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli-helpers.js';

let cases: string;
beforeAll(async () => {
  cases = await mkdtemp(join(tmpdir(), 'selaras-per-case-'));
  const write = async (name: string, en: string, id: string, gold: string) => {
    await mkdir(join(cases, name));
    await writeFile(join(cases, name, 'en.txt'), en);
    await writeFile(join(cases, name, 'id.txt'), id);
    await writeFile(join(cases, name, 'gold.txt'), gold);
  };
  await write('toy-clean-000', 'The president spoke in Jakarta.\nPrices rose 12 percent.\n', 'Presiden berbicara di Jakarta.\nHarga naik 12 persen.\n', '[0]:[0]\n[1]:[1]\n');
  // A gold alignment the aligner cannot match: this case fails, the other does not.
  await write('toy-heavy-001', 'The president spoke in Jakarta.\nPrices rose 12 percent.\n', 'Presiden berbicara di Jakarta.\nHarga naik 12 persen.\n', '[0]:[1]\n[1]:[0]\n');
});
afterAll(async () => {
  await rm(cases, { recursive: true, force: true });
});

describe('selaras eval --per-case', () => {
  it('gives each case its own figures in JSON, so the failing one stands out', () => {
    const result = runCli(['eval', cases, '--per-case', '--json', '--model', 'lexical']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.perCase.map((c: { name: string; group: string; goldBeads: number }) => [c.name, c.group, c.goldBeads])).toEqual([
      ['toy-clean-000', 'clean', 2],
      ['toy-heavy-001', 'heavy', 2],
    ]);
    expect(report.perCase[0].metrics.strict.f1).toBe(1);
    expect(report.perCase[1].metrics.strict.f1).toBe(0);
    expect(report.overall.strict.f1).toBe(0.5);
  });

  it('prints one line per case after the totals, and nothing per case without the flag', () => {
    const result = runCli(['eval', cases, '--per-case', '--model', 'lexical']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^case +group +beads +strict F1 +links F1 +omitted F1 +added F1$/m);
    expect(result.stdout).toMatch(/^toy-heavy-001 +heavy +2 +0\.000 /m);
    const plain = runCli(['eval', cases, '--json', '--model', 'lexical']);
    expect(JSON.parse(plain.stdout).perCase).toBeUndefined();
  });
});
