import { LatencyHistogram } from '../metrics/latency-histogram.js';
import { type CpuByRole, cpuDelta, totalCpuMs } from '../metrics/process-cpu.js';
import type { SingleQueryStats } from './tenant-row.js';

/**
 * How long the single-query phase runs: `concurrency` clients until `seconds`
 * pass or `maxRequests` were sent, after `warmUpSeconds` of the same load uncounted.
 */
export interface ConcurrentBudget {
  concurrency: number;
  seconds: number;
  maxRequests: number;
  warmUpSeconds: number;
}

/**
 * One query per request, `concurrency` requests in flight (each client sends
 * its next as soon as its last is answered), request i searching query i;
 * the same load for `warmUpSeconds` (at least one round) first, uncounted.
 * CPU is sampled around the timed requests only.
 */
export async function searchConcurrently(
  search: (request: number) => Promise<{ shardsQueried: number; path?: string }>,
  budget: ConcurrentBudget,
  sampleCpu: () => CpuByRole,
): Promise<SingleQueryStats> {
  const warmUntil = performance.now() + budget.warmUpSeconds * 1000;
  let warmUps = 0;
  const warmUp = async () => {
    do await search(warmUps++).catch(() => undefined);
    while (performance.now() < warmUntil);
  };
  await Promise.all(Array.from({ length: budget.concurrency }, warmUp));
  const latency = new LatencyHistogram();
  let issued = 0;
  let answered = 0;
  let errors = 0;
  let shards = 0;
  let oneHop = 0;
  const cpuBefore = sampleCpu();
  const started = performance.now();
  const deadline = started + budget.seconds * 1000;
  const client = async () => {
    while (issued < budget.maxRequests && performance.now() < deadline) {
      const request = issued++;
      const sent = performance.now();
      try {
        // Awaited first: `shards += await …` would add to the value read before the wait, losing the others'.
        const answer = await search(request);
        shards += answer.shardsQueried;
        if (answer.path === 'direct') oneHop++;
        answered++;
        latency.record(performance.now() - sent);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: budget.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuDelta(cpuBefore, sampleCpu());
  const cpuMsPerQuery: CpuByRole = {};
  for (const [role, ms] of Object.entries(cpu))
    cpuMsPerQuery[role as keyof CpuByRole] = ms / Math.max(1, answered);
  return {
    qps: answered / seconds,
    concurrency: budget.concurrency,
    requests: answered,
    p50_ms: latency.percentileMs(50),
    p99_ms: latency.percentileMs(99),
    errors,
    shards_per_search: answered === 0 ? 0 : shards / answered,
    one_hop_share: answered === 0 ? 0 : oneHop / answered,
    cpu_ms_per_query: totalCpuMs(cpuMsPerQuery),
    cpu_ms_per_query_by_role: cpuMsPerQuery,
  };
}
