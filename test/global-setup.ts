import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** Build dist/ once so the tests that spawn `node dist/cli.js` run what users run. */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
