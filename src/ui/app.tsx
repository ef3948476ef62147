/** The review UI. `App` takes the load state as plain readonly props and never touches `process`, so tests render
 * it with fixture alignments; run-tui.tsx feeds it from the pipeline. */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
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
  progressLines,
  tooSmallLines,
} from './screen-lines.js';
import { useTerminalSize } from './use-terminal-size.js';
import {
  commandsForInput,
  createViewState,
  reduceView,
  selectedPair,
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
  if (load.phase === 'loading') {
    return (
      <QuitOnKey exitCode={EXIT_OK} onExit={props.onExit}>
        <LoadingScreen
          sourcePath={props.sourcePath}
          targetPath={props.targetPath}
          progress={load.progress}
          columns={size.columns}
          isColorEnabled={props.isColorEnabled}
        />
      </QuitOnKey>
    );
  }
  return (
    <QuitOnKey exitCode={EXIT_LOAD_FAILED} onExit={props.onExit}>
      <Lines lines={errorLines(load.message, size.columns)} isColorEnabled={props.isColorEnabled} />
    </QuitOnKey>
  );
}

/** How often the spinner moves: about eight frames a second reads as alive without costing anything. */
export const SPINNER_INTERVAL_MS = 120;

interface LoadingScreenProps {
  readonly sourcePath: string;
  readonly targetPath: string;
  readonly progress: ProgressEvent | null;
  readonly columns: number;
  readonly isColorEnabled: boolean;
}

function LoadingScreen({ sourcePath, targetPath, progress, columns, isColorEnabled }: LoadingScreenProps) {
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
  return <Lines lines={progressLines(sourcePath, targetPath, progress, columns, clock)} isColorEnabled={isColorEnabled} />;
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

function useQuit(onExit: ((exitCode: number) => void) | undefined): (exitCode: number) => void {
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

interface ReviewScreenProps {
  readonly alignment: Alignment;
  readonly size: TerminalSize;
  readonly exportPath: string;
  readonly exportCsv: (alignment: Alignment, outPath: string) => Promise<void>;
  readonly onExit: ((exitCode: number) => void) | undefined;
  readonly isColorEnabled: boolean;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function ReviewScreen({ alignment, size, exportPath, exportCsv, onExit, isColorEnabled }: ReviewScreenProps) {
  const model = useMemo(() => buildReviewModel(alignment), [alignment]);
  const [state, setState] = useState<ViewState>(() => createViewState(model, size));
  // Key presses can arrive faster than React re-renders; they all read and write the latest state through this.
  const stateRef = useRef(state);
  const apply = useCallback((action: ViewAction) => {
    stateRef.current = reduceView(stateRef.current, action);
    setState(stateRef.current);
  }, []);
  const quit = useQuit(onExit);
  const isExporting = useRef(false);

  useEffect(() => {
    const current = stateRef.current.size;
    if (current.columns !== size.columns || current.rows !== size.rows) apply({ type: 'resize', size });
  }, [size, apply]);

  const runExport = useCallback(() => {
    if (isExporting.current) return;
    isExporting.current = true;
    apply({ type: 'show-message', message: { text: `exporting to ${exportPath}…`, tone: 'info' } });
    exportCsv(alignment, exportPath).then(
      () => {
        const count = alignment.pairs.length;
        apply({ type: 'show-message', message: { text: `exported ${count} pairs to ${exportPath}`, tone: 'info' } });
      },
      (error: unknown) => {
        apply({ type: 'show-message', message: { text: `export failed: ${errorText(error)}`, tone: 'error' } });
      },
    ).finally(() => {
      isExporting.current = false;
    });
  }, [alignment, apply, exportCsv, exportPath]);

  const onInput = useCallback(
    (input: string, key: Key) => {
      for (const command of commandsForInput(stateRef.current, input, key)) {
        if (command.type === 'quit') {
          quit(EXIT_OK);
          return;
        }
        if (command.type === 'export') runExport();
        else apply(command);
      }
    },
    [apply, quit, runExport],
  );
  useInput(onInput);

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
    ? helpLines(size.columns, layout.list + layout.detail)
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
