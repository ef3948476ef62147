/** Reading articles, splitting them into sentences with exact offsets, and telling English from Indonesian. */
import type { Document } from '../types.js';
import { guessLanguage } from './language.js';
import { readText } from './read-document.js';
import { splitSentences } from './split-sentences.js';

export { guessLanguage } from './language.js';
export { readText, type TextFile, type TextFormat } from './read-document.js';
export { splitSentences, type SplitOptions } from './split-sentences.js';
export { extractVisibleText } from './html-text.js';

export interface LoadOptions {
  /** Each non-blank line is already one sentence (the CLI's --presplit). */
  readonly presplit?: boolean;
}

/** Reads the file, guesses its language and splits it. Throws InputError for unusable input. */
export async function loadDocument(path: string, options: LoadOptions = {}): Promise<Document> {
  const { text } = await readText(path);
  const lang = guessLanguage(text);
  const sentences = splitSentences(text, { lang, presplit: options.presplit === true });
  return { path, lang, text, sentences };
}
