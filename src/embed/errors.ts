/** Errors of the embedding layer. Each message says what to do next; the CLI prints it as is. */

/** A model folder is missing, incomplete or unreadable. */
export class ModelFolderError extends Error {
  override readonly name = 'ModelFolderError';
  constructor(
    readonly folder: string,
    problem: string,
    readonly fix: string,
  ) {
    super(`model folder ${folder}: ${problem}. ${fix}`);
  }
}

/** `--model NAME` names no installed model. */
export class UnknownModelError extends Error {
  override readonly name = 'UnknownModelError';
  constructor(
    readonly model: string,
    readonly searched: readonly string[],
    fix: string,
  ) {
    super(`no model "${model}" in ${searched.join(' or ')}. ${fix}`);
  }
}

/** `selaras models pull` could not fetch a model. */
export class ModelDownloadError extends Error {
  override readonly name = 'ModelDownloadError';
  constructor(
    message: string,
    readonly url?: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
