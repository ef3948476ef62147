/** What a key can ask of the review screen: view changes and pure edits for the reducer, and the effects the screen
 * runs itself (writing files, the engine, the clipboard, the editor). Alone in this file so that the key tables and
 * the reducer can both name them without importing each other. */
import type { PairEdit } from '../../edit/edit.js';
import type { TerminalSize } from '../shared/layout.js';
import type { StatusMessage } from '../shared/status.js';

/** How far a scroll or a move goes. */
export type Step = 'line' | 'half' | 'page' | 'end';

export type ViewAction =
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'page'; readonly direction: 1 | -1 }
  | { readonly type: 'half-page'; readonly direction: 1 | -1 }
  | { readonly type: 'jump'; readonly to: 'first' | 'last' }
  | { readonly type: 'cycle-filter'; readonly direction: 1 | -1 }
  | { readonly type: 'cycle-order' }
  /** To the other half of the selected pair's moved passage. */
  | { readonly type: 'jump-move' }
  /** n/N: the next flagged pair; with a search kept, the next match. */
  | { readonly type: 'next-flagged'; readonly direction: 1 | -1 }
  | { readonly type: 'toggle-detail' }
  /** → / l into the detail pane (opening it), ← / h back to the list. */
  | { readonly type: 'focus'; readonly pane: 'list' | 'detail' }
  /** Scrolls what has the focus: the detail pane or the help. */
  | { readonly type: 'scroll'; readonly step: Step; readonly direction: 1 | -1 }
  | { readonly type: 'toggle-help' }
  /** z: the selected row shows all its lines, or back to at most MAX_ROW_LINES. */
  | { readonly type: 'toggle-expand' }
  | { readonly type: 'start-search' }
  | { readonly type: 'start-goto' }
  | { readonly type: 'start-note' }
  | { readonly type: 'prompt-input'; readonly text: string }
  | { readonly type: 'prompt-backspace' }
  /** Tab in the search box: both sides, the source only, the target only. */
  | { readonly type: 'cycle-search-scope' }
  | { readonly type: 'prompt-submit' }
  /** Esc: closes the innermost thing open (a prompt, the help, the pane's focus, the search, the detail pane). */
  | { readonly type: 'cancel' }
  | { readonly type: 'resize'; readonly size: TerminalSize }
  | { readonly type: 'show-message'; readonly message: StatusMessage }
  /** A mouse click on a screen line (0-based), a wheel turn. */
  | { readonly type: 'click'; readonly line: number }
  | { readonly type: 'wheel'; readonly direction: 1 | -1 }
  /** An edit made elsewhere (the engine's), put in place and recorded for undo; the pair at `select` is selected. */
  | { readonly type: 'apply-edit'; readonly edit: PairEdit; readonly select: number }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'toggle-reviewed' }
  /** R: every pair of the list from the top through the selected one marked reviewed. */
  | { readonly type: 'review-through' }
  /** The session was written with the alignment as it is now. */
  | { readonly type: 'saved' }
  /** An engine edit started (`text` says which) or ended (null): the footer shows it meanwhile. */
  | { readonly type: 'set-pending'; readonly text: string | null }
  | { readonly type: 'ask'; readonly prompt: ConfirmPrompt };

/** The edits that need the engine to score the pairs they make. */
export type EngineEdit = 'join' | 'unlink' | 'link' | 'split';

/** What a key asks for: a view change for the reducer, or one of the effects the screen runs itself. */
export type Command =
  | ViewAction
  | { readonly type: 'quit' }
  /** Quit without asking, unsaved edits or not (the answer to the question `quit` asked). */
  | { readonly type: 'discard-and-quit' }
  | { readonly type: 'export' }
  /** Export over the existing file (the answer to the question `export` asked). */
  | { readonly type: 'export-over' }
  | { readonly type: 'write' }
  | { readonly type: 'write-and-quit' }
  | { readonly type: 'copy' }
  | { readonly type: 'open-editor'; readonly side: 'source' | 'target' }
  | { readonly type: 'engine-edit'; readonly edit: EngineEdit }
  | { readonly type: 'redraw' }
  /** Leave the review for the screen it was opened from. */
  | { readonly type: 'back' };

/** A question in the footer and the keys that answer it; any other key (Esc too) says no. */
export interface ConfirmPrompt {
  readonly kind: 'confirm';
  readonly question: string;
  readonly answers: readonly { readonly keys: readonly string[]; readonly command: Command }[];
}

export type InputMode = 'browse' | 'detail' | 'help' | 'search' | 'goto' | 'note' | 'confirm';
