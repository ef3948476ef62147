/** What a key can ask of the review screen: view changes for the reducer, and the effects the screen runs itself.
 * Alone in this file so that the key tables and the reducer can both name them without importing each other. */
import type { TerminalSize } from '../shared/layout.js';
import type { StatusMessage } from '../shared/status.js';

export type ViewAction =
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'page'; readonly direction: 1 | -1 }
  | { readonly type: 'jump'; readonly to: 'first' | 'last' }
  | { readonly type: 'cycle-filter' }
  | { readonly type: 'next-flagged'; readonly direction: 1 | -1 }
  | { readonly type: 'toggle-detail' }
  | { readonly type: 'toggle-help' }
  | { readonly type: 'start-search' }
  | { readonly type: 'search-input'; readonly text: string }
  | { readonly type: 'search-backspace' }
  | { readonly type: 'commit-search' }
  /** Esc: closes the innermost thing open (help, search, detail pane). */
  | { readonly type: 'cancel' }
  | { readonly type: 'resize'; readonly size: TerminalSize }
  | { readonly type: 'show-message'; readonly message: StatusMessage };

/** What a key asks for: a view change for the reducer, or one of the effects the app runs itself (`back` leaves
 * the two-version review for the screen it was opened from). */
export type Command = ViewAction | { readonly type: 'quit' } | { readonly type: 'export' } | { readonly type: 'back' };

export type InputMode = 'browse' | 'search' | 'help';
