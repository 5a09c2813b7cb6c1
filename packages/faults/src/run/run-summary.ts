import type { NemesisStats } from './nemesis-stats.js';

/** A fault firing as reported: times in seconds since the workload's clock started. */
export interface ReportedEvent {
  nemesis: string;
  faults: string[];
  injectedS: number;
  healedS: number;
  writesBackS?: number;
  readsBackS?: number;
  /** From the heal until each recovery check passed, s. */
  settledS: Record<string, number>;
  notRecovered: string[];
  errors: string[];
}

/** A process that exited unasked during the run. */
export interface ReportedDeath {
  atS: number;
  node: string;
  /** Which one, how (code or signal) and its last lines. */
  description: string;
}

export interface ReportedAnomaly {
  key: number;
  kinds: string[];
  /** The nemesis firing its failing window begins in. */
  nemesis?: string;
  /** The anomaly and its smallest failing window, as the checker formats it. */
  text: string;
}

/** Everything faults.json holds (faults.md is made from it). */
export interface RunSummary {
  generated: string;
  /** The command line that runs it again with the same choices. */
  rerun: string;
  seed: number;
  mode: 'quick' | 'ci' | 'full';
  broken: boolean;
  wallS: number;
  /**
   * The instant the history's clock counts from: an operation's invokedMs after it
   * is its wall-clock time, to find it in the nodes' logs (pino's "time").
   */
  clockOrigin: string;
  machine: string;
  cluster: string;
  operations: number;
  failed: number;
  unknown: number;
  anomalies: number;
  events: number;
  /** Ids the checker could not decide within its search bound. */
  inconclusive: number[];
  nemeses: NemesisStats[];
  faultEvents: ReportedEvent[];
  deaths: ReportedDeath[];
  anomalyReports: ReportedAnomaly[];
  /** The whole history (JSON Lines), saved beside the report when there were anomalies: its file name there. */
  historyFile?: string;
}

/** Why a run failed even without anomalies: processes that died, a cluster that did not come back, a nemesis that failed. */
export function runProblems(summary: RunSummary): string[] {
  return [
    ...summary.deaths.map((death) => `${death.node} exited unasked at ${death.atS.toFixed(1)} s`),
    ...summary.faultEvents
      .filter((event) => event.notRecovered.length > 0)
      .map((event) => `not whole again after ${event.nemesis}: ${event.notRecovered.join(', ')}`),
    ...summary.faultEvents.flatMap((event) => event.errors.map((error) => `${event.nemesis}: ${error}`)),
  ];
}

/** The one last line the run prints. */
export function finalLine(summary: RunSummary): string {
  return `faults: ${summary.operations} operations, ${summary.events} nemesis events, ${summary.unknown} unknown, anomalies ${summary.anomalies}`;
}
