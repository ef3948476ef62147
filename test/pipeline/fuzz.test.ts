/**
 * Fuzz: random bytes, random Unicode and random sentence soups thrown at the whole pipeline. Whatever the input,
 * a run either keeps the JSON contract (every sentence in exactly one pair, pairs in order on both sides, exact
 * offsets, scores in [0, 1]) or fails as bad input with one line naming the file (exit 1). Nothing else: no crash,
 * no stack trace, no exit 0 with a broken result.
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLexicalEmbedder } from '../../src/embed/lexical.js';
import { InputError } from '../../src/errors.js';
import { alignFiles } from '../../src/pipeline.js';
import type { Alignment } from '../../src/types.js';
import { CLI } from '../cli-helpers.js';

/** In-process runs (milliseconds each) and runs of the real command (a Node start-up each, so fewer). */
const PIPELINE_RUNS = 150;
const CLI_RUNS = 30;

const dir = mkdtempSync(join(tmpdir(), 'selaras-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WORDS = [
  'Harga', 'cabai', 'naik', 'The', 'price', 'of', 'chili', 'rose', 'Jl.', 'Rp1.500,50', '232.000', '232,000', 'U.S.',
  'Prof.', 'dll.', 'tidak', 'not', '"kata', 'dia"', '(AFP)', 'Baca Juga:', 'Editor:', '#', '##', '-', '*', '>', '|',
  '```', '![x](y.png)', '[a](http://x.id/?q=1)', '<p>', '</p>', '<br>', '&amp;', '&#0;', '...', '?', '!', '—', '„',
  '🌶️', 'é', '\u0301', '\u200b', '\u00a0', '\t', '\u001b[31m', '\u0007', '3.5%', '37 juta', '37 million', 'Senin,',
  'Monday,', '5 Mei 2024', 'May 5, 2024',
];
const SEPARATORS = [' ', ' ', ' ', '\n', '\n\n', '\r\n', '. ', '.\n', ''];

/** Article-like text: words, numbers, abbreviations, markup and line structure in random order. */
const sentenceSoup = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 0, maxLength: 120 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''));

const fileContent = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.string({ unit: 'binary', maxLength: 1500 }).map((text) => Buffer.from(text, 'utf8')),
  fc.string({ unit: 'grapheme', maxLength: 800 }).map((text) => Buffer.from(text, 'utf8')),
  sentenceSoup.map((text) => Buffer.from(text, 'utf8')),
  sentenceSoup.map((text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])),
  sentenceSoup.map((text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
);
const extension = fc.constantFrom('.txt', '.md', '.html', '');
const inputFile = fc.record({ content: fileContent, extension });

let fileCount = 0;
function writeInput(input: { content: Uint8Array; extension: string }): string {
  const path = join(dir, `input-${(fileCount += 1)}${input.extension}`);
  writeFileSync(path, input.content);
  return path;
}

interface SentenceJson {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
}

interface SideJson {
  readonly sentences: readonly SentenceJson[];
}

interface PairJson {
  readonly source: readonly number[];
  readonly target: readonly number[];
  readonly status: string;
  readonly score: number;
}

/** The JSON contract, checked on what a run produced. `texts` are the decoded file texts, when known. */
function expectContract(result: { source: SideJson; target: SideJson; pairs: readonly PairJson[] }, texts?: readonly [string, string]): void {
  const sides = [result.source, result.target] as const;
  sides.forEach((side, s) => {
    let previousEnd = 0;
    let previousParagraph = 0;
    for (const sentence of side.sentences) {
      expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
      expect(sentence.end).toBeGreaterThan(sentence.start);
      expect(sentence.paragraph).toBeGreaterThanOrEqual(previousParagraph);
      if (texts) expect(texts[s]!.slice(sentence.start, sentence.end)).toBe(sentence.text);
      else expect(sentence.text.length).toBe(sentence.end - sentence.start);
      previousEnd = sentence.end;
      previousParagraph = sentence.paragraph;
    }
  });
  // Every sentence of each side in exactly one pair, and pairs in document order on both sides.
  expect(result.pairs.flatMap((pair) => pair.source)).toEqual(result.source.sentences.map((_, k) => k));
  expect(result.pairs.flatMap((pair) => pair.target)).toEqual(result.target.sentences.map((_, k) => k));
  for (const pair of result.pairs) {
    expect(pair.score).toBeGreaterThanOrEqual(0);
    expect(pair.score).toBeLessThanOrEqual(1);
    const expected = pair.source.length === 0 ? 'added' : pair.target.length === 0 ? 'omitted' : 'aligned';
    expect(pair.status).toBe(expected);
    expect(pair.source.length + pair.target.length).toBeGreaterThan(0);
  }
}

function expectOneLine(message: string, paths: readonly string[]): void {
  expect(message).not.toContain('\n');
  expect(paths.some((path) => message.startsWith(`${path}: `))).toBe(true);
}

describe('fuzz: the pipeline keeps its contract or fails as bad input', () => {
  const embedder = createLexicalEmbedder();

  it(`in process, ${PIPELINE_RUNS} runs with the lexical embedder`, async () => {
    await fc.assert(
      fc.asyncProperty(inputFile, inputFile, fc.boolean(), async (source, target, presplit) => {
        const paths = [writeInput(source), writeInput(target)];
        let alignment: Alignment;
        try {
          alignment = await alignFiles(paths[0]!, paths[1]!, { embedder, presplit });
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expectOneLine((error as Error).message, paths);
          return;
        }
        expectContract(alignment, [alignment.source.text, alignment.target.text]);
      }),
      { numRuns: PIPELINE_RUNS },
    );
  });

  it(`through the real command, ${CLI_RUNS} runs`, () => {
    fc.assert(
      fc.property(inputFile, inputFile, (source, target) => {
        const paths = [writeInput(source), writeInput(target)];
        const run = spawnSync(process.execPath, [CLI, 'align', paths[0]!, paths[1]!, '--format', 'json', '--model', 'lexical'], {
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect([0, 1]).toContain(run.status);
        if (run.status === 1) {
          expect(run.stdout).toBe('');
          expect(run.stderr).toMatch(/^selaras: [^\n]+\n$/);
          expectOneLine(run.stderr.slice('selaras: '.length, -1), paths);
          return;
        }
        expect(run.stderr).toBe('');
        expectContract(JSON.parse(run.stdout));
      }),
      { numRuns: CLI_RUNS },
    );
  }, 300_000);
});
