import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLexicalEmbedder } from '../../src/embed/lexical.js';
import { caseGroup, formatEvalReport, runEval } from '../../src/eval/run-eval.js';

let dir: string;

async function writeCase(name: string, en: string[], id: string[], gold: string[]): Promise<void> {
  await mkdir(join(dir, name), { recursive: true });
  await writeFile(join(dir, name, 'en.txt'), `${en.join('\n')}\n`);
  await writeFile(join(dir, name, 'id.txt'), `${id.join('\n')}\n`);
  await writeFile(join(dir, name, 'gold.txt'), `${gold.join('\n')}\n`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'selaras-eval-calibration-'));
  await writeCase(
    'toy-clean-000',
    ['The president spoke in Jakarta on Monday.', 'Prices rose 12 percent in 2021.', 'The end of the report.'],
    ['Presiden berbicara di Jakarta pada hari Senin.', 'Harga naik 12 persen pada 2021.'],
    ['[0]:[0]', '[1]:[1]', '[2]:[]'],
  );
  // Two different English articles: a version pair, aligned with the same-language settings `align` would use.
  await writeCase(
    'toy-different-000',
    [
      'The central bank raised its interest rate by half a point on Thursday.',
      'Economists had expected a smaller increase this quarter.',
      'The currency rose against the dollar after the announcement.',
    ],
    [
      'The football club signed a new striker from Brazil for the coming season.',
      'He scored twenty goals in his last league campaign.',
      'Fans gathered at the stadium to welcome him.',
    ],
    ['[0]:[]', '[1]:[]', '[2]:[]', '[]:[0]', '[]:[1]', '[]:[2]'],
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('runEval calibration', () => {
  it('scores each bead against gold: overall, per group and per kind of bead', async () => {
    const report = await runEval(dir, createLexicalEmbedder());
    const { overall, groups, kinds } = report.calibration;
    expect(overall.beads).toBe(
      Object.values(kinds).reduce((sum, k) => sum + k.beads, 0),
    );
    expect(Object.keys(groups).sort()).toEqual(['clean', 'different']);
    expect(groups['clean']!.beads).toBe(3);
    expect(overall.ece).toBeGreaterThanOrEqual(0);
    expect(overall.ece).toBeLessThanOrEqual(1);
    // Two unrelated articles in one language: every sentence left unpaired, as the gold says.
    expect(groups['different']!.rightShare).toBe(1);
    expect(report.groups['different']!.strict.f1).toBe(1);
    const text = formatEvalReport(report);
    expect(text).toMatch(/score calibration/);
    expect(text).toMatch(/^all\s+\d+\s+[\d.]+%/m);
    expect(text).toMatch(/^different\s+6\s+100\.0%/m);
  });
});

describe('caseGroup', () => {
  it.each([
    ['ted-heavy-002', 'heavy'],
    ['bppt-eco-clean-000', 'clean'],
    ['gen-bppt-sci-unrelated-003', 'unrelated'],
    ['gen-ted-tiny-012', 'tiny'],
    ['mycase', 'other'],
    // A group is a name segment, not any substring.
    ['cleaning-001', 'other'],
  ])('%s is in group %s', (name, group) => {
    expect(caseGroup(name)).toBe(group);
  });
});
