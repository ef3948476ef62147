/**
 * Sentences with exact offsets: `text.slice(s.start, s.end) === s.text` for every sentence, sentences in order
 * and non-overlapping, and every non-space character of the text inside exactly one sentence.
 *
 * The text is first cut into blocks (a line, or a paragraph of a hard-wrapped file). sentence-splitter proposes
 * the breaks inside each block, and the rules in sentence-rules.ts (Indonesian and English abbreviations,
 * initials, numbers, quotes) veto the false ones and add the ones it missed. Splitting per block keeps
 * sentence-splitter fast: its cost grows faster than linearly with the input length.
 */
import { split as splitterSplit } from 'sentence-splitter';
import type { Lang, Sentence } from '../types.js';
import { SPLITTER_LANGUAGE } from './abbreviations.js';
import { findBreaks, isFalseBreak, sentenceStarters, type Span } from './sentence-rules.js';

export interface SplitOptions {
  /** The document's language, when known: picks the sentence-opening words the initials rule trusts. */
  readonly lang?: Lang;
  /** Every non-blank line is one sentence and its own paragraph (input already split, one sentence per line). */
  readonly presplit?: boolean;
  /** Line breaks inside a paragraph are spaces, as Markdown's soft breaks are; default: guessed from the text. */
  readonly isWrapped?: boolean;
}

/** sentence-splitter's time grows faster than linearly with its input; longer blocks are cut first at the
 * breaks our own rules find. 20,000 characters is about 150 sentences, where a call still takes a few ms. */
const MAX_SPLITTER_CHARS = 20_000;

/** A hard-wrapped file has at least this many lines that continue on the next line... */
const MIN_WRAP_EVIDENCE = 3;
/** ...most of them between these lengths (typewriter and e-mail widths run 60 to 80 characters)... */
const MIN_WRAPPED_LINE = 40;
const MAX_WRAPPED_LINE = 100;
/** ...and most of them not ending a sentence: in articles saved one paragraph per line, every line ends one. */
const MIN_WRAPPED_SHARE = 0.6;

