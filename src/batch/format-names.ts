/** The names of the batch formats and how --out's extension picks one: what argument parsing needs, without the
 * writers (which load the export and compare modules). */
export const BATCH_FORMATS = ['csv', 'jsonl', 'tmx', 'moses'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

/** --format, else the extension of --out: .jsonl, .tmx; anything else is CSV (what batch always wrote). */
export function batchFormatFor(out: string, format: string | undefined): BatchFormat | undefined {
  if (format !== undefined) return (BATCH_FORMATS as readonly string[]).includes(format) ? (format as BatchFormat) : undefined;
  const extension = /\.([^./\\]+)$/.exec(out)?.[1]?.toLowerCase();
  return extension === 'jsonl' || extension === 'tmx' ? extension : 'csv';
}
