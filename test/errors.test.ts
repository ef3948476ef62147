import { describe, expect, it } from 'vitest';
import { printable } from '../src/errors.js';

describe('printable', () => {
  it('leaves ordinary text, Indonesian and other scripts as they are', () => {
    const text = 'berita “Jakarta” — 東京 ok.txt: is a binary file, not text';
    expect(printable(text)).toBe(text);
  });

  it('writes line breaks, escape sequences, C1 controls and bidirectional overrides as escapes', () => {
    expect(printable('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(printable('x\u001b[31mred\u001b[0m')).toBe('x\\x1b[31mred\\x1b[0m');
    expect(printable('\u0000\u007f\u0085\u009b')).toBe('\\x00\\x7f\\x85\\x9b');
    expect(printable('evil\u202etxt.exe \u2066x\u2069')).toBe('evil\\u202etxt.exe \\u2066x\\u2069');
  });
});
