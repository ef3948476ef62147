/**
 * A Unigram (sentencepiece) tokenizer read from a tokenizer.json, giving the token ids @xenova/transformers 2.17
 * gives for the same file: special tokens split out first, then per section the normalizer (NFKC, lowercase,
 * whitespace, strip), the Metaspace pre-tokenizer, a Viterbi search over the vocabulary with the same scores, tie
 * order and unknown-character handling, consecutive unknowns fused, and the template's <s> ... </s>.
 *
 * Why not call transformers.js: importing it costs a third of a second, and its lattice is the slowest step of
 * embedding. The Metaspace pre-tokenizer starts every word with "▁" and no piece holds "▁" inside it, so each
 * word's pieces do not depend on its neighbours: they are memoised per word.
 *
 * Only what the bundled model's tokenizer uses is supported; anything else throws UnsupportedTokenizerError and the
 * model goes through transformers.js instead.
 */

export class UnsupportedTokenizerError extends Error {}

/** The word-start marker of Metaspace. */
const METASPACE = '\u2581';
/** transformers.js scores an unknown character this far below the worst piece (after sentencepiece). */
const UNKNOWN_PENALTY = 10;
/** Words remembered with their pieces; a document has a few tens of thousands of distinct words. */
const WORD_MEMO_MAX = 200_000;

type Normalize = (text: string) => string;

const SPACE = 0x20;
/** The whitespace sentencepiece's normalizer turns into spaces, as tokenizer.json writes the class (PLAIN_NORMALIZERS). */
const PLAIN_WHITESPACE = '\\t\\n\\u000b\\f\\r \\u001c-\\u001f\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
/** A character that takes a text off the fast path: whitespace other than a space, or the word marker itself. */
const NOT_PLAIN = new RegExp(`[${PLAIN_WHITESPACE.replace(' ', '')}\\u2581]`, 'u');
/** The normalizers of a sentencepiece (XLM-R style) tokenizer.json, which the bundled model's has. */
const PLAIN_NORMALIZERS = JSON.stringify([
  { type: 'NFKC' },
  { type: 'Lowercase' },
  { type: 'Replace', pattern: { Regex: `[${PLAIN_WHITESPACE}]+` }, content: ' ' },
  { type: 'Strip', strip_left: true, strip_right: true },
]);

/** Whether a tokenizer.json's normalizer and pre-tokenizer are the ones wordIdsAtSpaces follows. */
function isPlainPipeline(normalizer: unknown, preTokenizer: unknown): boolean {
  if (!isObject(normalizer) || normalizer['type'] !== 'Sequence' || !isObject(preTokenizer)) return false;
  const marker = (value: unknown) => value === undefined || value === METASPACE;
  return (
    JSON.stringify(normalizer['normalizers']) === PLAIN_NORMALIZERS &&
    preTokenizer['type'] === 'Metaspace' &&
    marker(preTokenizer['replacement']) &&
    marker(preTokenizer['str_rep']) &&
    preTokenizer['add_prefix_space'] === true &&
    (preTokenizer['prepend_scheme'] === undefined || preTokenizer['prepend_scheme'] === 'always')
  );
}

