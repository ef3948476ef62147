import type { Alignment, Document, MovedPassage, SentencePair } from '../types.js';

export function documentJson(document: Document) {
  return {
    path: document.path,
    lang: document.lang,
    sentences: document.sentences.map((s) => ({ text: s.text, start: s.start, end: s.end, paragraph: s.paragraph })),
  };
}

/** The pairs of the contract; `indexes` (0-based) picks some of them, in the order given. */
export function pairsJson(alignment: Alignment, indexes?: readonly number[]) {
  const pairs = indexes ? indexes.map((index) => alignment.pairs[index]!) : alignment.pairs;
  return pairs.map(pairJson);
}

/** One pair as the contract writes it. */
export function pairJson(pair: SentencePair) {
  return {
    source: pair.source,
    target: pair.target,
    status: pair.status,
    score: Number(pair.score.toFixed(4)),
    differences: pair.differences,
    ...(pair.wordDiff ? { wordDiff: pair.wordDiff } : {}),
    ...(pair.move !== undefined ? { move: pair.move } : {}),
    // A reviewer's marks, present only when set, so an alignment nobody edited reads as it always did.
    ...(pair.edited === true ? { edited: true } : {}),
    ...(pair.reviewed === true ? { reviewed: true } : {}),
    ...(pair.note !== undefined && pair.note.length > 0 ? { note: pair.note } : {}),
  };
}

export function movesJson(alignment: Alignment) {
  return moveListJson(alignment.moves ?? []);
}

/** A list of moved passages as the contract writes it (the top-level `moves`). */
export function moveListJson(moves: readonly MovedPassage[]) {
  return moves.map((move) => ({
    source: move.source,
    target: move.target,
    score: Number(move.score.toFixed(4)),
    differences: move.differences,
    pairs: move.pairs.map((pair) => ({ source: pair.source, target: pair.target, score: Number(pair.score.toFixed(4)) })),
  }));
}

function contract(alignment: Alignment, indexes?: readonly number[]) {
  return {
    source: documentJson(alignment.source),
    target: documentJson(alignment.target),
    model: alignment.model,
    pairs: pairsJson(alignment, indexes),
    moves: movesJson(alignment),
  };
}

/** The JSON contract of the design notes, one object. */
export function toJson(alignment: Alignment): string {
  return `${JSON.stringify(contract(alignment), null, 2)}\n`;
}

/** JSON Lines: the contract plus the article pair's `name`, on one line (`indexes` picks pairs, default all). */
export function toJsonLine(alignment: Alignment, name: string, indexes?: readonly number[]): string {
  return `${JSON.stringify({ name, ...contract(alignment, indexes) })}\n`;
}
