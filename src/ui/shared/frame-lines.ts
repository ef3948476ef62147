/** Lines every screen draws the same way: the counts, the footer, help sections, the progress, error and
 * too-small screens. Pure, like the screens' own line builders. */
import { progressCounts } from '../../progress-text.js';
import type { ProgressEvent } from '../../types.js';
import type { KeyBinding } from './keys.js';
import { keyLabel } from './keys.js';
import {
  clampLines,
  displayWidth,
  lineWidth,
  padLine,
  shortenMiddle,
  truncateLine,
  wrapSpans,
  type Line,
  type Span,
  type TerminalSize,
  type Tone,
} from './layout.js';
import type { PairCounts } from '../../review.js';
import type { StatusMessage } from './status.js';

export const NO_COUNTERPART = '— no counterpart —';

export function countSpans(counts: PairCounts, isShort: boolean): Span[] {
  const parts: { count: number; long: string; short: string; tone: Tone }[] = [
    { count: counts.pairs, long: 'pairs', short: 'pairs', tone: 'heading' },
    { count: counts.aligned, long: 'aligned', short: 'aligned', tone: 'aligned' },
    { count: counts.omitted, long: 'omitted', short: 'omit', tone: 'omitted' },
    { count: counts.added, long: 'added', short: 'add', tone: 'added' },
    { count: counts.withDifferences, long: 'with differences', short: 'diff', tone: 'warning' },
    { count: counts.lowConfidence, long: 'low confidence', short: 'low', tone: 'warning' },
  ];
  return parts.flatMap((part, index) => [
    ...(index === 0 ? [] : [{ text: ' · ', tone: 'dim' as const }]),
    { text: String(part.count), tone: part.count === 0 ? ('dim' as const) : part.tone },
    { text: ` ${isShort ? part.short : part.long}`, tone: 'normal' as const },
  ]);
}


/** The message as spans, its file name shortened in the middle to fit `width` when it must. */
function messageSpans(message: StatusMessage, width: number): Span[] {
  let text = message.text;
  if (displayWidth(text) > width && message.path !== undefined && text.includes(message.path)) {
    const room = width - (displayWidth(text) - displayWidth(message.path));
    text = text.replace(message.path, shortenMiddle(message.path, Math.max(8, room)));
  }
  return [{ text: '  ' }, { text, tone: message.tone === 'error' ? 'error' : 'aligned' }];
}

/** The footer: what and where on the left, then the status message, and key hints on the right when they fit. The
 * message matters more than the hints, and all of it more than the middle of a long file name. */
export function composeFooter(left: readonly Span[], message: StatusMessage | null, hints: string, columns: number): Line {
  const hintWidth = displayWidth(hints);
  const room = columns - hintWidth - 1;
  const whole = message === null ? [...left] : [...left, ...messageSpans(message, Infinity)];
  if (lineWidth(whole) <= room) return padLine([...padLine(whole, room + 1), { text: hints, tone: 'dim' }], columns);
  const withoutHints = message === null ? [...left] : [...left, ...messageSpans(message, columns - lineWidth(left) - 2)];
  return padLine(withoutHints, columns);
}

/** Width of the keys column of the help. */
const HELP_KEYS_WIDTH = 24;
/** The indent of a binding line. */
const HELP_INDENT = 2;

/** One binding: its keys, then what it does, wrapped under itself when the line is too narrow (the help scrolls,
 * so nothing needs cutting). */
function bindingLines<C>(binding: KeyBinding<C>, columns: number): Line[] {
  const keys = binding.keys.map(keyLabel).join(' ');
  const textWidth = Math.max(10, columns - HELP_INDENT - HELP_KEYS_WIDTH);
  return wrapSpans([{ text: binding.help }], textWidth).map((line, index) =>
    padLine([{ text: ' '.repeat(HELP_INDENT) }, ...padLine(index === 0 ? [{ text: keys, tone: 'heading' }] : [], HELP_KEYS_WIDTH), ...line], columns),
  );
}

