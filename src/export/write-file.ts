import { openOutput, type OpenOptions } from './output-file.js';

/**
 * Write `data` to `path` in one go through openOutput: a temporary file in the same folder and a rename for a
 * regular file (a reader never sees a half-written file, a failed write leaves the old file untouched), straight
 * through for a FIFO or a device.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: OpenOptions = {}): Promise<void> {
  const output = await openOutput(path, options);
  try {
    await output.write(data);
    await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  }
}
