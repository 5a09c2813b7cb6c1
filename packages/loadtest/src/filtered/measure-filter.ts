import type { Dataset } from '@vecshard/datasets';
import type { SearchResult } from '@vecshard/faiss';
import { type CpuByRole, totalCpuMs } from '../metrics/process-cpu.js';
import type { MachineDescription } from '../report/machine.js';
import { perQuery, type TimingBudget, timeRepeated } from './batch-timing.js';
import type { ClusterFiltered } from './cluster-filtered.js';
import { expectedPlan, nlistOf } from './expected-plan.js';
import type { FaissFiltered } from './faiss-filtered.js';
import { caseName, type FilterCase } from './filter-cases.js';
import { FILTERED_K, type FilteredRun } from './filtered-config.js';
import { filteredRecall, matchMask } from './filtered-recall.js';
import type { FilteredMode, FilteredRow } from './filtered-row.js';
import { filteredTruth } from './filtered-truth.js';

/** Everything one dataset's filters are measured with. */
export interface FilterContext {
  suite: string;
  run: FilteredRun;
  dataset: Dataset;
  faiss: FaissFiltered;
  cluster: ClusterFiltered;
  workers: number;
  batch: TimingBudget;
  count: TimingBudget;
  /** CPU of this process alone (the FAISS modes), and of it with every cluster process. */
  cpu: { local: () => CpuByRole; cluster: () => CpuByRole };
  machine: MachineDescription;
  generatedAt: string;
  log: (line: string) => void;
}

/** The modes one filter runs in: all three, or IVF and the cluster for the unfiltered baseline. */
function modesOf(filter: FilterCase): FilteredMode[] {
  return filter.expression === undefined
    ? ['faiss-ivf', 'cluster']
    : ['faiss-ivf', 'faiss-exact', 'cluster', 'cluster-direct'];
}

/** Ground truth for the filter, then every mode's batch throughput and recall against it. */
export async function measureFilter(filter: FilterCase, context: FilterContext): Promise<FilteredRow[]> {
  const truth = await filteredTruth(context.dataset, filter.matches, FILTERED_K);
  const allowed = matchMask(filter.matches, context.dataset.count);
  const rows: FilteredRow[] = [];
  for (const mode of modesOf(filter)) {
    const timed = await timeRepeated(searchOf(mode, filter, context), context.batch, cpuOf(mode, context));
    const scored = filteredRecall(timed.first, truth, FILTERED_K, allowed);
    const row = baseRow(filter, mode, context);
    row.recall_at_10 = scored.recall;
    row.filter_violations = scored.violations;
    row.batch_qps = timed.callsPerSecond * context.dataset.queryCount;
    row.cpu_ms_per_query_by_role = perQuery(timed.cpuMsPerCall, context.dataset.queryCount);
    row.cpu_ms_per_query = totalCpuMs(row.cpu_ms_per_query_by_role);
    if (mode === 'cluster') Object.assign(row, await clusterExtras(filter, context));
    if (mode === 'cluster-direct') Object.assign(row, pathOf(timed.first));
    context.log(resultLine(row));
    rows.push(row);
  }
  return rows;
}

function searchOf(
  mode: FilteredMode,
  filter: FilterCase,
  context: FilterContext,
): () => Promise<SearchResult> {
  const filtered = filter.expression !== undefined;
  if (mode === 'faiss-ivf') return () => context.faiss.ivf(FILTERED_K, filtered ? filter.matches : undefined);
  if (mode === 'faiss-exact') return () => context.faiss.exact(FILTERED_K, filter.matches);
  if (mode === 'cluster-direct' && filter.filter) {
    const object = filter.filter;
    return () => context.cluster.searchDirect(FILTERED_K, object);
  }
  return () => context.cluster.search(FILTERED_K, filter.expression);
}

function cpuOf(mode: FilteredMode, context: FilterContext): () => CpuByRole {
  return mode.startsWith('cluster') ? context.cpu.cluster : context.cpu.local;
}

/** Whether a one-hop answer went one hop, and if not, why. */
function pathOf(answer: SearchResult & { path?: string; fallbackReason?: string }): Partial<FilteredRow> {
  return {
    ...(answer.path ? { search_path: answer.path } : {}),
    ...(answer.fallbackReason ? { fallback_reason: answer.fallbackReason } : {}),
  };
}

/**
 * The coordinator's plan for the filter, and the filter's evaluation cost:
 * `count` with it evaluates the bitmaps on every shard and nothing else (one
 * round trip to each), timed like the batches. Unfiltered, a `count` without
 * a filter gives the floor: the round trips alone.
 */
async function clusterExtras(filter: FilterCase, context: FilterContext): Promise<Partial<FilteredRow>> {
  const { expression } = filter;
  const { dataset, run } = context;
  const plan =
    expression === undefined
      ? undefined
      : expectedPlan(filter.matches.length, dataset.count, run.nprobe, nlistOf(run.index));
  const counted = await timeRepeated(
    () => context.cluster.count(expression),
    context.count,
    context.cpu.cluster,
  );
  if (counted.first !== filter.matches.length) {
    context.log(
      `WARNING: count(${caseName(filter)}) answered ${counted.first}, the fields select ${filter.matches.length}`,
    );
  }
  return {
    ...(plan ? { expected_plan: plan } : {}),
    cluster_count: counted.first,
    filter_eval_ms: 1000 / counted.callsPerSecond,
    filter_eval_cpu_ms: totalCpuMs(counted.cpuMsPerCall),
  };
}

function baseRow(filter: FilterCase, mode: FilteredMode, context: FilterContext): FilteredRow {
  const { dataset, run } = context;
  return {
    suite: context.suite,
    dataset: dataset.name,
    index: run.index,
    nprobe: run.nprobe,
    workers: mode.startsWith('cluster') ? context.workers : 1,
    k: FILTERED_K,
    queries: dataset.queryCount,
    filter: caseName(filter),
    filter_kind: filter.kind,
    selectivity: filter.selectivity,
    target_selectivity: filter.target ?? null,
    matches: filter.matches.length,
    mode,
    recall_at_10: 0,
    filter_violations: 0,
    batch_qps: 0,
    cpu_ms_per_query: 0,
    cpu_ms_per_query_by_role: {},
    machine: context.machine,
    generated_at: context.generatedAt,
  };
}

function resultLine(row: FilteredRow): string {
  const evaluation =
    row.filter_eval_ms === undefined
      ? ''
      : `, count ${row.filter_eval_ms.toFixed(2)} ms${row.expected_plan ? `, plan ${row.expected_plan}` : ''}`;
  const violations = row.filter_violations > 0 ? `, ${row.filter_violations} NON-MATCHING ids` : '';
  const path = row.search_path
    ? `, path ${row.search_path}${row.fallback_reason ? ` (${row.fallback_reason})` : ''}`
    : '';
  return (
    `  ${row.mode}: recall@10 ${row.recall_at_10.toFixed(4)}, batch ${row.batch_qps.toFixed(0)} q/s, ` +
    `${row.cpu_ms_per_query.toFixed(3)} CPU ms/query${evaluation}${path}${violations}`
  );
}
