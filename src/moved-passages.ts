/**
 * Moved passages as views read them (listings, the review UI's jump between the two halves and its counts): pure
 * look-ups on an Alignment. The data: a moved sentence keeps its omitted or added pair, in document order, marked
 * with `move`, the index of its passage in `alignment.moves`; the passage's `pairs` say which sentences of the
 * other side each of its sentences pairs with; the pair holding those is the other half, at the other position.
 * `alignment.moves.length` is the number of moves (a passage of several sentences is one move).
 */
import type { Alignment, MovedPassage, SentencePair } from './types.js';

/** The side whose sentence a half of a move holds: an omitted pair's source, an added pair's target. */
function ownSide(pair: SentencePair): 'source' | 'target' {
  return pair.source.length > 0 ? 'source' : 'target';
}

/** For a half of a moved passage, the passage's pair its sentence belongs to; undefined for any other pair. */
export function movedPairOf(alignment: Alignment, pair: SentencePair): MovedPassage['pairs'][number] | undefined {
  const move = pair.move === undefined ? undefined : alignment.moves?.[pair.move];
  const side = ownSide(pair);
  const own = pair[side][0];
  return own === undefined ? undefined : move?.pairs.find((candidate) => candidate[side].includes(own));
}

/** The 0-based index of the pair holding the other half of a moved sentence (where the jump key goes), or
 * undefined when the pair is no half of a move. */
export function otherHalf(alignment: Alignment, pairIndex: number): number | undefined {
  const pair = alignment.pairs[pairIndex];
  const moved = pair && movedPairOf(alignment, pair);
  if (pair === undefined || moved === undefined) return undefined;
  const other = ownSide(pair) === 'source' ? 'target' : 'source';
  const partner = moved[other][0];
  const index = alignment.pairs.findIndex((candidate) => candidate.move === pair.move && partner !== undefined && candidate[other].includes(partner));
  return index < 0 ? undefined : index;
}
