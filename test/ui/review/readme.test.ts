/** The README's review UI section says what the screen does: every status marker with its meaning, and every key of
 * the list (the table is written by hand, so this is what keeps it from drifting). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSE_BINDINGS } from '../../../src/ui/review/key-map.js';
import { EDITED_MARK, REVIEWED_MARK, ROW_STATUSES } from '../../../src/ui/review/statuses.js';
import { keyLabel } from '../../../src/ui/shared/keys.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## The review UI'), readme.indexOf('### Sessions'));

/** How the README writes a key where it differs from the help's label (the help draws arrows). */
const README_NAMES: Readonly<Record<string, string>> = { up: 'Up', down: 'Down', left: 'Left', right: 'Right', 'shift-tab': 'Shift-Tab', ' ': 'Space' };

/** The key's name as a word of the table: between spaces, bars, slashes, commas or backquotes. */
function mentions(text: string, key: string): boolean {
  const name = (README_NAMES[key] ?? keyLabel(key)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s|/,\`])${name}([\\s|/,\`]|$)`, 'm').test(text);
}

describe('the README\'s review UI section', () => {
  it('has a row for every status marker, in the order the screen applies them', () => {
    const rows = ROW_STATUSES.map((status) => section.indexOf(`| \`${status.marker}\` |`));
    expect(rows.every((at) => at >= 0)).toBe(true);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    expect(section).toContain(`\`${REVIEWED_MARK}\` reviewed`);
    expect(section).toContain(`\`${EDITED_MARK}\` edited`);
  });

  it('names every key of the list', () => {
    const table = section.slice(section.indexOf('| keys | what they do |'));
    const missing = BROWSE_BINDINGS.flatMap((binding) => binding.keys).filter((key) => !mentions(table, key));
    expect(missing).toEqual([]);
    expect(mentions('| x | y |', 'J')).toBe(false);
  });

  it('says the numbers are 0-based', () => {
    expect(section).toContain('**Numbers are 0-based**');
  });
});
