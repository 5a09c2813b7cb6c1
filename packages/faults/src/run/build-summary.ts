import { cpus } from 'node:os';
import type { CheckReport } from '../checker/check-history.js';
import { formatAnomaly } from '../checker/format-anomaly.js';
import type { HistoryRecorder } from '../history/history-recorder.js';
import { NEMESES } from '../nemesis/nemesis-catalog.js';
import type { FaultEvent } from './fault-event.js';
import { eventOfAnomaly, nemesisStats } from './nemesis-stats.js';
import type { RunOptions } from './run-options.js';
import { CLUSTER_DESCRIPTION } from './run-shape.js';
import type { ReportedDeath, ReportedEvent, RunSummary } from './run-summary.js';

export interface RunOutcome {
  options: RunOptions;
  recorder: HistoryRecorder;
  events: FaultEvent[];
  check: CheckReport;
  deaths: ReportedDeath[];
  /** When the workload stopped (the final reads follow), on the history's clock. */
  workloadStoppedMs: number;
  wallS: number;
}

/** What faults.json holds: the figures, per nemesis and per firing, the anomalies and the deaths. */
export function buildSummary(outcome: RunOutcome): RunSummary {
  const { options, recorder, events, check, workloadStoppedMs } = outcome;
  return {
    generated: new Date().toISOString(),
    rerun: rerunCommand(options),
    seed: options.seed,
    mode: options.ci ? 'ci' : options.quick ? 'quick' : 'full',
    broken: options.broken,
    wallS: outcome.wallS,
    // HistoryRecorder reads performance.now(), which counts from the process' time origin.
    clockOrigin: new Date(performance.timeOrigin).toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    cluster: CLUSTER_DESCRIPTION,
    operations: check.operations,
    failed: check.failed,
    unknown: check.unknown,
    anomalies: check.anomalies.length,
    events: events.length,
    inconclusive: check.inconclusive,
    nemeses: nemesisStats(events, recorder, check.anomalies, workloadStoppedMs),
    faultEvents: events.map((event) => reportedEvent(event, recorder.originMs)),
    deaths: outcome.deaths,
    anomalyReports: check.anomalies.map((anomaly) => ({
      key: anomaly.key,
      kinds: anomaly.kinds,
      nemesis: eventOfAnomaly(anomaly, events, workloadStoppedMs)?.nemesis,
      text: formatAnomaly(anomaly),
    })),
  };
}

function reportedEvent(event: FaultEvent, originMs: number): ReportedEvent {
  const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);
  return {
    nemesis: event.nemesis,
    faults: event.faults,
    injectedS: (event.injectedMs - originMs) / 1000,
    healedS: (event.healedMs - originMs) / 1000,
    writesBackS: seconds(event.writesBackMs),
    readsBackS: seconds(event.readsBackMs),
    settledS: Object.fromEntries(Object.entries(event.settledMs).map(([check, ms]) => [check, ms / 1000])),
    notRecovered: event.notRecovered,
    errors: event.errors,
  };
}

/** The command that makes the same choices again (the timing, and so the history, differ). */
function rerunCommand(options: RunOptions): string {
  const allNemeses = options.nemeses.length === NEMESES.length;
  const flags = [
    options.ci ? '--ci' : options.quick ? '--quick' : '',
    `--seed ${options.seed}`,
    options.broken ? '--broken' : '',
    options.ci || allNemeses ? '' : `--nemesis ${options.nemeses.map((n) => n.name).join(' ')}`,
    options.durationMs === 0 ? '' : `--duration ${options.durationMs / 1000}`,
  ];
  return `npm run faults -- ${flags.filter(Boolean).join(' ')}`;
}
