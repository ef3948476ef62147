import type { Document } from '../types.js';

/** Two versions in one known language get a word diff as well. Alone in its module: the edit judge on the UI's
 * thread asks it without loading the difference finders. */
export function isSameLanguage(source: Pick<Document, 'lang'>, target: Pick<Document, 'lang'>): boolean {
  return source.lang === target.lang && source.lang !== 'und';
}
