import { describe, expect, it } from 'vitest';
import { MAX_ROW_LINES } from '../../../src/ui/shared/layout.js';
import { listColumns, numberWidth, prefixWidth, rowHeight } from '../../../src/ui/review/row-layout.js';

describe('listColumns', () => {
  it.each([
    [80, 1],
    [100, 3],
    [120, 4],
    [200, 5],
    [41, 2],
  ])('fills exactly %i columns with a %i-digit pair number', (columns, digits) => {
    const c = listColumns(columns, digits);
    expect(prefixWidth(c) + c.source + 3 + c.target).toBe(columns);
    expect(Math.abs(c.source - c.target)).toBeLessThanOrEqual(1);
  });

  it.each([
    [0, 1],
    [1, 1],
    [10, 1],
    [11, 2],
    [1000, 3],
    [1001, 4],
  ])('%i pairs number 0 to n-1 in %i digits', (count, digits) => {
    expect(numberWidth(count)).toBe(digits);
  });
});

describe('rowHeight', () => {
  const columns = listColumns(80, 2);
  it.each([
    ['short pair', 'a', 'b', false, 1],
    ['empty side is one line', '', 'b', false, 1],
    ['the taller side wins', 'word '.repeat(12).trim(), 'b', false, 3],
    ['capped', 'word '.repeat(200).trim(), 'b', false, MAX_ROW_LINES],
    ['expanded: every line', 'word '.repeat(200).trim(), 'b', true, 40],
  ])('%s', (_name, source, target, isExpanded, expected) => {
    expect(rowHeight(source, target, columns, isExpanded)).toBe(expected);
  });
});
