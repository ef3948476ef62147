/**
 * Reads an article file into text: UTF-8 with or without a byte-order mark, UTF-16 with one (LE or BE); plain
 * text, Markdown or HTML. Bad input becomes an InputError whose one-line message names the file and the fix.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { extractVisibleText } from './html-text.js';

export type TextFormat = 'txt' | 'md' | 'html';

export interface TextFile {
  /**
   * The decoded file with its byte-order mark removed and line endings kept as they are (CRLF stays CRLF), so
   * sentence offsets index this string exactly. For HTML it is the visible text extracted from the page (see
   * html-text.ts), and offsets index that extracted text, not the HTML source.
   */
  readonly text: string;
  readonly format: TextFormat;
}

/** An article is kilobytes; a file this large is a mistake (a database dump, a video) and would exhaust memory. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** Bytes inspected for NULs and magic numbers: enough to catch any binary format at its start. */
const SNIFF_BYTES = 8192;
/** Share of control characters (other than tab, line feed, carriage return, form feed) above which decoded text
 * is binary data that happened to decode. Real articles have none; 1% allows a stray escape. */
const MAX_CONTROL_SHARE = 0.01;

const FORMAT_BY_EXTENSION: Readonly<Record<string, TextFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.mdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

const FIX_TEXT = 'give a text (.txt), Markdown (.md) or HTML (.html) file';
const FIX_ENCODING = 're-save it as UTF-8 (most editors: "Save with encoding" or "Save as... UTF-8")';
const FIX_EMPTY = 'give an article with at least one sentence';

/** Binary formats people mistake for articles, by their first bytes. */
const MAGIC_NUMBERS: readonly { readonly bytes: readonly number[]; readonly what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF file — copy its text into a .txt file' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a Word .docx file) — save the article as plain text' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'a Word .doc file — save the article as plain text' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document — save the article as plain text' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: `a PNG image — ${FIX_TEXT}` },
  { bytes: [0xff, 0xd8, 0xff], what: `a JPEG image — ${FIX_TEXT}` },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: `a GIF image — ${FIX_TEXT}` },
  { bytes: [0x1f, 0x8b], what: 'gzip-compressed — decompress it first' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'xz-compressed — decompress it first' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'zstd-compressed — decompress it first' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive — extract the article first' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: `a binary file (an ELF program or library), not text — ${FIX_TEXT}` },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: `a binary file (a macOS program), not text — ${FIX_TEXT}` },
  { bytes: [0x00, 0x61, 0x73, 0x6d], what: `a binary file (WebAssembly), not text — ${FIX_TEXT}` },
  { bytes: [...new TextEncoder().encode('SQLite format 3'), 0x00], what: `a binary file (an SQLite database), not text — ${FIX_TEXT}` },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}

function formatOf(path: string, decoded: string): TextFormat {
  const byExtension = FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
  if (byExtension) return byExtension;
  // Files without a known extension (benchmark folders, downloads): an HTML page says so in its first tag.
  return /^\s*<(?:!doctype\s+html|html[\s>])/iu.test(decoded) ? 'html' : 'txt';
}

async function readBytes(path: string): Promise<Uint8Array> {
  let isDirectory: boolean;
  let size: number;
  try {
    const info = await stat(path);
    isDirectory = info.isDirectory();
    size = info.size;
  } catch (error) {
    throw new InputError(`${path}: ${describeFsError(error)}`);
  }
  if (isDirectory) {
    const hint = 'for a folder of article pairs use `selaras batch`';
    throw new InputError(`${path}: is a directory — ${FIX_TEXT} (${hint})`);
  }
  if (size > MAX_INPUT_BYTES) {
    const megabytes = Math.round(size / (1024 * 1024));
    throw new InputError(
      `${path}: is ${megabytes} MB, too large for an article — give one article per file (up to 64 MB)`,
    );
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw new InputError(`${path}: ${describeFsError(error)}`);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'file not found — check the path and the file name';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied — make the file readable (chmod +r) or copy it somewhere you can read';
    case 'EISDIR':
      return `is a directory — ${FIX_TEXT}`;
    default:
      return `cannot be read (${code ?? String(error)}) — check that the path names a readable file`;
  }
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    const second = bytes[i + 1] ?? 0;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid second bytes.
    const secondMin = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const secondMax = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < secondMin || second > secondMax) return i;
    for (let k = 2; k < length; k += 1) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** In UTF-16 text of a Latin-script language, most characters have a zero high byte: zeros at every other
 * position, all on one side (odd offsets for little-endian, even for big-endian). A program or an image has
 * zeros on both sides. */
