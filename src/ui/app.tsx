/** The review UI. `App` takes the load state as plain readonly props and never touches `process`, so tests render
 * it with fixture alignments; run-tui.tsx feeds it from the pipeline. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Box, useApp, useInput, type Key } from 'ink';
import type { Alignment, ProgressEvent } from '../types.js';
import { Lines, StyledLine } from './components.js';
import { isTooSmall, screenLayout, type TerminalSize } from './layout.js';
import { buildReviewModel } from './review-model.js';
import {
  columnHeaderLine,
  detailLineCount,
  detailLines,
  errorLines,
  footerLine,
  headerLines,
  helpLines,
  listLines,
  progressLinesFor,
  tooSmallLines,
} from './screen-lines.js';
import { useTerminalSize } from './use-terminal-size.js';
import {
  commandsForInput,
  createViewState,
  keyTablesOf,
  reduceView,
  selectedPair,
  type StatusMessage,
  type ViewAction,
  type ViewState,
} from './view-state.js';

export type LoadState =
  | { readonly phase: 'loading'; readonly progress: ProgressEvent | null }
  | { readonly phase: 'failed'; readonly message: string }
  | { readonly phase: 'ready'; readonly alignment: Alignment };

/** Exit codes the app reports through `onExit`. */
export const EXIT_OK = 0;
/** Quitting from the error screen: the alignment did not happen. */
export const EXIT_LOAD_FAILED = 1;

export interface AppProps {
  readonly sourcePath: string;
  readonly targetPath: string;
  readonly load: LoadState;
  /** Where `e` writes the CSV, as shown to the user. */
  readonly exportPath: string;
  readonly exportCsv: (alignment: Alignment, outPath: string) => Promise<void>;
  /** Called once, with the exit code, when the user quits; the app then unmounts itself. */
  readonly onExit?: (exitCode: number) => void;
  readonly isColorEnabled: boolean;
  /** A fixed size (tests); by default the terminal's, following resizes. */
  readonly size?: TerminalSize;
}

export function App(props: AppProps) {
  const terminalSize = useTerminalSize();
  const size = props.size ?? terminalSize;
  const { load } = props;
  if (load.phase === 'ready') {
    return (
      <ReviewScreen
        key={identityKey(load.alignment)}
        alignment={load.alignment}
        size={size}
        exportPath={props.exportPath}
        exportCsv={props.exportCsv}
        onExit={props.onExit}
        isColorEnabled={props.isColorEnabled}
      />
    );
  }
  return (
    <NotReadyScreen
      paths={[props.sourcePath, props.targetPath]}
      load={load}
      columns={size.columns}
      onExit={props.onExit}
      isColorEnabled={props.isColorEnabled}
    />
  );
}

export interface NotReadyScreenProps {
  readonly paths: readonly string[];
  readonly load: Exclude<LoadState, { readonly phase: 'ready' }>;
  readonly columns: number;
  readonly onExit: ((exitCode: number) => void) | undefined;
  readonly isColorEnabled: boolean;
}

/** The progress screen while loading, the error screen after a failed load; q quits both. */
export function NotReadyScreen({ paths, load, columns, onExit, isColorEnabled }: NotReadyScreenProps) {
  if (load.phase === 'loading') {
    return (
      <QuitOnKey exitCode={EXIT_OK} onExit={onExit}>
        <LoadingScreen paths={paths} progress={load.progress} columns={columns} isColorEnabled={isColorEnabled} />
      </QuitOnKey>
    );
  }
  return (
    <QuitOnKey exitCode={EXIT_LOAD_FAILED} onExit={onExit}>
      <Lines lines={errorLines(load.message, columns)} isColorEnabled={isColorEnabled} />
    </QuitOnKey>
  );
}

/** How often the spinner moves: about eight frames a second reads as alive without costing anything. */
export const SPINNER_INTERVAL_MS = 120;

interface LoadingScreenProps {
  readonly paths: readonly string[];
  readonly progress: ProgressEvent | null;
  readonly columns: number;
  readonly isColorEnabled: boolean;
}

function LoadingScreen({ paths, progress, columns, isColorEnabled }: LoadingScreenProps) {
  const [clock, setClock] = useState({ tick: 0, elapsedMs: 0 });
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      setClock((previous) => ({ tick: previous.tick + 1, elapsedMs: Date.now() - started }));
    }, SPINNER_INTERVAL_MS);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return <Lines lines={progressLinesFor(paths, progress, columns, clock)} isColorEnabled={isColorEnabled} />;
}

/** A new alignment object means a fresh view state. */
const alignmentKeys = new WeakMap<Alignment, number>();
let nextAlignmentKey = 0;
function identityKey(alignment: Alignment): number {
  let key = alignmentKeys.get(alignment);
  if (key === undefined) {
    nextAlignmentKey += 1;
    key = nextAlignmentKey;
    alignmentKeys.set(alignment, key);
  }
  return key;
}

export function useQuit(onExit: ((exitCode: number) => void) | undefined): (exitCode: number) => void {
  const { exit } = useApp();
  const hasQuit = useRef(false);
  return useCallback(
    (exitCode: number) => {
      if (hasQuit.current) return;
      hasQuit.current = true;
      onExit?.(exitCode);
      exit();
    },
    [exit, onExit],
  );
}

interface QuitOnKeyProps {
  readonly exitCode: number;
  readonly onExit: ((exitCode: number) => void) | undefined;
  readonly children: ReactNode;
}

