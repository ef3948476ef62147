/** The review UI. `App` takes the load state and what the keys may do to files as plain readonly props and never
 * touches `process`, so tests render it with fixture alignments and fake effects; run-tui.tsx feeds it from the
 * pipeline. The screen keeps the view state in a pure reducer (view-state.ts) and runs the effects itself: writing
 * files, asking the engine, the clipboard, the editor. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useInput, type Key } from 'ink';
import type { EditHistory } from '../../edit/history.js';
import type { EditJudge } from '../../edit/judge.js';
import { editFromJudged, planJoin, planLink, planSplit, planUnlink, type Planned } from '../../edit/operations.js';
import type { Alignment } from '../../types.js';
import type { TerminalSize } from '../shared/layout.js';
import { EXIT_OK, NotReadyScreen, errorText, exportFailure, useQuit, type KeyRouter, type NotReadyLoad } from '../shared/not-ready.js';
import { Screen, useFrameWriter } from '../shared/screen.js';
import { failure, info, type StatusMessage } from '../shared/status.js';
import { useTerminalSize } from '../shared/use-terminal-size.js';
import type { Command, EngineEdit } from './actions.js';
import { reviewFrame } from './screen-lines.js';
import {
  NOT_EDITABLE,
  commandsForInput,
  createViewState,
  isViewAction,
  reduceView,
  selectedPair,
  type ViewAction,
  type ViewState,
} from './view-state.js';

export type LoadState = NotReadyLoad | { readonly phase: 'ready'; readonly alignment: Alignment };

/** Where the review's work goes: what the file keys write, the engine the edits ask, the clipboard, the editor.
 * Each is optional but the export: a key whose effect is missing says so. */
export interface ReviewEffects {
  /** Where `e` writes, as shown to the user; its extension names the format. */
  readonly exportPath: string;
  /** Writes the alignment as it is now; resolves with what the user should know (warnings). */
  readonly exportAlignment: (alignment: Alignment, outPath: string) => Promise<readonly string[]>;
  /** Whether `e` would replace a file (then it asks first). */
  readonly fileExists?: (path: string) => boolean;
  /** `w`: the session file and how to write it. */
  readonly session?: { readonly path: string; readonly write: (alignment: Alignment, history: EditHistory) => Promise<void> };
  /** J x L S ask it for the scores of the pairs they make. */
  readonly judge?: EditJudge;
  /** `y`. */
  readonly copyToClipboard?: (text: string) => void;
  /** `v`/`V`: opens the sentence in the user's editor; resolves with why it could not, or null. */
  readonly openEditor?: (alignment: Alignment, side: 'source' | 'target', sentence: number) => Promise<string | null>;
}

export interface AppProps {
  readonly sourcePath: string;
  readonly targetPath: string;
  readonly load: LoadState;
  readonly effects: ReviewEffects;
  /** Called once, with the exit code, when the user quits; the app then unmounts itself. */
  readonly onExit?: (exitCode: number) => void;
  readonly isColorEnabled: boolean;
  /** A fixed size (tests); by default the terminal's, following resizes. */
  readonly size?: TerminalSize;
  /** Said in the status line when the review opens (a resumed session, say). */
  readonly notice?: StatusMessage;
  /** The undo history of a resumed session. */
  readonly history?: EditHistory;
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
        effects={props.effects}
        onExit={props.onExit}
        isColorEnabled={props.isColorEnabled}
        {...(props.notice === undefined ? {} : { notice: props.notice })}
        {...(props.history === undefined ? {} : { history: props.history })}
      />
    );
  }
  return (
    <NotReadyScreen paths={[props.sourcePath, props.targetPath]} load={load} columns={size.columns} onExit={props.onExit} isColorEnabled={props.isColorEnabled} />
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
  readonly effects: ReviewEffects;
  readonly onExit: ((exitCode: number) => void) | undefined;
  readonly isColorEnabled: boolean;
  /** The pair selected first (an index into alignment.pairs). */
  readonly initialPair?: number;
  readonly notice?: StatusMessage;
  readonly history?: EditHistory;
  /** Given when the review was opened from the versions overview: `v` calls it with the selected pair; the review is
   * then read-only (no edits, marks or sessions). */
  readonly onBack?: (pairIndex: number | null) => void;
  /** Given when a parent reads the keys and passes them on: the review puts its key handler here instead of
   * listening itself (see versions-app.tsx). */
  readonly keyRouter?: KeyRouter;
}

