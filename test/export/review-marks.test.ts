/** What a reviewer did travels in every format: the format table, notes in CSV, JSON and TMX, `edited`/`reviewed`
 * only when set, distinct TMX language tags for two versions in one language, and the three-version outputs'
 * differences. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/export/csv.js';
import { EXPORT_FORMAT_NAMES, formatOfPath, knownExtensions, writeAlignment } from '../../src/export/formats.js';
import { toJson } from '../../src/export/json.js';
import { toTmx, tmxWarnings } from '../../src/export/tmx.js';
import { multiToCsv, multiToJson, multiToText } from '../../src/export/versions.js';
import type { Alignment } from '../../src/types.js';
import { versionsFixture } from '../ui/fixtures/make-alignment.js';
import { alignment, document } from './fixture.js';

/** The fixture with pair 0 reviewed and noted, pair 4 edited. */
const reviewed: Alignment = {
  ...alignment,
  pairs: alignment.pairs.map((pair, k) => {
    if (k === 0) return { ...pair, reviewed: true, note: 'Ask: "followers" or "subscribers"? <check> & confirm' };
    if (k === 4) return { ...pair, edited: true };
    return pair;
  }),
};

describe('the format table', () => {
  it.each([
    ['out.csv', 'csv'],
    ['OUT.JSON', 'json'],
    ['memory.tmx', 'tmx'],
    ['listing.txt', 'text'],
    ['beads.vecalign', 'vecalign'],
    ['corpus.jsonl', 'jsonl'],
    ['report.html', 'html'],
    ['report.HTM', 'html'],
    ['report.xlsx', undefined],
    ['no-extension', undefined],
  ])('%s is %s', (path, format) => {
    expect(formatOfPath(path)).toBe(format);
  });

  it('writes every format it lists, and names their extensions for error messages', async () => {
    for (const format of EXPORT_FORMAT_NAMES) expect((await writeAlignment(alignment, format)).text.length).toBeGreaterThan(0);
    expect(knownExtensions()).toBe('.txt, .json, .jsonl, .csv, .tmx, .vecalign, .html, .htm');
  });

  it('--reviewed-only keeps the reviewed pairs alone', async () => {
    const rows = parse((await writeAlignment(reviewed, 'csv', { reviewedOnly: true })).text) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[3]).toBe('The app has 232,000 followers.');
    expect((await writeAlignment(reviewed, 'vecalign', { reviewedOnly: true })).text).toBe('[0]:[0]:0.910000\n');
  });

  it('--reviewed-only keeps each pair\'s number where the format carries one (CSV pair_index, JSON Lines)', async () => {
    const third: Alignment = { ...alignment, pairs: alignment.pairs.map((pair, k) => (k === 3 ? { ...pair, reviewed: true } : pair)) };
    const rows = parse((await writeAlignment(third, 'csv', { reviewedOnly: true })).text, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row['pair_index'])).toEqual(['3']);
    const line = JSON.parse((await writeAlignment(third, 'jsonl', { reviewedOnly: true })).text) as { pairs: unknown[] };
    expect(line.pairs).toEqual([JSON.parse(toJson(third)).pairs[3]]);
  });

  it('html writes the report', async () => {
    const { text } = await writeAlignment(reviewed, 'html');
    expect(text).toMatch(/^<!DOCTYPE html>/i);
    expect(text).toContain('The app has 232,000 followers.');
  });
});

describe('review marks in the formats', () => {
  it('CSV ends each row with the note', async () => {
    const rows = parse((await writeAlignment(reviewed, 'csv')).text) as string[][];
    expect(CSV_COLUMNS.at(-1)).toBe('note');
    expect(rows[1]?.at(-1)).toBe('Ask: "followers" or "subscribers"? <check> & confirm');
    expect(rows[2]?.at(-1)).toBe('');
  });

  it('JSON carries edited, reviewed and note only where set, the rest of the contract as before', () => {
    const pairs = JSON.parse(toJson(reviewed)).pairs as Record<string, unknown>[];
    expect(pairs[0]).toMatchObject({ reviewed: true, note: 'Ask: "followers" or "subscribers"? <check> & confirm' });
    expect(pairs[0]).not.toHaveProperty('edited');
    expect(pairs[4]).toMatchObject({ edited: true });
    expect(Object.keys(pairs[2]!)).toEqual(['source', 'target', 'status', 'score', 'differences']);
    expect(JSON.parse(toJson(alignment)).pairs).toEqual(JSON.parse(toJson({ ...alignment, pairs: alignment.pairs.map((p) => ({ ...p })) })).pairs);
  });

  it('TMX gives the note its own element, escaped, before the variants', () => {
    const tmx = toTmx(reviewed, new Date('2026-01-01T00:00:00Z'));
    expect(tmx).toContain('<note>Ask: &quot;followers&quot; or &quot;subscribers&quot;? &lt;check&gt; &amp; confirm</note>\n      <prop type="x-score">');
    expect(tmx.match(/<note>/g)).toHaveLength(1);
  });
});

describe('TMX of two versions in one language', () => {
  const sameLanguage: Alignment = { ...alignment, target: { ...document('b.en.txt', 'en', ['x', 'y', 'z', 'w']) } };

  it('tags the sides differently and says why', async () => {
    const tmx = toTmx(sameLanguage);
    expect(tmx).toContain('<tuv xml:lang="en"><seg>');
    expect(tmx).toContain('<tuv xml:lang="en-x-target"><seg>');
    expect(tmxWarnings(sameLanguage)).toEqual([expect.stringMatching(/both files are in one language \(en\).*en-x-target/)]);
    expect((await writeAlignment(sameLanguage, 'tmx')).warnings).toHaveLength(1);
  });

  it('leaves two languages as they are, without a warning', () => {
    expect(toTmx(alignment)).toContain('<tuv xml:lang="id"><seg>');
    expect(tmxWarnings(alignment)).toEqual([]);
  });
});

describe('three versions carry each version\'s differences with the pivot', () => {
  const multi = versionsFixture();

  it('CSV: one differences column per version, whole', () => {
    const rows = parse(multiToCsv(multi), { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r['pivot_index'] === '2');
    expect(row?.['news.id.txt differences']).toBe('number: 232,000 ≠ 23.000');
    expect(row?.['wire.en.txt differences']).toBe('');
  });

  it('JSON: every version\'s pairs hold their differences', () => {
    const value = JSON.parse(multiToJson(multi));
    expect(value.versions[0].pairs[3].differences).toEqual([{ kind: 'number', source: '232,000', target: '23.000', detail: 'different value' }]);
  });

  it('text: a differences line under the version that differs', () => {
    expect(multiToText(multi)).toMatch(/news\.id\.txt +Sekitar 23\.000 orang dievakuasi\.\n +differences: number: 232,000 ≠ 23\.000/);
  });
});
