/** What every screen shows before its data is ready: the progress screen while loading, the error screen after a
 * failed load; and the hooks every screen shares to quit and to export. Props are plain data; nothing touches
 * `process`. */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useApp, useInput, type Key } from 'ink';
import type { ProgressEvent } from '../../types.js';
import { Screen } from './screen.js';
import { errorLines, progressLinesFor } from './frame-lines.js';
import { failure, info, type StatusMessage } from './status.js';

/** The load before it is ready: still running (with its latest progress), or failed. */
export type NotReadyLoad =
  | { readonly phase: 'loading'; readonly progress: ProgressEvent | null }
  | { readonly phase: 'failed'; readonly message: string };

/** Exit codes the app reports through `onExit`. */
export const EXIT_OK = 0;
/** Quitting from the error screen: the alignment did not happen. */
export const EXIT_LOAD_FAILED = 1;

export interface NotReadyScreenProps {
  readonly paths: readonly string[];
  readonly load: NotReadyLoad;
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
      <Screen lines={errorLines(load.message, columns)} isColorEnabled={isColorEnabled} />
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
  return <Screen lines={progressLinesFor(paths, progress, columns, clock)} isColorEnabled={isColorEnabled} />;
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

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An export's failure, naming the user's file: the writer's own message usually does (see export/output-file.ts);
 * one that does not is prefixed with it. */
export function exportFailure(outPath: string, error: unknown): StatusMessage {
  const text = errorText(error);
  return failure(text.includes(outPath) ? `export failed: ${text}` : `export failed: ${outPath}: ${text}`, outPath);
}

/** Runs an export once at a time, saying in the status line that it started, and then how it went. */
export function useExport(show: (message: StatusMessage) => void): (write: () => Promise<void>, outPath: string, done: string) => void {
  const isExporting = useRef(false);
  return useCallback(
    (write, outPath, done) => {
      if (isExporting.current) return;
      isExporting.current = true;
      show(info(`exporting to ${outPath}…`, outPath));
      write()
        .then(
          () => show(info(done, outPath)),
          (error: unknown) => show(exportFailure(outPath, error)),
        )
        .finally(() => {
          isExporting.current = false;
        });
    },
    [show],
  );
}

/** Where a screen that does not listen for keys itself puts its handler. */
export interface KeyRouter {
  current: ((input: string, key: Key) => void) | null;
}
