/**
 * The built-in embedder of additive piece models against transformers.js running the same model folder: the same
 * token ids, the same vectors, overlaps derived from parts equal to embedding the joined sentences.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cosine, rowVector } from '../../src/align/vectors.js';
import { splitSentences } from '../../src/text/split-sentences.js';
import { embeddedText, EMBEDDED_CHARACTERS_MAX, type Embedder } from '../../src/embed/embedder.js';
import { createEmbedder, DEFAULT_MODEL, ModelFolderError } from '../../src/embed/index.js';
import { checkModelFolder, locateModel, packageRoot } from '../../src/embed/model-folder.js';
import { specFromConfig } from '../../src/embed/model-registry.js';
import { createTransformersEmbedder } from '../../src/embed/transformers-embedder.js';
import { UnigramTokenizer } from '../../src/embed/unigram-tokenizer.js';
import { expectedMean, tinyOnnx, writeTinyModel } from './fixtures/tiny-model.js';

type Tokenize = (text: string) => { input_ids: { data: ArrayLike<bigint | number> } };

/** Texts of the repository: every sentence of the sample articles, the model's probes, and awkward strings. */
function repositoryTexts(): string[] {
  const root = packageRoot();
  const texts: string[] = [];
  for (const folder of ['clubhouse', 'haqqani-twitter']) {
    for (const file of readdirSync(join(root, 'corpus', folder))) {
      const text = readFileSync(join(root, 'corpus', folder, file), 'utf8');
      texts.push(...splitSentences(text).map((s) => text.slice(s.start, s.end)));
    }
  }
  const probes = JSON.parse(readFileSync(join(root, 'models', DEFAULT_MODEL, 'probes.json'), 'utf8')) as Array<{ text: string }>;
  texts.push(...probes.map((p) => p.text));
  texts.push(
    '',
    '   ',
    'a <s> b </s> c',
    '<unk><unk>x',
    'x<pad>y',
    '＜ｓ＞ fullwidth brackets',
    'emoji 😀😀 and 🇮🇩 flags',
    '\u2581leading marker and in\u2581side',
    'tabs\tand\nnew lines\r\n  and   runs',
    '  spaces before,  between   and after  ',
    ' ',
    'one',
    'ﬁ ligature, Ⅻ numeral, ½ fraction, ＡＢＣ',
    'zero\u200bwidth and\u00a0no-break spaces',
    'İstanbul ǅ titlecase',
    'a'.repeat(300),
    'Rp1.500,50 dan 232.000 orang; 5,75 persen.',
    'lone \ud800 surrogate',
  );
  return texts;
}

const DEV_RAW = join(packageRoot(), '..', 'shared', 'corpora', 'dev-raw');
/** Lines taken from each dev-raw file: 2,000 sentences in all, enough to meet most pieces, quick enough to run. */
const DEV_RAW_LINES = 200;

/** dev-raw of the shared corpora, when it is beside this repository: a few thousand more real sentences. */
function devRawTexts(): string[] {
  return readdirSync(DEV_RAW)
    .sort()
    .flatMap((file) => readFileSync(join(DEV_RAW, file), 'utf8').split('\n').slice(0, DEV_RAW_LINES));
}

let tokenize: Tokenize;
let tokenizer: UnigramTokenizer;
let checkedTokenizerJson: unknown;
let fast: Embedder;
let reference: Embedder;

beforeAll(async () => {
  const folder = await checkModelFolder(DEFAULT_MODEL, locateModel(DEFAULT_MODEL));
  tokenizer = new UnigramTokenizer(folder.tokenizer);
  checkedTokenizerJson = folder.tokenizer;
  fast = await createEmbedder(DEFAULT_MODEL, { cache: false });
  reference = await createTransformersEmbedder(folder, { ...specFromConfig(DEFAULT_MODEL, folder.config), additive: false });
  const { AutoTokenizer } = await import('@xenova/transformers');
  // createTransformersEmbedder configured transformers.js for the package's models/ folder.
  tokenize = (await AutoTokenizer.from_pretrained(DEFAULT_MODEL)) as unknown as Tokenize;
});

describe('the built-in Unigram tokenizer', () => {
  it('is used for the bundled model, which declares itself additive', () => {
    expect(fast.embedParts).toBeDefined();
    expect(reference.embedParts).toBeUndefined();
  });

  const mismatches = (texts: readonly string[]) =>
    texts
      .map((text) => ({ text, expected: Array.from(tokenize(text).input_ids.data, Number), actual: tokenizer.encode(text) }))
      .filter(({ expected, actual }) => expected.join() !== actual.join());

  it('gives the token ids transformers.js gives on the sample articles, the probes and awkward strings', () => {
    expect(mismatches(repositoryTexts()).slice(0, 3)).toEqual([]);
  });

  it('follows a tokenizer.json whose pipeline is not the plain one step by step (no lower case here)', () => {
    const json = structuredClone(checkedTokenizerJson) as { normalizer: { normalizers: Array<{ type: string }> } };
    json.normalizer.normalizers = json.normalizer.normalizers.filter((step) => step.type !== 'Lowercase');
    const caseKept = new UnigramTokenizer(json);
    expect(caseKept.contentIds('Jakarta')).not.toEqual(caseKept.contentIds('jakarta'));
    expect(tokenizer.contentIds('Jakarta')).toEqual(tokenizer.contentIds('jakarta'));
  });

  it.skipIf(!existsSync(DEV_RAW))('gives the token ids transformers.js gives on 2,000 dev-raw sentences', () => {
    expect(mismatches(devRawTexts()).slice(0, 3)).toEqual([]);
  });
});

