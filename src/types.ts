/** Shared data shapes of the pipeline. Everything here is plain data, safe to serialise as JSON. */

export type Lang = 'en' | 'id' | 'und';

export interface Sentence {
  readonly text: string;
  /** Character offsets into the decoded file text (BOM removed): text === fileText.slice(start, end). */
  readonly start: number;
  readonly end: number;
  /** 0-based paragraph number in the file. */
  readonly paragraph: number;
}

export interface Document {
  readonly path: string;
  readonly lang: Lang;
  /** The decoded text the offsets point into. */
  readonly text: string;
  readonly sentences: readonly Sentence[];
}

export type PairStatus = 'aligned' | 'omitted' | 'added';

/**
 * `place`: a country or region named on one side only (a milder kind: translators add and drop them for context);
 * `omission` / `addition`: a phrase of the source the target lacks / of the target the source lacks.
 */
export type DifferenceKind = 'number' | 'name' | 'place' | 'date' | 'quote' | 'negation' | 'omission' | 'addition';

export interface Difference {
  readonly kind: DifferenceKind;
  /** What the source side says (null when only the target has it). */
  readonly source: string | null;
  /** What the target side says (null when only the source has it). */
  readonly target: string | null;
  readonly detail?: string;
}

/** One change object of the `diff` package's word diff. */
export interface WordChange {
  readonly value: string;
  readonly added?: boolean;
  readonly removed?: boolean;
}

export interface SentencePair {
  /** Indexes into source.sentences, ascending; empty for an added pair. */
  readonly source: readonly number[];
  /** Indexes into target.sentences, ascending; empty for an omitted pair. */
  readonly target: readonly number[];
  readonly status: PairStatus;
  /** The calibrated probability that the pair is exactly right: for aligned pairs, that these sentences and no
   * others translate each other; for omitted/added, that the sentence has no counterpart. */
  readonly score: number;
  readonly differences: readonly Difference[];
  /** Only when both sides are in the same language. */
  readonly wordDiff?: readonly WordChange[];
  /** A reviewer changed this pair (joined, unlinked, linked or split it); only when true. */
  readonly edited?: boolean;
  /** A reviewer marked this pair as checked; only when true. */
  readonly reviewed?: boolean;
  /** A reviewer's note on this pair (a query for the translator); only when not empty. */
  readonly note?: string;
  /** For an omitted or added sentence that is half of a moved passage: the passage's index in `Alignment.moves`. */
  readonly move?: number;
}

/** Sentences that translate each other although they stand elsewhere in the two documents: a moved passage. Its
 * sentences keep their omitted and added pairs (marked with `move`), so that pairs stay in document order. */
export interface MovedPassage {
  readonly source: readonly number[];
  readonly target: readonly number[];
  /** As for aligned pairs: the score of its weakest pair. */
  readonly score: number;
  readonly differences: readonly Difference[];
  /** Its pairs, in order: usually one sentence each side, merges as in place. */
  readonly pairs: ReadonlyArray<{ readonly source: readonly number[]; readonly target: readonly number[]; readonly score: number }>;
}

export interface Alignment {
  readonly source: Document;
  readonly target: Document;
  readonly model: string;
  readonly pairs: readonly SentencePair[];
  /** Moved passages, in source order; absent or empty when there are none. */
  readonly moves?: readonly MovedPassage[];
}

/** Progress of the slow stages, for the UI and batch mode. */
export type ProgressEvent =
  | { readonly stage: 'load-model'; readonly model: string; readonly done: number; readonly total: number }
  | { readonly stage: 'embed'; readonly done: number; readonly total: number }
  | { readonly stage: 'align'; readonly done: number; readonly total: number }
  /** Differences inside the pairs and moves, counted in pairs compared (on a long document, as long as aligning). */
  | { readonly stage: 'differences'; readonly done: number; readonly total: number };

export type ProgressListener = (event: ProgressEvent) => void;
