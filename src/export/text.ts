import type { Alignment, SentencePair } from '../types.js';
import { summarizeDifferences } from '../compare/index.js';
import { cleanForDisplay, stripTerminalControls } from '../text/display-text.js';
import { pairLabel, shownPair, sideText } from './pair-text.js';

/** Status markers that read without colour. */
const MARKER: Record<SentencePair['status'], string> = { aligned: '=', omitted: '-', added: '+' };
/** The marker of a sentence that is half of a moved passage. */
const MOVED_MARKER = '~';
const NO_COUNTERPART = '(no counterpart)';
const MIN_COLUMN = 20;

/** Greedy word wrap to `width` columns; words longer than a line are cut. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > width) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
      line = '';
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** A readable side-by-side listing for a terminal or a pager, `width` columns wide. */
export function toText(alignment: Alignment, width = 100): string {
  const column = Math.max(MIN_COLUMN, Math.floor((width - 3) / 2));
  const counts = { aligned: 0, omitted: 0, added: 0 };
  for (const pair of alignment.pairs) counts[pair.status]++;
  const out: string[] = [
    `source: ${stripTerminalControls(alignment.source.path)} (${alignment.source.lang}, ${alignment.source.sentences.length} sentences)`,
    `target: ${stripTerminalControls(alignment.target.path)} (${alignment.target.lang}, ${alignment.target.sentences.length} sentences)`,
    `model: ${stripTerminalControls(alignment.model)}  pairs: ${alignment.pairs.length}  aligned: ${counts.aligned}  omitted: ${counts.omitted}  added: ${counts.added}  moved: ${alignment.moves?.length ?? 0}`,
    '',
  ];
  for (const pair of alignment.pairs) {
    // A moved sentence shows with its counterpart at the other position (and so at both positions).
    const shown = shownPair(alignment, pair);
    const indexes = `[${shown.source.join(',')}]:[${shown.target.join(',')}]`;
    const marker = pair.move === undefined ? MARKER[pair.status] : MOVED_MARKER;
    const move = pair.move === undefined ? '' : ` (move ${pair.move}, ${pair.status === 'omitted' ? 'source' : 'target'} position)`;
    out.push(`${marker} ${pairLabel(pair)} ${indexes} score ${shown.score.toFixed(2)}${move}`);
    // The listing goes to a terminal or a pager: escape sequences in the input must not drive it.
    const left = wrapText(shown.source.length ? cleanForDisplay(sideText(alignment, shown, 'source')) : NO_COUNTERPART, column);
    const right = wrapText(shown.target.length ? cleanForDisplay(sideText(alignment, shown, 'target')) : NO_COUNTERPART, column);
    for (let k = 0; k < Math.max(left.length, right.length); k++) {
      out.push(`${(left[k] ?? '').padEnd(column)} | ${right[k] ?? ''}`.trimEnd());
    }
    if (shown.differences.length > 0) out.push(`  differences: ${cleanForDisplay(summarizeDifferences(shown.differences))}`);
    out.push('');
  }
  return out.join('\n');
}
