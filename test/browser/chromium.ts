/** Headless Chromium for the report's browser tests and the README screenshot: Debian's `chromium`, never a
 * downloaded browser, started by us with a fresh profile in the caller's folder and driven over the DevTools protocol
 * by playwright-core. We start it, so we stop it: its whole process group, by pid. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's package puts it here; CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

/** A cold start of Chromium on a loaded two-core machine takes a few seconds; this leaves room. */
const START_TIMEOUT_MS = 60_000;
/** How long a stopped browser may take to exit before it is killed outright. */
const STOP_TIMEOUT_MS = 10_000;
const POLL_MS = 50;

/** Headless, as root (no sandbox), and quiet: without the networking flags Chromium opens connections of its own
 * (updates, sync, field trials), and on a machine with no network those fail by the dozen. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--remote-debugging-port=0',
];

export interface ChromiumSession {
  readonly browser: Browser;
  readonly pid: number;
  /** Disconnects, then ends the browser's process group and waits until it has gone. */
  readonly close: () => Promise<void>;
}

async function pause(ms: number): Promise<void> {
  await new Promise((done) => setTimeout(done, ms));
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Polls until `read` returns a value, the browser exits, or the time is up. */
async function waitFor<T>(child: ChildProcess, read: () => T | null, what: string, log: () => string): Promise<T> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const value = read();
    if (value !== null) return value;
    if (hasExited(child)) throw new Error(`chromium exited before ${what}:\n${log()}`);
    await pause(POLL_MS);
  }
  throw new Error(`chromium never reported ${what}:\n${log()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || hasExited(child)) return;
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group has already gone.
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (!hasExited(child) && Date.now() < deadline) await pause(POLL_MS);
  if (!hasExited(child)) signalGroup('SIGKILL');
  while (!hasExited(child)) await pause(POLL_MS);
}

/** Starts Chromium with an empty profile under `folder` and connects to it. */
export async function launchChromium(folder: string): Promise<ChromiumSession> {
  const profile = join(folder, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  // Its own process group, so that stopping it also stops the renderer and helper processes it started.
  const child = spawn(CHROMIUM_PATH, [...FLAGS, `--user-data-dir=${profile}`, 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-20_000);
  });
  const pid = child.pid;
  try {
    if (pid === undefined) throw new Error(`could not start ${CHROMIUM_PATH}`);
    // Chromium writes the port it chose into the profile once it listens (on the loopback interface only).
    const portFile = join(profile, 'DevToolsActivePort');
    const port = await waitFor(
      child,
      () => (existsSync(portFile) ? (readFileSync(portFile, 'utf8').split('\n')[0] ?? '').trim() || null : null),
      'its DevTools port',
      () => log,
    );
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    return {
      browser,
      pid,
      close: async () => {
        await browser.close().catch(() => undefined);
        await stop(child);
      },
    };
  } catch (error) {
    await stop(child);
    throw error;
  }
}
