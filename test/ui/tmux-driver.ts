/** Drives a program in a real terminal: tmux on a private socket, keys sent by name, the screen polled until it
 * shows what a test waits for (never a fixed sleep). Shared by the end-to-end tests. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** How long a screen may take to show what we wait for; generous for a loaded 2-core machine. */
export const WAIT_MS = 15_000;
const POLL_MS = 25;

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
export const isCi = ['CI', 'CONTINUOUS_INTEGRATION'].some((name) => {
  const value = process.env[name];
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
});

async function pause(ms: number): Promise<void> {
  await new Promise((done) => setTimeout(done, ms));
}

/** Poll until `read` returns a value; fail with `what` and the last thing seen. */
async function poll<T>(read: () => T | null, what: string, seen: () => string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const value = read();
    if (value !== null) return value;
    await pause(POLL_MS);
  }
  throw new Error(`never saw ${what}; last seen:\n${seen()}`);
}

/** The last line with text on it: the footer (the terminal's last row stays free). */
export function footer(text: string): string {
  const lines = text.trimEnd().split('\n');
  return lines[lines.length - 1] ?? '';
}

/** Wait until a file exists and ends with a newline (a command wrote it whole). */
export async function waitForFile(path: string): Promise<string> {
  return poll(
    () => {
      if (!existsSync(path)) return null;
      const text = readFileSync(path, 'utf8');
      return text.endsWith('\n') ? text : null;
    },
    `the file ${path}`,
    () => (existsSync(path) ? readFileSync(path, 'utf8') : '(missing)'),
  );
}

export interface Tmux {
  readonly run: (...args: string[]) => string;
  /** A detached session running `command` in `cwd`, sized `columns` x `rows`. */
  readonly start: (session: string, command: string, cwd: string, columns: number, rows: number) => void;
  readonly screen: (session: string) => string;
  /** The screen with its colours and styles (SGR sequences). */
  readonly styledScreen: (session: string) => string;
  readonly waitForScreen: (session: string, predicate: (text: string) => boolean, what: string) => Promise<string>;
  readonly waitForText: (session: string, text: string) => Promise<string>;
  readonly keys: (session: string, ...names: string[]) => void;
  readonly typeText: (session: string, text: string) => void;
  readonly kill: () => void;
}

export function createTmux(socket: string): Tmux {
  const run = (...args: string[]): string => {
    const result = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
    if (result.error !== undefined) throw result.error;
    if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  };
  const screen = (session: string): string => run('capture-pane', '-p', '-t', session);
  const waitForScreen = (session: string, predicate: (text: string) => boolean, what: string): Promise<string> => {
    let last = '';
    return poll(
      () => {
        last = screen(session);
        return predicate(last) ? last : null;
      },
      `the terminal show ${what}`,
      () => last,
    );
  };
  return {
    run,
    start: (session, command, cwd, columns, rows) => {
      run('new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), '-c', cwd, command);
    },
    screen,
    styledScreen: (session) => run('capture-pane', '-e', '-p', '-t', session),
    waitForScreen,
    waitForText: (session, text) => waitForScreen(session, (s) => s.includes(text), JSON.stringify(text)),
    keys: (session, ...names) => {
      run('send-keys', '-t', session, ...names);
    },
    typeText: (session, text) => {
      run('send-keys', '-t', session, '-l', text);
    },
    kill: () => {
      spawnSync('tmux', ['-L', socket, 'kill-server']);
    },
  };
}
