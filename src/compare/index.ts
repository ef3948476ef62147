/** Differences inside an aligned pair: pure functions on the pair's joined sentence texts. */
export { findDifferences, type CompareOptions } from './find-differences.js';
export { DIFFERENCE_KINDS } from './kinds.js';
export { wordDiff } from './word-diff.js';
export { summarizeDifferences } from './summary.js';
export { normalizeNumbers, readDigits, sameNumber, type NumberMention } from './numbers.js';
export { findDates, sameDate, type DateFields, type DateMention } from './dates.js';
export { findNames, isCognate, skeleton, type NameMention } from './names.js';
export { findQuotes, type QuoteMention } from './quotes.js';
export { findNegations } from './negation.js';
export { phraseDifferences } from './phrases.js';
export type { WordVectors } from './options.js';
export { measureFalseAlarms, type FalseAlarmRates } from './measure.js';
