import { describe, expect, it } from 'vitest';
import {
  MIN_LIST_ROWS_WITH_DETAIL,
  clampLines,
  displayWidth,
  fillViewport,
  lineText,
  lineWidth,
  padLine,
  rowsThatFit,
  screenLayout,
  scrollToCursor,
  shortenMiddle,
  truncateLine,
  wrapSpans,
  wrapText,
} from '../../../src/ui/shared/layout.js';

describe('wrapText', () => {
  it.each([
    ['fits', 'one two three', 20, ['one two three']],
    ['breaks between words', 'one two three', 7, ['one two', 'three']],
    ['exact fit', 'abc def', 7, ['abc def']],
    ['drops the space at the break', 'abc def', 3, ['abc', 'def']],
    ['breaks a word longer than the line', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['fills the line before breaking a long word', 'ab cdefghij', 6, ['ab cde', 'fghij']],
    ['empty text is one empty line', '', 10, ['']],
    ['wide characters count two columns', '日本語のテキスト', 6, ['日本語', 'のテキ', 'スト']],
    ['keeps combining marks with their letter', 'e\u0301e\u0301e\u0301', 2, ['e\u0301e\u0301', 'e\u0301']],
  ])('%s', (_name, text, width, expected) => {
    expect(wrapText(text, width)).toEqual(expected);
  });

  it('never makes a line wider than asked (property over many widths)', () => {
    const text =
      'Zabihullah Mujahid, a spokesman for the Taliban who also operates a Twitter account with 232.000 followers, “denied” it.';
    for (let width = 1; width <= 60; width += 1) {
      const lines = wrapText(text, width);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(lines.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    }
  });

  it('keeps tones across a break and treats touching spans as one word', () => {
    const lines = wrapSpans([{ text: 'say ' }, { text: 'hel', tone: 'match' }, { text: 'lo world' }], 6);
    expect(lines.map(lineText)).toEqual(['say', 'hello', 'world']);
    expect(lines[1]).toEqual([{ text: 'hel', tone: 'match' }, { text: 'lo' }]);
  });
});

describe('truncateLine, padLine, clampLines', () => {
  it.each([
    ['short stays', 'abc', 5, 'abc'],
    ['long gets an ellipsis', 'abcdefgh', 5, 'abcd…'],
    ['a wide character that does not fit is dropped whole', 'ab日本', 4, 'ab…'],
  ])('truncate: %s', (_name, text, width, expected) => {
    expect(lineText(truncateLine([{ text }], width))).toBe(expected);
  });

  it('pads to the exact width, selected when the last span is', () => {
    const line = padLine([{ text: 'ab', isSelected: true }], 5);
    expect(lineWidth(line)).toBe(5);
    expect(line.every((span) => span.isSelected === true)).toBe(true);
  });

  it.each(['difference', 'match'] as const)('pads after a %s span without its tone (no underline or background run-on)', (tone) => {
    const line = padLine([{ text: 'a ' }, { text: 'AFP', tone }], 8);
    expect(lineWidth(line)).toBe(8);
    expect(line[line.length - 1]).toEqual({ text: '   ' });
  });

  it('marks the last kept line when lines were dropped, without a double ellipsis', () => {
    const lines = wrapSpans([{ text: 'aaaa bbbb cccc dddd' }], 9);
    expect(clampLines(lines, 1, 9).map(lineText)).toEqual(['aaaa bbb…']);
    expect(clampLines(wrapSpans([{ text: 'aa bb cc' }], 2), 2, 2).map(lineText)).toEqual(['aa', 'b…']);
    expect(clampLines(lines, 5, 9)).toEqual(lines);
  });
});

describe('screenLayout', () => {
  it.each([
    ['80x24 closed', { columns: 80, rows: 24 }, null, { list: 19, detail: 0 }],
    ['80x24 small detail', { columns: 80, rows: 24 }, 6, { list: 13, detail: 6 }],
    ['80x24 huge detail keeps some list', { columns: 80, rows: 24 }, 100, { list: MIN_LIST_ROWS_WITH_DETAIL, detail: 19 - MIN_LIST_ROWS_WITH_DETAIL }],
    ['100x30', { columns: 100, rows: 30 }, null, { list: 25, detail: 0 }],
  ])('%s', (_name, size, detail, expected) => {
    const layout = screenLayout(size, detail);
    expect({ list: layout.list, detail: layout.detail }).toEqual(expected);
    expect(layout.header + layout.columnHeader + layout.list + layout.detail + layout.footer).toBe(size.rows - 1);
  });
});

describe('scrolling', () => {
  const heights = [1, 2, 1, 3, 1, 1, 2, 1];
  const heightAt = (p: number): number => heights[p] ?? 1;
  it.each([
    ['cursor above the view pulls it up', 4, 2, 5, 2],
    ['cursor inside stays', 0, 2, 5, 0],
    ['cursor below pushes just enough', 0, 3, 5, 2],
    ['a tall row alone', 0, 3, 2, 3],
  ])('scrollToCursor: %s', (_name, top, cursor, rows, expected) => {
    expect(scrollToCursor(top, cursor, rows, heightAt)).toBe(expected);
  });

  it.each([
    ['rows that fit from the top', 0, 5, 3],
    ['always at least one', 3, 2, 1],
  ])('rowsThatFit: %s', (_name, top, rows, expected) => {
    expect(rowsThatFit(top, heights.length, rows, heightAt)).toBe(expected);
  });

  it.each([
    ['full page stays', 0, 5, 0],
    ['empty space at the end pulls the view up', 7, 5, 4],
    ['everything fits', 5, 100, 0],
  ])('fillViewport: %s', (_name, top, rows, expected) => {
    expect(fillViewport(top, heights.length, rows, heightAt)).toBe(expected);
  });

  it('asks only for the heights between the view and the cursor on a long list', () => {
    let asked = 0;
    const counting = (): number => {
      asked += 1;
      return 1;
    };
    scrollToCursor(2990, 2999, 20, counting);
    scrollToCursor(0, 2999, 20, counting);
    fillViewport(2980, 3000, 20, counting);
    expect(asked).toBeLessThan(60);
  });
});

describe('shortenMiddle', () => {
  it.each([
    ['fits', '/tmp/a.csv', 20, '/tmp/a.csv'],
    ['keeps the start and the file name', '/home/ana/projects/clubhouse/jakarta.en.bulelengpost.id.selaras.csv', 30, '/home/ana/proj….id.selaras.csv'],
    ['exactly the width', 'abcdefghij', 5, 'ab…ij'],
    ['wide characters count two', 'ファイル名前の長い.csv', 9, 'ファ….csv'],
  ])('%s', (_name, text, width, expected) => {
    const shortened = shortenMiddle(text, width);
    expect(shortened).toBe(expected);
    expect(displayWidth(shortened)).toBeLessThanOrEqual(width);
  });
});
