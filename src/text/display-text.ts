/**
 * Text from an input file made safe to show on a terminal: the review UI and `--format text` both print it, and an
 * article may carry escape sequences (pasted from a terminal, or planted) that would otherwise recolour, move the
 * cursor, retitle the window or hide what follows.
 */
import stripAnsi from 'strip-ansi';

/** C0 and C1 control characters left once whole escape sequences are gone (a lone ESC, BEL, backspace...). */
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/gu;

/** Terminal escape sequences (CSI, OSC and the like, as strip-ansi knows them) and control characters removed. */
export function stripTerminalControls(text: string): string {
  return stripAnsi(text).replace(CONTROL_CHARACTERS, '');
}

/** One line of display text: whitespace runs (tabs, newlines) become one space, terminal controls go. */
export function cleanForDisplay(text: string): string {
  return stripTerminalControls(text.replace(/\s+/gu, ' ')).trim();
}
