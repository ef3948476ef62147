import { describe, expect, it, vi } from 'vitest';
import type { BeadEvidence } from '../../src/align/bead-evidence.js';
import { beadScore } from '../../src/align/confidence.js';
import { seededRandom } from '../../src/align/random.js';
import { crossValidatedScores, DEV_WEIGHT, fitCalibration, printConfidentMistakes, tableSource, type Row } from '../../src/calibrate/fit.js';
import { clearPair } from '../align/fixtures/bead-evidence.js';

/** A clear translation; the rows below vary its margin. */
const base = clearPair;

/** Beads whose chance of being right rises with their margin, over three domains. */
function rows(): Row[] {
  const next = seededRandom(3);
  const out: Row[] = [];
  for (let k = 0; k < 3000; k++) {
    const kind = k % 3 === 0 ? 'omitted' : 'aligned';
    const margin = next() * 1.2;
    const evidence: BeadEvidence = { ...base, kind, targetCount: kind === 'omitted' ? 0 : 1, margin };
    out.push({
      caseName: `case-${k % 30}`,
      domain: ['a', 'b', 'c'][k % 3]!,
      group: 'heavy',
      origin: 'generated',
      embedder: 'test',
      evidence,
      isRight: next() < 0.5 + 0.45 * Math.min(1, margin / 0.6),
      bead: kind === 'omitted' ? `${k}|` : `${k}|${k}`,
    });
  }
  return out;
}

describe('fitCalibration', () => {
  const data = rows();
  const fit = fitCalibration(data, 'test fit', true);

  it('learns that a larger margin means a likelier right bead, for both kinds of bead', () => {
    for (const kind of ['aligned', 'omitted'] as const) {
      const at = (margin: number) => beadScore(fit, { ...base, kind, targetCount: kind === 'omitted' ? 0 : 1, margin });
      expect(at(0.05)).toBeLessThan(at(0.3));
      expect(at(0.3)).toBeLessThan(at(1.1));
      expect(at(0.05)).toBeGreaterThan(0.35);
      expect(at(0.05)).toBeLessThan(0.7);
      expect(at(1.1)).toBeGreaterThan(0.85);
    }
  });

  it('cross-validates by domain: every bead scored by a fit that never saw its domain', () => {
    const scores = crossValidatedScores(data, true);
    expect(scores.size).toBe(data.length);
    for (const score of scores.values()) expect(score).toBeGreaterThan(0);
  });

  it(`weighs a dev bead as ${DEV_WEIGHT} generated ones: where the two disagree, the score leans to the dev share`, () => {
    // The same evidence right 90% of the time in generated cases and 60% in dev ones, as many beads of each.
    const mixed: Row[] = [];
    for (let k = 0; k < 2000; k++) {
      const origin = k % 2 === 0 ? 'dev' : 'generated';
      const isRight = (k >> 1) % 10 < (origin === 'dev' ? 6 : 9);
      mixed.push({ ...data[k]!, domain: ['a', 'b', 'c'][k % 3]!, origin, evidence: { ...base, margin: 0.5 }, isRight });
    }
    const score = beadScore(fitCalibration(mixed, 'weighted', true), { ...base, margin: 0.5 });
    const weighted = (0.6 * DEV_WEIGHT + 0.9) / (DEV_WEIGHT + 1);
    expect(DEV_WEIGHT).toBeGreaterThan(1);
    expect(score).toBeGreaterThan(weighted - 0.03);
    expect(score).toBeLessThan(weighted + 0.03);
  });

  it('lists the wrong beads scored 0.9 or more, by either score, with their case, bead and evidence', () => {
    const [right, wrong, doubted] = [
      { ...data[0]!, isRight: true, caseName: 'case-right', bead: '0|0' },
      { ...data[1]!, isRight: false, caseName: 'case-sure', bead: '7|4' },
      { ...data[2]!, isRight: false, caseName: 'case-doubted', bead: '6|' },
    ];
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      printConfidentMistakes([right, wrong, doubted], (r) => (r === doubted ? 0.4 : 0.95), (r) => (r === wrong ? 0.5 : 0.97));
    } finally {
      log.mockRestore();
    }
    // The right bead is left out; the two wrong ones come highest cross-validated score first.
    expect(lines[0]).toMatch(/scored >= 0\.9 .*: 2$/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^ {4}0\.400 \/ 0\.970 {2}case-doubted 6\| \(aligned 1-1\): cosine /);
    expect(lines[2]).toMatch(/^ {4}0\.950 \/ 0\.500 {2}case-sure 7\|4 \(aligned 1-1\): cosine /);
  });

  it('prints a table that reads back as TypeScript', () => {
    const source = tableSource('TEST_SCORE', fit);
    expect(source).toMatch(/^export const TEST_SCORE: ScoreCalibration = \{\n {2}name: 'test fit',/);
    expect(source).toMatch(/'margin>0\.05': \[/);
  });
});
