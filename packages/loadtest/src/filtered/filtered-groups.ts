import type { FilterKind } from './filter-cases.js';
import type { FilteredMode, FilteredRow } from './filtered-row.js';

/** One filter's rows side by side. */
export interface FilterGroup {
  filter: string;
  kind: FilterKind;
  selectivity: number;
  rows: Partial<Record<FilteredMode, FilteredRow>>;
}

/** One dataset's filters, with its unfiltered baseline apart. */
export interface DatasetGroup {
  dataset: string;
  unfiltered?: FilterGroup;
  /** Filtered cases in run order. */
  filters: FilterGroup[];
}

/** Rows grouped by dataset, then by filter, in the order they were measured. */
export function groupRows(rows: FilteredRow[]): DatasetGroup[] {
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  return datasets.map((dataset) => {
    const own = rows.filter((r) => r.dataset === dataset);
    const groups = [...new Set(own.map((r) => r.filter))].map((filter) => filterGroup(own, filter));
    return {
      dataset,
      unfiltered: groups.find((g) => g.kind === 'none'),
      filters: groups.filter((g) => g.kind !== 'none'),
    };
  });
}

function filterGroup(rows: FilteredRow[], filter: string): FilterGroup {
  const own = rows.filter((r) => r.filter === filter);
  return {
    filter,
    kind: own[0].filter_kind,
    selectivity: own[0].selectivity,
    rows: Object.fromEntries(own.map((r) => [r.mode, r])),
  };
}

/** Recall differences below this count as the same recall (the suite's tolerance). */
const RECALL_TOLERANCE = 0.005;

/**
 * The FAISS baseline the cluster is held to: the faster of the FAISS modes
 * whose recall reaches the cluster's (within the tolerance). A faster mode
 * that answers worse is no baseline: at 0.1 % the id selector at the same
 * nprobe finds a tenth of the neighbours, so only the exact mode compares.
 */
export function betterFaiss(group: FilterGroup): FilteredRow | undefined {
  const { 'faiss-ivf': ivf, 'faiss-exact': exact, cluster } = group.rows;
  const modes = [ivf, exact].filter((r): r is FilteredRow => r !== undefined);
  const bar = (cluster?.recall_at_10 ?? 0) - RECALL_TOLERANCE;
  const reaching = modes.filter((r) => r.recall_at_10 >= bar);
  if (reaching.length === 0) return modes.sort((a, b) => b.recall_at_10 - a.recall_at_10)[0];
  return reaching.reduce((a, b) => (b.batch_qps > a.batch_qps ? b : a));
}
