/** The HTML report in a real browser: Debian's headless Chromium opens what `selaras align --out x.html` wrote and a
 * reader uses it (filters, search, links), with no console errors, no requests, and no level-A accessibility
 * violations by axe-core. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { toHtml } from '../../src/export/html/page.js';
import { cleanForDisplay } from '../../src/review.js';
import type { Alignment, Document } from '../../src/types.js';
import { runCli } from '../cli-helpers.js';
import { isCi } from '../ui/tmux-driver.js';
import { CHROMIUM_PATH, hasChromium, launchChromium, type ChromiumSession } from './chromium.js';

const EN = 'corpus/clubhouse/jakarta-outlet.en.txt';
const ID = 'corpus/clubhouse/bulelengpost.id.txt';
const REPRINT = 'corpus/clubhouse/afp-reprint.en.txt';
/** axe-core's tags for WCAG 2.0 and 2.1 level A, then AA (contrast among them), which the page meets too. */
const LEVEL_A = ['wcag2a', 'wcag21a'];
const LEVEL_AA = ['wcag2aa', 'wcag21aa'];

interface Visit {
  readonly page: Page;
  readonly requests: readonly string[];
  readonly errors: readonly string[];
}

const skipNote = hasChromium ? '' : ` (skipped: ${CHROMIUM_PATH} not found; apt-get install chromium)`;

