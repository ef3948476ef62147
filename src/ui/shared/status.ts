/** The one-line message a screen shows in its footer after a key (an export started, nothing matched). */
export interface StatusMessage {
  readonly text: string;
  readonly tone: 'info' | 'error';
}

export function info(text: string): StatusMessage {
  return { text, tone: 'info' };
}
