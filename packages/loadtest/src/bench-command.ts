import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { type MetricName, type RoutingName, VecshardClient } from '@vecshard/client';
import { type Dataset, loadDataset, parseDatasetSpec } from '@vecshard/datasets';
import { Command, InvalidArgumentError, Option } from 'commander';
import { type GroundTruth, groundTruth } from './ground-truth.js';
import { defaultImportRuns, runImportBench } from './import/run-import-bench.js';
import { loadTarget } from './load-target.js';
import { ProgressLine } from './progress-line.js';
import { runLatencyChart } from './report/run-chart.js';
import { runReportMarkdown } from './report/run-markdown.js';
import type { RunReport } from './report/run-report.js';
import { runSuite } from './suite/run-suite.js';
import {
  ALL_MODES,
  type BenchMode,
  FULL_SUITE,
  QUICK_SUITE,
  type SuiteConfig,
} from './suite/suite-config.js';
import { ClusterTarget } from './targets/cluster-target.js';
import { FaissTarget } from './targets/faiss-target.js';
import { type BenchCluster, launchBenchCluster } from './targets/local-cluster.js';
import type { SearchTarget } from './targets/search-target.js';
import { runTenantBench } from './tenants/run-tenants.js';
import { tenantConfig } from './tenants/tenant-config.js';
import { runWorkload } from './workload/run-workload.js';
import type { WorkloadOptions } from './workload/workload-options.js';

/** Options of `vecshard bench run`; everything but the target has a default. */
export interface BenchRunOptions {
  /** A running coordinator (HOST:PORT). */
  address?: string;
  /** Start a local cluster with this many workers for the run. */
  local?: number;
  /** Run against one FAISS index in this process. */
  faiss?: boolean;
  collection?: string;
  /** Use the collection as it is (no create, train or load); it must hold the dataset under row-number ids. */
  existing?: boolean;
  /** A dataset spec (see parseDatasetSpec). */
  dataset?: string;
  index?: string;
  metric?: MetricName;
  routing?: RoutingName;
  shards?: number;
  /** Copies of every shard (replication factor) of the created collection. */
  replicas?: number;
  /** Search one hop: the client routes and asks the shard workers directly (`cluster-direct`). */
  direct?: boolean;
  loop?: 'closed' | 'open';
  concurrency?: number;
  rate?: number;
  maxInFlight?: number;
  batch?: number;
  k?: number;
  nprobe?: number;
  writeShare?: number;
  /** Seconds. */
  duration?: number;
  requests?: number;
  seed?: number;
  /** Also write loadtest.json, loadtest.md and loadtest.svg into this folder. */
  out?: string;
  /** Show the live progress line on stderr (default true). */
  progress?: boolean;
  cacheDir?: string;
  /** Status lines (default: stderr). */
  log?: (line: string) => void;
}

type Defaulted =
  | 'collection'
  | 'dataset'
  | 'index'
  | 'metric'
  | 'routing'
  | 'loop'
  | 'concurrency'
  | 'batch'
  | 'k'
  | 'nprobe'
  | 'writeShare'
  | 'seed'
  | 'cacheDir';

const DEFAULTS: Required<Pick<BenchRunOptions, Defaulted>> = {
  collection: 'loadtest',
  dataset: 'synthetic:count=50000,dim=64,queries=1000',
  index: 'IVF256,Flat',
  metric: 'l2',
  routing: 'lists',
  loop: 'closed',
  concurrency: 4,
  batch: 1,
  k: 10,
  nprobe: 16,
  writeShare: 0,
  seed: 1,
  cacheDir: '.vecshard/cache',
};

/** `vecshard bench`: `run` (the default) load-tests one target; `suite` runs the benchmark suite. */
export function benchCommand(): Command {
  const bench = new Command('bench').description('load-test a vecshard cluster or run the benchmark suite');
  bench.addCommand(runCommand(), { isDefault: true });
  bench.addCommand(suiteCommand());
  return bench;
}