/** A titled list of key bindings. */
export function helpSection<C>(title: string, bindings: readonly KeyBinding<C>[], columns: number): Line[] {
  return [padLine([{ text: title, tone: 'dim' }], columns), ...bindings.flatMap((binding) => bindingLines(binding, columns))];
}


/** Help content fitted to exactly `rows` lines. */
export function fitHelpLines(content: readonly Line[], columns: number, rows: number): Line[] {
  const lines = clampLines(content, rows, columns).map((line) => padLine(line, columns));
  while (lines.length < rows) lines.push(padLine([], columns));
  return lines;
}


const STAGE_LABELS = {
  'load-model': 'Loading the model',
  embed: 'Embedding sentences',
  align: 'Aligning',
  differences: 'Finding differences',
} as const;
/** The bar never gets wider than this, even on a wide terminal. */
const MAX_PROGRESS_BAR = 50;

export function progressBar(done: number, total: number, width: number): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(fraction * width);
  return '█'.repeat(filled) + '░'.repeat(Math.max(0, width - filled));
}

/** Braille spinner: it moves even while a stage reports nothing (a model loading), so the screen never looks frozen. */
export const SPINNER_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

export interface ProgressClock {
  /** Advances on a timer while loading. */
  readonly tick: number;
  readonly elapsedMs: number;
}

export function progressLines(
  sourcePath: string,
  targetPath: string,
  progress: ProgressEvent | null,
  columns: number,
  clock: ProgressClock = { tick: 0, elapsedMs: 0 },
): Line[] {
  return progressLinesFor([sourcePath, targetPath], progress, columns, clock);
}

/** The progress screen for two files or more (the versions overview loads several). */
export function progressLinesFor(
  paths: readonly string[],
  progress: ProgressEvent | null,
  columns: number,
  clock: ProgressClock = { tick: 0, elapsedMs: 0 },
): Line[] {
  const spinner = SPINNER_FRAMES[clock.tick % SPINNER_FRAMES.length] ?? ' ';
  const elapsed = ` ${Math.floor(clock.elapsedMs / 1000)}s`;
  const title: Span[] = paths.flatMap((path, index): Span[] => [...(index === 0 ? [] : [{ text: ' ⇄ ', tone: 'dim' as const }]), { text: path }]);
  const lines: Line[] = [padLine([{ text: 'selaras ', tone: 'heading' }, ...title], columns), padLine([], columns)];
  const stageLine = (label: string): Line =>
    padLine([{ text: ` ${spinner} `, tone: 'aligned' }, { text: `${label}…` }, { text: elapsed, tone: 'dim' }], columns);
  if (progress === null) {
    lines.push(stageLine('Reading and splitting the files'));
    return lines;
  }
  const label = progress.stage === 'load-model' ? `${STAGE_LABELS[progress.stage]} ${progress.model}` : STAGE_LABELS[progress.stage];
  const counts = progressCounts(progress);
  const percent = progress.total > 0 ? `${Math.floor((100 * Math.min(progress.done, progress.total)) / progress.total)}%` : '';
  const barWidth = Math.max(5, Math.min(MAX_PROGRESS_BAR, columns - displayWidth(counts) - displayWidth(percent) - 6));
  lines.push(stageLine(label));
  lines.push(
    padLine(
      [
        { text: '   ' },
        { text: progressBar(progress.done, progress.total, barWidth), tone: 'aligned' },
        { text: ` ${counts} ${percent}`, tone: 'dim' },
      ],
      columns,
    ),
  );
  return lines;
}

export function errorLines(message: string, columns: number): Line[] {
  return [
    padLine([{ text: 'selaras could not align these files', tone: 'error' }], columns),
    padLine([], columns),
    ...wrapSpans([{ text: message }], columns - 2).map((line) => padLine([{ text: '  ' }, ...line], columns)),
    padLine([], columns),
    padLine([{ text: 'press q to quit', tone: 'dim' }], columns),
  ];
}

export function tooSmallLines(size: TerminalSize): Line[] {
  return [truncateLine([{ text: `terminal too small (${size.columns}x${size.rows}); q quits`, tone: 'warning' }], size.columns)];
}
