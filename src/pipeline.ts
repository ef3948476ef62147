/**
 * read -> split -> embed -> align -> compare, as one function the terminal UI, the headless commands, batch mode
 * and eval share. The embedder is a parameter, so tests pass a deterministic one.
 */
import {
  alignSentences,
  judgeBeads,
  similarityFor,
  DEFAULT_TUNING,
  maxSentences,
  EMBEDDING_MODEL_TUNING,
  SAME_LANGUAGE_SKIP_MAX,
  type AlignedBead,
  type AlignTuning,
  type AlignmentHelper,
  type BeadJudge,
} from './align/align.js';
import { collectMoves } from './align/moves.js';
import { PULLED_SCORE } from './align/score-coefficients.js';
import { compareMove, comparePair } from './compare/pair.js';
import { isSameLanguage } from './compare/same-language.js';
import type { Embedder } from './embed/embedder.js';
import { LEXICAL_MODEL_NAME } from './embed/lexical.js';
import { resolveEmbedder } from './embed/resolve.js';
import { DEFAULT_MODEL } from './embed/model-registry.js';
import { InputError } from './errors.js';
import { startHelper, wantsHelper } from './parallel/helper.js';
import { loadDocument } from './text/index.js';
import type { Alignment, Document, ProgressListener } from './types.js';
import { toMultiAlignment, type MultiAlignment } from './versions.js';
import { embedWordVectors } from './word-vectors.js';

export interface AlignFilesOptions {
  /** Each input line is one sentence. */
  readonly presplit?: boolean;
  /** Model name (`lexical` for the model-free embedder); ignored when `embedder` is given. */
  readonly model?: string;
  readonly embedder?: Embedder;
  readonly onProgress?: ProgressListener;
  /** Find the differences inside aligned pairs (default true); formats that never show them can skip the work. */
  readonly differences?: boolean;
}

/** The model used when none is named: the one bundled in models/. */
export const DEFAULT_MODEL_NAME = DEFAULT_MODEL;

export { resolveEmbedder } from './embed/resolve.js';

/**
 * The engine's tuning for an embedder: the lexical one needs its own (weak similarities). Pulled models share the
 * bundled model's costs, and a score fitted without raw similarities, whose scale is each model's own.
 */
export function tuningFor(embedder: Embedder, sameLanguage: boolean): AlignTuning {
  const base =
    embedder.name === LEXICAL_MODEL_NAME
      ? DEFAULT_TUNING
      : embedder.name === DEFAULT_MODEL_NAME
        ? EMBEDDING_MODEL_TUNING
        : // A score without the raw similarities knows less: its repairs stay as near the costs as the lexical one's.
          { ...EMBEDDING_MODEL_TUNING, score: PULLED_SCORE, repairSlack: DEFAULT_TUNING.repairSlack };
  return sameLanguage ? { ...base, skipMax: Math.min(base.skipMax, SAME_LANGUAGE_SKIP_MAX) } : base;
}

/** Align sentence texts with the tuning that suits the embedder: what `align`, `batch` and `eval` all run. */
export function alignTexts(
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  embedder: Embedder,
  options: { sameLanguage?: boolean; onProgress?: ProgressListener; helper?: AlignmentHelper } = {},
): Promise<AlignedBead[]> {
  const { onProgress, helper } = options;
  // The engine embeds overlaps of one to three sentences; a reader counts sentences, so its counts are scaled to them.
  const sentences = sourceTexts.length + targetTexts.length;
  return alignSentences(sourceTexts, targetTexts, embedder, {
    embed: (done, total) => onProgress?.({ stage: 'embed', done: total > 0 ? Math.round((done / total) * sentences) : sentences, total: sentences }),
    align: (done, total) => onProgress?.({ stage: 'align', done, total }),
    tuning: tuningFor(embedder, options.sameLanguage ?? false),
    ...(helper ? { helper } : {}),
  });
}

/**
 * The engine set up for two documents' sentences, with the tuning `alignTexts` uses, kept to judge the beads a
 * reviewer makes: their scores, and merges split into single pairs (see align.ts `judgeBeads`).
 */
export async function createBeadJudge(
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  embedder: Embedder,
  options: { sameLanguage?: boolean } = {},
): Promise<BeadJudge> {
  const similarity = await similarityFor(sourceTexts, targetTexts, embedder);
  return judgeBeads(similarity, sourceTexts, targetTexts, tuningFor(embedder, options.sameLanguage ?? false));
}

