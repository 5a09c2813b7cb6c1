import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Lines of a dead process's output its report quotes. */
const REPORTED_LINES = 50;

/** Every child a helper started, so a failing test still leaves none behind. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** A process a test started that exited without the test asking it to. */
export interface ProcessDeath {
  name: string;
  pid: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Its last lines of stdout and stderr. */
  lastLines: string;
}

/** Deaths not yet reported to a test (see report-process-deaths.ts). */
const unreported: ProcessDeath[] = [];

/** Removes and returns the deaths seen since the last call. */
export function takeProcessDeaths(): ProcessDeath[] {
  return unreported.splice(0);
}

export function describeDeath(death: ProcessDeath): string {
  const how = death.signal ? `was killed by ${death.signal}` : `exited with code ${death.code}`;
  return `${death.name} (pid ${death.pid}) ${how} while the test still needed it; its last lines:\n${indent(death.lastLines)}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  | ${line}`)
    .join('\n');
}

function lastLines(output: string, count = REPORTED_LINES): string {
  const lines = output.trimEnd().split('\n');
  return lines.slice(-count).join('\n') || '(no output)';
}

/**
 * A free loopback TCP port (the OS picks one; it is released before
 * returning). Only for servers that cannot bind port 0 themselves
 * (redis-server): start them with `startOnFreePort`, which tries again when
 * another process took the port in between.
 */
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

/** What a server prints when its port was taken between the pick and its bind. */
const PORT_TAKEN = /EADDRINUSE|Address already in use|address already in use/;

/**
 * Starts a server on a port picked now; when it fails because another
 * process took the port first, picks another and starts it again.
 */
export async function startOnFreePort<T>(start: (port: number) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (error) {
      if (attempt >= attempts || !PORT_TAKEN.test(String((error as Error).message))) throw error;
    }
  }
}

/**
 * Starts a server again on the port it had: waits until the old listener is
 * gone (its process exited, but the kernel may still hold the socket a
 * moment), trying again while the port is in use, up to `budgetMs`.
 */
export async function restartOnPort<T>(start: () => Promise<T>, budgetMs = 30_000): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    try {
      return await start();
    } catch (error) {
      if (Date.now() > deadline || !PORT_TAKEN.test(String((error as Error).message))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface StartedProcess {
  child: ChildProcess;
  /** What reports call it: "coordinator", "worker w1", "redis-server" … */
  name: string;
  /** The first output line that matched the ready pattern's capture group. */
  ready: string;
  /** Everything the process wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Sends a signal and resolves with the exit code once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /**
   * Sends a signal the test means (to the whole process group with `group`):
   * an exit it causes is not reported as a death.
   */
  kill(signal: NodeJS.Signals, options?: { group?: boolean }): void;
  /** Set once it exited without the test asking it to. */
  death(): ProcessDeath | undefined;
  /** Resolves with the exit code (or -1 for a signal) once it has exited. */
  exited: Promise<number | null>;
}

/** Signals after which the process is not expected to go on. */
const ENDING = new Set<NodeJS.Signals>(['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGHUP']);

/** A short name for reports: the program, or the node script's package and its id. */
function nameOf(command: string, args: string[]): string {
  const script = args.find((arg) => arg.endsWith('.js'));
  const program = script ? basename(dirname(dirname(script))) : basename(command);
  const idAt = args.indexOf('--id');
  return idAt >= 0 ? `${program} ${args[idAt + 1]}` : program;
}

/**
 * Spawns a process and waits for a line matching `ready` (group 1 is
 * returned), failing on early exit or timeout. An exit after it was ready
 * that the test did not ask for (through `stop` or `kill`) is recorded, and
 * reported beside the test it happened in.
 */
export function startProcess(
  command: string,
  args: string[],
  ready: RegExp,
  options: {
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    /** Lead a process group of its own (its children join it), for `kill -9` of the whole group. */
    detached?: boolean;
    /** Its name in reports (by default taken from the command line). */
    name?: string;
  } = {},
): Promise<StartedProcess> {
  const name = options.name ?? nameOf(command, args);
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  children.add(child);
  let output = '';
  let isReady = false;
  let exitRequested = false;
  let death: ProcessDeath | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (isReady && !exitRequested) {
        death = { name, pid: child.pid, code, signal, lastLines: lastLines(output) };
        unreported.push(death);
      }
      resolve(code ?? (signal ? -1 : null));
    });
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    exitRequested = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const kill = (signal: NodeJS.Signals, killOptions: { group?: boolean } = {}) => {
    if (ENDING.has(signal)) exitRequested = true;
    try {
      if (killOptions.group && child.pid) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // Already gone.
    }
  };
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return new Promise((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      exitRequested = true;
      child.kill('SIGKILL');
      reject(
        new Error(`${name}: ${command} ${args.join(' ')} was not ready within ${timeoutMs} ms:\n${output}`),
      );
    }, timeoutMs);
    const onData = () => {
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      isReady = true;
      resolve({
        child,
        name,
        ready: match[1] ?? match[0],
        output: () => output,
        stop,
        kill,
        death: () => death,
        exited,
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    exited.then((code) => {
      clearTimeout(timer);
      if (!isReady) {
        reject(
          new Error(
            `${name}: ${command} ${args.join(' ')} exited with ${code} before it was ready:\n${output}`,
          ),
        );
      }
    });
  });
}
