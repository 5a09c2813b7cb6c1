import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { type Dataset, loadDataset } from '@vecshard/datasets';
import { faissBuild, measureReadBandwidth } from '@vecshard/faiss';
import { fanoutRowsIn, fanoutSection, withFanoutSection } from '../fanout/fanout-row.js';
import { type GroundTruth, groundTruth } from '../ground-truth.js';
import { importRowsIn, importSection, withImportSection } from '../import/import-row.js';
import { type LoadResult, loadTarget } from '../load-target.js';
import { type SampledProcess, sampleCpu, totalCpuMs } from '../metrics/process-cpu.js';
import { describeMachine, type MachineDescription, machineLine } from '../report/machine.js';
import { type ClusterCollectionOptions, ClusterTarget } from '../targets/cluster-target.js';
import { FaissTarget } from '../targets/faiss-target.js';
import { type BenchCluster, launchBenchCluster } from '../targets/local-cluster.js';
import type { SearchTarget } from '../targets/search-target.js';
import type { BenchRow } from './bench-row.js';
import { type MeasureProbes, type ModeMeasurement, measureTarget } from './measure-mode.js';
import { measureRoundTrip, type RoundTrip } from './round-trip.js';
import { suiteChart } from './suite-chart.js';
import { type BenchMode, CLUSTER_MODES, type DatasetRun, K, type SuiteConfig } from './suite-config.js';
import { suiteMarkdown } from './suite-report.js';
import { judgeTargets, type TargetVerdict } from './suite-targets.js';

export interface SuiteOptions {
  config: SuiteConfig;
  /** Folder for `<resultsFile>.json/.md/.svg` (default bench/results under the working directory). */
  outDir?: string;
  /** Ground-truth cache folder (default .vecshard/cache). */
  cacheDir?: string;
  /** Starts the cluster for the cluster modes (default: a local cluster of processes). */
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

/** What every row of one run shares. */
interface RunContext {
  options: SuiteOptions;
  machine: MachineDescription;
  generatedAt: string;
  roundTrip: RoundTrip;
  memoryReadGbPerS: number;
  log: (line: string) => void;
}

/** One dataset's part of the run. */
interface DatasetContext extends RunContext {
  run: DatasetRun;
  dataset: Dataset;
  truth: GroundTruth;
}

/**
 * The benchmark suite: per dataset, the same data and queries through in-process
 * FAISS and the cluster modes over an nprobe sweep, with the bare gRPC round trip
 * and the memory bandwidth measured once for the run; writes JSON rows, a
 * Markdown report and an SVG chart.
 */
export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const { config } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`bench: ${line}\n`));
  const machine = describeMachine();
  log(`${config.label} suite on ${machineLine(machine)}`);
  const roundTrip = await measureRoundTrip(config.roundTrips);
  log(`bare gRPC round trip: p50 ${roundTrip.p50Ms.toFixed(3)} ms, p99 ${roundTrip.p99Ms.toFixed(3)} ms`);
  // All cores, as the batch scans use them all.
  const memoryReadGbPerS = await measureReadBandwidth(undefined, cpus().length);
  log(
    `memory read bandwidth: ${Number.isNaN(memoryReadGbPerS) ? 'n/a' : `${memoryReadGbPerS.toFixed(1)} GB/s`}`,
  );
  const context: RunContext = {
    options,
    machine,
    generatedAt: new Date().toISOString(),
    roundTrip,
    memoryReadGbPerS,
    log,
  };
  const rows: BenchRow[] = [];
  for (const run of config.runs) rows.push(...(await benchDataset(run, context)));
  return writeResults(config, rows, options.outDir, log);
}

async function benchDataset(run: DatasetRun, context: RunContext): Promise<BenchRow[]> {
  const dataset = loadDataset(run.dataset);
  context.log(`dataset ${dataset.name}: ${dataset.count} × ${dataset.dim}, ${dataset.queryCount} queries`);
  const truth = await groundTruth(dataset, { k: K, cacheDir: context.options.cacheDir });
  const at: DatasetContext = { ...context, run, dataset, truth };
  const rows: BenchRow[] = [];
  for (const mode of run.modes.filter((m) => !CLUSTER_MODES.includes(m))) {
    const target = FaissTarget.create(
      indexSpec(run, dataset),
      mode === 'faiss-debian' ? 'generic' : undefined,
    );
    const probes: MeasureProbes = {
      sampleCpu: () => sampleCpu([{ role: 'client' }]),
      scannedBytes: (queries, nprobe) => target.scannedBytes(queries, nprobe),
    };
    rows.push(...(await benchTarget(target, mode, 1, target.build, probes, at)));
  }
  const clusterModes = run.modes.filter((m) => CLUSTER_MODES.includes(m));
  if (clusterModes.length > 0) rows.push(...(await benchCluster(clusterModes, at)));
  return rows;
}

