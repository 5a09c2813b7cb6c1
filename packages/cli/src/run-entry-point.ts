import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * Runs a package's `main.js` in this process with the given arguments, so that
 * `vecshard worker …` is the worker itself (signals reach it directly, as
 * Kubernetes expects of a container's first process).
 */
export async function runEntryPoint(pkg: string, args: string[]): Promise<void> {
  const main = join(dirname(require.resolve(pkg)), 'main.js');
  process.argv = [process.argv[0], main, ...args];
  await import(pathToFileURL(main).href);
}