/** A Markdown heading, list item or quote starts a new paragraph even without a blank line before it. */
const BLOCK_START = /^[ \t]{0,3}(?:#{1,6}\s|[-*+•]\s|>|\d{1,3}[.)]\s)/u;
const HEADING = /^[ \t]{0,3}#{1,6}\s/u;
/**
 * Lines that stand alone whatever punctuation they hold: related-article links, bylines, sources and captions.
 * A reviewer wants each of them as one sentence, to see it flagged as added.
 */
const LABELS = [
  'baca juga', 'lihat juga', 'simak juga', 'baca selengkapnya', 'read also', 'read more', 'see also',
  'editor', 'penulis', 'reporter', 'pewarta', 'penyunting', 'sumber', 'source', 'writer', 'author',
  'foto', 'photo', 'caption',
];
const LABEL_LINE = new RegExp(`^\\s*(?:${LABELS.join('|')})\\s*:`, 'iu');
const LINE_BREAK = /\r\n|\r|\n/gu;
/** A line ending like this ends a sentence (or a clause), which a wrapped line mostly does not. */
const SENTENCE_END = /[.!?…:;"'”’)\]]$/u;

interface Block extends Span {
  readonly paragraph: number;
  /** The whole block is one sentence (a label line, or presplit input). */
  readonly isWhole: boolean;
}

export function splitSentences(text: string, options: SplitOptions = {}): Sentence[] {
  const starters = sentenceStarters(options.lang);
  const sentences: Sentence[] = [];
  for (const block of blocksOf(text, options.presplit === true, options.isWrapped)) {
    const spans = block.isWhole ? [trimSpan(text, block)] : splitBlock(text, block, starters);
    for (const span of spans) {
      if (span.end > span.start) {
        sentences.push({
          text: text.slice(span.start, span.end),
          start: span.start,
          end: span.end,
          paragraph: block.paragraph,
        });
      }
    }
  }
  return sentences;
}

function linesOf(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    lines.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}

function isBlank(text: string, line: Span): boolean {
  return !/\S/u.test(text.slice(line.start, line.end));
}

/**
 * Hard-wrapped text (a line break inside a paragraph is a space) versus text saved one paragraph per line, where
 * every line break ends a sentence: the seed articles put dates, captions and headlines on lines of their own.
 */
export function isHardWrapped(text: string): boolean {
  const lines = linesOf(text);
  let continued = 0;
  let wrappedLike = 0;
  for (let i = 0; i + 1 < lines.length; i += 1) {
    const line = lines[i] as Span;
    const next = lines[i + 1] as Span;
    if (isBlank(text, line) || isBlank(text, next)) continue;
    continued += 1;
    const content = text.slice(line.start, line.end).trim();
    if (content.length >= MIN_WRAPPED_LINE && content.length <= MAX_WRAPPED_LINE && !SENTENCE_END.test(content)) {
      wrappedLike += 1;
    }
  }
  return continued >= MIN_WRAP_EVIDENCE && wrappedLike >= continued * MIN_WRAPPED_SHARE;
}

function blocksOf(text: string, presplit: boolean, isWrapped: boolean | undefined): Block[] {
  if (presplit) {
    const lines = linesOf(text).filter((line) => !isBlank(text, line));
    // Fields named, not spread: a spread copies through the generic path, a third of a presplit split's time.
    return lines.map((line, paragraph) => ({ start: line.start, end: line.end, paragraph, isWhole: true }));
  }
  return (isWrapped ?? isHardWrapped(text)) ? wrappedBlocks(text) : lineBlocks(text);
}

function wrappedBlocks(text: string): Block[] {
  // Hard-wrapped: consecutive lines form a paragraph, except where a heading, list item, quote or label line
  // starts a new one; a heading also ends its paragraph. A label's text may wrap onto the next lines.
  const blocks: Block[] = [];
  let current: { start: number; end: number; isWhole: boolean; isClosed: boolean } | undefined;
  const flush = (): void => {
    if (current) {
      blocks.push({ start: current.start, end: current.end, isWhole: current.isWhole, paragraph: blocks.length });
    }
    current = undefined;
  };
  for (const line of linesOf(text)) {
    if (isBlank(text, line)) {
      flush();
      continue;
    }
    const content = text.slice(line.start, line.end);
    const isLabel = LABEL_LINE.test(content);
    if (current === undefined || current.isClosed || isLabel || BLOCK_START.test(content)) {
      flush();
      current = { start: line.start, end: line.end, isWhole: isLabel, isClosed: HEADING.test(content) };
    } else {
      current.end = line.end;
    }
  }
  flush();
  return blocks;
}

/**
 * One block per line. Paragraphs are separated by blank lines where the file uses them that way (the seed
 * articles do, with a date and a caption sharing one paragraph); a file without blank lines between its lines
 * has one paragraph per line.
 */
function lineBlocks(text: string): Block[] {
  const lines = linesOf(text);
  let blankGaps = 0;
  let adjacent = 0;
  let previousBlank = true;
  let seenText = false;
  for (const line of lines) {
    const blank = isBlank(text, line);
    if (!blank && seenText) {
      if (previousBlank) blankGaps += 1;
      else adjacent += 1;
    }
    seenText ||= !blank;
    previousBlank = blank;
  }
  const usesBlankLines = blankGaps >= adjacent;
  const blocks: Block[] = [];
  let paragraph = -1;
  previousBlank = true;
  for (const line of lines) {
    const blank = isBlank(text, line);
    if (!blank) {
      if (previousBlank || !usesBlankLines) paragraph += 1;
      blocks.push({ start: line.start, end: line.end, paragraph, isWhole: LABEL_LINE.test(text.slice(line.start, line.end)) });
    }
    previousBlank = blank;
  }
  return blocks;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start] as string)) start += 1;
  while (end > start && /\s/u.test(text[end - 1] as string)) end -= 1;
  return { start, end };
}

