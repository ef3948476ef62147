import { describe, expect, it } from 'vitest';
import { highlightText } from '../../../src/ui/shared/highlight.js';
import { lineWidth, wrapSpans } from '../../../src/ui/shared/layout.js';

describe('highlightText', () => {
  it.each<[string, string, { query?: string; surfaces?: readonly string[] }, readonly [string, string | undefined][]]>([
    ['plain text stays one span', 'Hujan turun.', {}, [['Hujan turun.', undefined]]],
    [
      'a difference',
      'Sekitar 23.000 orang.',
      { surfaces: ['23.000'] },
      [
        ['Sekitar ', undefined],
        ['23.000', 'difference'],
        [' orang.', undefined],
      ],
    ],
    [
      'a search match, any case',
      'Hujan turun.',
      { query: 'HUJAN' },
      [
        ['Hujan', 'match'],
        [' turun.', undefined],
      ],
    ],
    [
      'a match inside a difference wins where they overlap',
      'New York Post says',
      { query: 'york', surfaces: ['New York Post'] },
      [
        ['New ', 'difference'],
        ['York', 'match'],
        [' Post', 'difference'],
        [' says', undefined],
      ],
    ],
    ['a difference at the very end', 'Kata AFP', { surfaces: ['AFP'] }, [['Kata ', undefined], ['AFP', 'difference']]],
  ])('%s', (_name, text, options, expected) => {
    expect(highlightText(text, options).map((span) => [span.text, span.tone])).toEqual(expected);
  });

  it('never changes the text, so wrapping and widths stay those of the plain text', () => {
    const text = 'About 232,000 people, said Agence France-Presse (AFP), were evacuated on Saturday, July 30.';
    const spans = highlightText(text, { query: 'people', surfaces: ['232,000', 'AFP', 'Saturday, July 30'] });
    expect(spans.map((span) => span.text).join('')).toBe(text);
    for (const width of [10, 23, 40]) {
      const highlighted = wrapSpans(spans, width);
      const plain = wrapSpans([{ text }], width);
      expect(highlighted.map(lineWidth)).toEqual(plain.map(lineWidth));
    }
  });
});
