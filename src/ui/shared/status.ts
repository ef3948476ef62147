/** The one-line message a screen shows in its footer after a key (an export started, nothing matched). */
export interface StatusMessage {
  readonly text: string;
  readonly tone: 'info' | 'error';
  /** A file name inside `text`: where the line is too narrow it is shortened in the middle, keeping the start
   * of the folder and the file's own name. */
  readonly path?: string;
}

export function info(text: string, path?: string): StatusMessage {
  return path === undefined ? { text, tone: 'info' } : { text, tone: 'info', path };
}

export function failure(text: string, path?: string): StatusMessage {
  return path === undefined ? { text, tone: 'error' } : { text, tone: 'error', path };
}
