import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs a program (no shell), resolving with its stdout; a failure names the command and quotes its stderr. */
export async function run(command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { encoding: 'utf8' });
    return stdout;
  } catch (error) {
    throw commandError(command, args, error);
  }
}

/**
 * The same, synchronously: clean-up runs from `process.on('exit')`, where
 * nothing asynchronous gets to run any more.
 */
export function runSync(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw commandError(command, args, error);
  }
}

/** Clean-up of something that may already be gone: a failure is not an error. */
export function runSyncIgnoringFailure(command: string, args: string[]): void {
  try {
    runSync(command, args);
  } catch {
    // Already removed (by the kernel with its namespace, or by an earlier clean-up).
  }
}

function commandError(command: string, args: string[], error: unknown): Error {
  const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
  return new Error(`${command} ${args.join(' ')} failed: ${stderr || (error as Error).message}`);
}
