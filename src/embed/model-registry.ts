/**
 * What selaras knows about each model it can run: how to pool, what to prepend, what to tell the user. The bundled
 * model is the default; the others are pretrained models a user with a network can `selaras models pull`.
 */

/**
 * - `mean`: the masked mean over last_hidden_state (what the feature-extraction pipeline's `pooling: 'mean'` does).
 * - `pooler`: the export's `pooler_output` (BERT's dense+tanh over the CLS token, which is LaBSE's sentence
 *   embedding); the CLS token of last_hidden_state when the export has no such output.
 */
export type Pooling = 'mean' | 'pooler';

export interface ModelSpec {
  /** Folder name under the models directory; also the name on the Hugging Face hub for pulled models. */
  readonly name: string;
  readonly dimension: number;
  readonly languages: string;
  readonly pooling: Pooling;
  /** Prepended to every sentence before tokenising (e5 was trained with "query: " / "passage: " prefixes). */
  readonly prefix: string;
  readonly description: string;
  /**
   * A text's vector is the normalised sum of its pieces' vectors (a bag of pieces, like the bundled model), so the
   * vector of joined sentences follows from theirs: embedded without transformers.js (see piece-embedder.ts).
   */
  readonly additive: boolean;
}

/** The model made by models/recipe and committed in models/, used when no --model is given. */
export const DEFAULT_MODEL = 'selaras-mini-id-en';

export const BUNDLED_MODEL: ModelSpec = {
  name: DEFAULT_MODEL,
  dimension: 512,
  languages: 'en, id',
  pooling: 'mean',
  prefix: '',
  description: 'bundled: subword and character n-gram embeddings trained on Indonesian-English parallel text',
  additive: true,
};

export const PULLABLE_MODELS: readonly ModelSpec[] = [
  {
    name: 'Xenova/LaBSE',
    dimension: 768,
    languages: '109 languages',
    pooling: 'pooler',
    prefix: '',
    description: 'Google LaBSE, trained for bitext retrieval; the most accurate, the slowest',
    additive: false,
  },
  {
    name: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2',
    dimension: 384,
    languages: '50+ languages',
    pooling: 'mean',
    prefix: '',
    description: 'sentence-transformers multilingual MiniLM, paraphrase-trained',
    additive: false,
  },
  {
    name: 'Xenova/multilingual-e5-small',
    dimension: 384,
    languages: '~100 languages',
    pooling: 'mean',
    // e5's card: use "query: " on both sides for symmetric tasks such as bitext mining.
    prefix: 'query: ',
    description: 'intfloat multilingual-e5-small',
    additive: false,
  },
];

/** Spec of a known model, else undefined (a folder someone placed by hand: read from its config.json). */
export function knownModel(name: string): ModelSpec | undefined {
  if (name === DEFAULT_MODEL) return BUNDLED_MODEL;
  return PULLABLE_MODELS.find((m) => m.name === name);
}

/** Optional `"selaras"` block of a model's config.json, which overrides or completes the table above. */
export interface ConfigHints {
  readonly pooling?: Pooling;
  readonly prefix?: string;
  readonly languages?: string;
  readonly dimension?: number;
  readonly additive?: boolean;
}

export function specFromConfig(name: string, config: Record<string, unknown>): ModelSpec {
  const known = knownModel(name);
  const hints = (typeof config['selaras'] === 'object' && config['selaras'] !== null ? config['selaras'] : {}) as ConfigHints;
  const hidden = typeof config['hidden_size'] === 'number' ? config['hidden_size'] : undefined;
  // The folder's own config is the truth; the table only fills in when it is silent.
  const dimension = hints.dimension ?? hidden ?? known?.dimension;
  return {
    name,
    dimension: dimension ?? 0,
    languages: hints.languages ?? known?.languages ?? 'unknown',
    pooling: hints.pooling === 'pooler' || hints.pooling === 'mean' ? hints.pooling : (known?.pooling ?? 'mean'),
    prefix: typeof hints.prefix === 'string' ? hints.prefix : (known?.prefix ?? ''),
    description: known?.description ?? 'installed by hand',
    // Only the folder's own config can declare it: the table above does not know what was put in the folder.
    additive: hints.additive === true,
  };
}

/** Hub names are `owner/name` or a bare name, letters, digits, dot, dash and underscore: never a path. */
const MODEL_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)?$/;

export function isValidModelName(name: string): boolean {
  return MODEL_NAME.test(name) && !name.split('/').some((part) => part === '..' || part === '.');
}
