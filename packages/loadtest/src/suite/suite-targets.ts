import type { BenchRow } from './bench-row.js';
import type { BenchMode } from './suite-config.js';

/** A target from the project brief, judged on one dataset's rows. Reported, never asserted. */
export interface TargetVerdict {
  dataset: string;
  target: string;
  met: boolean;
  /** The measured value at the worst nprobe and its margin to the bar, in words. */
  detail: string;
}

/** Recall differences below this count as "identical recall" (rounding in merged distances). */
const RECALL_TOLERANCE = 0.005;

type Verdict = Omit<TargetVerdict, 'dataset'>;

/** A mode's rows beside the `faiss` row of the same nprobe (the build the cluster workers use). */
interface Pair {
  nprobe: number;
  row: BenchRow;
  base: BenchRow;
}

/** Every target, per dataset, in the order of the report. */
export function judgeTargets(rows: BenchRow[]): TargetVerdict[] {
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  return datasets.flatMap((dataset) =>
    judgeDataset(rows.filter((r) => r.dataset === dataset)).map((v) => ({ dataset, ...v })),
  );
}

function judgeDataset(rows: BenchRow[]): Verdict[] {
  const byNprobe = (mode: BenchMode) =>
    new Map(rows.filter((r) => r.mode === mode).map((r) => [r.nprobe, r]));
  const faiss = byNprobe('faiss');
  const pairs = (mode: BenchMode): Pair[] =>
    rows
      .filter((r) => r.mode === mode && faiss.has(r.nprobe))
      .map((row) => ({ nprobe: row.nprobe, row, base: faiss.get(row.nprobe)! }));
  const cluster = pairs('cluster');
  const direct = pairs('cluster-direct');
  return [
    buildSpeedup(faiss, byNprobe('faiss-debian')),
    clusterQps(cluster),
    latencyBar('cluster single p50 ≤ FAISS p50 + 2×rtt_p50 + 0.2 ms', cluster, (p) => ({
      value: p.row.single_p50_ms,
      bar: p.base.single_p50_ms + 2 * p.row.rtt_p50_ms + 0.2,
    })),
    latencyBar('cluster single p99 ≤ FAISS p99 + 2×rtt_p99', cluster, (p) => ({
      value: p.row.single_p99_ms,
      bar: p.base.single_p99_ms + 2 * p.row.rtt_p99_ms,
    })),
    latencyBar('cluster-direct single p50 ≤ FAISS p50 + 1×rtt_p50 + 0.2 ms', direct, (p) => ({
      value: p.row.single_p50_ms,
      bar: p.base.single_p50_ms + p.row.rtt_p50_ms + 0.2,
    })),
    ingest(cluster),
    notSaturated(faiss.get(4)),
    clusterCpu(cluster),
    fewerShards(byNprobe('cluster'), byNprobe('scatter')),
  ].filter((v): v is Verdict => v !== undefined);
}

function buildSpeedup(faiss: Map<number, BenchRow>, debian: Map<number, BenchRow>): Verdict | undefined {
  const ours = faiss.get(16);
  const generic = debian.get(16);
  if (!ours || !generic) return undefined;
  const ratio = ours.batch_qps / generic.batch_qps;
  return {
    target: '`faiss` batch QPS ≥ 1.5× `faiss-debian` at nprobe 16',
    met: ratio >= 1.5,
    detail:
      `${ratio.toFixed(2)}× (${signed(ratio - 1.5, 2)} vs 1.5×): ${ours.batch_qps.toFixed(0)} vs ${generic.batch_qps.toFixed(0)} q/s, ` +
      `builds ${ours.faiss_build} vs ${generic.faiss_build}`,
  };
}

function clusterQps(cluster: Pair[]): Verdict | undefined {
  if (cluster.length === 0) return undefined;
  const ratios = cluster.map((p) => ({
    nprobe: p.nprobe,
    ratio: p.row.batch_qps / p.base.batch_qps,
    sameRecall: Math.abs(p.row.recall_at_10 - p.base.recall_at_10) <= RECALL_TOLERANCE,
  }));
  const worst = ratios.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  const recallDiffers = ratios.filter((r) => !r.sameRecall).map((r) => r.nprobe);
  return {
    target: 'cluster batch QPS ≥ 0.9× FAISS at every nprobe (identical recall)',
    met: worst.ratio >= 0.9 && recallDiffers.length === 0,
    detail:
      `worst ${worst.ratio.toFixed(2)}× at nprobe ${worst.nprobe} (${signed(worst.ratio - 0.9, 2)} vs 0.9×)` +
      (recallDiffers.length > 0
        ? `; recall differs at nprobe ${recallDiffers.join(', ')}`
        : '; recall identical'),
  };
}

