import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Build dist/ once so the tests that spawn `node dist/cli.js` run what users run. */
export default function setup(): () => void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  // vitest.config.ts, evaluated in this same process, points the tests' embedding cache here; remove it afterwards.
  return () => rmSync(join(tmpdir(), `selaras-test-cache-${process.pid}`), { recursive: true, force: true });
}
