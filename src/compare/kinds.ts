import type { DifferenceKind } from '../types.js';

/** Every kind of difference the finders report, in the order they are listed in summaries and figures. */
export const DIFFERENCE_KINDS: readonly DifferenceKind[] = ['number', 'name', 'place', 'date', 'quote', 'negation', 'omission', 'addition'];
