import type { Alignment } from '../types.js';

/** One bead per line as Vecalign prints them: `[i, j]:[k]:score`. */
export function toVecalign(alignment: Alignment): string {
  return alignment.pairs
    .map((pair) => `[${pair.source.join(', ')}]:[${pair.target.join(', ')}]:${pair.score.toFixed(6)}`)
    .join('\n')
    .concat('\n');
}
