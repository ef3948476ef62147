/**
 * Scoring alignments against gold beads (the benchmark format of the design notes), micro-averaged:
 * strict (exact beads, 1-0 and 0-1 included), links (sentence pairs implied by non-empty beads),
 * omitted / added (sentences reported as having no counterpart).
 */

export interface Bead {
  readonly source: readonly number[];
  readonly target: readonly number[];
}

export interface Counts {
  /** Items predicted and in gold. */
  tp: number;
  /** Items predicted. */
  predicted: number;
  /** Items in gold. */
  gold: number;
}

export interface CaseCounts {
  readonly strict: Counts;
  readonly links: Counts;
  readonly omitted: Counts;
  readonly added: Counts;
}

export interface PrecisionRecall {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const BEAD_LINE = /^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\](?:\s*:\s*[-\d.eE+]+)?\s*$/;

function parseIndexes(list: string): number[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => Number.parseInt(s, 10));
}

/** Parse Vecalign bead lines (`[0]:[0, 1]`, optionally `:score`); blank lines are skipped. */
export function parseBeads(text: string): Bead[] {
  const beads: Bead[] = [];
  for (const [lineNumber, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const match = BEAD_LINE.exec(line);
    if (!match) throw new SyntaxError(`line ${lineNumber + 1}: not a bead of the form [i, j]:[k]: ${line}`);
    beads.push({ source: parseIndexes(match[1]!), target: parseIndexes(match[2]!) });
  }
  return beads;
}

export function formatBead(bead: Bead, score?: number): string {
  const base = `[${bead.source.join(', ')}]:[${bead.target.join(', ')}]`;
  return score === undefined ? base : `${base}:${score.toFixed(6)}`;
}

/** A bead as a string, for sets of beads. */
export function beadKey(bead: Bead): string {
  return `${bead.source.join(',')}|${bead.target.join(',')}`;
}

function count(predicted: readonly string[], gold: readonly string[]): Counts {
  const goldSet = new Set(gold);
  const predictedSet = new Set(predicted);
  let tp = 0;
  for (const item of predictedSet) if (goldSet.has(item)) tp++;
  return { tp, predicted: predictedSet.size, gold: goldSet.size };
}

function links(beads: readonly Bead[]): string[] {
  const out: string[] = [];
  for (const bead of beads) for (const i of bead.source) for (const j of bead.target) out.push(`${i}-${j}`);
  return out;
}

function unmatched(beads: readonly Bead[], side: 'source' | 'target'): string[] {
  const other = side === 'source' ? 'target' : 'source';
  return beads.filter((b) => b[other].length === 0).flatMap((b) => b[side].map(String));
}

export function scoreCase(predicted: readonly Bead[], gold: readonly Bead[]): CaseCounts {
  return {
    strict: count(predicted.map(beadKey), gold.map(beadKey)),
    links: count(links(predicted), links(gold)),
    omitted: count(unmatched(predicted, 'source'), unmatched(gold, 'source')),
    added: count(unmatched(predicted, 'target'), unmatched(gold, 'target')),
  };
}

export function emptyCounts(): CaseCounts {
  const zero = (): Counts => ({ tp: 0, predicted: 0, gold: 0 });
  return { strict: zero(), links: zero(), omitted: zero(), added: zero() };
}

export function addCounts(total: CaseCounts, more: CaseCounts): CaseCounts {
  const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, predicted: a.predicted + b.predicted, gold: a.gold + b.gold });
  return {
    strict: add(total.strict, more.strict),
    links: add(total.links, more.links),
    omitted: add(total.omitted, more.omitted),
    added: add(total.added, more.added),
  };
}

/** Precision and recall; an empty prediction against an empty gold set counts as perfect. */
export function precisionRecall(counts: Counts): PrecisionRecall {
  const precision = counts.predicted === 0 ? (counts.gold === 0 ? 1 : 0) : counts.tp / counts.predicted;
  const recall = counts.gold === 0 ? (counts.predicted === 0 ? 1 : 0) : counts.tp / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** A moved passage as a moves.json file gives it: the sentence pairs (source, target) it keeps. */
export interface GoldMove {
  readonly links: ReadonlyArray<readonly [number, number]>;
}

/** Parse a case's moves.json: an array of moves, each with its `links`. */
export function parseMoves(text: string): GoldMove[] {
  const value: unknown = JSON.parse(text);
  const isLink = (link: unknown) => Array.isArray(link) && link.length === 2 && link.every((k) => Number.isInteger(k) && k >= 0);
  if (!Array.isArray(value) || !value.every((move) => Array.isArray(move?.links) && move.links.every(isLink))) {
    throw new SyntaxError('expected an array of moves, each {"links": [[source, target], ...]}');
  }
  return value as GoldMove[];
}

/** The moved links an alignment reports: each half of a move on the source side with its partners. */
export function movedLinks(beads: ReadonlyArray<Bead & { readonly move?: { readonly partner: readonly number[] } }>): string[] {
  return beads.filter((bead) => bead.move && bead.target.length === 0).flatMap((bead) => bead.source.flatMap((i) => bead.move!.partner.map((j) => `${i}-${j}`)));
}

/** Moved links predicted against a case's gold moves (none when it has no moves.json). */
export function scoreMoves(beads: Parameters<typeof movedLinks>[0], gold: readonly GoldMove[]): Counts {
  return count(movedLinks(beads), gold.flatMap((move) => move.links.map(([i, j]) => `${i}-${j}`)));
}
