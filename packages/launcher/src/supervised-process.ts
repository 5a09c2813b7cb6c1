import { type ManagedProcess, type StartOptions, startProcess } from './child-process.js';

/** What a supervisor reports: an unexpected exit, and each restart. */
export type SupervisorEvent =
  | { kind: 'exited'; name: string; reason: string; restartInMs: number }
  | { kind: 'restarted'; name: string; address: string }
  | { kind: 'restart-failed'; name: string; error: string };

/** The first restart waits this long; each further one twice as long, up to MAX_BACKOFF_MS. */
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
/** A process that ran this long counts as healthy again: the next restart starts from the first backoff. */
const HEALTHY_AFTER_MS = 60_000;

/**
 * A process that is started again (same arguments, so the same identity)
 * whenever it exits unexpectedly, with a doubling backoff, as a Kubernetes
 * StatefulSet restarts its pods. `current` is the running process.
 */
export class SupervisedProcess {
  private stopping = false;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly options: StartOptions,
    public current: ManagedProcess,
    private readonly onEvent: (event: SupervisorEvent) => void,
    restart: boolean,
  ) {
    this.stopping = !restart;
    this.watch();
  }

  /** Starts the process; with `restart` false it is only watched, never started again. */
  static async start(
    options: StartOptions,
    onEvent: (event: SupervisorEvent) => void,
    restart = true,
  ): Promise<SupervisedProcess> {
    return new SupervisedProcess(options, await startProcess(options), onEvent, restart);
  }

  get name(): string {
    return this.options.name;
  }

  /** From now on an exit is expected: no restart follows (the cluster is stopping, and Ctrl-C reaches every process). */
  expectExit(): void {
    this.stopping = true;
    clearTimeout(this.timer);
  }

  /** Stops the process for good: no restart follows. */
  async stop(graceMs?: number): Promise<void> {
    this.expectExit();
    await this.current.stop(graceMs);
  }

  private watch(): void {
    const started = Date.now();
    this.current.child.once('exit', (code, signal) => {
      if (this.stopping) return;
      if (Date.now() - started >= HEALTHY_AFTER_MS) this.failures = 0;
      const restartInMs = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** this.failures++);
      this.onEvent({ kind: 'exited', name: this.name, reason: String(signal ?? code), restartInMs });
      this.timer = setTimeout(() => void this.restart(), restartInMs);
    });
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      this.current = await startProcess(this.options);
      if (this.stopping) {
        await this.current.stop();
        return;
      }
      this.onEvent({ kind: 'restarted', name: this.name, address: this.current.address });
      this.watch();
    } catch (error) {
      this.onEvent({ kind: 'restart-failed', name: this.name, error: (error as Error).message });
      const retryInMs = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** this.failures++);
      this.timer = setTimeout(() => void this.restart(), retryInMs);
    }
  }
}
