/**
 * Sentences of a Markdown article. The file is parsed (CommonMark with GitHub's tables, autolinks, footnotes and
 * strikethrough, and YAML/TOML front matter) and only its prose is split: paragraphs, headings, list items,
 * quotes and table cells, each a paragraph of its own. Code blocks, HTML blocks, front matter, link definitions,
 * thematic breaks, a table's rule line and images are never sentences.
 *
 * Offsets stay exact into the file text, as the JSON contract wants (text === fileText.slice(start, end)): each
 * prose block is split as a "masked" copy of its characters in which everything but its words (markup, link
 * targets, images, inline HTML, quote markers) is blanked, so sentence breaks come from the prose alone, and the
 * sentence is then the file's own text between the first and last character the splitter kept. Inline markup
 * inside a sentence (`**`, a link's target) stays in its text, because the text is a slice of the file.
 */
import type { Nodes, Parents } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Sentence } from '../types.js';
import { splitSentences, type SplitOptions } from './split-sentences.js';

export interface ProseBlock {
  /** Offsets into the file text of the block's content (a heading without its #, a cell without its pipes). */
  readonly start: number;
  readonly end: number;
  /** fileText.slice(start, end) with everything but words replaced by spaces; line breaks kept. */
  readonly masked: string;
}

const FRONT_MATTER = ['yaml', 'toml'] as const;
/** Blocks whose words are prose. */
const PROSE_BLOCKS = new Set<Nodes['type']>(['paragraph', 'heading', 'tableCell']);
/** Leaves whose characters are words (everything else inside a prose block is markup). */
const WORD_LEAVES = new Set<Nodes['type']>(['text', 'inlineCode']);

interface Range {
  readonly start: number;
  readonly end: number;
}

function rangeOf(node: Nodes): Range | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

function isParent(node: Nodes): node is Parents {
  return 'children' in node;
}

/** A bare URL (`https://x.id/?a=1`, `<https://x.id>`) is markup here: its dots and question marks end no sentence. */
function isAutolink(node: Nodes, text: string): boolean {
  if (node.type !== 'link' || node.children.length !== 1) return false;
  const child = node.children[0];
  const range = child ? rangeOf(child) : undefined;
  return child?.type === 'text' && range !== undefined && text.slice(range.start, range.end) === node.url.replace(/^mailto:/u, '');
}

/** The ranges of word characters under `node`. */
function wordRanges(node: Nodes, text: string, out: Range[]): void {
  if (WORD_LEAVES.has(node.type)) {
    const range = rangeOf(node);
    if (range) out.push(range);
    return;
  }
  if (isAutolink(node, text) || !isParent(node)) return;
  for (const child of node.children) wordRanges(child, text, out);
}

function maskBlock(text: string, block: Range, words: readonly Range[], isQuoted: boolean): string {
  const chars = Array.from({ length: block.end - block.start }, (_, k): string => {
    const char = text[block.start + k] as string;
    return char === '\n' || char === '\r' ? char : ' ';
  });
  for (const word of words) {
    for (let at = word.start; at < word.end; at += 1) {
      const char = text[at] as string;
      if (char !== '\n' && char !== '\r') chars[at - block.start] = char;
    }
  }
  const masked = chars.join('');
  // Inside a quote, the text of a continued line starts with the quote's `>` markers: markup, not words.
  return isQuoted ? masked.replace(/(?<=\n)[ \t>]+/gu, (markers) => ' '.repeat(markers.length)) : masked;
}

/** The prose blocks of a Markdown text, in document order. */
export function markdownProse(text: string): ProseBlock[] {
  const tree = fromMarkdown(text, {
    extensions: [gfm(), frontmatter([...FRONT_MATTER])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown([...FRONT_MATTER])],
  });
  const blocks: ProseBlock[] = [];
  const visit = (node: Nodes, isQuoted: boolean): void => {
    if (PROSE_BLOCKS.has(node.type) && isParent(node)) {
      const first = node.children[0];
      const last = node.children[node.children.length - 1];
      const start = first ? rangeOf(first)?.start : undefined;
      const end = last ? rangeOf(last)?.end : undefined;
      if (start === undefined || end === undefined || end <= start) return;
      const words: Range[] = [];
      wordRanges(node, text, words);
      blocks.push({ start, end, masked: maskBlock(text, { start, end }, words, isQuoted) });
      return;
    }
    if (!isParent(node)) return;
    for (const child of node.children) visit(child, isQuoted || node.type === 'blockquote');
  };
  visit(tree, false);
  return blocks;
}

/**
 * Sentences of a Markdown text with offsets into it. Each prose block is one paragraph (with `presplit`, each line
 * is one, as for plain text); blocks with no words (an image alone) give none.
 */
export function splitMarkdown(text: string, options: SplitOptions = {}, blocks = markdownProse(text)): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  for (const block of blocks) {
    // A line break inside a Markdown paragraph is a soft break, a space, as a renderer shows it.
    const spans = splitSentences(block.masked, { ...options, isWrapped: true });
    for (const span of spans) {
      const start = block.start + span.start;
      const end = block.start + span.end;
      sentences.push({ text: text.slice(start, end), start, end, paragraph: options.presplit ? paragraph++ : paragraph });
    }
    if (!options.presplit && spans.length > 0) paragraph += 1;
  }
  return sentences;
}
