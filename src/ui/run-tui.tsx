/** Entry points of the interactive review: show progress while the alignment is computed, then the review screen
 * (two files) or the versions overview (three or more). Each resolves with the exit code once the user quits; none
 * calls process.exit, so the caller decides. The terminal is the FrameWriter's: Ink runs the components and reads
 * the keys, but writes nothing (its stdout here is a stand-in that takes no writes). */
import { existsSync, openSync, closeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ReadStream } from 'node:tty';
import type { ReactElement } from 'react';
import { render } from 'ink';
import type { EditHistory } from '../edit/history.js';
import type { EditJudge } from '../edit/judge.js';
import { readText } from '../text/read-document.js';
import type { Alignment, ProgressEvent } from '../types.js';
import type { MultiAlignment } from '../versions.js';
import { App, ReviewScreen, type ReviewEffects } from './review/app.js';
import { editorCommand, lineAndColumn } from './shared/editor.js';
import { FrameWriter } from './shared/frame-writer.js';
import { EXIT_OK } from './shared/not-ready.js';
import { FrameContext } from './shared/screen.js';
import { info, type StatusMessage } from './shared/status.js';
import { isColorWanted } from './shared/theme.js';
import { VersionsApp, type NestedReviewProps } from './versions/versions-app.js';

/** What the review shows once loaded: the alignment, and what to say about where it came from (a resumed session). */
export interface LoadedReview {
  readonly alignment: Alignment;
  readonly notice?: string;
  /** A resumed session's undo history. */
  readonly history?: EditHistory;
}

export interface RunTuiOptions {
  readonly sourcePath: string;
  readonly targetPath: string;
  readonly load: (onProgress: (e: ProgressEvent) => void) => Promise<LoadedReview>;
  /** `e`: writes the alignment to the path in the format of its extension; resolves with warnings to show. */
  readonly exportAlignment: (alignment: Alignment, outPath: string) => Promise<readonly string[]>;
  /** Where `e` writes; by default `<source>.<target>.selaras.csv` in the current directory. */
  readonly exportPath?: string;
  /** `w`: the session file and how to write it. */
  readonly session?: ReviewEffects['session'];
  /** J x L S: the engine that scores the pairs they make. */
  readonly judge?: EditJudge;
}

/** Progress events can come thousands a second; redrawing 20 times a second keeps the bar smooth. */
export const PROGRESS_REDRAW_MS = 50;

/** The alternate screen: the review takes the whole terminal and quitting gives back what was there before. */
const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const HIDE_CURSOR = '\u001B[?25l';
const SHOW_CURSOR = '\u001B[?25h';
/** Mouse reports: button presses and the wheel (1000), in the SGR encoding that has no column limit (1006). */
const MOUSE_ON = '\u001B[?1000h\u001B[?1006h';
const MOUSE_OFF = '\u001B[?1006l\u001B[?1000l';