/** `bench suite [--quick] [--modes LIST] [--out DIR]`: in-process FAISS vs the cluster modes over nprobe sweeps. */
export function suiteCommand(): Command {
  return new Command('suite')
    .description(
      `benchmark in-process FAISS against the cluster over nprobe sweeps; modes: ${ALL_MODES.join(', ')}. ` +
        'Rows carry recall_at_10, batch_qps, single_p50/p99_ms, ingest_vps, shards_per_query, cpu_ms_per_query ' +
        '(and per role), rtt_p50/p99_ms (bare gRPC round trip), faiss_build, scan_gb_per_s (in-process) and ' +
        'memory_read_gb_per_s',
    )
    .option(
      '--quick',
      'small run (50k × 64 synthetic, IVF256,Flat; under 3 minutes on 2 cores); the full run is 1M × 128 synthetic, IVF1024,Flat, then Fashion-MNIST, IVF256,Flat',
      false,
    )
    .option(
      '--modes <list>',
      `comma-separated subset of ${ALL_MODES.join(',')} (default: each dataset's own)`,
    )
    .option('--out <dir>', 'results folder', join('bench', 'results'))
    .option('--cache-dir <dir>', 'ground-truth cache folder', '.vecshard/cache')
    .option(
      '--no-import',
      'skip the bulk import benchmark the full run ends with (bench:import: Import against FAISS add, import_x_faiss)',
    )
    .option(
      '--no-tenants',
      'skip the tenant benchmark the full run ends with (bench:tenants: partition key against a plain filter)',
    )
    .action(
      async (options: {
        quick: boolean;
        modes?: string;
        out: string;
        cacheDir: string;
        tenants: boolean;
        import: boolean;
      }) => {
        const config = options.quick ? QUICK_SUITE : FULL_SUITE;
        await runSuite({
          config: options.modes ? onlyModes(config, parseModes(options.modes)) : config,
          outDir: options.out,
          cacheDir: options.cacheDir,
        });
        // Its own cluster (8 workers) and results file: bench/results/tenants.*.
        if (!options.quick && !options.modes && options.tenants)
          await runTenantBench({ config: tenantConfig(), outDir: options.out });
        // Its own clusters; import.* and the import rows (import_x_faiss) merged into latest.json.
        if (!options.quick && !options.modes && options.import)
          await runImportBench({
            runs: defaultImportRuns(),
            replicationFactors: [1, 2],
            workers: FULL_SUITE.workers,
            outDir: options.out,
          });
      },
    );
}

function parseModes(list: string): BenchMode[] {
  const modes = list.split(',').map((m) => m.trim());
  const unknown = modes.filter((m) => !(ALL_MODES as readonly string[]).includes(m));
  if (unknown.length > 0)
    throw new Error(`unknown mode(s) ${unknown.join(', ')} (use ${ALL_MODES.join(', ')})`);
  return modes as BenchMode[];
}

/** The suite with each dataset's modes cut down to `modes`. */
function onlyModes(config: SuiteConfig, modes: BenchMode[]): SuiteConfig {
  return {
    ...config,
    runs: config.runs.map((run) => ({ ...run, modes: run.modes.filter((m) => modes.includes(m)) })),
  };
}

function runCommand(): Command {
  return new Command('run')
    .description(
      'run a bounded load test and report throughput, latency percentiles, errors, recall and fan-out',
    )
    .option('--address <host:port>', 'coordinator of a running cluster')
    .option('--local <workers>', 'start a local cluster with this many workers for the run', positiveInt)
    .option('--faiss', 'use one FAISS index in this process (the baseline)')
    .option('--collection <name>', 'collection to create (or use, with --existing)', DEFAULTS.collection)
    .option('--existing', 'use the collection as it is: no create, train or load')
    .option(
      '--dataset <spec>',
      'synthetic:count=N,dim=D,… | fashion-mnist[:dir=DIR] | file:PATH[,queries=PATH,gt=PATH]',
      DEFAULTS.dataset,
    )
    .option('--index <factory>', 'FAISS IVF factory string', DEFAULTS.index)
    .addOption(
      new Option('--metric <metric>', 'distance').choices(['l2', 'ip', 'cosine']).default(DEFAULTS.metric),
    )
    .addOption(
      new Option('--routing <routing>', 'cluster query routing')
        .choices(['lists', 'scatter'])
        .default(DEFAULTS.routing),
    )
    .option('--shards <n>', 'shards to spread the collection over (default: every worker)', positiveInt)
    .option('--replicas <n>', 'copies of every shard, on distinct workers (default 1)', positiveInt)
    .option('--direct', 'search one hop: the client routes and asks the shard workers directly')
    .addOption(
      new Option('--loop <loop>', 'closed (N clients) or open (Poisson arrivals at --rate)')
        .choices(['closed', 'open'])
        .default(DEFAULTS.loop),
    )
    .option('--concurrency <n>', 'closed-loop clients', positiveInt, DEFAULTS.concurrency)
    .option('--rate <per-second>', 'open-loop mean arrival rate', positiveNumber)
    .option('--max-in-flight <n>', 'open-loop outstanding requests cap', positiveInt)
    .option('--batch <n>', 'queries per search request', positiveInt, DEFAULTS.batch)
    .option('-k, --k <n>', 'neighbours per query', positiveInt, DEFAULTS.k)
    .option('--nprobe <n>', 'lists probed per query', positiveInt, DEFAULTS.nprobe)
    .option(
      '--write-share <fraction>',
      'share of requests that are upserts (0..1)',
      fraction,
      DEFAULTS.writeShare,
    )
    .option('--duration <seconds>', 'stop after this long (default 60 s when no --requests)', positiveNumber)
    .option('--requests <n>', 'stop after this many requests', positiveInt)
    .option('--seed <n>', 'seed for operation choice and arrivals', positiveInt, DEFAULTS.seed)
    .option('--out <dir>', 'also write loadtest.json, loadtest.md and loadtest.svg here')
    .option('--no-progress', 'no live progress line')
    .option('--cache-dir <dir>', 'ground-truth cache folder', DEFAULTS.cacheDir)
    .action(async (options: BenchRunOptions) => {
      process.stdout.write(runReportMarkdown(await runBenchCommand(options)));
    });
}

