/** The review UI. `App` takes the load state as plain readonly props and never touches `process`, so tests render
 * it with fixture alignments; run-tui.tsx feeds it from the pipeline. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Box, useInput, type Key } from 'ink';
import type { Alignment } from '../../types.js';
import { Lines, StyledLine } from '../shared/components.js';
import { tooSmallLines } from '../shared/frame-lines.js';
import { isTooSmall, screenLayout, type TerminalSize } from '../shared/layout.js';
import { EXIT_OK, NotReadyScreen, useExport, useQuit, type KeyRouter, type NotReadyLoad } from '../shared/not-ready.js';
import type { StatusMessage } from '../shared/status.js';
import { useTerminalSize } from '../shared/use-terminal-size.js';
import { detailLineCount, detailLines } from './pair-lines.js';
import { buildReviewModel } from './review-model.js';
import { columnHeaderLine, footerLine, headerLines, helpLines, listLines } from './screen-lines.js';
import {
  commandsForInput,
  createViewState,
  keyTablesOf,
  reduceView,
  selectedPair,
  type ViewAction,
  type ViewState,
} from './view-state.js';

export type LoadState = NotReadyLoad | { readonly phase: 'ready'; readonly alignment: Alignment };

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
