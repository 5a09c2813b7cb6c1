export { type BenchRunOptions, benchCommand, runBenchCommand, suiteCommand } from './bench-command.js';
export {
  FILTERED_DATASETS,
  type FilteredConfig,
  type FilteredDatasetName,
  type FilteredRun,
  filteredConfig,
  SELECTIVITIES,
  TINY_FILTERED,
} from './filtered/filtered-config.js';
export type { FilteredMode, FilteredRow } from './filtered/filtered-row.js';
export { type FilteredVerdict, judgeFiltered } from './filtered/filtered-targets.js';
export { type FilteredOptions, type FilteredResult, runFilteredBench } from './filtered/run-filtered.js';
export {
  DEFAULT_CACHE_DIR,
  type GroundTruth,
  type GroundTruthOptions,
  groundTruth,
  groundTruthCacheFile,
} from './ground-truth.js';
export { type LoadOptions, type LoadResult, loadTarget } from './load-target.js';
export { errorCodeName } from './metrics/error-code.js';
export { LatencyHistogram, type LatencySummary, REPORTED_PERCENTILES } from './metrics/latency-histogram.js';
export { type ProgressSnapshot, RunRecorder } from './metrics/run-recorder.js';
export { ProgressLine } from './progress-line.js';
export { batchRecall, queryRecall } from './recall.js';
export { describeMachine, type MachineDescription, machineLine } from './report/machine.js';
export { runLatencyChart } from './report/run-chart.js';
export { runReportMarkdown } from './report/run-markdown.js';
export { buildRunReport, type RunReport } from './report/run-report.js';
export { renderSvg } from './report/svg-chart.js';
export type { BenchRow } from './suite/bench-row.js';
export { runSuite, type SuiteOptions, type SuiteResult } from './suite/run-suite.js';
export {
  ALL_MODES,
  type BenchMode,
  CLUSTER_MODES,
  type DatasetRun,
  FULL_SUITE,
  QUICK_SUITE,
  type SuiteConfig,
} from './suite/suite-config.js';
export { suiteMarkdown } from './suite/suite-report.js';
export { judgeTargets, type TargetVerdict } from './suite/suite-targets.js';
export { type ClusterCollectionOptions, ClusterTarget } from './targets/cluster-target.js';
export { FaissTarget } from './targets/faiss-target.js';
export { type BenchCluster, launchBenchCluster } from './targets/local-cluster.js';
export type { IndexSpec, SearchTarget, TargetSearchResult } from './targets/search-target.js';
export { runTenantBench, type TenantOptions, type TenantResult } from './tenants/run-tenants.js';
export {
  TENANT_K,
  type TenantConfig,
  type TenantConfigOptions,
  TINY_TENANTS,
  tenantConfig,
} from './tenants/tenant-config.js';
export { TENANT_MODES, type TenantMode, type TenantRow } from './tenants/tenant-row.js';
export { judgeTenants, TENANT_SPEEDUP_TARGET, type TenantVerdict } from './tenants/tenant-targets.js';
export { closedLoop, openLoop } from './workload/loops.js';
export { type Operation, OperationSource } from './workload/operations.js';
export { poissonArrivals } from './workload/poisson-arrivals.js';
export { type RunHooks, runWorkload } from './workload/run-workload.js';
export { checkWorkload, runBounds, type WorkloadOptions } from './workload/workload-options.js';
