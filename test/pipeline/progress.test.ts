import { describe, expect, it } from 'vitest';
import { alignFiles } from '../../src/pipeline.js';
import type { ProgressEvent } from '../../src/types.js';

const EN = 'corpus/clubhouse/jakarta-outlet.en.txt';
const ID = 'corpus/clubhouse/bulelengpost.id.txt';

async function stagesOf(differences: boolean): Promise<ProgressEvent[]> {
  const events: ProgressEvent[] = [];
  await alignFiles(EN, ID, { model: 'lexical', differences, onProgress: (event) => events.push(event) });
  return events;
}

describe('progress events', () => {
  it('report the differences as a stage of their own after aligning, from 0 to every pair and move', async () => {
    const events = await stagesOf(true);
    const stages = events.map((event) => event.stage).filter((stage, k, all) => all[k - 1] !== stage);
    expect(stages.slice(-2)).toEqual(['align', 'differences']);
    const differences = events.filter((event) => event.stage === 'differences');
    expect(differences[0]?.done).toBe(0);
    const last = differences.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(last.total).toBeGreaterThan(10);
    // Counts only grow, and they are few however long the document (each one crosses to the UI's thread).
    expect(differences.every((event, k) => k === 0 || event.done > differences[k - 1]!.done)).toBe(true);
    expect(differences.length).toBeLessThanOrEqual(102);
  });

  it('have no differences stage when no differences are found (formats that print none)', async () => {
    expect((await stagesOf(false)).some((event) => event.stage === 'differences')).toBe(false);
  });
});
