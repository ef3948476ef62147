/** Writing a generated module of word lists (the corpus tables, the antonym table): one place for its layout. */
import { writeFileAtomic } from '../export/write-file.js';

/** One exported constant: a documented, space-separated list of words. */
export interface WordList {
  readonly doc: string;
  readonly name: string;
  readonly words: readonly string[];
}

/** The module's text: `header` (the lines of its opening comment, without the markers), then each list. */
export function wordListModule(header: readonly string[], lists: readonly WordList[]): string {
  return [
    '/**',
    ...header.map((line) => ` * ${line}`),
    ' */',
    '',
    ...lists.flatMap(({ doc, name, words }) => [`/** ${doc} */`, `export const ${name} = ${JSON.stringify(words.join(' '))};`, '']),
  ].join('\n');
}

export async function writeWordListModule(path: string, header: readonly string[], lists: readonly WordList[]): Promise<void> {
  await writeFileAtomic(path, wordListModule(header, lists));
}
