/**
 * Errors crossing the worker boundary. Structured clone keeps only a plain Error's message, so a worker sends
 * each error as data and the pool rebuilds it as the same class, by name, with the same message, stack and own
 * fields: the CLI's mapping of error classes to exit codes then works for work done in a worker too.
 */
import { ModelDownloadError, ModelFolderError, UnknownModelError } from '../embed/errors.js';
import { BrokenPipeError, InputError, OutputError, UsageError } from '../errors.js';

/** Every error class a job can throw that callers tell apart. A class missing here arrives as a plain Error
 * that keeps its name and message. */
const KNOWN_ERRORS: ReadonlyArray<abstract new (...args: never[]) => Error> = [
  InputError,
  UsageError,
  OutputError,
  BrokenPipeError,
  ModelFolderError,
  UnknownModelError,
  ModelDownloadError,
  TypeError,
  RangeError,
];

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  /** Own enumerable fields that survive structured clone (a ModelFolderError's folder, an errno code). */
  readonly fields: Record<string, unknown>;
}

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) if (cloneable(value)) fields[key] = value;
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), fields };
}

/** The error again, as an instance of its own class where the class is known (its constructor is not run). */
export function reviveError(data: SerializedError): Error {
  const known = KNOWN_ERRORS.find((type) => type.name === data.name);
  const error: Error = known ? Object.create(known.prototype as object) : new Error();
  Object.defineProperty(error, 'message', { value: data.message, writable: true, configurable: true });
  if (data.stack) Object.defineProperty(error, 'stack', { value: data.stack, writable: true, configurable: true });
  Object.assign(error, data.fields);
  if (error.name !== data.name) Object.defineProperty(error, 'name', { value: data.name, writable: true, configurable: true });
  return error;
}
