// The fault-injection suite: topology (processes in network namespaces),
// nemeses (faults and their healing), the workload that records a history,
// and the checker that judges it.

export type { Anomaly, AnomalyKind, Finding } from './checker/anomaly.js';
export { type CheckOptions, type CheckReport, checkHistory } from './checker/check-history.js';
export { formatAnomaly, formatOperation } from './checker/format-anomaly.js';
export type { AvailabilityKind, OperationCounts } from './history/availability.js';
export { readJsonl, toJsonl } from './history/history-jsonl.js';
export { type Completion, HistoryRecorder, type Invocation } from './history/history-recorder.js';
export {
  type Operation,
  type OperationKind,
  type Outcome,
  type ReadPath,
  type RegisterValue,
  UNREADABLE,
} from './history/operation.js';
export { outcomeOfError } from './workload/call-outcome.js';
export { createWorkload, type Workload, type WorkloadOptions } from './workload/workload.js';
