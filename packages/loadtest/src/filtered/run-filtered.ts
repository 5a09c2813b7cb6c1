import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { sampleCpu } from '../metrics/process-cpu.js';
import { describeMachine, type MachineDescription, machineLine } from '../report/machine.js';
import { type BenchCluster, launchBenchCluster } from '../targets/local-cluster.js';
import { ClusterFiltered } from './cluster-filtered.js';
import { FaissFiltered } from './faiss-filtered.js';
import { caseName, filterCases } from './filter-cases.js';
import { filteredChart } from './filtered-chart.js';
import type { FilteredConfig, FilteredRun } from './filtered-config.js';
import { loadFilteredDataset } from './filtered-dataset.js';
import { filteredMarkdown, percent } from './filtered-report.js';
import type { FilteredRow } from './filtered-row.js';
import { type FilteredVerdict, judgeFiltered } from './filtered-targets.js';
import { type FilterContext, measureFilter } from './measure-filter.js';

export interface FilteredOptions {
  config: FilteredConfig;
  /** Folder for `<resultsFile>.json/.md/.svg` (default bench/results under the working directory). */
  outDir?: string;
  /** Starts the cluster (default: a local cluster of processes, as the suite starts it). */
  launchCluster?: (workers: number, threadsPerWorker: number) => Promise<BenchCluster>;
  /** Progress messages (default: stderr, as the suite writes them). */
  log?: (line: string) => void;
}

export interface FilteredResult {
  rows: FilteredRow[];
  verdicts: FilteredVerdict[];
  files: { json: string; markdown: string; svg: string };
}

/** Deadline of the cluster calls: loading and exact searches over half a million rows take a while on 2 cores. */
const CLUSTER_DEADLINE_MS = 10 * 60_000;

/** What every dataset of the run shares. */
interface RunContext {
  config: FilteredConfig;
  client: VecshardClient;
  cluster: BenchCluster;
  machine: MachineDescription;
  generatedAt: string;
  log: (line: string) => void;
}

/**
 * The filtered benchmark: per dataset, the same filters (unfiltered, price
 * ranges at 50 / 10 / 1 / 0.1 %, keyword filters) through in-process FAISS
 * (IVF with an id selector, and exact over the matches) and the cluster,
 * with recall against exact filtered ground truth; writes JSON rows, a
 * Markdown report and an SVG chart.
 */
export async function runFilteredBench(options: FilteredOptions): Promise<FilteredResult> {
  const { config } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`bench: ${line}\n`));
  const machine = describeMachine();
  log(`${config.label} benchmark on ${machineLine(machine)}`);
  // The cluster gets the cores the in-process index has, split between its workers.
  const threads = Math.max(1, Math.floor(cpus().length / config.workers));
  log(`starting a local cluster: ${config.workers} workers, ${threads} FAISS thread(s) each`);
  const launch =
    options.launchCluster ?? ((workers, t) => launchBenchCluster({ workers, threadsPerWorker: t }));
  const cluster = await launch(config.workers, threads);
  // One-hop searches get the same time: a busy machine's slow batch is not a reason to fall back.
  const client = new VecshardClient(cluster.address, {
    deadlineMs: CLUSTER_DEADLINE_MS,
    directTimeoutMs: CLUSTER_DEADLINE_MS,
  });
  const context: RunContext = {
    config,
    client,
    cluster,
    machine,
    generatedAt: new Date().toISOString(),
    log,
  };
  const rows: FilteredRow[] = [];
  try {
    for (const run of config.runs) rows.push(...(await benchDataset(run, context)));
  } finally {
    client.close();
    await cluster.close();
  }
  return writeResults(config, rows, options.outDir, log);
}

async function benchDataset(run: FilteredRun, context: RunContext): Promise<FilteredRow[]> {
  const { config, log } = context;
  const loaded = loadFilteredDataset(run, config.fieldSeed);
  if (!loaded) {
    log('Fashion-MNIST not found (Debian package dataset-fashion-mnist): skipped');
    return [];
  }
  const { dataset, fields } = loaded;
  log(
    `dataset ${dataset.name}: ${dataset.count} × ${dataset.dim}, ${dataset.queryCount} queries, ${run.index}`,
  );
  const cases = filterCases(fields, dataset.count);
  log(`filters: ${cases.map((c) => `${caseName(c)} (${percent(c.selectivity)})`).join(', ')}`);
  const faiss = await timedStep(log, 'faiss: trained and loaded', () => FaissFiltered.load(dataset, run));
  const collection = `bench-${config.label}-${dataset.name}`;
  const cluster = await timedStep(log, 'cluster: trained and loaded with fields', () =>
    ClusterFiltered.load(context.client, collection, config.workers, dataset, fields, run, config.addBatch),
  );
  await cluster.prepareDirect();
  const filterContext: FilterContext = {
    suite: config.label,
    run,
    dataset,
    faiss,
    cluster,
    workers: config.workers,
    batch: { seconds: config.batchSeconds, maxRepeats: config.batchMaxRepeats },
    count: { seconds: config.countSeconds, maxRepeats: config.countMaxRepeats },
    cpu: {
      local: () => sampleCpu([{ role: 'client' }]),
      // The cluster's processes are asked afresh, as a worker may have restarted.
      cluster: () => sampleCpu([{ role: 'client' }, ...context.cluster.processes()]),
    },
    machine: context.machine,
    generatedAt: context.generatedAt,
    log,
  };
  const rows: FilteredRow[] = [];
  for (const [i, filter] of cases.entries()) {
    log(
      `${dataset.name} [${i + 1}/${cases.length}] ${caseName(filter)}: ` +
        `${filter.matches.length} rows (${percent(filter.selectivity)})`,
    );
    rows.push(...(await measureFilter(filter, filterContext)));
  }
  // Frees the workers' memory before the next dataset loads.
  await cluster.drop();
  return rows;
}

async function timedStep<T>(log: (line: string) => void, done: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await step();
  log(`${done} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return value;
}

async function writeResults(
  config: FilteredConfig,
  rows: FilteredRow[],
  outDirOption: string | undefined,
  log: (line: string) => void,
): Promise<FilteredResult> {
  const outDir = resolve(outDirOption ?? join('bench', 'results'));
  mkdirSync(outDir, { recursive: true });
  const base = join(outDir, config.resultsFile);
  const files = { json: `${base}.json`, markdown: `${base}.md`, svg: `${base}.svg` };
  writeFileSync(files.json, `${JSON.stringify(rows, null, 2)}\n`);
  writeFileSync(files.svg, await filteredChart(rows, `vecshard filtered search (${config.label})`));
  writeFileSync(files.markdown, filteredMarkdown(config.label, rows, `${config.resultsFile}.svg`));
  const verdicts = judgeFiltered(rows);
  for (const v of verdicts)
    log(`target ${v.met ? 'met' : 'MISSED'}: ${v.dataset}: ${v.target} — ${v.detail}`);
  log(`results: ${files.json}, ${files.markdown}, ${files.svg}`);
  return { rows, verdicts, files };
}
