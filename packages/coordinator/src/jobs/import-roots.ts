import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { permissionDenied } from '@vecshard/proto';

/** Where the coordinator takes its import roots from: the operator's option, or its data dir by default. */
export type ImportRootsOrigin = 'option' | 'data-dir';

/**
 * The folders whose files import and train jobs may read from the
 * coordinator's disk: whoever holds a write key names the path, so without
 * this any file the coordinator can read (keys, certificates, other
 * tenants' data) could be read into a collection or quoted in an error.
 * A path is checked after resolving `..` and symbolic links, so neither
 * leads out of a root.
 */
export class ImportRoots {
  private constructor(
    readonly dirs: string[],
    private readonly origin: ImportRootsOrigin,
  ) {}

  /** The roots named by --import-root; without any, the data dir; without one either, none (no local files). */
  static of(options: { importRoots?: string[]; dataDir?: string }): ImportRoots {
    const named = (options.importRoots ?? []).filter((dir) => dir !== '');
    if (named.length > 0)
      return new ImportRoots(
        named.map((dir) => resolve(dir)),
        'option',
      );
    return new ImportRoots(options.dataDir ? [resolve(options.dataDir)] : [], 'data-dir');
  }

  /**
   * The real path of an absolute local path that lies under a root (it may
   * not exist yet: that is for the job to report); PERMISSION_DENIED naming
   * the path and the option otherwise.
   */
  async resolve(path: string): Promise<string> {
    if (this.dirs.length === 0) {
      throw permissionDenied(
        `"${path}" is a file on the coordinator, and this coordinator reads none: start it with ` +
          '--import-root DIR (env VECSHARD_IMPORT_ROOT) to allow files under DIR, or name an object ' +
          'in the object store as "store:KEY"',
      );
    }
    const real = await realPathOf(path);
    for (const dir of this.dirs) if (isWithin(await realPathOf(dir), real)) return real;
    const roots = `import root${this.dirs.length > 1 ? 's' : ''} (${this.dirs.join(', ')})`;
    const where = this.origin === 'data-dir' ? ' (by default its --data-dir)' : '';
    throw permissionDenied(
      `"${path}" is outside the ${roots}: this coordinator reads local files only under ` +
        `--import-root${where}, env VECSHARD_IMPORT_ROOT, after resolving ".." and symbolic links; ` +
        'put the file there, or name an object in the object store as "store:KEY"',
    );
  }
}

/**
 * The path with every symbolic link and `..` resolved. A path that does not
 * exist (yet) resolves its nearest existing ancestor: the missing rest holds
 * no links to follow.
 */
async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR')
      throw permissionDenied(`"${path}" cannot be resolved on the coordinator (${code ?? error})`);
  }
  const parent = dirname(path);
  if (parent === path) return path;
  return join(await realPathOf(parent), basename(path));
}

/** Whether `path` is `dir` or lies below it (both real paths). */
function isWithin(dir: string, path: string): boolean {
  const rest = relative(dir, path);
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest));
}
