/** Reading articles, splitting them into sentences with exact offsets, and telling English from Indonesian. */
import type { Document } from '../types.js';
import { InputError } from '../errors.js';
import { guessLanguage } from './language.js';
import { readText } from './read-document.js';
import { splitSentences } from './split-sentences.js';

export { guessLanguage } from './language.js';
export { readText, type TextFile, type TextFormat } from './read-document.js';
export { splitSentences, type SplitOptions } from './split-sentences.js';
export { extractVisibleText } from './html-text.js';
export type { ProseBlock } from './markdown.js';

export interface LoadOptions {
  /** Each non-blank line is already one sentence (the CLI's --presplit). */
  readonly presplit?: boolean;
}

/** Reads the file, guesses its language and splits it. Throws InputError for unusable input. */
export async function loadDocument(path: string, options: LoadOptions = {}): Promise<Document> {
  const { text, format } = await readText(path);
  const presplit = options.presplit === true;
  if (format === 'md') {
    // The Markdown parser is a tenth of a second to import: only for Markdown files.
    const { markdownProse, splitMarkdown } = await import('./markdown.js');
    const blocks = markdownProse(text);
    const lang = guessLanguage(blocks.map((block) => block.masked).join('\n'));
    const sentences = splitMarkdown(text, { lang, presplit }, blocks);
    if (sentences.length === 0) {
      throw new InputError(`${path}: the Markdown file has no prose (only code, tables' rules, images or HTML) — give an article with at least one sentence`);
    }
    return { path, lang, text, sentences };
  }
  const lang = guessLanguage(text);
  const sentences = splitSentences(text, { lang, presplit });
  return { path, lang, text, sentences };
}
