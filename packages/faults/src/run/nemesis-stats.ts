import type { Anomaly } from '../checker/anomaly.js';
import type { HistoryRecorder } from '../history/history-recorder.js';
import type { FaultEvent } from './fault-event.js';

/** What one nemesis cost, over all its firings. */
export interface NemesisStats {
  nemesis: string;
  events: number;
  /** Operations sent from its injection until the next nemesis' (or the end of the workload). */
  operations: number;
  failed: number;
  unknown: number;
  /** Anomalies whose failing window begins in one of its firings. */
  anomalies: number;
  /** The longest time, over its firings, until writes were acknowledged again after the heal; undefined: some never were. */
  worstWritesBackMs?: number;
  worstReadsBackMs?: number;
  /** Firings after which the cluster was not whole again within the wait. */
  notRecovered: number;
}

/**
 * Per nemesis: the operations sent while each firing was in force or
 * recovering (each firing's span runs until the next one's injection, the
 * last one's until the workload stopped), and the anomalies whose smallest
 * failing window begins in that span.
 */
export function nemesisStats(
  events: readonly FaultEvent[],
  recorder: HistoryRecorder,
  anomalies: readonly Anomaly[],
  workloadStoppedMs: number,
): NemesisStats[] {
  const spans = events.map((event, i) => ({
    event,
    from: event.injectedMs,
    to: events[i + 1]?.injectedMs ?? workloadStoppedMs,
  }));
  const byName = new Map<string, NemesisStats>();
  for (const { event, from, to } of spans) {
    const stats = byName.get(event.nemesis) ?? emptyStats(event.nemesis);
    const counts = recorder.counts(from, to);
    stats.events++;
    stats.operations += counts.operations;
    stats.failed += counts.failed;
    stats.unknown += counts.unknown;
    stats.anomalies += anomalies.filter((a) => eventOfAnomaly(a, events, workloadStoppedMs) === event).length;
    stats.worstWritesBackMs = worst(stats, 'worstWritesBackMs', event.writesBackMs);
    stats.worstReadsBackMs = worst(stats, 'worstReadsBackMs', event.readsBackMs);
    if (event.notRecovered.length > 0) stats.notRecovered++;
    byName.set(event.nemesis, stats);
  }
  return [...byName.values()];
}

function emptyStats(nemesis: string): NemesisStats {
  return {
    nemesis,
    events: 0,
    operations: 0,
    failed: 0,
    unknown: 0,
    anomalies: 0,
    notRecovered: 0,
    worstWritesBackMs: 0,
    worstReadsBackMs: 0,
  };
}

/** The larger of the two; a firing after which it never came back makes it undefined for good. */
function worst(
  stats: NemesisStats,
  field: 'worstWritesBackMs' | 'worstReadsBackMs',
  value: number | undefined,
): number | undefined {
  const sofar = stats[field];
  if (sofar === undefined || value === undefined) return undefined;
  return Math.max(sofar, value);
}

/**
 * The firing an anomaly is attributed to: the one whose span holds the first
 * invocation of its smallest failing window (undefined: before the first fault).
 */
export function eventOfAnomaly(
  anomaly: Anomaly,
  events: readonly FaultEvent[],
  workloadStoppedMs: number,
): FaultEvent | undefined {
  const start = Math.min(...anomaly.window.map((operation) => operation.invokedMs));
  return events.find(
    (event, i) => start >= event.injectedMs && start < (events[i + 1]?.injectedMs ?? workloadStoppedMs),
  );
}