/** Breaks inside one block: sentence-splitter's, minus the false ones, plus the ones it missed. */
function splitBlock(text: string, block: Span, starters: ReadonlySet<string>): Span[] {
  const blockText = text.slice(block.start, block.end);
  const spans: Span[] = [];
  for (const chunk of chunksOf(blockText, starters)) {
    for (const span of splitChunk(blockText, chunk, starters)) {
      spans.push({ start: block.start + span.start, end: block.start + span.end });
    }
  }
  return spans;
}

/** Cuts an overlong block at sentence ends our rules are sure of, so each sentence-splitter call stays small. */
function chunksOf(blockText: string, starters: ReadonlySet<string>): Span[] {
  if (blockText.length <= MAX_SPLITTER_CHARS) return [{ start: 0, end: blockText.length }];
  const chunks: Span[] = [];
  let start = 0;
  let lastBreak = 0;
  for (const end of findBreaks(blockText, starters)) {
    if (end - start > MAX_SPLITTER_CHARS && lastBreak > start) {
      chunks.push({ start, end: lastBreak });
      start = lastBreak;
    }
    lastBreak = end;
  }
  chunks.push({ start, end: blockText.length });
  return chunks;
}

/** Where sentence-splitter can break: a period before white space, or "?" / "!" anywhere (its separator rule). */
const SPLITTER_SEPARATOR = /[.．。][\s]|[?!？！]/u;
/** Sentence-final punctuation, closing quotes and space at the end of a block, where a break changes nothing. */
const TRAILING_PUNCTUATION = /[.．。?!？！…”’"'»)\]\s]+$/u;

/** The pieces sentence-splitter makes of `text`, trimmed. A block with no separator before its final punctuation
 * is one sentence and skips the call: most lines of a news article are one sentence, and each call costs. */
function splitterPieces(text: string): Span[] {
  const whole = trimSpan(text, { start: 0, end: text.length });
  if (!SPLITTER_SEPARATOR.test(text.slice(whole.start, whole.end).replace(TRAILING_PUNCTUATION, ''))) {
    return whole.end > whole.start ? [whole] : [];
  }
  // Every node that is not white space becomes a piece, so no character is dropped: sentence-splitter leaves a
  // leading "..." outside any sentence.
  const pieces: Span[] = [];
  for (const node of splitterSplit(text, { AbbrMarker: { language: SPLITTER_LANGUAGE } })) {
    if (node.type === 'WhiteSpace') continue;
    const piece = trimSpan(text, { start: node.range[0], end: node.range[1] });
    if (piece.end > piece.start) pieces.push(piece);
  }
  return pieces;
}

function splitChunk(blockText: string, chunk: Span, starters: ReadonlySet<string>): Span[] {
  const chunkText = blockText.slice(chunk.start, chunk.end);
  const pieces = splitterPieces(chunkText);
  const merged: { start: number; end: number }[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    const isFalse =
      last !== undefined &&
      isFalseBreak(chunkText.slice(last.start, last.end), chunkText.slice(piece.start, piece.end), starters);
    if (last !== undefined && isFalse) {
      last.end = piece.end;
    } else {
      merged.push({ start: piece.start, end: piece.end });
    }
  }
  const spans: Span[] = [];
  for (const sentence of merged) {
    let start = sentence.start;
    for (const end of findBreaks(chunkText.slice(sentence.start, sentence.end), starters)) {
      spans.push(trimSpan(chunkText, { start, end: sentence.start + end }));
      start = sentence.start + end;
    }
    spans.push(trimSpan(chunkText, { start, end: sentence.end }));
  }
  return spans.map((span) => ({ start: chunk.start + span.start, end: chunk.start + span.end }));
}