const UTF16_MIN_ZERO_SHARE = 0.3;
/** ...and almost none on the other side: a NUL character (two zero bytes) is rare even in UTF-16. */
const UTF16_MAX_OTHER_ZERO_SHARE = 0.02;

function looksLikeUtf16(head: Uint8Array): boolean {
  let even = 0;
  let odd = 0;
  head.forEach((byte, index) => {
    if (byte === 0 && index % 2 === 0) even += 1;
    else if (byte === 0) odd += 1;
  });
  const pairs = Math.max(1, Math.floor(head.length / 2));
  const [most, least] = even > odd ? [even, odd] : [odd, even];
  return most >= pairs * UTF16_MIN_ZERO_SHARE && least <= pairs * UTF16_MAX_OTHER_ZERO_SHARE;
}

function decode(path: string, bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new InputError(`${path}: is UTF-32, which is not supported — ${FIX_ENCODING}`);
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      // TextDecoder drops the byte-order mark itself.
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      const name = encoding.toUpperCase();
      throw new InputError(`${path}: is not valid ${name} (a broken or odd-length file) — ${FIX_ENCODING}`);
    }
  }
  const head = bytes.subarray(0, SNIFF_BYTES);
  const magic = MAGIC_NUMBERS.find((entry) => startsWith(head, entry.bytes));
  if (magic) throw new InputError(`${path}: is ${magic.what}`);
  if (head.includes(0)) {
    throw new InputError(
      looksLikeUtf16(head)
        ? `${path}: looks like UTF-16 without a byte-order mark — ${FIX_ENCODING}`
        : `${path}: is a binary file, not text — ${FIX_TEXT}`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new InputError(
      `${path}: is not valid UTF-8 (byte 0x${byte} at offset ${offset}; Windows-1252 or Latin-1?) — ${FIX_ENCODING}`,
    );
  }
}

/** The share of the text's UTF-16 units that are control characters other than tab, line feed, carriage return and
 * form feed (all controls are single units, so no code point needs decoding). */
function controlShare(text: string): number {
  let controls = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code === 0x7f || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c)) controls += 1;
  }
  return text.length === 0 ? 0 : controls / text.length;
}

export async function readText(path: string): Promise<TextFile> {
  const bytes = await readBytes(path);
  if (bytes.length === 0) throw new InputError(`${path}: file is empty — ${FIX_EMPTY}`);
  const decoded = decode(path, bytes);
  if (decoded.includes('\u0000') || controlShare(decoded) > MAX_CONTROL_SHARE) {
    throw new InputError(`${path}: is a binary file, not text — ${FIX_TEXT}`);
  }
  if (!/\S/u.test(decoded)) {
    const what = decoded.length === 0 ? 'file is empty' : 'file contains only white space';
    throw new InputError(`${path}: ${what} — ${FIX_EMPTY}`);
  }
  const format = formatOf(path, decoded);
  if (format !== 'html') return { text: decoded, format };
  const text = extractVisibleText(decoded);
  if (!/\S/u.test(text)) {
    throw new InputError(`${path}: the page has no visible text (scripts and styles are left out) — ${FIX_EMPTY}`);
  }
  return { text, format };
}

/** The decoding of readText for files that are not articles (a batch manifest): same encodings, same messages. */
export { decode as decodeText };
