/** Entry point of the interactive review: shows progress while the alignment is computed, then the review screen.
 * Resolves with the exit code once the user quits; it never calls process.exit, so the caller decides. */
import { openSync } from 'node:fs';
import path from 'node:path';
import { ReadStream } from 'node:tty';
import { render } from 'ink';
import type { Alignment, ProgressEvent } from '../types.js';
import { App, EXIT_OK, type LoadState } from './app.js';
import { isColorWanted } from './theme.js';

export interface RunTuiOptions {
  readonly sourcePath: string;
  readonly targetPath: string;
  readonly load: (onProgress: (e: ProgressEvent) => void) => Promise<Alignment>;
  readonly exportCsv: (alignment: Alignment, outPath: string) => Promise<void>;
  /** Where `e` writes the CSV; by default `<source>.<target>.selaras.csv` in the current directory. */
  readonly exportPath?: string;
}

/** Progress events can come thousands a second; redrawing 20 times a second keeps the bar smooth (Ink itself
 * draws at most 30 frames a second). */
export const PROGRESS_REDRAW_MS = 50;

/** The alternate screen: the review takes the whole terminal and quitting gives back what was there before. */
const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';

/** `voi.en.txt` + `bulelengpost.id.txt` -> `voi.en.bulelengpost.id.selaras.csv` (last extension dropped). */
export function defaultExportPath(sourcePath: string, targetPath: string): string {
  const stem = (file: string): string => path.parse(file).name;
  return `${stem(sourcePath)}.${stem(targetPath)}.selaras.csv`;
}

/** There is no terminal to read keys from (input piped, and no /dev/tty). */
export class NoTerminalInputError extends Error {
  constructor() {
    super('the review screen needs a terminal to read keys from; with piped input, use --format text, json or csv');
    this.name = 'NoTerminalInputError';
  }
}

interface TerminalInput {
  readonly stream: NodeJS.ReadStream;
  readonly close: () => void;
}

/** Keys come from stdin when it is a terminal; when input is piped they come from the controlling terminal,
 * as less and fzf do. */
function openTerminalInput(): TerminalInput {
  if (process.stdin.isTTY) return { stream: process.stdin, close: () => {} };
  let stream: ReadStream;
  try {
    stream = new ReadStream(openSync('/dev/tty', 'r'));
  } catch {
    throw new NoTerminalInputError();
  }
  return {
    stream: stream as unknown as NodeJS.ReadStream,
    close: () => {
      stream.destroy();
    },
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runTui(options: RunTuiOptions): Promise<number> {
  const exportPath = options.exportPath ?? defaultExportPath(options.sourcePath, options.targetPath);
  const isColorEnabled = isColorWanted(process.env);
  const { stdout } = process;
  let exitCode = EXIT_OK;
  let hasExited = false;
  let loadState: LoadState = { phase: 'loading', progress: null };
  let lastProgressDraw = 0;

  const view = () => (
    <App
      sourcePath={options.sourcePath}
      targetPath={options.targetPath}
      load={loadState}
      exportPath={exportPath}
      exportCsv={options.exportCsv}
      onExit={(code) => {
        exitCode = code;
      }}
      isColorEnabled={isColorEnabled}
    />
  );

  const input = openTerminalInput();
  const isAlternateScreen = stdout.isTTY === true;
  if (isAlternateScreen) stdout.write(ENTER_ALTERNATE_SCREEN);
  try {
    const instance = render(view(), {
      stdin: input.stream,
      // Ctrl-C is a key like q: the app quits through the same path and returns exit code 0.
      exitOnCtrlC: false,
      // Ink's incremental line diff (6.8) duplicated rows after a few scrolls in tmux; full redraws are correct.
      incrementalRendering: false,
    });
    const show = (next: LoadState): void => {
      if (hasExited) return;
      loadState = next;
      instance.rerender(view());
    };
    const onProgress = (event: ProgressEvent): void => {
      const now = Date.now();
      const isLast = event.done >= event.total;
      const stageChanged = loadState.phase === 'loading' && loadState.progress?.stage !== event.stage;
      if (!isLast && !stageChanged && now - lastProgressDraw < PROGRESS_REDRAW_MS) return;
      lastProgressDraw = now;
      show({ phase: 'loading', progress: event });
    };
    // Through a promise, so that a load that throws at once still ends on the error screen.
    Promise.resolve()
      .then(() => options.load(onProgress))
      .then(
        (alignment) => show({ phase: 'ready', alignment }),
        (error: unknown) => show({ phase: 'failed', message: errorMessage(error) }),
      );
    await instance.waitUntilExit();
    hasExited = true;
  } finally {
    if (isAlternateScreen) stdout.write(LEAVE_ALTERNATE_SCREEN);
    input.close();
  }
  return exitCode;
}
