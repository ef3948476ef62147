/** Entry points of the interactive review: show progress while the alignment is computed, then the review screen
 * (two files) or the versions overview (three or more). Each resolves with the exit code once the user quits; none
 * calls process.exit, so the caller decides. */
import { openSync } from 'node:fs';
import path from 'node:path';
import { ReadStream } from 'node:tty';
import type { ReactElement } from 'react';
import { render } from 'ink';
import type { Alignment, ProgressEvent } from '../types.js';
import type { MultiAlignment } from '../versions.js';
import { App, ReviewScreen } from './review/app.js';
import { EXIT_OK } from './shared/not-ready.js';
import { isColorWanted } from './shared/theme.js';
import { VersionsApp, type NestedReviewProps } from './versions/versions-app.js';

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

/** What the screen shows while the load runs, after it failed, and once it is done. */
type Loaded<T> =
  | { readonly phase: 'loading'; readonly progress: ProgressEvent | null }
  | { readonly phase: 'failed'; readonly message: string }
  | { readonly phase: 'ready'; readonly value: T };

/** Shows `view` in the alternate screen, feeds it the load's progress and outcome, and resolves with the exit code
 * the view reports once the user quits (Ink unmounted, the terminal restored). A load still running then is left
 * behind: the caller decides whether to wait for it. */
async function runLoadingView<T>(
  load: (onProgress: (e: ProgressEvent) => void) => Promise<T>,
  view: (state: Loaded<T>, onExit: (code: number) => void) => ReactElement,
): Promise<number> {
  const { stdout } = process;
  let exitCode = EXIT_OK;
  let hasExited = false;
  let loadState: Loaded<T> = { phase: 'loading', progress: null };
  let lastProgressDraw = 0;
  const onExit = (code: number): void => {
    exitCode = code;
  };

  const input = openTerminalInput();
  const isAlternateScreen = stdout.isTTY === true;
  if (isAlternateScreen) stdout.write(ENTER_ALTERNATE_SCREEN);
  try {
    const instance = render(view(loadState, onExit), {
      stdin: input.stream,
      // Ctrl-C is a key like q: the app quits through the same path and returns exit code 0.
      exitOnCtrlC: false,
      // Ink's incremental line diff (6.8) duplicated rows after a few scrolls in tmux; full redraws are correct.
      incrementalRendering: false,
    });
    const show = (next: Loaded<T>): void => {
      if (hasExited) return;
      loadState = next;
      instance.rerender(view(loadState, onExit));
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
      .then(() => load(onProgress))
      .then(
        (value) => show({ phase: 'ready', value }),
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

export async function runTui(options: RunTuiOptions): Promise<number> {
  const exportPath = options.exportPath ?? defaultExportPath(options.sourcePath, options.targetPath);
  const isColorEnabled = isColorWanted(process.env);
  return runLoadingView(options.load, (state, onExit) => (
    <App
      sourcePath={options.sourcePath}
      targetPath={options.targetPath}
      load={state.phase === 'ready' ? { phase: 'ready', alignment: state.value } : state}
      exportPath={exportPath}
      exportCsv={options.exportCsv}
      onExit={onExit}
      isColorEnabled={isColorEnabled}
    />
  ));
}

export interface RunVersionsTuiOptions {
  /** The files, the pivot first. */
  readonly paths: readonly string[];
  readonly load: (onProgress: (e: ProgressEvent) => void) => Promise<MultiAlignment>;
  /** `e` in the overview: all versions as one CSV. */
  readonly exportCsv: (multi: MultiAlignment, outPath: string) => Promise<void>;
  /** `e` in the two-version review: the pivot and that version as one CSV. */
  readonly exportPairCsv: (alignment: Alignment, outPath: string) => Promise<void>;
  /** Where the overview's `e` writes; by default `<pivot>.versions.selaras.csv` in the current directory. The
   * two-version review writes `<pivot>.<version>.selaras.csv` in the same folder. */
  readonly exportPath?: string;
}

/** The two-version review the versions overview opens with Enter. */
function renderNestedReview(props: NestedReviewProps): ReactElement {
  return <ReviewScreen {...props} />;
}

/** `jakarta.en.txt` -> `jakarta.en.versions.selaras.csv`. */
export function defaultVersionsExportPath(pivotPath: string): string {
  return `${path.parse(pivotPath).name}.versions.selaras.csv`;
}

/** Where the two-version review exports: beside the versions CSV, named for the pair as `runTui` names it. */
export function pairExportPathBeside(versionsExportPath: string, sourcePath: string, targetPath: string): string {
  const folder = path.dirname(versionsExportPath);
  const name = defaultExportPath(sourcePath, targetPath);
  return folder === '.' ? name : path.join(folder, name);
}

/** Entry point of the UI for three or more versions; like `runTui`, resolves with the exit code once the user quits. */
export async function runVersionsTui(options: RunVersionsTuiOptions): Promise<number> {
  const [pivotPath = ''] = options.paths;
  const exportPath = options.exportPath ?? defaultVersionsExportPath(pivotPath);
  const isColorEnabled = isColorWanted(process.env);
  const pairExportPath = (alignment: Alignment): string =>
    pairExportPathBeside(exportPath, alignment.source.path, alignment.target.path);
  return runLoadingView(options.load, (state, onExit) => (
    <VersionsApp
      paths={options.paths}
      load={state.phase === 'ready' ? { phase: 'ready', multi: state.value } : state}
      exportPath={exportPath}
      exportCsv={options.exportCsv}
      pairExportPath={pairExportPath}
      exportPairCsv={options.exportPairCsv}
      renderReview={renderNestedReview}
      onExit={onExit}
      isColorEnabled={isColorEnabled}
    />
  ));
}