/** Refuse, before any embedding, documents too long to align within the engine's memory bound. */
export function checkSize(source: Document, target: Document, embedder: Embedder): void {
  const limit = maxSentences(embedder);
  const [n, m] = [source.sentences.length, target.sentences.length];
  if (n + m <= limit) return;
  const count = (k: number) => k.toLocaleString('en-US');
  throw new InputError(
    `${source.path} and ${target.path} have ${count(n)} and ${count(m)} sentences: with the model ${embedder.name}, selaras ` +
      `aligns up to ${count(limit)} sentences in all (about 2 GB of memory) — split the documents into parts (chapters, days) and align each part`,
  );
}

/** A stage's progress reports this many times at most, however many items it counts: each report crosses to the UI's
 * thread, and a hundred steps already move the bar a column at a time at full width. */
const PROGRESS_REPORTS = 100;

/** Reports `done` of `total` for one stage: the first and last count always, and at most PROGRESS_REPORTS in all. */
function countProgress(stage: 'differences', total: number, onProgress?: ProgressListener): ((done: number) => void) | undefined {
  if (!onProgress) return undefined;
  const step = Math.max(1, Math.ceil(total / PROGRESS_REPORTS));
  return (done) => {
    if (done === 0 || done === total || done % step === 0) onProgress({ stage, done, total });
  };
}

export async function alignDocuments(
  source: Document,
  target: Document,
  embedder: Embedder,
  onProgress?: ProgressListener,
  options: { readonly differences?: boolean; readonly helper?: AlignmentHelper } = {},
): Promise<Alignment> {
  checkSize(source, target, embedder);
  const sourceTexts = source.sentences.map((s) => s.text);
  const targetTexts = target.sentences.map((s) => s.text);
  const sameLanguage = isSameLanguage(source, target);
  const { helper } = options;
  const beads = await alignTexts(sourceTexts, targetTexts, embedder, { sameLanguage, onProgress, ...(helper ? { helper } : {}) });
  const found = collectMoves(beads);
  const differencesProgress = options.differences === false ? undefined : countProgress('differences', beads.length + found.length, onProgress);
  differencesProgress?.(0);
  const wordVectors = options.differences === false ? undefined : await embedWordVectors(embedder, [...sourceTexts, ...targetTexts]);
  const compare = { ...options, ...(wordVectors && { wordVectors }) };
  const pairs = beads.map((bead, k) => {
    const compared = comparePair(bead, source, target, compare);
    differencesProgress?.(k + 1);
    return compared;
  });
  const moves = found.map((move, k) => {
    const compared = compareMove(move, source, target, compare);
    differencesProgress?.(beads.length + k + 1);
    return compared;
  });
  return { source, target, model: embedder.name, pairs, moves };
}

/**
 * Whether a helper thread pays off for this model on an idle core: the bundled model's. For `--model lexical`, whose
 * embedding and products are cheap, it costs more than it saves (long pair, interleaved: 1.36 s alone, 1.39 s with
 * it, 0.14 s more CPU), so it starts only when forced (SELARAS_HELPER=1, see wantsHelper).
 */
export function helperPaysFor(model: string): boolean {
  return model === DEFAULT_MODEL_NAME;
}

export async function alignFiles(
  sourcePath: string,
  targetPath: string,
  options: AlignFilesOptions = {},
): Promise<Alignment> {
  const [source, target] = await Promise.all([
    loadDocument(sourcePath, { presplit: options.presplit }),
    loadDocument(targetPath, { presplit: options.presplit }),
  ]);
  // Both cores for a large pair: a helper thread loads the same model meanwhile (known additive models only).
  const model = options.model ?? DEFAULT_MODEL_NAME;
  const additive = model === DEFAULT_MODEL_NAME || model === LEXICAL_MODEL_NAME;
  const sentences = source.sentences.length + target.sentences.length;
  const helper = !options.embedder && additive && wantsHelper(sentences, helperPaysFor(model)) ? startHelper(model) : undefined;
  try {
    const embedder = options.embedder ?? (await resolveEmbedder(options.model, options.onProgress));
    return await alignDocuments(source, target, embedder, options.onProgress, { ...options, ...(helper ? { helper } : {}) });
  } finally {
    helper?.close();
  }
}

/** Three or more versions: each aligned to the first (the pivot), one embedder for all. */
export async function alignVersions(paths: readonly string[], options: AlignFilesOptions = {}): Promise<MultiAlignment> {
  const documents = await Promise.all(paths.map((path) => loadDocument(path, { presplit: options.presplit })));
  const [pivot, ...others] = documents;
  if (!pivot || others.length === 0) throw new Error('alignVersions: give at least two files');
  const embedder = options.embedder ?? (await resolveEmbedder(options.model, options.onProgress));
  const alignments: Alignment[] = [];
  for (const other of others) alignments.push(await alignDocuments(pivot, other, embedder, options.onProgress, options));
  return toMultiAlignment(alignments);
}
