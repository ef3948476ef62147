/** How each tone looks. Under NO_COLOR no colour is used at all; bold, dim, italic, underline and reverse video
 * remain, and every status also has a text marker, so nothing is told by colour alone.
 *
 * Differences are underlined with and without colour: a mark drawn with characters (say «232.000») would make a
 * sentence wider under NO_COLOR than with colour, so rows would wrap, and the list scroll, differently. */
import type { Tone } from './layout.js';

export interface ToneStyle {
  readonly color?: string;
  readonly backgroundColor?: string;
  readonly bold?: boolean;
  readonly dimColor?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly strikethrough?: boolean;
}

const COLOR_TONES: Readonly<Record<Tone, ToneStyle>> = {
  normal: {},
  dim: { dimColor: true },
  heading: { bold: true },
  aligned: { color: 'green' },
  omitted: { color: 'red' },
  added: { color: 'cyan' },
  warning: { color: 'yellow' },
  inserted: { color: 'green', underline: true },
  deleted: { color: 'red', strikethrough: true },
  match: { color: 'black', backgroundColor: 'yellow' },
  // Yellow as the `*` marker and the difference list; the underline is what reads without colour.
  difference: { color: 'yellow', underline: true },
  placeholder: { dimColor: true, italic: true },
  error: { color: 'red', bold: true },
};

const PLAIN_TONES: Readonly<Record<Tone, ToneStyle>> = {
  normal: {},
  dim: { dimColor: true },
  heading: { bold: true },
  aligned: {},
  omitted: { bold: true },
  added: { bold: true },
  warning: { bold: true },
  inserted: { underline: true },
  deleted: { strikethrough: true },
  match: { underline: true, bold: true },
  difference: { underline: true },
  placeholder: { dimColor: true, italic: true },
  error: { bold: true },
};

export function toneStyle(tone: Tone | undefined, isColorEnabled: boolean): ToneStyle {
  return (isColorEnabled ? COLOR_TONES : PLAIN_TONES)[tone ?? 'normal'];
}

/** NO_COLOR (https://no-color.org): set and not empty means no colour. */
export function isColorWanted(env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env['NO_COLOR'];
  return noColor === undefined || noColor === '';
}
