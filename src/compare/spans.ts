/** Where a pair's differences stand inside its texts: the spans the terminal UI underlines and the HTML report marks,
 * computed here once so the two show exactly the same. Pure.
 *
 * A difference names what each side says (`232.000`, `Agence France-Presse (AFP)`, `does not allow`), as the
 * compare module cut it from the pair's raw text. Views show the text cleaned for display (whitespace runs made
 * one space), and the compare module sometimes shortens or joins surfaces: quotes are previewed with a trailing
 * ellipsis, several names or negations missing on one side come joined with ", ". Each surface is looked for as
 * given, then by those parts. A surface that is not found is simply not marked: the views list it. */
import type { Difference } from '../types.js';

export type Side = 'source' | 'target';

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** How the compare module joins several mentions of one kind into one difference. */
const JOINED_SURFACES = ', ';
/** How the compare module ends a quote it shortened. */
const PREVIEW_ELLIPSIS = '…';

/** What one side of the pair says, for each difference that mentions that side. */
export function differenceSurfaces(differences: readonly Difference[], side: Side): readonly string[] {
  const surfaces: string[] = [];
  for (const difference of differences) {
    const surface = difference[side];
    if (surface !== null && surface.trim().length > 0) surfaces.push(surface);
  }
  return surfaces;
}

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}]/u.test(character);
}

/** Every occurrence of `needle` in `text` that does not start or end inside a word or number (so a difference `2`
 * is not found inside `2021`, nor `AFP` inside `AFPI`). */
function occurrences(text: string, needle: string): TextRange[] {
  const ranges: TextRange[] = [];
  if (needle.length === 0) return ranges;
  const checksStart = isWordCharacter(needle[0]);
  const checksEnd = isWordCharacter(needle[needle.length - 1]);
  for (let start = text.indexOf(needle); start !== -1; start = text.indexOf(needle, start + 1)) {
    const end = start + needle.length;
    if (checksStart && isWordCharacter(text[start - 1])) continue;
    if (checksEnd && isWordCharacter(text[end])) continue;
    ranges.push({ start, end });
  }
  return ranges;
}

function normalizeSurface(surface: string): string {
  return surface.replace(/\s+/g, ' ').trim();
}

/** The pieces of a surface to look for when the whole is not in the text. */
function fallbackPieces(surface: string): readonly string[] {
  const pieces: string[] = [];
  if (surface.endsWith(PREVIEW_ELLIPSIS)) pieces.push(surface.slice(0, -PREVIEW_ELLIPSIS.length).trimEnd());
  if (surface.includes(JOINED_SURFACES)) pieces.push(...surface.split(JOINED_SURFACES).map((piece) => piece.trim()));
  return pieces.filter((piece) => piece.length > 0);
}

/** Sorted, overlapping and touching ranges joined. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push(range);
  }
  return merged;
}

/** Where the surfaces stand in `text`: all occurrences, sorted and merged. */
export function surfaceRanges(text: string, surfaces: readonly string[]): TextRange[] {
  const ranges: TextRange[] = [];
  for (const raw of surfaces) {
    const surface = normalizeSurface(raw);
    const whole = occurrences(text, surface);
    if (whole.length > 0) {
      ranges.push(...whole);
      continue;
    }
    // A shortened quote is one piece (its prefix); joined names are several, each found on its own.
    for (const piece of fallbackPieces(surface)) ranges.push(...occurrences(text, piece));
  }
  return mergeRanges(ranges);
}

/** A piece of a text and the kinds of the differences that cover it (none for plain text). */
export interface MarkedSegment {
  readonly text: string;
  readonly kinds: readonly Difference['kind'][];
}

/** The text cut where the differences of one side begin and end, each piece with the kinds that cover it. The marked
 * characters are exactly those `surfaceRanges(text, differenceSurfaces(differences, side))` finds, so a view that
 * marks these segments marks what the terminal UI underlines; the pieces join to `text`. */
export function markDifferences(text: string, differences: readonly Difference[], side: Side): MarkedSegment[] {
  const covers: (TextRange & { readonly kind: Difference['kind'] })[] = [];
  for (const difference of differences) {
    for (const range of surfaceRanges(text, differenceSurfaces([difference], side))) covers.push({ ...range, kind: difference.kind });
  }
  if (covers.length === 0) return text.length === 0 ? [] : [{ text, kinds: [] }];
  // Cut wherever a cover starts or ends; each piece between two cuts is covered by the same kinds throughout.
  const cuts = [...new Set([0, text.length, ...covers.flatMap((cover) => [cover.start, cover.end])])].sort((a, b) => a - b);
  const segments: MarkedSegment[] = [];
  for (let index = 0; index + 1 < cuts.length; index += 1) {
    const start = cuts[index] ?? 0;
    const end = cuts[index + 1] ?? text.length;
    const kinds = [...new Set(covers.filter((cover) => cover.start <= start && cover.end >= end).map((cover) => cover.kind))].sort();
    const last = segments[segments.length - 1];
    if (last !== undefined && last.kinds.join(' ') === kinds.join(' ')) segments[segments.length - 1] = { text: last.text + text.slice(start, end), kinds };
    else segments.push({ text: text.slice(start, end), kinds });
  }
  return segments;
}