/**
 * Runs `bench run`: prepares the target (creating and loading the collection
 * unless it exists), runs the bounded workload and writes the files asked for.
 */
export async function runBenchCommand(given: BenchRunOptions): Promise<RunReport> {
  const options = { ...DEFAULTS, ...withoutUndefined(given) };
  const log = options.log ?? ((line: string) => process.stderr.write(`bench: ${line}\n`));
  const targets = [options.address !== undefined, options.local !== undefined, options.faiss === true];
  if (targets.filter(Boolean).length !== 1) {
    throw new Error('choose exactly one target: --address HOST:PORT, --local WORKERS or --faiss');
  }
  if (options.faiss && options.existing) throw new Error('--existing needs a cluster (--address or --local)');
  const dataset = loadDataset(parseDatasetSpec(options.dataset));
  const truth = await groundTruth(dataset, {
    k: options.k,
    metric: options.metric,
    cacheDir: options.cacheDir,
  });
  const spec = { dim: dataset.dim, index: options.index, metric: options.metric };
  let cluster: BenchCluster | undefined;
  let client: VecshardClient | undefined;
  try {
    let target: SearchTarget;
    if (options.faiss) {
      target = FaissTarget.create(spec);
    } else {
      if (options.local !== undefined) {
        const threadsPerWorker = Math.max(1, Math.floor(cpus().length / options.local));
        cluster = await launchBenchCluster({ workers: options.local, threadsPerWorker });
      }
      client = new VecshardClient(cluster?.address ?? options.address!, { deadlineMs: CLUSTER_DEADLINE_MS });
      target = options.existing
        ? await ClusterTarget.attach(client, options.collection, { direct: options.direct })
        : await ClusterTarget.create(client, {
            ...spec,
            collection: options.collection,
            routing: options.routing,
            shards: options.shards,
            replicationFactor: options.replicas,
            direct: options.direct,
            replace: true,
          });
    }
    if (!options.existing) {
      const load = await loadTarget(target, dataset);
      log(
        `loaded ${dataset.count} vectors into ${target.name} at ${load.vectorsPerSecond.toFixed(0)} vectors/s`,
      );
    }
    const report = await runWithProgress(
      target,
      dataset,
      truth,
      workloadOf(options),
      options.progress ?? true,
    );
    if (options.out) await writeRunFiles(report, options.out);
    return report;
  } finally {
    client?.close();
    await cluster?.close();
  }
}

/** Calls on a big collection (loading batches, large query batches) may take minutes on small machines. */
const CLUSTER_DEADLINE_MS = 10 * 60_000;

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function runWithProgress(
  target: SearchTarget,
  dataset: Dataset,
  truth: GroundTruth,
  workload: WorkloadOptions,
  progress: boolean,
): Promise<RunReport> {
  const line = progress ? new ProgressLine(target.name) : undefined;
  try {
    return await runWorkload(target, dataset, truth, workload, {
      onProgress: line && ((f, s) => line.update(f, s)),
    });
  } finally {
    line?.stop();
  }
}

function workloadOf(options: BenchRunOptions & typeof DEFAULTS): WorkloadOptions {
  return {
    loop: options.loop,
    concurrency: options.concurrency,
    rate: options.rate,
    maxInFlight: options.maxInFlight,
    batchSize: options.batch,
    k: options.k,
    nprobe: options.nprobe,
    writeShare: options.writeShare,
    durationMs: options.duration === undefined ? undefined : options.duration * 1000,
    requests: options.requests,
    seed: options.seed,
  };
}

async function writeRunFiles(report: RunReport, dir: string): Promise<void> {
  const out = resolve(dir);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'loadtest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(out, 'loadtest.md'), runReportMarkdown(report));
  writeFileSync(join(out, 'loadtest.svg'), await runLatencyChart(report));
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError('expected a positive number');
  return n;
}

function fraction(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a number between 0 and 1');
  return n;
}
