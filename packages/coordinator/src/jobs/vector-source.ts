import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { vectorFileShape } from '@vecshard/datasets';
import { RpcError } from '@vecshard/proto';
import type { ObjectStore } from '@vecshard/storage';
import type { CallWithDeadline, CoordinatorContext } from '../context.js';
import type { ImportRoots } from './import-roots.js';
import { permanent } from './job-queue.js';

/** A job path naming an object in the cluster's object store. */
export const STORE_PREFIX = 'store:';

/** Jobs run for as long as they need; each worker call still has the coordinator's worker timeout. */
export const NO_CALLER_DEADLINE: CallWithDeadline = { getDeadline: () => Infinity };

/** Where the files import and train jobs name come from. */
export interface JobFiles {
  /** The cluster's object store, for "store:KEY" paths. */
  store: ObjectStore | undefined;
  /** Where objects are downloaded for a job. */
  stagingDir: string;
  /** The only folders local paths may name. */
  importRoots: ImportRoots;
}

/** A vector file a job reads, checked against its collection. */
export interface VectorSource {
  /** Local path of the file. */
  path: string;
  count: number;
  /** Deletes a downloaded copy. */
  release(): Promise<void>;
}

/**
 * Opens the file a job reads: the path itself (under an import root), or for
 * "store:KEY" the object downloaded into the staging folder (kept under its
 * key's file name, so the reader can tell its format by extension). Fails for
 * good, naming the file, when it is outside the import roots, missing,
 * unreadable or of another dimension than `dim`.
 */
export async function openVectorSource(
  path: string,
  dim: number,
  collection: string,
  files: JobFiles,
): Promise<VectorSource> {
  const source = await localCopy(path, files);
  try {
    if (!existsSync(source.path))
      throw permanent(new Error(`file ${path} does not exist on the coordinator`));
    const shape = readShape(source.path);
    if (shape.dim !== dim) {
      throw permanent(
        new Error(`${path} holds ${shape.dim}-dimensional vectors; "${collection}" has ${dim}`),
      );
    }
    return { ...source, count: shape.count };
  } catch (error) {
    await source.release();
    throw error;
  }
}

/**
 * The local path of a job file: for a path on the coordinator, its real path,
 * checked again here to lie under an import root (the file or a link on its
 * way may have changed since the request was accepted); for "store:KEY", the
 * object downloaded into the staging folder.
 */
export async function localCopy(path: string, files: JobFiles) {
  if (!path.startsWith(STORE_PREFIX)) {
    const real = await files.importRoots.resolve(path).catch((error) => {
      throw permanent(error);
    });
    return { path: real, release: async () => {} };
  }
  const key = path.slice(STORE_PREFIX.length);
  const { store, stagingDir } = files;
  if (!store) {
    throw permanent(
      new Error(`"${path}" names an object, but this coordinator has no object store (--store)`),
    );
  }
  if (!(await store.head(key)))
    throw permanent(new Error(`object "${key}" does not exist in ${store.location}`));
  await mkdir(stagingDir, { recursive: true });
  const dir = await mkdtemp(join(stagingDir, 'import-'));
  const file = join(dir, basename(key));
  await writeFile(file, await store.get(key));
  return { path: file, release: () => rm(dir, { recursive: true, force: true }) };
}

function readShape(path: string) {
  try {
    return vectorFileShape(path);
  } catch (error) {
    throw permanent(error as Error);
  }
}

/** The collection's record; an unknown collection fails the job for good. */
export async function jobCollection(ctx: CoordinatorContext, name: string) {
  try {
    return await ctx.catalog.get(name);
  } catch (error) {
    if (error instanceof RpcError) throw permanent(error);
    throw error;
  }
}
