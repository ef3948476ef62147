/** The UI for three or more versions: an overview with one column per version that fits, and the two-version
 * review of the pivot and the chosen version (the review screen of app.tsx) one key away. Takes plain readonly
 * props and never touches `process`, like `App`. */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useInput, type Key } from 'ink';
import type { Alignment } from '../../types.js';
import type { MultiAlignment } from '../../versions.js';
import { tooSmallLines } from '../shared/frame-lines.js';
import { bodyRows, isTooSmall, type Line, type TerminalSize } from '../shared/layout.js';
import { EXIT_OK, NotReadyScreen, useExport, useQuit, type KeyRouter, type NotReadyLoad } from '../shared/not-ready.js';
import type { StatusMessage } from '../shared/status.js';
import { Screen } from '../shared/screen.js';
import { useTerminalSize } from '../shared/use-terminal-size.js';
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

/** What the overview hands the two-version review it opens (the composition root draws it: see run-tui.tsx, so
 * that neither screen imports the other). */
export interface NestedReviewProps {
  readonly alignment: Alignment;
  readonly size: TerminalSize;
  readonly exportPath: string;
  readonly exportCsv: (alignment: Alignment, outPath: string) => Promise<void>;
  readonly onExit: ((exitCode: number) => void) | undefined;
  readonly isColorEnabled: boolean;
  readonly initialPair?: number;
  readonly onBack: (pairIndex: number | null) => void;
  readonly keyRouter: KeyRouter;
}

export type VersionsLoadState = NotReadyLoad | { readonly phase: 'ready'; readonly multi: MultiAlignment };

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
  /** Draws the two-version review that Enter opens. */
  readonly renderReview: (props: NestedReviewProps) => ReactElement;
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
        renderReview={props.renderReview}
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
  const { multi, size, exportPath, exportCsv, pairExportPath, exportPairCsv, renderReview, onExit, isColorEnabled } = props;
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
    return renderReview({
      alignment,
      size,
      exportPath: pairExportPath(alignment),
      exportCsv: exportPairCsv,
      onExit,
      isColorEnabled,
      ...(review.pairIndex === undefined ? {} : { initialPair: review.pairIndex }),
      onBack,
      keyRouter: reviewKeys,
    });
  }
  return <OverviewView state={state} isColorEnabled={isColorEnabled} />;
}

export interface OverviewViewProps {
  readonly state: OverviewState;
  readonly isColorEnabled: boolean;
}

/** Every line of the versions overview for a state. */
export function overviewFrame(state: OverviewState): Line[] {
  const { size } = state;
  if (isTooSmall(size)) return tooSmallLines(size);
  const rows = bodyRows(size);
  const body = state.isHelpOpen ? overviewHelpLines(size.columns, rows) : overviewListLines(state, rows);
  return [...overviewHeaderLines(state), overviewColumnHeaderLine(state), ...body, overviewFooterLine(state)];
}

/** One frame of the versions overview. */
export function OverviewView({ state, isColorEnabled }: OverviewViewProps) {
  const lines = useMemo(() => overviewFrame(state), [state]);
  return <Screen lines={lines} isColorEnabled={isColorEnabled} />;
}
