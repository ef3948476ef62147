/** What a key can ask of the versions overview's reducer. Alone in this file so that the key tables and the reducer
 * can both name them without importing each other. */
import type { TerminalSize } from '../shared/layout.js';
import type { StatusMessage } from '../shared/status.js';

export type OverviewAction =
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'page'; readonly direction: 1 | -1 }
  | { readonly type: 'jump'; readonly to: 'first' | 'last' }
  | { readonly type: 'next-flagged'; readonly direction: 1 | -1 }
  | { readonly type: 'choose-version'; readonly delta: 1 | -1 }
  | { readonly type: 'toggle-help' }
  | { readonly type: 'resize'; readonly size: TerminalSize }
  | { readonly type: 'show-message'; readonly message: StatusMessage }
  /** Back from the two-version review of `version`, where `pairIndex` was selected: select its row. */
  | { readonly type: 'return-from-review'; readonly version: number; readonly pairIndex: number | null };

export type OverviewMode = 'overview' | 'help';