/** The progress and error screens: q or Ctrl-C quits, nothing else is bound. */
function QuitOnKey({ exitCode, onExit, children }: QuitOnKeyProps) {
  const quit = useQuit(onExit);
  useInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) quit(exitCode);
  });
  return <>{children}</>;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs an export once at a time, saying in the status line that it started, and then how it went. */
export function useExport(show: (message: StatusMessage) => void): (write: () => Promise<void>, outPath: string, done: string) => void {
  const isExporting = useRef(false);
  return useCallback(
    (write, outPath, done) => {
      if (isExporting.current) return;
      isExporting.current = true;
      show({ text: `exporting to ${outPath}…`, tone: 'info' });
      write()
        .then(
          () => show({ text: done, tone: 'info' }),
          (error: unknown) => show({ text: `export failed: ${errorText(error)}`, tone: 'error' }),
        )
        .finally(() => {
          isExporting.current = false;
        });
    },
    [show],
  );
}

export interface ReviewScreenProps {
  readonly alignment: Alignment;
  readonly size: TerminalSize;
  readonly exportPath: string;
  readonly exportCsv: (alignment: Alignment, outPath: string) => Promise<void>;
  readonly onExit: ((exitCode: number) => void) | undefined;
  readonly isColorEnabled: boolean;
  /** The pair selected first (an index into alignment.pairs). */
  readonly initialPair?: number;
  /** Given when the review was opened from the versions overview: `v` calls it with the selected pair. */
  readonly onBack?: (pairIndex: number | null) => void;
  /** Given when a parent reads the keys and passes them on: the review puts its key handler here instead of
   * listening itself (see versions-app.tsx). */
  readonly keyRouter?: KeyRouter;
}

/** Where a screen that does not listen for keys itself puts its handler. */
export interface KeyRouter {
  current: ((input: string, key: Key) => void) | null;
}

export function ReviewScreen(props: ReviewScreenProps) {
  const { alignment, size, exportPath, exportCsv, onExit, isColorEnabled, initialPair, onBack, keyRouter } = props;
  const model = useMemo(() => buildReviewModel(alignment), [alignment]);
  const [state, setState] = useState<ViewState>(() =>
    createViewState(model, size, { canGoBack: onBack !== undefined, ...(initialPair === undefined ? {} : { initialPair }) }),
  );
  // Key presses can arrive faster than React re-renders; they all read and write the latest state through this.
  const stateRef = useRef(state);
  const apply = useCallback((action: ViewAction) => {
    stateRef.current = reduceView(stateRef.current, action);
    setState(stateRef.current);
  }, []);
  const quit = useQuit(onExit);
  const show = useCallback((message: StatusMessage) => apply({ type: 'show-message', message }), [apply]);
  const startExport = useExport(show);

  useEffect(() => {
    const current = stateRef.current.size;
    if (current.columns !== size.columns || current.rows !== size.rows) apply({ type: 'resize', size });
  }, [size, apply]);

  const onInput = useCallback(
    (input: string, key: Key) => {
      for (const command of commandsForInput(stateRef.current, input, key)) {
        if (command.type === 'quit') {
          quit(EXIT_OK);
          return;
        }
        if (command.type === 'back') {
          onBack?.(selectedPair(stateRef.current));
          return;
        }
        if (command.type === 'export') {
          startExport(() => exportCsv(alignment, exportPath), exportPath, `exported ${alignment.pairs.length} pairs to ${exportPath}`);
        } else apply(command);
      }
    },
    [alignment, apply, exportCsv, exportPath, onBack, quit, startExport],
  );
  useInput(onInput, { isActive: keyRouter === undefined });
  // A layout effect runs in the same commit that draws the review, so no key can come between the two.
  useLayoutEffect(() => {
    if (keyRouter === undefined) return undefined;
    keyRouter.current = onInput;
    return () => {
      keyRouter.current = null;
    };
  }, [keyRouter, onInput]);

  return <ReviewView state={state} isColorEnabled={isColorEnabled} />;
}

export interface ReviewViewProps {
  readonly state: ViewState;
  readonly isColorEnabled: boolean;
}

/** One frame of the review screen for a view state. */
export function ReviewView({ state, isColorEnabled }: ReviewViewProps) {
  const { size, model } = state;
  if (isTooSmall(size)) return <Lines lines={tooSmallLines(size)} isColorEnabled={isColorEnabled} />;
  const pairIndex = selectedPair(state);
  const detailWanted =
    state.isDetailOpen && pairIndex !== null ? detailLineCount(model, pairIndex, size.columns) : null;
  const layout = screenLayout(size, detailWanted);
  const body = state.isHelpOpen
    ? helpLines(size.columns, layout.list + layout.detail, keyTablesOf(state))
    : [
        ...listLines(state, layout.list),
        ...(pairIndex !== null && layout.detail > 0 ? detailLines(model, pairIndex, size.columns, layout.detail) : []),
      ];
  return (
    <Box flexDirection="column">
      <Lines lines={headerLines(model, size.columns)} isColorEnabled={isColorEnabled} />
      <StyledLine line={columnHeaderLine(model.alignment, size.columns)} isColorEnabled={isColorEnabled} />
      <Lines lines={body} isColorEnabled={isColorEnabled} />
      <StyledLine line={footerLine(state)} isColorEnabled={isColorEnabled} />
    </Box>
  );
}
