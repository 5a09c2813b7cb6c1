import { signed } from '../suite/suite-targets.js';
import { betterFaiss, type DatasetGroup, type FilterGroup, groupRows } from './filtered-groups.js';
import type { FilteredRow } from './filtered-row.js';

/** A target of the filtered benchmark, judged on one dataset. Reported, never asserted. */
export interface FilteredVerdict {
  dataset: string;
  target: string;
  met: boolean;
  /** The worst case and its margin, in words. */
  detail: string;
}

/** Selectivities up to this are served exactly by the coordinator's plan, whatever nprobe. */
const EXACT_UP_TO = 0.01;

type Verdict = Omit<FilteredVerdict, 'dataset'>;

/** One filter's cluster row with the value a target reads from it. */
interface Measured {
  group: FilterGroup;
  value: number;
}

/** Every target, per dataset. */
export function judgeFiltered(rows: FilteredRow[]): FilteredVerdict[] {
  return groupRows(rows).flatMap((group) =>
    judgeDataset(group).map((v) => ({ dataset: group.dataset, ...v })),
  );
}

function judgeDataset(group: DatasetGroup): Verdict[] {
  return [
    recallBar(group),
    exactWhenSelective(group),
    versusFaiss(group),
    versusFaiss(group, 'cluster-direct'),
    cheaperThanUnfiltered(group),
  ].filter((v): v is Verdict => v !== undefined);
}

function measured(groups: FilterGroup[], value: (g: FilterGroup) => number | undefined): Measured[] {
  return groups.flatMap((group) => {
    const v = value(group);
    return v === undefined ? [] : [{ group, value: v }];
  });
}

function lowest(values: Measured[]): Measured {
  return values.reduce((a, b) => (b.value < a.value ? b : a));
}

function recallBar(group: DatasetGroup): Verdict | undefined {
  const recalls = measured(group.filters, (g) => g.rows.cluster?.recall_at_10);
  if (recalls.length === 0) return undefined;
  const worst = lowest(recalls);
  return {
    target: 'cluster recall@10 ≥ 0.95 at every filter',
    met: worst.value >= 0.95,
    detail: `worst ${worst.value.toFixed(4)} at \`${worst.group.filter}\` (${signed(worst.value - 0.95, 4)} vs 0.95)`,
  };
}

function exactWhenSelective(group: DatasetGroup): Verdict | undefined {
  const selective = group.filters.filter((g) => g.selectivity <= EXACT_UP_TO);
  const recalls = measured(selective, (g) => g.rows.cluster?.recall_at_10);
  if (recalls.length === 0) return undefined;
  const worst = lowest(recalls);
  return {
    target: 'cluster exact (recall@10 = 1) at selectivity ≤ 1 %',
    met: worst.value === 1,
    detail: `worst ${worst.value.toFixed(4)} at \`${worst.group.filter}\` over ${recalls.length} filter(s)`,
  };
}

function versusFaiss(
  group: DatasetGroup,
  mode: 'cluster' | 'cluster-direct' = 'cluster',
): Verdict | undefined {
  const ratios = measured(group.filters, (g) => {
    const base = betterFaiss(g);
    const row = g.rows[mode];
    return row && base ? row.batch_qps / base.batch_qps : undefined;
  });
  if (ratios.length === 0) return undefined;
  const worst = lowest(ratios);
  return {
    target: `${mode} filtered batch QPS ≥ 0.9× the better FAISS mode (the faster one reaching its recall)`,
    met: worst.value >= 0.9,
    detail:
      `worst ${worst.value.toFixed(2)}× at \`${worst.group.filter}\` vs ${betterFaiss(worst.group)!.mode} ` +
      `(${signed(worst.value - 0.9, 2)} vs 0.9×)`,
  };
}

function cheaperThanUnfiltered(group: DatasetGroup): Verdict | undefined {
  const plain = group.unfiltered?.rows.cluster?.batch_qps;
  if (!plain) return undefined;
  const selective = group.filters.filter((g) => g.selectivity <= EXACT_UP_TO);
  const ratios = measured(selective, (g) => (g.rows.cluster ? g.rows.cluster.batch_qps / plain : undefined));
  if (ratios.length === 0) return undefined;
  const worst = lowest(ratios);
  return {
    target: 'at selectivity ≤ 1 %, filtered cluster QPS ≥ unfiltered cluster QPS (same nprobe)',
    met: worst.value >= 1,
    detail: `worst ${worst.value.toFixed(2)}× at \`${worst.group.filter}\` (${signed(worst.value - 1, 2)} vs 1×)`,
  };
}
