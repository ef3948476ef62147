/** How progress counts read, on the UI's progress screen and on the headless commands' progress line alike. */
import type { ProgressEvent } from './types.js';

const MIB = 1024 * 1024;

/** `12.4/17.0 MiB` while a model loads (its events count bytes), `120/244` for sentences and alignment steps. */
export function progressCounts(event: ProgressEvent): string {
  if (event.stage === 'load-model') return `${(event.done / MIB).toFixed(1)}/${(event.total / MIB).toFixed(1)} MiB`;
  return `${event.done}/${event.total}`;
}
