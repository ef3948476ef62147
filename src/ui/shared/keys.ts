/** Keys as names, bindings as data, and Ink's key events split into single keys. Shared by every screen; each
 * screen keeps its own tables (review/key-map.ts, versions/key-map.ts). Pure. */
import type { Key } from 'ink';

/** Named keys as `keyNameOf` reports them; printable keys are the character itself (`j`, `G`, `?`). */
export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageup'
  | 'pagedown'
  | 'home'
  | 'end'
  | 'enter'
  | 'escape'
  | 'tab'
  | 'shift-tab'
  | 'backspace'
  | 'ctrl-c'
  | (string & {});

export interface KeyBinding<C> {
  readonly keys: readonly KeyName[];
  readonly command: C;
  /** One line for the `?` screen. */
  readonly help: string;
  /** The `?` screen's section; bindings without one are listed last. */
  readonly group?: string;
}

/** Ink's key object and input string as one name. */
export function keyNameOf(input: string, key: Partial<Key>): KeyName | null {
  if (key.upArrow === true) return 'up';
  if (key.downArrow === true) return 'down';
  if (key.leftArrow === true) return 'left';
  if (key.rightArrow === true) return 'right';
  if (key.pageUp === true) return 'pageup';
  if (key.pageDown === true) return 'pagedown';
  if (key.home === true) return 'home';
  if (key.end === true) return 'end';
  if (key.tab === true) return key.shift === true ? 'shift-tab' : 'tab';
  // Terminals send \r for Enter; \n (Ctrl-J) arrives as `enter` too.
  if (key.return === true || input === '\r' || input === '\n') return 'enter';
  if (key.escape === true) return 'escape';
  // Most terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
  if (key.backspace === true || key.delete === true) return 'backspace';
  if (key.ctrl === true) return input.length === 1 ? `ctrl-${input.toLowerCase()}` : null;
  return input.length > 0 ? input : null;
}

export function bindingIn<C>(bindings: readonly KeyBinding<C>[], name: KeyName): KeyBinding<C> | null {
  return bindings.find((binding) => binding.keys.includes(name)) ?? null;
}

const KEY_LABELS: Readonly<Record<string, string>> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  'shift-tab': 'S-Tab',
  backspace: 'Bksp',
  ' ': 'Space',
};

export function keyLabel(name: KeyName): string {
  if (name.startsWith('ctrl-')) return `Ctrl-${name.slice(5).toUpperCase()}`;
  return KEY_LABELS[name] ?? name;
}

/** The keys that leave a screen opened from another one (the review opened from the versions overview). */
export const BACK_KEYS: readonly KeyName[] = ['v'];

/** A mouse report (SGR mode, `CSI < button ; column ; row M`), as Ink hands it over without its ESC. */
export type MouseEvent =
  | { readonly kind: 'wheel'; readonly direction: 1 | -1 }
  /** A press of the left button at a screen line (0-based). */
  | { readonly kind: 'click'; readonly line: number };

/** Buttons of the SGR report: 0 the left button, 64/65 the wheel up/down (bit 5, 32, marks a drag). */
const LEFT_BUTTON = 0;
const WHEEL_UP = 64;
const WHEEL_DOWN = 65;

/** The mouse event an input is, or null for a key; releases and drags are null too (they select nothing). */
export function mouseEventOf(input: string): MouseEvent | null {
  const match = /^\u001B?\[<(\d+);(\d+);(\d+)([Mm])$/u.exec(input);
  if (match === null) return null;
  const button = Number(match[1]);
  if (button === WHEEL_UP) return { kind: 'wheel', direction: -1 };
  if (button === WHEEL_DOWN) return { kind: 'wheel', direction: 1 };
  if (button === LEFT_BUTTON && match[4] === 'M') return { kind: 'click', line: Number(match[3]) - 1 };
  return null;
}

/** Whether an input is a mouse report at all (so it is never taken for typed text). */
export function isMouseReport(input: string): boolean {
  return /^\u001B?\[<\d+;\d+;\d+[Mm]$/u.test(input);
}

/** One key of a run: the character and the key flags Ink would have reported for it alone. */
export interface SplitKey {
  readonly input: string;
  readonly key: Partial<Key>;
}

/** Control characters that arrive inside a run of typed keys (`jj\r`, a paste), as Ink names them alone. */
function splitKey(character: string): SplitKey {
  if (character === '\r' || character === '\n') return { input: character, key: { return: true } };
  if (character === '\t') return { input: character, key: { tab: true } };
  if (character === '\u007F' || character === '\b') return { input: '', key: { backspace: true } };
  const code = character.codePointAt(0) ?? 0;
  if (code >= 1 && code <= 26) return { input: String.fromCodePoint(code + 96), key: { ctrl: true } };
  return { input: character, key: {} };
}

/** Ink hands over a run of characters as one input (typing fast, key repeat, a paste, `tmux send-keys`): each
 * character is a key of its own. */
export function splitKeys(input: string, key: Partial<Key>): readonly SplitKey[] {
  // Esc and the next key in one read reach Ink as Alt+key; nothing is bound to Alt, so it is Esc, then the key.
  const isEscapeThenKey = key.meta === true && key.escape !== true && /^[^\u0000-\u001F\u007F]+$/u.test(input);
  const isRun = [...input].length > 1 && !input.startsWith('\u001B') && !isMouseReport(input);
  const keys: readonly SplitKey[] = isRun || isEscapeThenKey ? [...input].map(splitKey) : [{ input, key }];
  return isEscapeThenKey ? [{ input: '', key: { escape: true } }, ...keys] : keys;
}
