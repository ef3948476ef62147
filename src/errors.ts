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
