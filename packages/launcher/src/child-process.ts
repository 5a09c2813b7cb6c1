import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A child process of the local cluster, started and known to be serving. */
export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The first capture group of the ready line (the address it serves on). */
  readonly address: string;
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  /** Matches the line the process prints once it serves; group 1 is its address. */
  ready: RegExp;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Forward the child's output lines (prefixed by its name) to this sink. */
  log?: (line: string) => void;
}

/** Spawns a process and resolves once it prints its ready line; rejects with its last output if it dies first. */
export function startProcess(options: StartOptions): Promise<ManagedProcess> {
  const child = spawn(options.command, options.args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const recent: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${options.name} did not become ready in ${options.timeoutMs ?? 30_000} ms:\n${recent.join('\n')}`,
        ),
      );
    }, options.timeoutMs ?? 30_000);
    const onLine = (line: string) => {
      recent.push(line);
      if (recent.length > 30) recent.shift();
      options.log?.(`[${options.name}] ${line}`);
      const match = options.ready.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve({
          name: options.name,
          child,
          address: match[1] ?? '',
          stop: (graceMs) => stopChild(child, graceMs),
        });
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} could not start: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`${options.name} exited (${signal ?? code}) before it was ready:\n${recent.join('\n')}`),
      );
    });
  });
}

/** SIGTERM, then SIGKILL if the process has not exited within the grace period. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
