import cliProgress from 'cli-progress';
import type { ProgressSnapshot } from './metrics/run-recorder.js';

/** Lines are printed this often when stderr is not a terminal (logs, CI). */
const NON_TTY_EVERY_MS = 10_000;
const STEPS = 1000;

/**
 * A live status line on stderr: redrawn in place on a terminal, printed every
 * ten seconds otherwise, so a long run shows it is alive without flooding logs.
 */
export class ProgressLine {
  private readonly bar: cliProgress.SingleBar;

  constructor(label: string, stream: NodeJS.WriteStream = process.stderr) {
    this.bar = new cliProgress.SingleBar({
      stream,
      format: `${label} {bar} {percentage}% | {requests} req | {qps} q/s | p99 {p99} ms | {failed} failed | {duration}s`,
      barsize: 20,
      hideCursor: false,
      noTTYOutput: true,
      notTTYSchedule: NON_TTY_EVERY_MS,
    });
    this.bar.start(STEPS, 0, fields(undefined));
  }

  update(fraction: number, snapshot: ProgressSnapshot): void {
    this.bar.update(Math.round(Math.min(1, fraction) * STEPS), fields(snapshot));
  }

  stop(): void {
    this.bar.stop();
  }
}

function fields(snapshot: ProgressSnapshot | undefined) {
  return {
    requests: snapshot?.requests ?? 0,
    qps: Math.round(snapshot?.queriesPerSecond ?? 0),
    p99: (snapshot?.p99Ms ?? 0).toFixed(2),
    failed: snapshot?.failed ?? 0,
  };
}
