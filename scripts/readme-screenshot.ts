/** `npm run screenshot`: the README's picture of the HTML report (docs/report.png), taken by the headless Chromium
 * the browser test drives, of the seed pair's report as `selaras align ... --out report.html` writes it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../test/browser/chromium.js';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'report.png');
/** Wide enough for both columns to read as a page does on a laptop, tall enough for the header and a dozen pairs. */
const VIEWPORT = { width: 1280, height: 900 };

const folder = mkdtempSync(join(tmpdir(), 'selaras-screenshot-'));
try {
  const report = join(folder, 'report.html');
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'dist/cli.js'), 'align', 'corpus/clubhouse/jakarta-outlet.en.txt', 'corpus/clubhouse/bulelengpost.id.txt', '--out', report],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`selaras align failed: ${run.stderr}`);
  const session = await launchChromium(folder);
  try {
    const page = await session.browser.newPage({ viewport: VIEWPORT, colorScheme: 'light' });
    await page.goto(pathToFileURL(report).href);
    await page.locator('#controls').waitFor({ state: 'visible' });
    await page.screenshot({ path: OUT });
  } finally {
    await session.close();
  }
  process.stdout.write(`wrote ${OUT}\n`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
