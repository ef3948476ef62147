/** The UI for three or more versions: an overview with one column per version that fits, and the two-version
 * review of the pivot and the chosen version (the review screen of app.tsx) one key away. Takes plain readonly
 * props and never touches `process`, like `App`. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, useInput, type Key } from 'ink';
import type { Alignment, ProgressEvent } from '../types.js';
import type { MultiAlignment } from '../versions.js';
import { EXIT_OK, NotReadyScreen, ReviewScreen, useExport, useQuit, type KeyRouter } from './app.js';
import { Lines, StyledLine } from './components.js';
import { bodyRows, isTooSmall, type TerminalSize } from './layout.js';
import { tooSmallLines } from './screen-lines.js';
import { useTerminalSize } from './use-terminal-size.js';
import type { StatusMessage } from './view-state.js';
import {
  overviewColumnHeaderLine,
  overviewFooterLine,
  overviewHeaderLines,
  overviewHelpLines,
  overviewListLines,
} from './versions-lines.js';
import { buildVersionsModel, pairForRow } from './versions-model.js';
import {
  commandsForOverviewInput,
  createOverviewState,
  reduceOverview,
  type OverviewAction,
  type OverviewState,
} from './versions-state.js';

export type VersionsLoadState =
  | { readonly phase: 'loading'; readonly progress: ProgressEvent | null }
  | { readonly phase: 'failed'; readonly message: string }
  | { readonly phase: 'ready'; readonly multi: MultiAlignment };

export interface VersionsAppProps {
  /** The files, the pivot first (shown while loading). */
  readonly paths: readonly string[];
  readonly load: VersionsLoadState;
  /** Where `e` in the overview writes the versions CSV, as shown to the user. */
  readonly exportPath: string;
  readonly exportCsv: (multi: MultiAlignment, outPath: string) => Promise<void>;
  /** Where `e` in the two-version review writes that pair's CSV. */
  readonly pairExportPath: (alignment: Alignment) => string;
  readonly exportPairCsv: (alignment: Alignment, outPath: string) => Promise<void>;
  /** Called once, with the exit code, when the user quits; the app then unmounts itself. */
  readonly onExit?: (exitCode: number) => void;
  readonly isColorEnabled: boolean;
  /** A fixed size (tests); by default the terminal's, following resizes. */
  readonly size?: TerminalSize;
}

export function VersionsApp(props: VersionsAppProps) {
  const terminalSize = useTerminalSize();
  const size = props.size ?? terminalSize;
  const { load } = props;
  if (load.phase === 'ready') {
    return (
      <VersionsScreen
        multi={load.multi}
        size={size}
        exportPath={props.exportPath}
        exportCsv={props.exportCsv}
        pairExportPath={props.pairExportPath}
        exportPairCsv={props.exportPairCsv}
        onExit={props.onExit}
        isColorEnabled={props.isColorEnabled}
      />
    );
  }
  return (
    <NotReadyScreen paths={props.paths} load={load} columns={size.columns} onExit={props.onExit} isColorEnabled={props.isColorEnabled} />
  );
}

interface VersionsScreenProps extends Omit<VersionsAppProps, 'paths' | 'load' | 'size' | 'onExit'> {
  readonly multi: MultiAlignment;
  readonly size: TerminalSize;
  readonly onExit: ((exitCode: number) => void) | undefined;
}

/** The version and pair the two-version review shows, while it is open. */
interface OpenReview {
  readonly version: number;
  readonly pairIndex: number | undefined;
}

function VersionsScreen(props: VersionsScreenProps) {
  const { multi, size, exportPath, exportCsv, pairExportPath, exportPairCsv, onExit, isColorEnabled } = props;
  const model = useMemo(() => buildVersionsModel(multi), [multi]);
  const [state, setState] = useState<OverviewState>(() => createOverviewState(model, size));
  // Key presses can arrive faster than React re-renders; they all read and write the latest state through this.
  const stateRef = useRef(state);
  const apply = useCallback((action: OverviewAction) => {
    stateRef.current = reduceOverview(stateRef.current, action);
    setState(stateRef.current);
  }, []);
  const [review, setReview] = useState<OpenReview | null>(null);
  const quit = useQuit(onExit);
  const show = useCallback((message: StatusMessage) => apply({ type: 'show-message', message }), [apply]);
  const startExport = useExport(show);

  useEffect(() => {
    const current = stateRef.current.size;
    if (current.columns !== size.columns || current.rows !== size.rows) apply({ type: 'resize', size });
  }, [size, apply]);

  // While the review is open it puts its key handler here, and this screen's handler passes the keys on.
  const reviewKeys = useRef<KeyRouter>({ current: null }).current;
  const isReviewOpen = useRef(false);

  const onInput = useCallback(
    (input: string, key: Key) => {
      if (isReviewOpen.current) {
        reviewKeys.current?.(input, key);
        return;
      }
      for (const command of commandsForOverviewInput(stateRef.current, input, key)) {
        switch (command.type) {
          case 'quit':
            quit(EXIT_OK);
            return;
          case 'open': {
            const { cursor, chosen } = stateRef.current;
            isReviewOpen.current = true;
            setReview({ version: chosen, pairIndex: pairForRow(model, cursor, chosen) ?? undefined });
            return;
          }
          case 'export':
            startExport(() => exportCsv(multi, exportPath), exportPath, `exported ${multi.rows.length} rows to ${exportPath}`);
            break;
          default:
            apply(command);
        }
      }
    },
    [apply, exportCsv, exportPath, model, multi, reviewKeys, quit, startExport],
  );
  // One handler for both screens, always listening: switching handlers over would leave a moment between the
  // review being drawn and its own handler listening (effects run after the frame), and keys typed then were lost.
  useInput(onInput);

  const onBack = useCallback(
    (pairIndex: number | null) => {
      if (review === null) return;
      isReviewOpen.current = false;
      apply({ type: 'return-from-review', version: review.version, pairIndex });
      setReview(null);
    },
    [apply, review],
  );

  const alignment = review === null ? undefined : multi.alignments[review.version];
  if (review !== null && alignment !== undefined) {
    return (
      <ReviewScreen
        alignment={alignment}
        size={size}
        exportPath={pairExportPath(alignment)}
        exportCsv={exportPairCsv}
        onExit={onExit}
        isColorEnabled={isColorEnabled}
        {...(review.pairIndex === undefined ? {} : { initialPair: review.pairIndex })}
        onBack={onBack}
        keyRouter={reviewKeys}
      />
    );
  }
  return <OverviewView state={state} isColorEnabled={isColorEnabled} />;
}

export interface OverviewViewProps {
  readonly state: OverviewState;
  readonly isColorEnabled: boolean;
}

/** One frame of the versions overview. */
export function OverviewView({ state, isColorEnabled }: OverviewViewProps) {
  const { size } = state;
  if (isTooSmall(size)) return <Lines lines={tooSmallLines(size)} isColorEnabled={isColorEnabled} />;
  const rows = bodyRows(size);
  const body = state.isHelpOpen ? overviewHelpLines(size.columns, rows) : overviewListLines(state, rows);
  return (
    <Box flexDirection="column">
      <Lines lines={overviewHeaderLines(state)} isColorEnabled={isColorEnabled} />
      <StyledLine line={overviewColumnHeaderLine(state)} isColorEnabled={isColorEnabled} />
      <Lines lines={body} isColorEnabled={isColorEnabled} />
      <StyledLine line={overviewFooterLine(state)} isColorEnabled={isColorEnabled} />
    </Box>
  );
}
