import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { FieldsFile } from './fields-file.js';
import type { FieldsSource } from './fields-source.js';
import { permanent } from './job-queue.js';
import { ParquetFields } from './parquet-fields.js';
import { type JobFiles, localCopy } from './vector-source.js';

/** The first (and last) four bytes of every Parquet file. */
const PARQUET_MAGIC = 'PAR1';

/**
 * Opens an import's fields file (a path on the coordinator, or "store:KEY"):
 * Parquet when its name ends in .parquet or it starts with PAR1, JSON Lines
 * otherwise. Fails for good when it does not exist.
 */
export async function openFieldsSource(path: string, files: JobFiles): Promise<FieldsSource> {
  const local = await localCopy(path, files);
  try {
    if (!existsSync(local.path)) {
      throw permanent(new Error(`fields file ${path} does not exist on the coordinator`));
    }
    return (await isParquet(local.path))
      ? await ParquetFields.open(path, local)
      : FieldsFile.read(path, local);
  } catch (error) {
    await local.release();
    throw error;
  }
}

async function isParquet(path: string): Promise<boolean> {
  if (path.toLowerCase().endsWith('.parquet')) return true;
  const file = await open(path);
  try {
    const { bytesRead, buffer } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.toString('latin1') === PARQUET_MAGIC;
  } finally {
    await file.close();
  }
}