/** A latency that must stay under a bar at every nprobe; reports the nprobe with the least headroom. */
function latencyBar(
  target: string,
  pairs: Pair[],
  measure: (p: Pair) => { value: number; bar: number },
): Verdict | undefined {
  if (pairs.length === 0) return undefined;
  const margins = pairs.map((p) => ({ nprobe: p.nprobe, ...measure(p) }));
  const worst = margins.reduce((a, b) => (b.bar - b.value < a.bar - a.value ? b : a));
  return {
    target,
    met: margins.every((m) => m.value <= m.bar),
    detail:
      `worst at nprobe ${worst.nprobe}: ${worst.value.toFixed(3)} ms vs bar ${worst.bar.toFixed(3)} ms ` +
      `(${signed(worst.bar - worst.value, 3)} ms of headroom)`,
  };
}

function ingest(cluster: Pair[]): Verdict | undefined {
  if (cluster.length === 0) return undefined;
  // Every row of a mode carries the same load measurement; the minimum guards against mixed inputs.
  const ratio = Math.min(...cluster.map((p) => p.row.ingest_vps / p.base.ingest_vps));
  return {
    target: 'cluster ingest ≥ 0.8× FAISS add rate (2 requests in flight)',
    met: ratio >= 0.8,
    detail: `${ratio.toFixed(2)}× (${signed(ratio - 0.8, 2)} vs 0.8×)`,
  };
}

function notSaturated(atFour: BenchRow | undefined): Verdict | undefined {
  if (!atFour) return undefined;
  return {
    target: 'dataset does not saturate: FAISS recall@10 at nprobe 4 ≤ 0.95',
    met: atFour.recall_at_10 <= 0.95,
    detail: `${atFour.recall_at_10.toFixed(4)} (${signed(0.95 - atFour.recall_at_10, 4)} of headroom)`,
  };
}

function clusterCpu(cluster: Pair[]): Verdict | undefined {
  if (cluster.length === 0) return undefined;
  const ratios = cluster.map((p) => ({
    nprobe: p.nprobe,
    ratio: p.row.cpu_ms_per_query / p.base.cpu_ms_per_query,
  }));
  const worst = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return {
    target: 'cluster cpu_ms_per_query ≤ 1.2× FAISS',
    met: ratios.every((r) => r.ratio <= 1.2),
    detail: `worst ${worst.ratio.toFixed(2)}× at nprobe ${worst.nprobe} (${signed(1.2 - worst.ratio, 2)} of headroom)`,
  };
}

function fewerShards(lists: Map<number, BenchRow>, scatter: Map<number, BenchRow>): Verdict | undefined {
  const gaps = [...lists.values()]
    .filter((r) => scatter.has(r.nprobe))
    .map((r) => ({
      nprobe: r.nprobe,
      ours: r.shards_per_query,
      theirs: scatter.get(r.nprobe)!.shards_per_query,
    }));
  if (gaps.length === 0) return undefined;
  // With few shards every query reaches all of them once nprobe is large, so the routings tie there:
  // the target is met when list routing is never worse and fewer on average over the sweep.
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const listsMean = mean(gaps.map((g) => g.ours));
  const scatterMean = mean(gaps.map((g) => g.theirs));
  return {
    target: 'list routing touches fewer shards per query than scatter',
    met: listsMean < scatterMean && gaps.every((g) => g.ours <= g.theirs),
    detail:
      `mean ${listsMean.toFixed(2)} vs ${scatterMean.toFixed(2)} (${signed(listsMean - scatterMean, 2)}); ` +
      gaps.map((g) => `nprobe ${g.nprobe}: ${g.ours.toFixed(2)} vs ${g.theirs.toFixed(2)}`).join(', '),
  };
}

export function signed(value: number, digits: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
}
