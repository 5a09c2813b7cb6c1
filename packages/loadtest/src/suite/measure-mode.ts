import type { Dataset } from '@vecshard/datasets';
import type { GroundTruth } from '../ground-truth.js';
import { type CpuByRole, cpuDelta, type ProcessRole } from '../metrics/process-cpu.js';
import { batchRecall } from '../recall.js';
import type { SearchTarget } from '../targets/search-target.js';
import { runWorkload } from '../workload/run-workload.js';
import { K, type SuiteConfig } from './suite-config.js';

/** What one mode measured at one nprobe (the row's values before labelling). */
export interface ModeMeasurement {
  nprobe: number;
  recall: number;
  batchQps: number;
  /** CPU ms per query during the batch phase, per role of the processes serving it. */
  cpuMsPerQuery: CpuByRole;
  /** Bytes of stored vectors one batch search reads, where the target can tell. */
  scannedBytesPerBatch?: number;
  single: { p50Ms: number; p90Ms: number; p99Ms: number; p999Ms: number };
  shardsPerQuery: number;
  errors: number;
}

/** How a mode's processes are observed while it is measured. */
export interface MeasureProbes {
  /** Cumulative CPU ms per role of every process serving the mode, the client included. */
  sampleCpu: () => CpuByRole;
  /** Bytes of vectors a search of these queries scans, for targets that can tell (in-process IVF). */
  scannedBytes?: (queries: Float32Array, nprobe: number) => Promise<number | undefined>;
}

/** Measures a loaded target at every nprobe of the sweep. */
export async function measureTarget(
  target: SearchTarget,
  dataset: Dataset,
  truth: GroundTruth,
  nprobes: number[],
  config: SuiteConfig,
  probes: MeasureProbes,
  log: (line: string) => void,
): Promise<ModeMeasurement[]> {
  const measurements: ModeMeasurement[] = [];
  // Measured here: single-query p50 through the cluster settles only after a
  // few thousand searches following a load (1.8 ms, then 1.2, then 1.0 over
  // successive blocks of 1,200 at 1M × 128, nprobe 1, on an idle machine).
  await warmUpSingles(target, dataset, nprobes[0] ?? 1, config.singleWarmUpAfterLoad);
  for (const nprobe of nprobes) {
    const batch = await batchThroughput(target, dataset, truth, nprobe, config, probes);
    await warmUpSingles(target, dataset, nprobe, config.singleWarmUp);
    const single = await runWorkload(target, dataset, truth, {
      loop: 'closed',
      concurrency: 1,
      batchSize: 1,
      k: K,
      nprobe,
      writeShare: 0,
      requests: Math.min(config.singleQueries, dataset.queryCount),
    });
    const latency = single.latencyMs.search;
    measurements.push({
      nprobe,
      recall: batch.recall,
      batchQps: batch.qps,
      cpuMsPerQuery: batch.cpuMsPerQuery,
      scannedBytesPerBatch: await probes.scannedBytes?.(dataset.queries, nprobe),
      single: { p50Ms: latency.p50Ms, p90Ms: latency.p90Ms, p99Ms: latency.p99Ms, p999Ms: latency.p999Ms },
      shardsPerQuery: single.shardsPerSearch?.mean ?? 0,
      errors: single.requests.failed,
    });
    log(
      `${target.name} nprobe ${nprobe}: recall@${K} ${batch.recall.toFixed(4)}, batch ${batch.qps.toFixed(0)} q/s, ` +
        `single p50 ${latency.p50Ms.toFixed(2)} ms p99 ${latency.p99Ms.toFixed(2)} ms, ` +
        `${(single.shardsPerSearch?.mean ?? 0).toFixed(2)} shards/query`,
    );
  }
  return measurements;
}

/**
 * Every query in one request, repeated until the time budget or repeat cap is
 * reached (a warm-up call first, not counted); recall comes from the first
 * answer. CPU is sampled around the timed repeats only.
 */
async function batchThroughput(
  target: SearchTarget,
  dataset: Dataset,
  truth: GroundTruth,
  nprobe: number,
  config: SuiteConfig,
  probes: MeasureProbes,
): Promise<{ qps: number; recall: number; cpuMsPerQuery: CpuByRole }> {
  const warmUp = await target.search(dataset.queries, K, nprobe);
  const recall = batchRecall(warmUp.ids, K, truth);
  let repeats = 0;
  const cpuBefore = probes.sampleCpu();
  const started = performance.now();
  while (repeats < config.batchMaxRepeats && performance.now() - started < config.batchSeconds * 1000) {
    await target.search(dataset.queries, K, nprobe);
    repeats++;
  }
  const seconds = (performance.now() - started) / 1000;
  const served = repeats * dataset.queryCount;
  const cpu = cpuDelta(cpuBefore, probes.sampleCpu());
  const cpuMsPerQuery: CpuByRole = {};
  for (const role of Object.keys(cpu) as ProcessRole[]) cpuMsPerQuery[role] = (cpu[role] ?? 0) / served;
  return { qps: served / seconds, recall, cpuMsPerQuery };
}

/**
 * One-query searches before the timed ones, not counted: the first ones after
 * a load or a batch phase pay for compiling the single-query path and for the
 * garbage the load left behind, in the client and in every cluster process.
 */
async function warmUpSingles(target: SearchTarget, dataset: Dataset, nprobe: number, count: number) {
  const { dim, queries } = dataset;
  for (let i = 0; i < count; i++) {
    const row = i % dataset.queryCount;
    await target.search(queries.subarray(row * dim, (row + 1) * dim), K, nprobe);
  }
}
