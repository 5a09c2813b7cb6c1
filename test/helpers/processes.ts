import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every child a helper started, so a failing test still leaves none behind. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** A free loopback TCP port (the OS picks one; it is released before returning). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface StartedProcess {
  child: ChildProcess;
  /** The first output line that matched the ready pattern's capture group. */
  ready: string;
  /** Everything the process wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Sends a signal and resolves with the exit code once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Spawns a process and waits for a line matching `ready` (group 1 is returned), failing on early exit or timeout. */
export function startProcess(
  command: string,
  args: string[],
  ready: RegExp,
  options: {
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    /** Lead a process group of its own (its children join it), for `kill -9` of the whole group. */
    detached?: boolean;
  } = {},
): Promise<StartedProcess> {
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  children.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? -1 : null));
    });
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${command} ${args.join(' ')} was not ready within ${options.timeoutMs ?? 30_000} ms:\n${output}`,
        ),
      );
    }, options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        const keep = (more: Buffer) => {
          output += more.toString();
          if (output.length > 200_000) output = output.slice(-100_000);
        };
        child.stdout?.on('data', keep);
        child.stderr?.on('data', keep);
        resolve({ child, ready: match[1] ?? match[0], output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited with ${code} before it was ready:\n${output}`));
    });
  });
}
