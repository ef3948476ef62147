/**
 * Review sessions: an alignment as the JSON contract, plus what a reviewer did (`edited`, `reviewed`, `note` per
 * pair) and the SHA-256 of each input file, so that the same `align --session` resumes only while the inputs are
 * unchanged. Reading checks the file as strictly as the contract: a session edited by hand into something that no
 * longer aligns every sentence once is refused with the reason, not half loaded.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { contractViolation, type PairEdit } from '../edit/edit.js';
import { EMPTY_HISTORY, type EditHistory } from '../edit/history.js';
import { InputError } from '../errors.js';
import { moveListJson, movesJson, pairJson, pairsJson } from '../export/json.js';
import type { Alignment, Difference, Document, Lang, MovedPassage, PairStatus, SentencePair, WordChange } from '../types.js';

/** The session layout written; readers refuse a later one rather than guess. */
export const SESSION_VERSION = 1;

export interface InputHashes {
  readonly source: string;
  readonly target: string;
}

export interface SessionSettings {
  /** Whether the inputs were read one sentence a line. */
  readonly presplit: boolean;
}

export async function hashFile(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

export async function hashInputs(sourcePath: string, targetPath: string): Promise<InputHashes> {
  const [source, target] = await Promise.all([hashFile(sourcePath), hashFile(targetPath)]);
  return { source, target };
}

function documentWithHash(document: Document, sha256: string) {
  return {
    path: document.path,
    lang: document.lang,
    sha256,
    sentences: document.sentences.map((s) => ({ text: s.text, start: s.start, end: s.end, paragraph: s.paragraph })),
  };
}

function editJson(edit: PairEdit) {
  const moves = edit.moves && { moves: { removed: moveListJson(edit.moves.removed), inserted: moveListJson(edit.moves.inserted) } };
  return { at: edit.at, label: edit.label, removed: edit.removed.map(pairJson), inserted: edit.inserted.map(pairJson), ...moves };
}

/**
 * The session file's text: the JSON contract with each document's SHA-256, the settings it was aligned with, and
 * the undo history (so that `u` after resuming undoes what was done before).
 */
export function sessionJson(alignment: Alignment, hashes: InputHashes, settings: SessionSettings, history: EditHistory = EMPTY_HISTORY): string {
  const value = {
    source: documentWithHash(alignment.source, hashes.source),
    target: documentWithHash(alignment.target, hashes.target),
    model: alignment.model,
    pairs: pairsJson(alignment),
    moves: movesJson(alignment),
    session: {
      version: SESSION_VERSION,
      presplit: settings.presplit,
      history: { done: history.done.map((entry) => editJson(entry.edit)), undone: history.undone.map((entry) => editJson(entry.edit)) },
    },
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** An alignment read back from JSON. Documents carry no text (`text` is ''): the JSON holds sentences only. */
export interface LoadedAlignment {
  readonly alignment: Alignment;
  /** Present in a session file; absent in plain `--format json` output. */
  readonly hashes?: InputHashes;
  readonly settings?: SessionSettings;
  /** The undo history saved with a session (saved: nothing to write). */
  readonly history?: EditHistory;
}

class Shape extends Error {}

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(object: Json, name: string, where: string): unknown {
  if (!(name in object)) throw new Shape(`${where} has no "${name}"`);
  return object[name];
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new Shape(`${where} is not a string`);
  return value;
}

function wholeNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new Shape(`${where} is not a whole number`);
  return value;
}

function indexList(value: unknown, where: string): number[] {
  if (!Array.isArray(value)) throw new Shape(`${where} is not a list of sentence numbers`);
  return value.map((item, k) => wholeNumber(item, `${where}[${k}]`));
}

const LANGS: readonly Lang[] = ['en', 'id', 'und'];
const STATUSES: readonly PairStatus[] = ['aligned', 'omitted', 'added'];

function readDocument(value: unknown, side: 'source' | 'target'): { document: Document; sha256?: string } {
  if (!isObject(value)) throw new Shape(`"${side}" is not an object`);
  const lang = field(value, 'lang', side);
  if (!LANGS.includes(lang as Lang)) throw new Shape(`${side}.lang is not one of ${LANGS.join(', ')}`);
  const sentences = field(value, 'sentences', side);
  if (!Array.isArray(sentences)) throw new Shape(`${side}.sentences is not a list`);
  const sha256 = value['sha256'];
  const document: Document = {
    path: text(field(value, 'path', side), `${side}.path`),
    lang: lang as Lang,
    text: '',
    sentences: sentences.map((sentence: unknown, k) => {
      const where = `${side}.sentences[${k}]`;
      if (!isObject(sentence)) throw new Shape(`${where} is not an object`);
      return {
        text: text(field(sentence, 'text', where), `${where}.text`),
        start: wholeNumber(field(sentence, 'start', where), `${where}.start`),
        end: wholeNumber(field(sentence, 'end', where), `${where}.end`),
        paragraph: wholeNumber(field(sentence, 'paragraph', where), `${where}.paragraph`),
      };
    }),
  };
  return typeof sha256 === 'string' ? { document, sha256 } : { document };
}

function readPair(value: unknown, k: number): SentencePair {
  const where = `pairs[${k}]`;
  if (!isObject(value)) throw new Shape(`${where} is not an object`);
  const status = field(value, 'status', where);
  if (!STATUSES.includes(status as PairStatus)) throw new Shape(`${where}.status is not one of ${STATUSES.join(', ')}`);
  const score = field(value, 'score', where);
  if (typeof score !== 'number' || !(score >= 0 && score <= 1)) throw new Shape(`${where}.score is not a number from 0 to 1`);
  const differences = value['differences'] ?? [];
  if (!Array.isArray(differences)) throw new Shape(`${where}.differences is not a list`);
  const note = value['note'];
  if (note !== undefined && typeof note !== 'string') throw new Shape(`${where}.note is not a string`);
  return {
    source: indexList(field(value, 'source', where), `${where}.source`),
    target: indexList(field(value, 'target', where), `${where}.target`),
    status: status as PairStatus,
    score,
    differences: differences as Difference[],
    ...(Array.isArray(value['wordDiff']) ? { wordDiff: value['wordDiff'] as WordChange[] } : {}),
    ...(value['edited'] === true ? { edited: true } : {}),
    ...(value['reviewed'] === true ? { reviewed: true } : {}),
    ...(typeof note === 'string' && note.length > 0 ? { note } : {}),
    ...(value['move'] === undefined ? {} : { move: wholeNumber(value['move'], `${where}.move`) }),
  };
}

function score(value: unknown, where: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new Shape(`${where} is not a number from 0 to 1`);
  return value;
}

/** The top-level `moves` list (moved passages); absent in alignments made before there were any. */
function readMoves(value: unknown): MovedPassage[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Shape('"moves" is not a list');
  return value.map((move: unknown, k) => {
    const where = `moves[${k}]`;
    if (!isObject(move)) throw new Shape(`${where} is not an object`);
    const differences = move['differences'] ?? [];
    if (!Array.isArray(differences)) throw new Shape(`${where}.differences is not a list`);
    const pairs = field(move, 'pairs', where);
    if (!Array.isArray(pairs)) throw new Shape(`${where}.pairs is not a list`);
    return {
      source: indexList(field(move, 'source', where), `${where}.source`),
      target: indexList(field(move, 'target', where), `${where}.target`),
      score: score(field(move, 'score', where), `${where}.score`),
      differences: differences as Difference[],
      pairs: pairs.map((pair: unknown, p) => {
        const at = `${where}.pairs[${p}]`;
        if (!isObject(pair)) throw new Shape(`${at} is not an object`);
        return {
          source: indexList(field(pair, 'source', at), `${at}.source`),
          target: indexList(field(pair, 'target', at), `${at}.target`),
          score: score(field(pair, 'score', at), `${at}.score`),
        };
      }),
    };
  });
}

function readEdits(value: unknown, where: string): PairEdit[] {
  if (!Array.isArray(value)) throw new Shape(`${where} is not a list`);
  return value.map((edit: unknown, k) => {
    const at = `${where}[${k}]`;
    if (!isObject(edit)) throw new Shape(`${at} is not an object`);
    const pairs = (name: string): SentencePair[] => {
      const list = field(edit, name, at);
      if (!Array.isArray(list)) throw new Shape(`${at}.${name} is not a list`);
      return list.map((pair, p) => readPair(pair, p));
    };
    const moves = edit['moves'];
    if (moves !== undefined && !isObject(moves)) throw new Shape(`${at}.moves is not an object`);
    return {
      at: wholeNumber(field(edit, 'at', at), `${at}.at`),
      label: text(field(edit, 'label', at), `${at}.label`),
      removed: pairs('removed'),
      inserted: pairs('inserted'),
      // An edit that dissolved a moved passage: the moves list before and after it.
      ...(moves === undefined ? {} : { moves: { removed: readMoves(field(moves, 'removed', `${at}.moves`)), inserted: readMoves(field(moves, 'inserted', `${at}.moves`)) } }),
    };
  });
}

/** The undo history of a session: its edits, numbered as if made in this run, and as written (nothing unsaved). */
function readHistory(value: unknown): EditHistory | undefined {
  if (!isObject(value)) return undefined;
  const done = readEdits(value['done'] ?? [], 'session.history.done');
  const undone = readEdits(value['undone'] ?? [], 'session.history.undone');
  let serial = 0;
  const entries = (edits: readonly PairEdit[]) => edits.map((edit) => ({ edit, serial: ++serial }));
  const doneEntries = entries(done);
  return { done: doneEntries, undone: entries(undone), nextSerial: serial + 1, savedSerial: doneEntries.at(-1)?.serial ?? 0 };
}

function readAlignment(value: unknown): LoadedAlignment {
  if (!isObject(value)) throw new Shape('the file is not one JSON object');
  const session = value['session'];
  if (isObject(session) && typeof session['version'] === 'number' && session['version'] > SESSION_VERSION) {
    throw new Shape(`it is a session of a later selaras (layout ${session['version']}; this one reads ${SESSION_VERSION})`);
  }
  const source = readDocument(field(value, 'source', 'the file'), 'source');
  const target = readDocument(field(value, 'target', 'the file'), 'target');
  const pairs = field(value, 'pairs', 'the file');
  if (!Array.isArray(pairs)) throw new Shape('"pairs" is not a list');
  let alignment: Alignment = {
    source: source.document,
    target: target.document,
    model: text(field(value, 'model', 'the file'), 'model'),
    pairs: pairs.map(readPair),
  };
  const moves = readMoves(value['moves']);
  const stray = alignment.pairs.findIndex((pair) => pair.move !== undefined && pair.move >= moves.length);
  if (stray >= 0) throw new Shape(`pairs[${stray}].move names no entry of "moves"`);
  if (moves.length > 0) alignment = { ...alignment, moves };
  const violation = contractViolation(alignment);
  if (violation !== null) throw new Shape(`its pairs do not align every sentence once, in order (${violation})`);
  const hashes = source.sha256 !== undefined && target.sha256 !== undefined ? { source: source.sha256, target: target.sha256 } : undefined;
  const settings = isObject(session) ? { presplit: session['presplit'] === true } : undefined;
  const history = isObject(session) ? readHistory(session['history']) : undefined;
  return {
    alignment,
    ...(hashes === undefined ? {} : { hashes }),
    ...(settings === undefined ? {} : { settings }),
    ...(history === undefined ? {} : { history }),
  };
}

const HOW_TO_MAKE_ONE = 'give a file written by selaras align --session FILE.json or --format json';

/** Parse a session (or `--format json` output); `path` names the file in the InputError a bad one raises. */
export function parseAlignmentJson(content: string, path: string): LoadedAlignment {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    throw new InputError(`${path}: is not JSON (${(error as Error).message}) — ${HOW_TO_MAKE_ONE}`);
  }
  try {
    return readAlignment(value);
  } catch (error) {
    if (error instanceof Shape) throw new InputError(`${path}: is not a selaras alignment: ${error.message} — ${HOW_TO_MAKE_ONE}`);
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/** The session at `path`, or null when there is none yet. */
export async function readSession(path: string): Promise<LoadedAlignment | null> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError(`${path}: cannot read the session (${code}) — check its permissions or give another --session file`);
  }
  return parseAlignmentJson(content, path);
}

/** Why a saved session cannot be resumed for these inputs, or null when it can. Paths may differ (the same files
 * reached from another folder); content and settings may not. */
export function whyNotResumable(session: LoadedAlignment, hashes: InputHashes, settings: SessionSettings): string | null {
  if (session.hashes === undefined) return 'it holds no SHA-256 of its inputs';
  if (session.hashes.source !== hashes.source && session.hashes.target !== hashes.target) return 'both input files changed';
  if (session.hashes.source !== hashes.source) return 'the source file changed';
  if (session.hashes.target !== hashes.target) return 'the target file changed';
  if ((session.settings?.presplit ?? false) !== settings.presplit) {
    return settings.presplit ? 'it was split into sentences, and --presplit asks for lines' : 'it was read with --presplit';
  }
  return null;
}

function pairKey(alignment: Alignment, pair: SentencePair): string {
  const texts = (document: Document, indexes: readonly number[]) => indexes.map((index) => document.sentences[index]?.text ?? '');
  return JSON.stringify([texts(alignment.source, pair.source), texts(alignment.target, pair.target)]);
}

/**
 * A new alignment of changed inputs with the reviews and notes of the old one carried over to every pair whose
 * texts are exactly those of an old pair (an unchanged sentence aligned as before).
 */
export function carryOverReviews(previous: Alignment, next: Alignment): { readonly alignment: Alignment; readonly carried: number; readonly reviewed: number } {
  const marks = new Map<string, Pick<SentencePair, 'reviewed' | 'note'>>();
  let reviewed = 0;
  for (const pair of previous.pairs) {
    if (pair.reviewed === true) reviewed += 1;
    if (pair.reviewed === true || pair.note !== undefined) marks.set(pairKey(previous, pair), { reviewed: pair.reviewed, note: pair.note });
  }
  let carried = 0;
  const pairs = next.pairs.map((pair) => {
    const mark = marks.get(pairKey(next, pair));
    if (mark === undefined) return pair;
    if (mark.reviewed === true) carried += 1;
    return { ...pair, ...(mark.reviewed === true ? { reviewed: true } : {}), ...(mark.note !== undefined ? { note: mark.note } : {}) };
  });
  return { alignment: { ...next, pairs }, carried, reviewed };
}
