import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../cli-helpers.js';

function paragraphs(path: string): string[] {
  return readFileSync(join(ROOT, path), 'utf8').split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
}

const EN = paragraphs('corpus/clubhouse/jakarta-outlet.en.txt');
const ID = paragraphs('corpus/clubhouse/bulelengpost.id.txt');

/**
 * `count` article pairs named p000, p001, ... (in subfolders a/ and b/ by turns), each a different stretch of the
 * seed articles, so every pair aligns differently.
 */
export async function writePairsFolder(folder: string, count: number, sentences = 6): Promise<string[]> {
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    const sub = k % 2 === 0 ? 'a' : 'b';
    const name = `p${String(k).padStart(3, '0')}`;
    await mkdir(join(folder, sub), { recursive: true });
    const take = (lines: string[]) => Array.from({ length: sentences }, (_, i) => lines[(k + i) % lines.length]).join('\n\n');
    await writeFile(join(folder, sub, `${name}.en.txt`), take(EN));
    await writeFile(join(folder, sub, `${name}.id.txt`), take(ID));
    names.push(`${sub}/${name}`);
  }
  return names.sort();
}
