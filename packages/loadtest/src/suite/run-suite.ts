import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { type Dataset, loadDataset } from '@vecshard/datasets';
import { type GroundTruth, groundTruth } from '../ground-truth.js';
import { loadTarget } from '../load-target.js';
import { describeMachine, type MachineDescription, machineLine } from '../report/machine.js';
import { ClusterTarget } from '../targets/cluster-target.js';
import { FaissTarget } from '../targets/faiss-target.js';
import { type BenchCluster, launchBenchCluster } from '../targets/local-cluster.js';
import type { SearchTarget } from '../targets/search-target.js';
import type { BenchRow } from './bench-row.js';
import { measureTarget } from './measure-mode.js';
import { suiteChart } from './suite-chart.js';
import { type BenchMode, K, type SuiteConfig } from './suite-config.js';
import { judgeTargets, suiteMarkdown, type TargetVerdict } from './suite-report.js';

export interface SuiteOptions {
  config: SuiteConfig;
  /** Folder for `<resultsFile>.json/.md/.svg` (default bench/results under the working directory). */
  outDir?: string;
  /** Ground-truth cache folder (default .vecshard/cache). */
  cacheDir?: string;
  /** Starts the cluster for the `cluster` and `scatter` modes (default: a local cluster of processes). */
  launchCluster?: (workers: number, threadsPerWorker: number) => Promise<BenchCluster>;
  /** Progress messages (default: stderr). */
  log?: (line: string) => void;
}

export interface SuiteResult {
  rows: BenchRow[];
  verdicts: TargetVerdict[];
  files: { json: string; markdown: string; svg: string };
}

/** Deadline of the cluster calls: loading a million vectors in big batches takes a while on 2 cores. */
const CLUSTER_DEADLINE_MS = 10 * 60_000;

/**
 * The benchmark suite: the same data and queries through in-process FAISS,
 * the cluster with list routing and the cluster with scatter routing, over an
 * nprobe sweep; writes JSON rows, a Markdown report and an SVG chart.
 */
export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const { config } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`bench: ${line}\n`));
  const machine = describeMachine();
  log(`${config.label} suite on ${machineLine(machine)}`);
  const dataset = loadDataset(config.dataset);
  log(`dataset ${dataset.name}: ${dataset.count} × ${dataset.dim}, ${dataset.queryCount} queries`);
  const truth = await groundTruth(dataset, { k: K, cacheDir: options.cacheDir });
  const rows: BenchRow[] = [];
  const context = { config, dataset, truth, machine, generatedAt: new Date().toISOString(), log };
  if (config.modes.includes('faiss')) {
    rows.push(...(await benchTarget(FaissTarget.create(indexSpec(config, dataset)), 'faiss', 1, context)));
  }
  const clusterModes = config.modes.filter((m): m is 'cluster' | 'scatter' => m !== 'faiss');
  if (clusterModes.length > 0) rows.push(...(await benchCluster(clusterModes, options, context)));
  const outDir = resolve(options.outDir ?? join('bench', 'results'));
  mkdirSync(outDir, { recursive: true });
  const base = join(outDir, config.resultsFile);
  const files = { json: `${base}.json`, markdown: `${base}.md`, svg: `${base}.svg` };
  writeFileSync(files.json, `${JSON.stringify(rows, null, 2)}\n`);
  writeFileSync(
    files.svg,
    await suiteChart(rows, `vecshard ${config.label} benchmark: ${dataset.name}, ${config.index}`),
  );
  writeFileSync(files.markdown, suiteMarkdown(config, rows, `${config.resultsFile}.svg`));
  const verdicts = judgeTargets(rows);
  for (const v of verdicts) log(`target ${v.met ? 'met' : 'MISSED'}: ${v.target} — ${v.detail}`);
  log(`results: ${files.json}, ${files.markdown}, ${files.svg}`);
  return { rows, verdicts, files };
}

interface SuiteContext {
  config: SuiteConfig;
  dataset: Dataset;
  truth: GroundTruth;
  machine: MachineDescription;
  generatedAt: string;
  log: (line: string) => void;
}

async function benchCluster(
  modes: ('cluster' | 'scatter')[],
  options: SuiteOptions,
  context: SuiteContext,
): Promise<BenchRow[]> {
  const { config, dataset } = context;
  // The cluster gets the cores the single-process baseline had, split between its workers.
  const threadsPerWorker = Math.max(1, Math.floor(cpus().length / config.workers));
  const launch =
    options.launchCluster ??
    ((workers, threads) => launchBenchCluster({ workers, threadsPerWorker: threads }));
  context.log(
    `starting a local cluster: ${config.workers} workers, ${threadsPerWorker} FAISS thread(s) each`,
  );
  const cluster = await launch(config.workers, threadsPerWorker);
  const client = new VecshardClient(cluster.address, { deadlineMs: CLUSTER_DEADLINE_MS });
  const rows: BenchRow[] = [];
  try {
    for (const mode of modes) {
      const collection = `bench-${config.label}-${mode}`;
      const target = await ClusterTarget.create(client, {
        ...indexSpec(config, dataset),
        collection,
        routing: mode === 'cluster' ? 'lists' : 'scatter',
        shards: config.workers,
        replace: true,
      });
      rows.push(...(await benchTarget(target, mode, config.workers, context)));
      // Frees the workers' memory before the next mode loads its copy.
      await client.dropCollection(collection);
    }
  } finally {
    client.close();
    await cluster.close();
  }
  return rows;
}

async function benchTarget(
  target: SearchTarget,
  mode: BenchMode,
  workers: number,
  context: SuiteContext,
): Promise<BenchRow[]> {
  const { config, dataset, truth, log } = context;
  try {
    const load = await loadTarget(target, dataset, {
      trainCount: config.trainCount,
      batchSize: config.addBatch,
    });
    log(
      `${target.name}: trained in ${load.trainSeconds.toFixed(1)} s, loaded ${dataset.count} vectors at ` +
        `${load.vectorsPerSecond.toFixed(0)} vectors/s`,
    );
    const measurements = await measureTarget(target, dataset, truth, config, log);
    return measurements.map((m) => ({
      suite: config.label,
      mode,
      dataset: dataset.name,
      index: config.index,
      workers,
      nprobe: m.nprobe,
      k: K,
      queries: dataset.queryCount,
      recall_at_10: m.recall,
      batch_qps: m.batchQps,
      single_p50_ms: m.single.p50Ms,
      single_p90_ms: m.single.p90Ms,
      single_p99_ms: m.single.p99Ms,
      single_p999_ms: m.single.p999Ms,
      ingest_vps: load.vectorsPerSecond,
      train_seconds: load.trainSeconds,
      shards_per_query: m.shardsPerQuery,
      errors: m.errors,
      machine: context.machine,
      generated_at: context.generatedAt,
    }));
  } finally {
    await target.close();
  }
}

function indexSpec(config: SuiteConfig, dataset: Dataset) {
  return { dim: dataset.dim, index: config.index, metric: 'l2' as const };
}
