/** The review UI's engine: the edits' beads judged by a pool worker, on the sentences of the alignment being edited
 * (the worker keeps the engine it set up for them between edits, see job.ts). */
import { isSameLanguage } from '../compare/same-language.js';
import type { EditJudge } from '../edit/judge.js';
import type { Alignment } from '../types.js';
import type { AlignmentPool } from './pool.js';

export interface JudgeSetup {
  /** The model the alignment was made with (undefined: the bundled one). */
  readonly model?: string;
}

export function poolJudge(pool: AlignmentPool, alignment: () => Alignment, setup: JudgeSetup): EditJudge {
  return {
    judge: async (plan) => {
      const { source, target } = alignment();
      const result = await pool.run({
        files: [source.path, target.path],
        ...(setup.model === undefined ? {} : { model: setup.model }),
        judge: {
          source: source.sentences.map((sentence) => sentence.text),
          target: target.sentences.map((sentence) => sentence.text),
          sameLanguage: isSameLanguage(source, target),
          ask: plan.ask,
          beads: plan.beads,
        },
      });
      if (result.kind !== 'judged') throw new TypeError(`the worker answered a judge job with ${result.kind}`);
      return result.beads;
    },
  };
}
