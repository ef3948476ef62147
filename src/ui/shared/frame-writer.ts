/**
 * Draws the screen's lines on the terminal itself, writing only the lines that changed since the last frame. Every
 * line is built to the terminal's exact width by the pure line builders, so drawing needs no layout: a line is its
 * spans as SGR-styled text, and a frame is the lines that differ, each put at its row. Ink still runs the React
 * components and reads the keys, but redrawing a 200x60 screen through Ink's own renderer cost about 35 ms of CPU a
 * key (every cell of every line styled and measured again); here a key press that moves the selection rewrites two
 * lines and the footer.
 */
import { lineText, type Line } from './layout.js';
import { toneSgr } from './theme.js';

export interface TerminalSink {
  write(text: string): void;
}

const RESET = '\u001B[0m';
/** Start and end of a synchronized update: the terminal shows the frame at once, never half drawn (ignored where
 * unsupported). */
const BEGIN_UPDATE = '\u001B[?2026h';
const END_UPDATE = '\u001B[?2026l';
const CLEAR_SCREEN = '\u001B[H\u001B[2J';
const CLEAR_LINE = '\u001B[2K';

function moveTo(row: number): string {
  return `\u001B[${row + 1};1H`;
}

const ansiCache = { color: new WeakMap<Line, string>(), plain: new WeakMap<Line, string>() };

/** A line as text with SGR sequences: each change of style resets and sets all attributes, and the line ends reset. */
export function lineToAnsi(line: Line, isColorEnabled: boolean): string {
  const cache = isColorEnabled ? ansiCache.color : ansiCache.plain;
  const cached = cache.get(line);
  if (cached !== undefined) return cached;
  let out = '';
  let current = '';
  for (const span of line) {
    if (span.text.length === 0) continue;
    const sgr = toneSgr(span.tone, span.isSelected === true, isColorEnabled);
    if (sgr !== current) {
      out += sgr;
      current = sgr;
    }
    out += span.text;
  }
  if (current !== '') out += RESET;
  cache.set(line, out);
  return out;
}

export class FrameWriter {
  private rows: string[] = [];
  private lines: readonly Line[] = [];
  private drawn: readonly Line[] | null = null;
  private isInvalid = true;
  private isColorEnabled = true;

  constructor(private readonly sink: TerminalSink) {}

  /** Draw a frame: the whole screen after `invalidate()` (and the first time), else only the changed lines. */
  draw(lines: readonly Line[], isColorEnabled: boolean): void {
    if (lines === this.drawn && !this.isInvalid) return;
    const next = lines.map((line) => lineToAnsi(line, isColorEnabled));
    let out = '';
    if (this.isInvalid) {
      out += CLEAR_SCREEN;
      next.forEach((text, row) => {
        out += moveTo(row) + text;
      });
    } else {
      const count = Math.max(next.length, this.rows.length);
      for (let row = 0; row < count; row += 1) {
        const text = next[row];
        if (text === this.rows[row]) continue;
        // Clear first, then write: a line as wide as the terminal leaves the cursor in the last column, where an
        // erase after it would take that column's character too.
        out += moveTo(row) + CLEAR_LINE + (text ?? '');
      }
    }
    this.rows = next;
    this.lines = lines;
    this.isColorEnabled = isColorEnabled;
    this.drawn = lines;
    this.isInvalid = false;
    if (out.length > 0) this.sink.write(BEGIN_UPDATE + out + END_UPDATE);
  }

  /** The next draw repaints everything: after a resize, Ctrl-L, or another program used the terminal. */
  invalidate(): void {
    this.isInvalid = true;
  }

  /** Repaint the frame on screen now (Ctrl-L, or after another program used the terminal). */
  redraw(): void {
    this.invalidate();
    const lines = this.lines;
    this.drawn = null;
    this.draw(lines, this.isColorEnabled);
  }

  /** Bytes for the terminal that are no frame (a clipboard request), written between frames. */
  writeRaw(text: string): void {
    this.sink.write(text);
  }

  /** The frame on screen as plain text, one line per row, trailing spaces trimmed (what a reader sees). */
  plainText(): string {
    return this.lines.map((line) => lineText(line).trimEnd()).join('\n');
  }

  /** The frame on screen with its SGR sequences. */
  styledText(): string {
    return this.rows.join('\n');
  }
}
