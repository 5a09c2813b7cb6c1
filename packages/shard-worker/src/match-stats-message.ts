import type { WorkerMatchStatsResponse } from '@vecshard/proto';

/** A filter's matches on a shard, as the worker API carries them: lists ascending, counts beside them. */
export function matchStatsMessage(stats: {
  count: number;
  rows: number;
  perList?: Map<number, number>;
}): WorkerMatchStatsResponse {
  const perList = [...(stats.perList ?? new Map<number, number>())].sort(([a], [b]) => a - b);
  return {
    count: String(stats.count),
    rows: String(stats.rows),
    lists: perList.map(([list]) => list),
    listCounts: perList.map(([, count]) => count),
  };
}