describe('the piece embedder', () => {
  it('gives the vectors transformers.js gives (cosine above 0.99999)', async () => {
    const texts = [...repositoryTexts(), ...(existsSync(DEV_RAW) ? devRawTexts() : [])].filter((t) => t.trim() !== '');
    const [mine, theirs] = await Promise.all([fast.embed(texts), reference.embed(texts)]);
    const worst = Math.min(...texts.map((_, k) => cosine(mine[k]!, theirs[k]!)));
    expect(worst).toBeGreaterThan(0.99999);
  });

  it('gives parts whose sums are the vectors of the joined sentences', async () => {
    const sentences = repositoryTexts().filter((t) => t.trim() !== '' && t.length < 400).slice(0, 60);
    const { parts, boundary } = await fast.embedParts!(sentences);
    const joined: string[] = [];
    const derived: Float32Array[] = [];
    for (let i = 0; i + 3 <= sentences.length; i += 3) {
      joined.push(sentences.slice(i, i + 3).join(' '));
      const sum = Float32Array.from(boundary!);
      for (let r = i; r < i + 3; r++) rowVector(parts, r).forEach((x, k) => (sum[k]! += x));
      derived.push(sum);
    }
    const embedded = await reference.embed(joined);
    for (let q = 0; q < joined.length; q++) expect(cosine(derived[q]!, embedded[q]!)).toBeGreaterThan(0.99999);
    const singles = await fast.embed(sentences);
    sentences.forEach((_, r) => {
      const sum = Float32Array.from(boundary!);
      rowVector(parts, r).forEach((x, k) => (sum[k]! += x));
      expect(cosine(sum, singles[r]!)).toBeGreaterThan(0.999999);
    });
  });
});

describe('what of a sentence is embedded', () => {
  const word = 'q'.repeat(150_000);

  it.each([
    ['the piece embedder', () => fast],
    ['transformers.js (which overflows its stack on such a word)', () => reference],
  ])('of a 150,000-character word is its first characters through %s', async (_, embedder) => {
    const [whole, capped] = await embedder().embed([word, word.slice(0, EMBEDDED_CHARACTERS_MAX)]);
    expect(cosine(whole!, capped!)).toBeCloseTo(1, 6);
  });

  it.each([
    ['a short sentence', 'Harga beras naik.', 'Harga beras naik.'],
    ['exactly the cap', 'x'.repeat(EMBEDDED_CHARACTERS_MAX), 'x'.repeat(EMBEDDED_CHARACTERS_MAX)],
    ['one over the cap', 'x'.repeat(EMBEDDED_CHARACTERS_MAX + 1), 'x'.repeat(EMBEDDED_CHARACTERS_MAX)],
    ['an emoji across the cap', `${'x'.repeat(EMBEDDED_CHARACTERS_MAX - 1)}😀 more`, 'x'.repeat(EMBEDDED_CHARACTERS_MAX - 1)],
  ])('of %s is its first characters, never half a surrogate pair', (_, text, expected) => {
    expect(embeddedText(text)).toBe(expected);
  });
});

describe('a model folder that declares itself additive', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'selaras-additive-'));
    // A WordPiece model: the built-in tokenizer does not handle it, so it goes through transformers.js.
    writeTinyModel(join(dir, 'tiny-additive'));
    const config = join(dir, 'tiny-additive', 'config.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), selaras: { additive: true } }));
    // The bundled tokenizer over an ONNX file without the piece table.
    const bundled = join(packageRoot(), 'models', DEFAULT_MODEL);
    const broken = join(dir, 'no-table');
    mkdirSync(join(broken, 'onnx'), { recursive: true });
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) copyFileSync(join(bundled, file), join(broken, file));
    writeFileSync(join(broken, 'onnx', 'model_quantized.onnx'), tinyOnnx());
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('still works through transformers.js when the built-in tokenizer does not handle its tokenizer', async () => {
    const embedder = await createEmbedder('tiny-additive', { modelsDir: dir, cache: false });
    expect(embedder.embedParts).toBeUndefined();
    const [vector] = await embedder.embed(['the bank']);
    expect(Array.from(vector!)).toEqual(expectedMean(['the', 'bank']).map((v) => expect.closeTo(v, 5)));
  });

  it('is refused with the table it lacks named when its ONNX file has no piece table', async () => {
    await expect(createEmbedder('no-table', { modelsDir: dir, cache: false })).rejects.toThrow(/no int8 table "piece_vectors_int8"/);
    await expect(createEmbedder('no-table', { modelsDir: dir, cache: false })).rejects.toBeInstanceOf(ModelFolderError);
  });
});