describe.skipIf(!hasChromium && !isCi)(`the HTML report in headless Chromium${skipNote}`, () => {
  let folder = '';
  let session: ChromiumSession | undefined;
  let context: BrowserContext | undefined;
  let hasFailed = false;
  /** The seed pair's report, and its alignment as JSON to check the page against (made once, read by several tests). */
  let seed = { report: '', json: undefined as unknown as Alignment };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'selaras-html-'));
    session = await launchChromium(folder);
    context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    seed = { report: align([EN, ID], 'seed.html'), json: JSON.parse(runCli(['align', EN, ID, '--format', 'json']).stdout) as Alignment };
  });

  afterAll(async () => {
    await session?.close();
    // The screenshots and pages stay for a look when something failed.
    if (hasFailed) process.stderr.write(`HTML report test files kept in ${folder}\n`);
    else if (folder) rmSync(folder, { recursive: true, force: true });
  });

  function noteFailure(): void {
    onTestFailed(() => {
      hasFailed = true;
    });
  }

  /** Opens a page, recording every request it makes and every error it reports. */
  async function visit(path: string, on: BrowserContext | undefined = context): Promise<Visit> {
    if (on === undefined) throw new Error('no browser context');
    const page = await on.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(path).href);
    return { page, requests, errors };
  }

  function align(args: readonly string[], out: string): string {
    const path = join(folder, out);
    const result = runCli(['align', ...args, '--out', path]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return path;
  }

  // The tests are compiled without the DOM's types: in-page code is text, or says what it reads of an element.
  const visibleRows = (page: Page): Promise<string[]> =>
    page.locator('tbody tr:visible').evaluateAll((rows) => rows.map((row) => (row as unknown as { readonly id: string }).id));

  /** axe-core, injected from node_modules into the page, run for the given WCAG tags. */
  async function axeViolations(page: Page, tags: readonly string[]): Promise<string[]> {
    const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(source);
    return page.evaluate<string[]>(
      `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(tags)} } })
        .then((result) => result.violations.map((violation) => violation.id + ' (' + violation.nodes.length + ')'))`,
    );
  }

  it("shows the seed pair's counts, filters the omitted rows, searches, and asks for nothing", async () => {
    noteFailure();
    const { report, json } = seed;
    const { page, requests, errors } = await visit(report);

    const count = (id: string): Promise<string> => page.locator(`[data-count="${id}"] dd`).innerText();
    const statuses = json.pairs.map((pair) => pair.status);
    expect(await count('pairs')).toBe(String(json.pairs.length));
    expect(await count('aligned')).toBe(String(statuses.filter((status) => status === 'aligned').length));
    expect(await count('omitted')).toBe(String(statuses.filter((status) => status === 'omitted').length));
    expect(await count('added')).toBe(String(statuses.filter((status) => status === 'added').length));
    expect(await count('differences')).toBe(String(json.pairs.filter((pair) => pair.differences.length > 0).length));
    expect(await visibleRows(page)).toHaveLength(json.pairs.length);

    await page.getByRole('button', { name: /^omitted/ }).click();
    const omitted = json.pairs.flatMap((pair, index) => (pair.status === 'omitted' ? [`pair-${index}`] : []));
    expect(omitted.length).toBeGreaterThan(0);
    expect(await visibleRows(page)).toEqual(omitted);
    expect(await page.locator('#shown').innerText()).toBe(`showing ${omitted.length} of ${json.pairs.length} rows`);
    expect(await page.getByRole('button', { name: /^omitted/ }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: /^all/ }).click();
    await page.getByLabel('Search both texts').fill('AFP');
    const text = (document: Document, indexes: readonly number[]): string => indexes.map((index) => cleanForDisplay(document.sentences[index]?.text ?? '')).join(' ');
    const withAfp = json.pairs.flatMap((pair, index) =>
      `${text(json.source, pair.source)}\n${text(json.target, pair.target)}`.toLowerCase().includes('afp') ? [`pair-${index}`] : [],
    );
    expect(withAfp.length).toBeGreaterThan(1);
    expect(await visibleRows(page)).toEqual(withAfp);
    // Every match is marked (the CSS Custom Highlight API), none of the text rewritten.
    const marked = await page.evaluate<string[]>("[...(CSS.highlights.get('selaras-search') ?? [])].map((range) => range.toString())");
    expect(marked.length).toBeGreaterThanOrEqual(withAfp.length);
    expect(new Set(marked.map((match) => match.toLowerCase()))).toEqual(new Set(['afp']));

    const screenshot = join(folder, 'seed.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(report).href]);
    await page.close();
  });

  it('has no level-A (nor AA) accessibility violations, in light and in dark mode', async () => {
    noteFailure();
    const { page, errors } = await visit(seed.report);
    expect(await axeViolations(page, LEVEL_A)).toEqual([]);
    expect(await axeViolations(page, LEVEL_AA)).toEqual([]);
    const background = (): Promise<string> => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).not.toBe(light);
    expect(await axeViolations(page, LEVEL_A)).toEqual([]);
    expect(await axeViolations(page, LEVEL_AA)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows every row without scripting, and prints without the controls', async () => {
    noteFailure();
    const noScript = await session!.browser.newContext({ javaScriptEnabled: false });
    const { page } = await visit(seed.report, noScript);
    expect(await visibleRows(page)).toHaveLength(seed.json.pairs.length);
    expect(await page.locator('#controls').isVisible()).toBe(false);
    await noScript.close();

    const { page: printed } = await visit(seed.report);
    expect(await printed.locator('#controls').isVisible()).toBe(true);
    await printed.emulateMedia({ media: 'print' });
    expect(await printed.locator('#controls').isVisible()).toBe(false);
    await printed.close();
  });

  it('shows hostile input as text: markup, entities, quotes and control characters', async () => {
    noteFailure();
    const lines = [
      '<script>window.pwned = 1</script> & "double" \'single\' &amp;',
      '</td></tr></table><img src=x onerror="window.pwned = 2">',
      // Two control characters; the reader takes a file with more than 1% of them for binary data.
      'A bell\u0007 rang and an escape\u001b[31m turned the terminal red, but the page shows only the words around them.',
    ];
    const source = join(folder, 'hostile.en.txt');
    const target = join(folder, 'hostile.id.txt');
    writeFileSync(source, `${lines.join('\n')}\n`);
    writeFileSync(target, 'Biasa saja.\n');
    const report = align([source, target, '--presplit', '--model', 'lexical'], 'hostile.html');
    const { page, requests, errors } = await visit(report);
    const shown = await page.locator('td.text[lang="en"]').allInnerTexts();
    expect(shown).toEqual(lines.map(cleanForDisplay));
    expect(await page.evaluate<string>('typeof window.pwned')).toBe('undefined');
    expect(await page.locator('img, tbody script').count()).toBe(0);
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(lines.length);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(report).href]);
    await page.close();
  });

  it('links the halves of a moved passage, even when a filter hides the other half', async () => {
    noteFailure();
    const sentences = (texts: readonly string[]) => texts.map((text) => ({ text, start: 0, end: text.length, paragraph: 0 }));
    const moved = {
      source: { path: 'm.en.txt', lang: 'en', text: '', sentences: sentences(['Five people were hurt.', 'Rain fell.']) },
      target: { path: 'm.id.txt', lang: 'id', text: '', sentences: sentences(['Hujan turun.', 'Lima orang terluka.']) },
      model: 'm',
      pairs: [
        { source: [0], target: [], status: 'omitted', score: 0.9, differences: [], move: 0 },
        { source: [1], target: [0], status: 'aligned', score: 0.95, differences: [] },
        { source: [], target: [1], status: 'added', score: 0.9, differences: [], move: 0 },
      ],
      moves: [{ source: [0], target: [1], score: 0.9, differences: [] }],
    } as const;
    const report = join(folder, 'moved.html');
    writeFileSync(report, toHtml(moved as unknown as Alignment, { generated: new Date() }));
    const { page, errors } = await visit(report);
    await page.getByRole('button', { name: /^moved/ }).click();
    expect(await visibleRows(page)).toEqual(['pair-0', 'pair-2']);
    await page.getByRole('button', { name: /^omitted/ }).click();
    expect(await visibleRows(page)).toEqual(['pair-0']);
    await page.getByRole('link', { name: 'moved: it reappears at pair 2' }).click();
    expect(new URL(page.url()).hash).toBe('#pair-2');
    expect(await page.locator('#pair-2').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'moved: it was at pair 0' }).click();
    expect(new URL(page.url()).hash).toBe('#pair-0');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows three versions in one column each, with their languages', async () => {
    noteFailure();
    const report = align([EN, ID, REPRINT], 'versions.html');
    const { page, requests, errors } = await visit(report);
    expect(await page.locator('thead th[scope="col"]').allInnerTexts()).toEqual([
      'row',
      'status',
      'pivot: jakarta-outlet.en.txt English',
      'version: bulelengpost.id.txt Indonesian',
      'version: afp-reprint.en.txt English',
      'differences',
    ]);
    const languages = [...new Set(await page.locator('td.text').evaluateAll((cells) => cells.map((cell) => (cell as unknown as { readonly lang: string }).lang)))];
    expect(languages.sort()).toEqual(['en', 'id']);
    await page.getByRole('button', { name: /^added/ }).click();
    const added = await visibleRows(page);
    expect(added.length).toBeGreaterThan(0);
    for (const id of added) expect(await page.locator(`#${id} td.text`).first().getAttribute('lang')).not.toBe(null);
    expect(await axeViolations(page, LEVEL_A)).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(report).href]);
    await page.close();
  });
});
