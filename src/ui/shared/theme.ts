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

/** SGR codes of the colour names the tones use (the 16 basic colours every terminal has). */
const FOREGROUND_CODES: Readonly<Record<string, number>> = {
  black: 30,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  white: 37,
};
/** A background colour's code is its foreground code plus this. */
const BACKGROUND_OFFSET = 10;

/** The SGR sequence that sets a tone from a clean state: all attributes reset first, so spans never leak into each
 * other (`\u001B[0;32;4m` for an underlined green). */
export function toneSgr(tone: Tone | undefined, isSelected: boolean, isColorEnabled: boolean): string {
  const style = toneStyle(tone, isColorEnabled);
  const codes = [0];
  if (style.bold === true) codes.push(1);
  if (style.dimColor === true) codes.push(2);
  if (style.italic === true) codes.push(3);
  if (style.underline === true) codes.push(4);
  if (isSelected) codes.push(7);
  if (style.strikethrough === true) codes.push(9);
  const foreground = style.color === undefined ? undefined : FOREGROUND_CODES[style.color];
  if (foreground !== undefined) codes.push(foreground);
  const background = style.backgroundColor === undefined ? undefined : FOREGROUND_CODES[style.backgroundColor];
  if (background !== undefined) codes.push(background + BACKGROUND_OFFSET);
  return `\u001B[${codes.join(';')}m`;
}