interface JsonObject {
  readonly [key: string]: unknown;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unsupported(what: string): never {
  throw new UnsupportedTokenizerError(`tokenizer.json: ${what} is not supported by the built-in tokenizer`);
}

/** A regex from a tokenizer.json pattern, compiled as transformers.js compiles it. */
function pattern(config: unknown): RegExp {
  if (!isObject(config)) unsupported('a Replace without a pattern');
  if (typeof config['Regex'] === 'string') return new RegExp(config['Regex'].replace(/\\([#&~])/g, '$1'), 'gu');
  if (typeof config['String'] === 'string') return new RegExp(config['String'].replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gu');
  return unsupported('a Replace pattern');
}

function normalizer(config: unknown): Normalize {
  if (config === null || config === undefined) return (text) => text;
  if (!isObject(config)) return unsupported('the normalizer');
  switch (config['type']) {
    case 'Sequence': {
      const steps = Array.isArray(config['normalizers']) ? config['normalizers'].map(normalizer) : unsupported('a Sequence');
      return (text) => steps.reduce((t, step) => step(t), text);
    }
    case 'NFC':
    case 'NFD':
    case 'NFKC':
    case 'NFKD': {
      const form = config['type'];
      return (text) => text.normalize(form);
    }
    case 'Lowercase':
      return (text) => text.toLowerCase();
    case 'Strip': {
      const left = config['strip_left'] === true;
      const right = config['strip_right'] === true;
      return (text) => (left && right ? text.trim() : left ? text.trimStart() : right ? text.trimEnd() : text);
    }
    case 'Replace': {
      const regex = pattern(config['pattern']);
      const content = typeof config['content'] === 'string' ? config['content'] : '';
      return (text) => text.replaceAll(regex, content);
    }
    default:
      return unsupported(`normalizer ${String(config['type'])}`);
  }
}

/** Metaspace: spaces become "▁", and a "▁" starts the text unless it already does. */
function metaspace(config: unknown): (text: string, section: number) => string {
  if (!isObject(config) || config['type'] !== 'Metaspace') return unsupported('a pre-tokenizer other than Metaspace');
  const replacement = typeof config['replacement'] === 'string' ? config['replacement'] : METASPACE;
  const strRep = typeof config['str_rep'] === 'string' ? config['str_rep'] : replacement;
  const addPrefix = config['add_prefix_space'] === true;
  const scheme = typeof config['prepend_scheme'] === 'string' ? config['prepend_scheme'] : 'always';
  return (text, section) => {
    const replaced = text.replaceAll(' ', strRep);
    const prefix = addPrefix && !replaced.startsWith(replacement) && (scheme === 'always' || (scheme === 'first' && section === 0));
    return prefix ? strRep + replaced : replaced;
  };
}

/** Token strings of TemplateProcessing's single template around the sequence: [before, after]. */
function template(config: unknown): [string[], string[]] {
  if (!isObject(config) || config['type'] !== 'TemplateProcessing' || !Array.isArray(config['single'])) {
    return unsupported('a post-processor other than TemplateProcessing');
  }
  const before: string[] = [];
  const after: string[] = [];
  let seen = false;
  for (const item of config['single'] as unknown[]) {
    if (isObject(item) && isObject(item['SpecialToken']) && typeof item['SpecialToken']['id'] === 'string') {
      (seen ? after : before).push(item['SpecialToken']['id']);
    } else if (isObject(item) && isObject(item['Sequence']) && !seen) seen = true;
    else unsupported('this template');
  }
  return [before, after];
}

/** FNV-1a over UTF-16 units, extended one unit at a time while a candidate piece grows. */
const HASH_START = 0x811c9dc5;
function extendHash(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

/**
 * The pieces in an open-addressing table keyed by their hash, so that a candidate text[start, end) is found with
 * its running hash and one comparison, no substring made. (A Map of strings needs a substring per candidate;
 * a character trie takes several times longer to build than one tokenization of a short document.)
 */
class PieceLookup {
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;
  private readonly pieces: string[] = [];
  private readonly ids: number[] = [];

  constructor(capacity: number) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
  }

  add(piece: string, id: number): void {
    let hash = HASH_START;
    for (let k = 0; k < piece.length; k++) hash = extendHash(hash, piece.charCodeAt(k));
    let slot = hash & this.mask;
    while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
    this.slots[slot] = this.pieces.length;
    this.hashes[slot] = hash;
    this.pieces.push(piece);
    this.ids.push(id);
  }

  /** The id of the piece text[start, end), whose running hash is `hash`, or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const index = this.slots[slot]!;
      if (index === -1) return -1;
      if (this.hashes[slot] === hash) {
        const piece = this.pieces[index]!;
        if (piece.length === end - start && text.startsWith(piece, start)) return this.ids[index]!;
      }
    }
  }
}

/** Slots of the longest-piece table: 2^16 keeps collisions between the pairs of a vocabulary rare. */
const PAIR_SLOTS = 1 << 16;

function pairSlot(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ second) & (PAIR_SLOTS - 1);
}

/** Growable scratch arrays of the lattice, reused across words. */
class Lattice {
  id = new Int32Array(256);
  total = new Float64Array(256);
  previous = new Int32Array(256);
  /** The node created before this one that ends where it ends (-1: none), so ends can be walked newest first. */
  sameEnd = new Int32Array(256);
  /** Newest node ending at each position (-1: none). */
  endHead = new Int32Array(64);
  count = 0;

  reset(length: number): void {
    if (this.endHead.length < length + 1) this.endHead = new Int32Array(2 * (length + 1));
    this.endHead.fill(-1, 0, length + 1);
    this.count = 0;
  }

  push(id: number, end: number, total: number, previous: number): void {
    if (this.count === this.id.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.id = grow(this.id, (n) => new Int32Array(n));
      this.total = grow(this.total, (n) => new Float64Array(n));
      this.previous = grow(this.previous, (n) => new Int32Array(n));
      this.sameEnd = grow(this.sameEnd, (n) => new Int32Array(n));
    }
    const node = this.count++;
    this.id[node] = id;
    this.total[node] = total;
    this.previous[node] = previous;
    this.sameEnd[node] = this.endHead[end]!;
    this.endHead[end] = node;
  }
}

/** A node for piece `id` over [start, end), after the first best node ending at `start` (walking ends newest first
 * with >= finds the first). */
function linkNode(lattice: Lattice, id: number, start: number, end: number, score: number): void {
  if (start === 0) {
    lattice.push(id, end, score, -1);
    return;
  }
  let best = -1;
  let bestScore = 0;
  for (let left = lattice.endHead[start]!; left >= 0; left = lattice.sameEnd[left]!) {
    const candidate = lattice.total[left]! + score;
    if (best < 0 || candidate >= bestScore) {
      best = left;
      bestScore = candidate;
    }
  }
  lattice.push(id, end, bestScore, best);
}

export class UnigramTokenizer {
  private readonly normalize: Normalize;
  private readonly preTokenize: (text: string, section: number) => string;
  /**
   * Piece -> id, for the pieces transformers.js's character trie can match: it walks one UTF-16 unit at a time but
   * stores characters outside the BMP whole, so a piece holding one is never matched there and is left out here.
   */
  private readonly pieceIds: PieceLookup;
  /** Longest piece starting with a pair of units (hashed; collisions only make the bound looser). */
  private readonly longestAfterPair = new Uint8Array(PAIR_SLOTS);
  private readonly lattice = new Lattice();
  private readonly scores: Float64Array;
  private readonly unkScore: number;
  private readonly addedTokens: ReadonlyMap<string, number>;
  private readonly addedPattern: RegExp | null;
  private readonly memo = new Map<string, Int32Array>();
  /** Whether no piece holds the word marker past its first character, so words tokenize alone. */
  private readonly wordsAreIndependent: boolean;
  /**
   * Whether the normalizer and pre-tokenizer are the sentencepiece pipeline PLAIN_NORMALIZERS describes, so that a
   * text with no whitespace but single spaces and no word marker is its words between spaces (wordIdsAtSpaces).
   */
  private readonly wordsAtSpaces: boolean;
  readonly unkId: number;
  readonly vocabularySize: number;
  /** Ids the template puts before and after every text (<s> and </s>). */
  readonly prefixIds: readonly number[];
  readonly suffixIds: readonly number[];

  constructor(json: unknown) {
    if (!isObject(json) || !isObject(json['model'])) unsupported('a file without a model');
    const model = json['model'];
    if (model['type'] !== 'Unigram' || !Array.isArray(model['vocab'])) unsupported(`model type ${String(model['type'])}`);
    const vocab = model['vocab'] as unknown[];
    const unkId = model['unk_id'];
    if (typeof unkId !== 'number') unsupported('a Unigram model without unk_id');
    this.unkId = unkId;
    this.vocabularySize = vocab.length;
    this.scores = new Float64Array(vocab.length);
    const ids = new Map<string, number>();
    let minScore = Infinity;
    let innerMarker = false;
    vocab.forEach((entry, id) => {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'number') unsupported('a vocabulary entry');
      const [piece, score] = entry as [string, number];
      this.scores[id] = score;
      minScore = Math.min(minScore, score);
      ids.set(piece, id);
      if (piece.indexOf(METASPACE, 1) > 0) innerMarker = true;
    });
    const pieces = [...ids.keys()];
    this.pieceIds = new PieceLookup(pieces.length);
    this.unkScore = minScore - UNKNOWN_PENALTY;
    this.scores[unkId] = this.unkScore;
    this.wordsAreIndependent = !innerMarker && ids.has(METASPACE);

    const added = new Map<string, number>();
    const parts: string[] = [];
    for (const token of Array.isArray(json['added_tokens']) ? (json['added_tokens'] as unknown[]) : []) {
      if (!isObject(token) || typeof token['content'] !== 'string' || typeof token['id'] !== 'number') unsupported('an added token');
      added.set(token['content'], token['id']);
      ids.set(token['content'], token['id']);
      const escaped = token['content'].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      parts.push(`${token['lstrip'] === true ? '\\s*' : ''}(${escaped})${token['rstrip'] === true ? '\\s*' : ''}`);
    }
    // As in transformers.js: the vocabulary's strings, each under its final id (the last equal piece, or the added
    // token of that content).
    for (const piece of pieces) {
      if (/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(piece)) continue;
      this.pieceIds.add(piece, ids.get(piece)!);
      if (piece.length > 1) {
        const slot = pairSlot(piece.charCodeAt(0), piece.charCodeAt(1));
        this.longestAfterPair[slot] = Math.max(this.longestAfterPair[slot]!, piece.length);
      }
    }
    this.addedTokens = added;
    this.addedPattern = parts.length > 0 ? new RegExp(parts.join('|')) : null;
    this.normalize = normalizer(json['normalizer']);
    this.preTokenize = metaspace(json['pre_tokenizer']);
    this.wordsAtSpaces = this.wordsAreIndependent && isPlainPipeline(json['normalizer'], json['pre_tokenizer']);
    const [before, after] = template(json['post_processor']);
    const idOf = (token: string) => ids.get(token) ?? unsupported(`template token ${token}`);
    this.prefixIds = before.map(idOf);
    this.suffixIds = after.map(idOf);
  }

  /** The ids transformers.js feeds the model for `text`, template tokens included (no truncation). */
  encode(text: string): number[] {
    return [...this.prefixIds, ...this.contentIds(text), ...this.suffixIds];
  }

  /** The ids of the text itself, without the template's tokens. */
  contentIds(text: string, out: number[] = []): number[] {
    const sections = this.addedPattern && this.mayHoldAddedToken(text) ? text.split(this.addedPattern).filter((x) => x) : [text];
    sections.forEach((section, index) => {
      const addedId = this.addedTokens.get(section);
      if (addedId !== undefined) {
        out.push(addedId);
        return;
      }
      if (this.wordsAtSpaces) {
        const lowered = section.normalize('NFKC').toLowerCase();
        if (!NOT_PLAIN.test(lowered)) return this.wordIdsAtSpaces(lowered, out);
      }
      const normalized = this.normalize(section);
      if (normalized.length === 0) return;
      this.sectionIds(this.preTokenize(normalized, index), out);
    });
    return out;
  }

  private mayHoldAddedToken(text: string): boolean {
    for (const token of this.addedTokens.keys()) if (text.includes(token)) return true;
    return false;
  }

  /** Pieces of one pre-tokenized section, word by word from the memo when words are independent. */
  private sectionIds(section: string, out: number[]): void {
    if (!this.wordsAreIndependent) {
      for (const id of this.viterbi(section)) out.push(id);
      return;
    }
    let start = 0;
    while (start < section.length) {
      let end = section.indexOf(METASPACE, start + 1);
      if (end < 0) end = section.length;
      const word = section.slice(start, end);
      // Every word starts with the marker (Metaspace puts one before the text and each space): the memo's key is the
      // rest, as wordIdsAtSpaces has it.
      const ids = word.startsWith(METASPACE) ? this.wordIds(word.slice(1)) : this.viterbi(word);
      for (let k = 0; k < ids.length; k++) out.push(ids[k]!);
      start = end;
    }
  }

  /** The pieces of the word METASPACE + `rest`, from the memo. */
  private wordIds(rest: string): Int32Array {
    let ids = this.memo.get(rest);
    if (ids === undefined) {
      ids = this.viterbi(METASPACE + rest);
      if (this.memo.size >= WORD_MEMO_MAX) this.memo.clear();
      this.memo.set(rest, ids);
    }
    return ids;
  }

  /**
   * What the pipeline makes of `lowered` (NFKC and lower case done) when it holds no whitespace but spaces and no
   * word marker: the Replace keeps it, Strip and Metaspace make each run of non-spaces a word with a marker before it.
   * The same ids as normalizing and pre-tokenizing, without building the normalized and marked copies of the text.
   */
  private wordIdsAtSpaces(lowered: string, out: number[]): void {
    const length = lowered.length;
    let start = 0;
    while (start < length) {
      while (start < length && lowered.charCodeAt(start) === SPACE) start++;
      if (start === length) return;
      let end = lowered.indexOf(' ', start);
      if (end < 0) end = length;
      const ids = this.wordIds(lowered.slice(start, end));
      for (let k = 0; k < ids.length; k++) out.push(ids[k]!);
      start = end;
    }
  }

  /**
   * The best segmentation of `text`, as transformers.js's TokenLattice finds it: nodes in order of start, then
   * length; each takes the first best predecessor (walking ends newest first with >= finds the first); an unknown
   * unit where no one-unit piece starts; runs of unknowns fused into one.
   */
  private viterbi(text: string): Int32Array {
    const length = text.length;
    const lattice = this.lattice;
    lattice.reset(length);
    for (let start = 0; start < length; start++) {
      let single = false;
      // Shortest first, as the trie yields them; no piece starting with these two units is longer than `last`.
      const last = start + 1 < length ? Math.min(length, start + this.longestAfterPair[pairSlot(text.charCodeAt(start), text.charCodeAt(start + 1))]!) : length;
      let hash = HASH_START;
      for (let end = start + 1; end <= Math.max(last, start + 1); end++) {
        hash = extendHash(hash, text.charCodeAt(end - 1));
        const id = this.pieceIds.find(text, start, end, hash);
        if (id < 0) continue;
        linkNode(lattice, id, start, end, this.scores[id]!);
        if (end === start + 1) single = true;
      }
      if (!single) linkNode(lattice, this.unkId, start, start + 1, this.unkScore);
    }
    let last = -1;
    let lastScore = 0;
    for (let node = lattice.endHead[length]!; node >= 0; node = lattice.sameEnd[node]!) {
      if (last < 0 || lattice.total[node]! >= lastScore) {
        last = node;
        lastScore = lattice.total[node]!;
      }
    }
    // The path back from the end, then forwards with runs of unknowns fused: one array of the right length.
    let count = 0;
    for (let node = last, previousId = -1; node >= 0; node = lattice.previous[node]!) {
      const id = lattice.id[node]!;
      if (!(id === this.unkId && previousId === this.unkId)) count++;
      previousId = id;
    }
    const ids = new Int32Array(count);
    for (let node = last, previousId = -1, k = count; node >= 0; node = lattice.previous[node]!) {
      const id = lattice.id[node]!;
      // Walking backwards, the first of a run of unknowns is the last one met: each overwrites the one before.
      if (id === this.unkId && previousId === this.unkId) ids[k] = id;
      else ids[--k] = id;
      previousId = id;
    }
    return ids;
  }
}
