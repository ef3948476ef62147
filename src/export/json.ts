import type { Alignment, Document } from '../types.js';

export function documentJson(document: Document) {
  return {
    path: document.path,
    lang: document.lang,
    sentences: document.sentences.map((s) => ({ text: s.text, start: s.start, end: s.end, paragraph: s.paragraph })),
  };
}

export function pairsJson(alignment: Alignment) {
  return alignment.pairs.map((pair) => ({
    source: pair.source,
    target: pair.target,
    status: pair.status,
    score: Number(pair.score.toFixed(4)),
    differences: pair.differences,
    ...(pair.wordDiff ? { wordDiff: pair.wordDiff } : {}),
    ...(pair.move !== undefined ? { move: pair.move } : {}),
  }));
}

export function movesJson(alignment: Alignment) {
  return (alignment.moves ?? []).map((move) => ({
    source: move.source,
    target: move.target,
    score: Number(move.score.toFixed(4)),
    differences: move.differences,
    pairs: move.pairs.map((pair) => ({ source: pair.source, target: pair.target, score: Number(pair.score.toFixed(4)) })),
  }));
}

/** The JSON contract of the design notes, one object. */
export function toJson(alignment: Alignment): string {
  const value = {
    source: documentJson(alignment.source),
    target: documentJson(alignment.target),
    model: alignment.model,
    pairs: pairsJson(alignment),
    moves: movesJson(alignment),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}
