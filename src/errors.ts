/**
 * Errors the user can act on. The CLI entry maps each class to a one-line message and an exit code; nothing
 * below it calls `process.exit()`.
 */

/** Bad input: a missing, empty, binary or undecodable file. Exit code 1. The message names the file and the fix. */
export class InputError extends Error {
  override readonly name = 'InputError';

  constructor(message: string) {
    super(message);
  }
}

/** Wrong command-line usage: unknown flag, missing argument. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(message: string) {
    super(message);
  }
}

/**
 * The output cannot be written: a missing or read-only folder, a directory given as --out, a full disk. Exit
 * code 1. The message names the path the user gave (never a temporary file) and what to do.
 */
export class OutputError extends Error {
  override readonly name = 'OutputError';

  constructor(message: string) {
    super(message);
  }
}

/**
 * The reader of standard output (or of a FIFO given as --out) went away, as `selaras ... | head -3` does. Not a
 * failure the user needs to hear about: the run ends quietly with BROKEN_PIPE_EXIT_CODE.
 */
export class BrokenPipeError extends Error {
  override readonly name = 'BrokenPipeError';

  constructor(what: string) {
    super(`${what}: the reader closed the pipe`);
  }
}

/** 128 + SIGPIPE (13): what a shell reports for a program stopped by a closed pipe, so scripts see the usual code. */
export const BROKEN_PIPE_EXIT_CODE = 141;

/** How printable() writes the usual control characters; any other is `\xNN` or `\uNNNN`. */
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A message as one printable line for standard error: control characters (a newline or an escape sequence in a file
 * name), C1 controls and the bidirectional overrides that reorder what a terminal shows are written as escapes
 * (`\n`, `\x1b`, `\u202e`), so a path prints as what it is and a message stays one line that cannot drive the terminal.
 */
export function printable(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, (c) => {
    const code = c.charCodeAt(0);
    return NAMED_ESCAPES[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}

/** The line the CLI writes to standard error for a message: `selaras: `, the message made printable, a newline. */
export function messageLine(message: string): string {
  return `selaras: ${printable(message)}\n`;
}
