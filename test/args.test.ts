import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/args.js';
import { UsageError } from '../src/errors.js';

describe('models pull --timeout SECONDS', () => {
  it.each([
    [[], undefined],
    [['--timeout', '120'], 120_000],
    [['--timeout', '0.5'], 500],
  ])('%j gives a timeout of %s ms', (extra, timeoutMs) => {
    expect(parseCommand(['models', 'pull', 'Xenova/LaBSE', ...extra])).toMatchObject({ kind: 'models-pull', timeoutMs });
  });

  it.each(['0', '-3', 'soon', '', 'Infinity'])('refuses %j with a usage error', (value) => {
    const parse = () => parseCommand(['models', 'pull', 'Xenova/LaBSE', `--timeout=${value}`]);
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(/--timeout needs a number of seconds above 0/);
  });
});
