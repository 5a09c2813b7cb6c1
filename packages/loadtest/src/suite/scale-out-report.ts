import type { BenchRow } from './bench-row.js';
import { fitWorkerCost, type MeasuredPoint, projectScaleOut } from './scale-out-model.js';

/** Worker counts the model projects to. */
export const PROJECTED_WORKERS = [8, 16, 64] as const;

/** The model as it appears beside the table. */
const FORMULA = [
  'Model (one machine of C cores per worker and per coordinator, batch traffic, client CPU left out): ' +
    'worker CPU per query W(n) = a·nprobe + b·s(n), with a (ms per probed list) and b (ms per shard visited) ' +
    'fitted by least squares on the measured workers’ cpu_ms_per_query over the sweep; ' +
    'fan-out s(n) = n·(1 − (1 − 1/n)^nprobe); coordinator CPU per query K(n) = K·s(n)/s measured; ' +
    'QPS = n·C·1000 / W(n) with ⌈QPS·K(n) / (C·1000)⌉ coordinators (shown as ×m), ' +
    'and min(that, C·1000 / K(n)) with one coordinator.',
];

/** Markdown lines: the projected batch QPS of the `cluster` mode for 8, 16 and 64 workers. */
export function scaleOutSection(rows: BenchRow[]): string[] {
  const cluster = rows.filter((r) => r.mode === 'cluster');
  if (cluster.length === 0) return [];
  const cores = cluster[0].machine.cores;
  const points: MeasuredPoint[] = cluster.map((r) => ({
    nprobe: r.nprobe,
    shardsPerQuery: r.shards_per_query,
    workerCpuMs: r.cpu_ms_per_query_by_role.worker ?? 0,
    coordinatorCpuMs: r.cpu_ms_per_query_by_role.coordinator ?? 0,
  }));
  const cost = fitWorkerCost(points);
  const lines = [
    `Scale-out projection (C = ${cores} cores per machine; fit: a = ${cost.msPerList.toFixed(4)} ms per list, ` +
      `b = ${cost.msPerShardVisit.toFixed(4)} ms per shard visit).`,
    '',
    ...FORMULA,
    '',
    `| nprobe | measured workers ms/q | coordinator ms/q | ${PROJECTED_WORKERS.map((n) => `${n} workers: QPS (coordinators) | ${n} workers, 1 coordinator`).join(' | ')} |`,
    `| ---: | ---: | ---: | ${PROJECTED_WORKERS.map(() => '---: | ---:').join(' | ')} |`,
  ];
  for (const point of points) {
    const cells = PROJECTED_WORKERS.map((n) => {
      const p = projectScaleOut(point, cost, n, cores);
      return `${p.workerBoundQps.toFixed(0)} (×${p.coordinatorsNeeded}) | ${p.oneCoordinatorQps.toFixed(0)}`;
    });
    lines.push(
      `| ${point.nprobe} | ${point.workerCpuMs.toFixed(4)} | ${point.coordinatorCpuMs.toFixed(4)} | ${cells.join(' | ')} |`,
    );
  }
  return lines;
}
