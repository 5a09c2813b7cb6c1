import { createWriteStream, type WriteStream } from 'node:fs';
import { type ManagedProcess, startProcess } from '@vecshard/launcher';
import { inNamespace } from './network-namespace.js';

/** What a node runs: a program started inside its namespace, ready once it prints `ready`. */
export interface ProcessSpec {
  /** The node's name in logs and reports ("worker-2"). */
  name: string;
  namespace: string;
  command: string;
  args: string[];
  ready: RegExp;
  env?: NodeJS.ProcessEnv;
  /** Every line it prints is appended here (across restarts). */
  logFile: string;
  readyTimeoutMs?: number;
}

/** A process that exited without the suite asking it to. */
export interface ProcessDeath {
  name: string;
  pid: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  lastLines: string[];
}

/** Lines of output kept to quote when the process dies unasked. */
const KEPT_LINES = 40;
/** Signals a nemesis sends that end the process: its exit is then expected. */
const ENDING = new Set<NodeJS.Signals>(['SIGKILL', 'SIGTERM', 'SIGINT']);

/**
 * One node's process. The suite kills, pauses and restarts it on purpose;
 * any other exit is a death the owner hears about, with the exit code or
 * signal and the last lines the process printed.
 */
export class NodeProcess {
  private current: ManagedProcess | undefined;
  private readonly recent: string[] = [];
  private readonly log: WriteStream;
  private exitExpected = false;

  constructor(
    private readonly spec: ProcessSpec,
    private readonly onDeath: (death: ProcessDeath) => void,
  ) {
    this.log = createWriteStream(spec.logFile, { flags: 'a' });
  }

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.running ? this.current?.child.pid : undefined;
  }

  get running(): boolean {
    const child = this.current?.child;
    return !!child && child.exitCode === null && child.signalCode === null;
  }

  /** The line that said it is ready: its first capture group (the address it serves on), if any. */
  get readyAddress(): string | undefined {
    return this.current?.address;
  }

  lastLines(): string[] {
    return [...this.recent];
  }

  /** Starts it (again), with `args` instead of the spec's for this start when given. */
  async start(args = this.spec.args): Promise<void> {
    this.exitExpected = false;
    this.write(`--- ${new Date().toISOString()} starting ${this.spec.name}`);
    const [command, argv] = inNamespace(this.spec.namespace, this.spec.command, args);
    const started = await startProcess({
      name: this.spec.name,
      command,
      args: argv,
      ready: this.spec.ready,
      env: this.spec.env,
      timeoutMs: this.spec.readyTimeoutMs ?? 60_000,
      log: (line) => this.keep(line),
    });
    this.current = started;
    // 'close', not 'exit': by then its last lines have been read from the pipes too.
    started.child.once('close', (code, signal) => {
      this.write(`--- ${new Date().toISOString()} exited (${signal ?? code})`);
      if (this.exitExpected || this.current !== started) return;
      this.onDeath({
        name: this.spec.name,
        pid: started.child.pid,
        code,
        signal,
        lastLines: this.lastLines(),
      });
    });
  }

  /**
   * Sends a signal the suite means; for one that ends the process, resolves
   * once it has exited (so a restart finds its port free).
   */
  async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.current?.child;
    if (!child || !this.running) return;
    if (!ENDING.has(signal)) {
      child.kill(signal);
      return;
    }
    this.exitExpected = true;
    const exited = this.waitForExit();
    child.kill(signal);
    await exited;
  }

  /** Resolves once the process running now has exited and its output is read (at once when none runs). */
  waitForExit(): Promise<void> {
    const child = this.current?.child;
    if (!child || !this.running) return Promise.resolve();
    return new Promise((resolve) => child.once('close', () => resolve()));
  }

  /** From now on an exit is the suite's doing (it is tearing everything down). */
  expectExit(): void {
    this.exitExpected = true;
  }

  /** Stops it for good: SIGTERM, then SIGKILL after the grace period. */
  async stop(graceMs = 5000): Promise<void> {
    this.exitExpected = true;
    if (this.running) this.current!.child.kill('SIGCONT');
    await this.current?.stop(graceMs);
    if (!this.log.writableEnded) await new Promise<void>((resolve) => this.log.end(resolve));
  }

  private keep(line: string): void {
    this.recent.push(line);
    if (this.recent.length > KEPT_LINES) this.recent.shift();
    this.write(line);
  }

  private write(line: string): void {
    if (!this.log.writableEnded) this.log.write(`${line}\n`);
  }
}

/** One paragraph naming the process, how it ended, and what it said last. */
export function describeDeath(death: ProcessDeath): string {
  const how = death.signal ? `was killed by ${death.signal}` : `exited with code ${death.code}`;
  const lines = death.lastLines.length > 0 ? death.lastLines : ['(no output)'];
  return `${death.name} (pid ${death.pid}) ${how} unasked; its last lines:\n${lines.map((l) => `  | ${l}`).join('\n')}`;
}