async function benchCluster(modes: BenchMode[], context: DatasetContext): Promise<BenchRow[]> {
  const { options, run, dataset } = context;
  const { config } = options;
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
  const probes: MeasureProbes = {
    // This process is the client; the cluster's processes are asked afresh, as a worker may have restarted.
    sampleCpu: () => sampleCpu([{ role: 'client' }, ...cluster.processes()] satisfies SampledProcess[]),
  };
  const rows: BenchRow[] = [];
  try {
    for (const mode of modes) {
      const collection = `bench-${config.label}-${mode}`;
      const collectionOptions: ClusterCollectionOptions & { direct?: boolean } = {
        ...indexSpec(run, dataset),
        collection,
        routing: mode === 'scatter' ? 'scatter' : 'lists',
        shards: config.workers,
        replace: true,
      };
      if (mode === 'cluster-direct') collectionOptions.direct = true;
      const target = await ClusterTarget.create(client, collectionOptions);
      rows.push(...(await benchTarget(target, mode, config.workers, faissBuild(), probes, context)));
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
  build: string,
  probes: MeasureProbes,
  context: DatasetContext,
): Promise<BenchRow[]> {
  const { options, run, dataset, truth, log } = context;
  try {
    const load = await loadTarget(target, dataset, {
      trainCount: run.trainCount,
      batchSize: options.config.addBatch,
    });
    log(
      `${mode}: trained in ${load.trainSeconds.toFixed(1)} s, loaded ${dataset.count} vectors at ` +
        `${load.vectorsPerSecond.toFixed(0)} vectors/s`,
    );
    const measurements = await measureTarget(
      target,
      dataset,
      truth,
      run.nprobes,
      options.config,
      probes,
      log,
    );
    return measurements.map((m) => benchRow(mode, workers, build, load, m, context));
  } finally {
    await target.close();
  }
}

function benchRow(
  mode: BenchMode,
  workers: number,
  build: string,
  load: LoadResult,
  m: ModeMeasurement,
  context: DatasetContext,
): BenchRow {
  const { run, dataset } = context;
  const scannedPerQuery =
    m.scannedBytesPerBatch === undefined ? undefined : m.scannedBytesPerBatch / dataset.queryCount;
  return {
    suite: context.options.config.label,
    mode,
    dataset: dataset.name,
    index: run.index,
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
    cpu_ms_per_query: totalCpuMs(m.cpuMsPerQuery),
    cpu_ms_per_query_by_role: m.cpuMsPerQuery,
    rtt_p50_ms: context.roundTrip.p50Ms,
    rtt_p99_ms: context.roundTrip.p99Ms,
    faiss_build: build,
    ...(scannedPerQuery === undefined
      ? {}
      : { scanned_bytes_per_query: scannedPerQuery, scan_gb_per_s: (scannedPerQuery * m.batchQps) / 1e9 }),
    memory_read_gb_per_s: Number.isNaN(context.memoryReadGbPerS) ? null : context.memoryReadGbPerS,
    machine: context.machine,
    generated_at: context.generatedAt,
  };
}

async function writeResults(
  config: SuiteConfig,
  rows: BenchRow[],
  outDirOption: string | undefined,
  log: (line: string) => void,
): Promise<SuiteResult> {
  const outDir = resolve(outDirOption ?? join('bench', 'results'));
  mkdirSync(outDir, { recursive: true });
  const base = join(outDir, config.resultsFile);
  const files = { json: `${base}.json`, markdown: `${base}.md`, svg: `${base}.svg` };
  // Rows of `npm run bench:fanout` and `bench:import` in the file stay, with their sections of the report.
  const fanout = fanoutRowsIn(files.json);
  const imports = importRowsIn(files.json);
  writeFileSync(files.json, `${JSON.stringify([...rows, ...fanout, ...imports], null, 2)}\n`);
  writeFileSync(files.svg, await suiteChart(rows, `vecshard ${config.label} benchmark`));
  const markdown = suiteMarkdown(config, rows, `${config.resultsFile}.svg`);
  const withFanout = fanout.length > 0 ? withFanoutSection(markdown, fanoutSection(fanout)) : markdown;
  writeFileSync(
    files.markdown,
    imports.length > 0 ? withImportSection(withFanout, importSection(imports)) : withFanout,
  );
  const verdicts = judgeTargets(rows);
  for (const v of verdicts) log(`target ${v.met ? 'met' : 'MISSED'}: ${v.target} — ${v.detail}`);
  log(`results: ${files.json}, ${files.markdown}, ${files.svg}`);
  return { rows, verdicts, files };
}

function indexSpec(run: DatasetRun, dataset: Dataset) {
  return { dim: dataset.dim, index: run.index, metric: 'l2' as const };
}
