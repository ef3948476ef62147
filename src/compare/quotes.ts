/**
 * Quoted speech: a span between quotation marks long enough to be words someone said, not a scare quote
 * ("Chatroom"). Contents are not compared across languages; what matters to a reviewer is that one side quotes
 * and the other does not (it paraphrased, or dropped the statement).
 */
import type { Difference } from '../types.js';

export interface QuoteMention {
  /** The quoted words, without the marks. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Fewer words than this between quotation marks make a title or a scare quote, not speech. */
const MIN_QUOTE_WORDS = 4;

const DOUBLE_MARKS = /["“”„«»]/gu;

/**
 * Spans between double quotation marks, paired in order (curly marks are often typed the wrong way round),
 * and between ‘ and ’ where these stand at word edges (not the apostrophe of didn’t). A mark left unpaired,
 * as when a sentence splitter cut a long quote, opens a quote to the end of the text.
 */
export function findQuotes(text: string): QuoteMention[] {
  const spans: Array<[number, number]> = [];
  const marks = [...text.matchAll(DOUBLE_MARKS)].map((match) => match.index);
  for (let i = 0; i < marks.length; i += 2) {
    const open = marks[i]!;
    const close = marks[i + 1] ?? text.length;
    spans.push([open + 1, close]);
  }
  for (const match of text.matchAll(/(?<=^|[\s([{])‘(?=\p{L})([^‘’]*?)’(?!\p{L})/gu)) {
    spans.push([match.index + 1, match.index + 1 + match[1]!.length]);
  }
  return spans
    .map(([start, end]) => ({ text: text.slice(start, end).trim(), start, end }))
    .filter((quote) => wordCount(quote.text) >= MIN_QUOTE_WORDS);
}

/** Whether the text has quotation marks at all: a side with any is not said to lack the other side's quote. */
function hasQuoteMarks(text: string): boolean {
  return /["“”„«»]|(?<=^|[\s([{])‘/u.test(text);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}

export function quoteDifferences(source: string, target: string): Difference[] {
  const differences: Difference[] = [];
  if (!hasQuoteMarks(target)) {
    for (const quote of findQuotes(source)) {
      differences.push({ kind: 'quote', source: quote.text, target: null, detail: 'quoted only in source' });
    }
  }
  if (!hasQuoteMarks(source)) {
    for (const quote of findQuotes(target)) {
      differences.push({ kind: 'quote', source: null, target: quote.text, detail: 'quoted only in target' });
    }
  }
  return differences;
}