/** OSC 52: the terminal (and tmux, with set-clipboard on) puts the text on the system clipboard. */
export function clipboardSequence(text: string): string {
  return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

function pairStem(sourcePath: string, targetPath: string): string {
  const stem = (file: string): string => path.parse(file).name;
  return `${stem(sourcePath)}.${stem(targetPath)}`;
}

/** `voi.en.txt` + `bulelengpost.id.txt` -> `voi.en.bulelengpost.id.selaras.csv` (last extension dropped). */
export function defaultExportPath(sourcePath: string, targetPath: string): string {
  return `${pairStem(sourcePath, targetPath)}.selaras.csv`;
}

/** Where `w` writes without --session: `voi.en.bulelengpost.id.selaras-session.json` in the current folder. */
export function defaultSessionPath(sourcePath: string, targetPath: string): string {
  return `${pairStem(sourcePath, targetPath)}.selaras-session.json`;
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

/** Ink's stdout: the terminal's size and resize events, but no writes (the FrameWriter draws). */
function silentStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  return new Proxy(stdout, {
    get(target, property) {
      // Ink waits for its last write to flush before it says it exited: the callback must still come.
      if (property === 'write') {
        return (_chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
          const done = typeof encoding === 'function' ? encoding : callback;
          if (typeof done === 'function') process.nextTick(done as () => void);
          return true;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The terminal as the UI uses it: entered (alternate screen, no cursor, mouse reports) and left as it was, and
 * handed over to another program (the editor) for a while. */
interface Terminal {
  readonly writer: FrameWriter;
  readonly input: TerminalInput;
  readonly enter: () => void;
  readonly leave: () => void;
}

function openTerminal(): Terminal {
  const { stdout } = process;
  const input = openTerminalInput();
  const writer = new FrameWriter({ write: (text) => stdout.write(text) });
  const isTerminal = stdout.isTTY === true;
  return {
    writer,
    input,
    enter: () => {
      if (isTerminal) stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR + MOUSE_ON);
      writer.invalidate();
    },
    leave: () => {
      if (isTerminal) stdout.write(MOUSE_OFF + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
    },
  };
}

/** Opens a sentence of a file in $VISUAL or $EDITOR (vi when neither is set), with the terminal handed over while
 * it runs. Resolves with why it could not, or null. */
async function openInEditor(terminal: Terminal, file: string, offset: number): Promise<string | null> {
  let text: string;
  let format: string;
  try {
    ({ text, format } = await readText(file));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  // HTML offsets point into the page's visible text: no line of the source file corresponds to them.
  if (format === 'html') return `${file}: an HTML file's sentences are its visible text, which has no line in the source to open`;
  const { line, column } = lineAndColumn(text, offset);
  const editor = process.env['VISUAL'] ?? process.env['EDITOR'] ?? 'vi';
  const { command, args } = editorCommand(editor, file, line, column);
  const stream = terminal.input.stream as NodeJS.ReadStream & { setRawMode?: (mode: boolean) => void };
  // The editor reads the terminal, not a pipe that may be standard input.
  const tty = process.stdin.isTTY ? null : openSync('/dev/tty', 'r+');
  terminal.leave();
  stream.setRawMode?.(false);
  try {
    const result = spawnSync(command, [...args], { stdio: [tty ?? 'inherit', 'inherit', 'inherit'] });
    if (result.error !== undefined) return `could not start the editor "${command}" (${result.error.message}) — set VISUAL or EDITOR to yours`;
    return result.status === 0 ? null : `the editor "${command}" ended with exit code ${result.status}`;
  } finally {
    if (tty !== null) closeSync(tty);
    stream.setRawMode?.(true);
    terminal.enter();
  }
}

/** Shows `view` in the alternate screen, feeds it the load's progress and outcome, and resolves with the exit code
 * the view reports once the user quits (Ink unmounted, the terminal restored). A load still running then is left
 * behind: the caller stops it (the worker ends at once). */
async function runLoadingView<T>(
  terminal: Terminal,
  load: (onProgress: (e: ProgressEvent) => void) => Promise<T>,
  view: (state: Loaded<T>, onExit: (code: number) => void) => ReactElement,
): Promise<number> {
  let exitCode = EXIT_OK;
  let hasExited = false;
  let loadState: Loaded<T> = { phase: 'loading', progress: null };
  let lastProgressDraw = 0;
  const onExit = (code: number): void => {
    exitCode = code;
  };
  const withTerminal = (element: ReactElement): ReactElement => <FrameContext.Provider value={terminal.writer}>{element}</FrameContext.Provider>;
  terminal.enter();
  try {
    const instance = render(withTerminal(view(loadState, onExit)), {
      stdin: terminal.input.stream,
      stdout: silentStdout(process.stdout),
      // Ctrl-C is a key like q: the app quits through the same path and returns exit code 0.
      exitOnCtrlC: false,
      patchConsole: false,
    });
    const show = (next: Loaded<T>): void => {
      if (hasExited) return;
      loadState = next;
      instance.rerender(withTerminal(view(loadState, onExit)));
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
    terminal.leave();
    terminal.input.close();
  }
  return exitCode;
}

export async function runTui(options: RunTuiOptions): Promise<number> {
  const exportPath = options.exportPath ?? defaultExportPath(options.sourcePath, options.targetPath);
  const isColorEnabled = isColorWanted(process.env);
  const terminal = openTerminal();
  const effects: ReviewEffects = {
    exportPath,
    exportAlignment: options.exportAlignment,
    fileExists: existsSync,
    ...(options.session === undefined ? {} : { session: options.session }),
    ...(options.judge === undefined ? {} : { judge: options.judge }),
    copyToClipboard: (text) => terminal.writer.writeRaw(clipboardSequence(text)),
    openEditor: (alignment, side, sentence) => openInEditor(terminal, alignment[side].path, alignment[side].sentences[sentence]?.start ?? 0),
  };
  return runLoadingView(terminal, options.load, (state, onExit) => {
    const notice: StatusMessage | undefined =
      state.phase === 'ready' && state.value.notice !== undefined ? info(state.value.notice, options.session?.path) : undefined;
    return (
      <App
        sourcePath={options.sourcePath}
        targetPath={options.targetPath}
        load={state.phase === 'ready' ? { phase: 'ready', alignment: state.value.alignment } : state}
        effects={effects}
        onExit={onExit}
        isColorEnabled={isColorEnabled}
        {...(notice === undefined ? {} : { notice })}
        {...(state.phase === 'ready' && state.value.history !== undefined ? { history: state.value.history } : {})}
      />
    );
  });
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
  const { exportPath, exportCsv, ...rest } = props;
  return <ReviewScreen {...rest} effects={{ exportPath, exportAlignment: (alignment, outPath) => exportCsv(alignment, outPath).then(() => []) }} />;
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
  return runLoadingView(openTerminal(), options.load, (state, onExit) => (
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
