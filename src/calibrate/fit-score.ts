/**
 * `npm run fit-score`: fits the map from a bead's evidence to its calibrated score and writes
 * src/align/score-coefficients.ts. Data: the dev benchmark (../shared/corpora/dev) and the cases make-cases.ts
 * generates from ../shared/corpora/dev-raw, both aligned by the engine as `selaras eval` does; a bead is right when it
 * matches a gold bead exactly.
 *
 * Per embedder family (the bundled model, `--model lexical`, and pulled models: a fit on both embedders' beads that
 * leaves out raw similarities) and per bead kind (aligned, unpaired): a logistic regression, then an isotonic map
 * fitted on out-of-fold probabilities. Figures printed: in-sample, and cross-validated by domain (each raw document
 * and the dev cases made from it held out in turn, the logistic and isotonic fits both redone without it).
 *
 * Options: --dev DIR, --raw DIR, --check (print the figures, write nothing), --rows FILE (keep the aligned beads'
 * evidence there and reuse it on the next run: for trying features, which only confidence.ts computes).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { beadScore } from '../align/confidence.js';
import { LEXICAL_MODEL_NAME } from '../embed/lexical.js';
import { DEFAULT_MODEL_NAME, resolveEmbedder } from '../pipeline.js';
import { collect, DEV_WEIGHT, devCases, fitCalibration, printTable, report, tableSource, type Case, type Row } from './fit.js';
import { CASES_SEED, DEFAULT_RAW_DIR, makeCases, readRawDocuments } from './make-cases.js';

const DEFAULT_DEV_DIR = '../shared/corpora/dev';
const OUTPUT = 'src/align/score-coefficients.ts';
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dev: { type: 'string', default: DEFAULT_DEV_DIR },
      raw: { type: 'string', default: DEFAULT_RAW_DIR },
      check: { type: 'boolean', default: false },
      rows: { type: 'string' },
    },
  });
  const dev = await devCases(resolve(values.dev));
  const generated: Case[] = makeCases(await readRawDocuments(resolve(values.raw))).map((c) => ({ ...c, origin: 'generated' }));
  const cases = [...dev, ...generated];
  console.log(`${dev.length} dev cases (each bead weighing ${DEV_WEIGHT}), ${generated.length} generated cases (seed ${CASES_SEED})`);
  const saved = values.rows ? await readFile(values.rows, 'utf8').catch(() => null) : null;
  const rowsOf = new Map<string, Row[]>(saved ? (JSON.parse(saved) as Array<[string, Row[]]>) : []);
  for (const model of [DEFAULT_MODEL_NAME, LEXICAL_MODEL_NAME]) {
    if (rowsOf.has(model)) continue;
    const embedder = await resolveEmbedder(model);
    const started = performance.now();
    rowsOf.set(model, await collect(embedder, cases, (done) => process.stderr.write(`\r${model}: ${done}/${cases.length} cases`)));
    process.stderr.write(`\r${model}: ${cases.length} cases aligned in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  if (values.rows && !saved) await writeFile(values.rows, JSON.stringify([...rowsOf]));
  const bundledRows = rowsOf.get(DEFAULT_MODEL_NAME)!;
  const lexicalRows = rowsOf.get(LEXICAL_MODEL_NAME)!;
  const describe = (rows: readonly Row[]) => `${rows.length} beads of ${dev.length} dev and ${generated.length} generated cases`;
  const bundled = fitCalibration(bundledRows, `${DEFAULT_MODEL_NAME}: ${describe(bundledRows)}`, true);
  const lexical = fitCalibration(lexicalRows, `${LEXICAL_MODEL_NAME}: ${describe(lexicalRows)}`, true);
  const pooled = [...bundledRows, ...lexicalRows];
  const pulled = fitCalibration(pooled, `pulled models: both embedders' beads, no raw similarities (${pooled.length} beads)`, false);
  report(DEFAULT_MODEL_NAME, bundledRows, bundled, true);
  report(LEXICAL_MODEL_NAME, lexicalRows, lexical, true);
  report('pulled-model fit, on the bundled and lexical beads', pooled, pulled, false);
  // How the pulled-model fit carries to an embedder it has not seen: fitted on one, scored on the other.
  console.log('\n## pulled-model fit carried to an unseen embedder');
  for (const [seen, unseen] of [[lexicalRows, bundledRows], [bundledRows, lexicalRows]] as const) {
    const fit = fitCalibration(seen, 'transfer', false);
    printTable(`fitted on ${seen[0]?.embedder}, scored on ${unseen[0]?.embedder} (dev)`, unseen.filter((r) => r.origin === 'dev'), (r) => beadScore(fit, r.evidence));
  }
  if (values.check) return;
  const source = [
    '/**',
    ' * Fitted by `npm run fit-score` (src/calibrate/fit-score.ts); do not edit by hand. Per embedder family and bead kind:',
    ' * a logistic regression on the features of confidence.ts, then an isotonic map fitted on its out-of-fold',
    ` * probabilities. Data: the dev benchmark (a bead weighing ${DEV_WEIGHT}) and the cases make-cases.ts generates from`,
    ` * dev-raw (seed ${CASES_SEED}); a bead is right when it matches a gold bead exactly.`,
    ' */',
    "import type { ScoreCalibration } from './confidence.js';",
    '',
    '/** The bundled model. */',
    tableSource('BUNDLED_SCORE', bundled),
    '/** `--model lexical`. */',
    tableSource('LEXICAL_SCORE', lexical),
    '/** Pulled models (not measured here): fitted on both embedders above, without raw similarities. */',
    tableSource('PULLED_SCORE', pulled),
  ].join('\n');
  await writeFile(resolve(OUTPUT), source);
  console.log(`\nwrote ${OUTPUT}`);
}

await main();