const PLANS: Readonly<Record<EngineEdit, (pairs: Alignment['pairs'], index: number) => Planned>> = {
  join: planJoin,
  unlink: planUnlink,
  link: planLink,
  split: planSplit,
};

const PENDING_TEXT: Readonly<Record<EngineEdit, string>> = { join: 'joining', unlink: 'unlinking', link: 'linking', split: 'splitting' };

/** Commands that act at once, even while an engine edit is still running: quitting must never wait. */
const IMMEDIATE: ReadonlySet<Command['type']> = new Set(['quit', 'discard-and-quit', 'back']);

export function ReviewScreen(props: ReviewScreenProps) {
  const { alignment, size, effects, onExit, isColorEnabled, initialPair, onBack, keyRouter, notice, history } = props;
  const writer = useFrameWriter();
  const [state, setState] = useState<ViewState>(() =>
    createViewState(alignment, size, {
      canGoBack: onBack !== undefined,
      canEdit: onBack === undefined,
      ...(initialPair === undefined ? {} : { initialPair }),
      ...(notice === undefined ? {} : { message: notice }),
      ...(history === undefined ? {} : { history }),
    }),
  );
  // Key presses can arrive faster than React re-renders; they all read and write the latest state through this.
  const stateRef = useRef(state);
  const apply = useCallback((action: ViewAction) => {
    stateRef.current = reduceView(stateRef.current, action);
    setState(stateRef.current);
  }, []);
  const show = useCallback((message: StatusMessage) => apply({ type: 'show-message', message }), [apply]);
  const quit = useQuit(onExit);

  useEffect(() => {
    const current = stateRef.current.size;
    if (current.columns !== size.columns || current.rows !== size.rows) {
      writer.invalidate();
      apply({ type: 'resize', size });
    }
  }, [size, apply, writer]);

  const current = (): Alignment => stateRef.current.model.alignment;

  const exportNow = useCallback(async () => {
    const { exportPath } = effects;
    show(info(`exporting to ${exportPath}…`, exportPath));
    try {
      const warnings = await effects.exportAlignment(current(), exportPath);
      const pairs = current().pairs.length;
      show(info(warnings.length > 0 ? `exported ${pairs} pairs to ${exportPath}; ${warnings.join('; ')}` : `exported ${pairs} pairs to ${exportPath}`, exportPath));
    } catch (error) {
      show(exportFailure(exportPath, error));
    }
  }, [effects, show]);

  const write = useCallback(async (): Promise<boolean> => {
    const { session } = effects;
    if (!stateRef.current.canEdit) {
      show(info(NOT_EDITABLE));
      return false;
    }
    if (session === undefined) {
      show(info('no session file to write: start with selaras align SOURCE TARGET --session FILE.json'));
      return false;
    }
    try {
      await session.write(current(), stateRef.current.history);
      apply({ type: 'saved' });
      show(info(`wrote the session ${session.path}`, session.path));
      return true;
    } catch (error) {
      const text = errorText(error);
      show(failure(text.includes(session.path) ? `could not write the session: ${text}` : `could not write the session ${session.path}: ${text}`, session.path));
      return false;
    }
  }, [apply, effects, show]);

  const engineEdit = useCallback(
    async (kind: EngineEdit) => {
      const state = stateRef.current;
      if (!state.canEdit) return show(info(NOT_EDITABLE));
      const pairIndex = selectedPair(state);
      if (pairIndex === null) return show(info('no pair selected'));
      const planned = PLANS[kind](state.model.alignment.pairs, pairIndex);
      if (planned.plan === undefined) return show(info(planned.refusal));
      if (effects.judge === undefined) return show(info('the engine is not available here, so pairs cannot be re-scored'));
      const { plan } = planned;
      apply({ type: 'set-pending', text: `${PENDING_TEXT[kind]} (pair ${pairIndex})` });
      try {
        const judged = await effects.judge.judge(plan);
        apply({ type: 'apply-edit', edit: editFromJudged(stateRef.current.model.alignment, plan, judged), select: plan.at });
      } catch (error) {
        show(failure(`could not ${kind} pair ${pairIndex}: ${errorText(error)}`));
      } finally {
        apply({ type: 'set-pending', text: null });
      }
    },
    [apply, effects, show],
  );

  const perform = useCallback(
    async (command: Command): Promise<void> => {
      if (isViewAction(command)) {
        apply(command);
        return;
      }
      const state = stateRef.current;
      switch (command.type) {
        case 'quit':
          quit(EXIT_OK);
          return;
        case 'discard-and-quit':
          quit(EXIT_OK);
          return;
        case 'write-and-quit':
          if (await write()) quit(EXIT_OK);
          return;
        case 'back':
          onBack?.(selectedPair(state));
          return;
        case 'export':
          if (effects.fileExists?.(effects.exportPath) === true) {
            apply({
              type: 'ask',
              prompt: {
                kind: 'confirm',
                question: `${effects.exportPath} exists: e overwrites it · any other key keeps it`,
                answers: [{ keys: ['e', 'y'], command: { type: 'export-over' } }],
              },
            });
            return;
          }
          await exportNow();
          return;
        case 'export-over':
          await exportNow();
          return;
        case 'write':
          await write();
          return;
        case 'copy': {
          const pairIndex = selectedPair(state);
          const row = pairIndex === null ? undefined : state.model.rows[pairIndex];
          if (row === undefined || pairIndex === null) return;
          if (effects.copyToClipboard === undefined) return show(info('no clipboard here'));
          effects.copyToClipboard(`${row.sourceText}\t${row.targetText}`);
          show(info(`copied pair ${pairIndex} (source, a tab, target) to the clipboard`));
          return;
        }
        case 'open-editor': {
          const pairIndex = selectedPair(state);
          const pair = pairIndex === null ? undefined : state.model.alignment.pairs[pairIndex];
          const sentence = pair?.[command.side][0];
          if (sentence === undefined) return show(info(`this pair has no ${command.side} sentence to open`));
          if (effects.openEditor === undefined) return show(info('no editor here'));
          const why = await effects.openEditor(state.model.alignment, command.side, sentence);
          writer.redraw();
          if (why !== null) show(failure(why));
          return;
        }
        case 'engine-edit':
          await engineEdit(command.edit);
          return;
        case 'redraw':
          writer.redraw();
          return;
      }
    },
    [apply, effects, engineEdit, exportNow, onBack, quit, show, write, writer],
  );

  // Commands wait their turn: one typed after J applies to the joined pair, once the engine has scored it.
  const queue = useRef<Command[]>([]);
  const isBusy = useRef(false);
  const pump = useCallback(async () => {
    if (isBusy.current) return;
    isBusy.current = true;
    try {
      for (let command = queue.current.shift(); command !== undefined; command = queue.current.shift()) await perform(command);
    } finally {
      isBusy.current = false;
    }
  }, [perform]);

  const onInput = useCallback(
    (input: string, key: Key) => {
      for (const command of commandsForInput(stateRef.current, input, key)) {
        if (IMMEDIATE.has(command.type)) {
          queue.current.length = 0;
          void perform(command);
          return;
        }
        queue.current.push(command);
      }
      void pump();
    },
    [perform, pump],
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

  const lines = useMemo(() => reviewFrame(state), [state]);
  return <Screen lines={lines} isColorEnabled={isColorEnabled} />;
}
