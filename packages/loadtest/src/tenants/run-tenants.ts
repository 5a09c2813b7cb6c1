import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { loadDataset } from '@vecshard/datasets';
import { filteredTruth } from '../filtered/filtered-truth.js';
import { sampleCpu } from '../metrics/process-cpu.js';
import { describeMachine, machineLine } from '../report/machine.js';
import { type BenchCluster, launchBenchCluster } from '../targets/local-cluster.js';
import { measureTenantMode, type TenantContext } from './measure-tenant-mode.js';
import { dealRows, rowsOf } from './tenant-assignment.js';
import { tenantChart } from './tenant-chart.js';
import { TenantCollection } from './tenant-collection.js';
import { TENANT_K, type TenantConfig } from './tenant-config.js';
import { tenantMarkdown } from './tenant-report.js';
import { TENANT_MODES, type TenantRow } from './tenant-row.js';
import { judgeTenants, type TenantVerdict } from './tenant-targets.js';

export interface TenantOptions {
  config: TenantConfig;
  /** Folder for `<resultsFile>.json/.md/.svg` (default bench/results under the working directory). */
  outDir?: string;
  /** Starts the cluster (default: a local cluster of processes, one worker per shard). */
  launchCluster?: (workers: number, threadsPerWorker: number) => Promise<BenchCluster>;
  /** Progress messages (default: stderr). */
  log?: (line: string) => void;
}

export interface TenantResult {
  rows: TenantRow[];
  verdicts: TenantVerdict[];
  files: { json: string; markdown: string; svg: string };
}

/** Deadline of the cluster calls: loading a large set on 2 cores takes a while. */
const CLUSTER_DEADLINE_MS = 10 * 60_000;

/**
 * The tenant benchmark: the same rows, each with a tenant, in a collection
 * partitioned by tenant and in one where the tenant is a plain field, on a
 * local cluster of `shards` workers; the same tenant searched in both.
 */
export async function runTenantBench(options: TenantOptions): Promise<TenantResult> {
  const { config } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`bench: ${line}\n`));
  const machine = describeMachine();
  log(`${config.label} benchmark on ${machineLine(machine)}`);
  const dataset = loadDataset(config.dataset);
  const tenantOf = dealRows(dataset.count, config.tenants, config.tenantSeed);
  const matches = rowsOf(tenantOf, config.tenant);
  log(
    `dataset ${dataset.name}: ${dataset.count} × ${dataset.dim}, ${dataset.queryCount} queries; ` +
      `${config.tenants} tenants, ${config.tenant} has ${matches.length} rows`,
  );
  const truth = await filteredTruth(dataset, matches, TENANT_K);
  // The shards share the machine's cores; the product puts one shard on each worker.
  const threads = Math.max(1, Math.floor(cpus().length / config.shards));
  log(`starting a local cluster: ${config.shards} workers, ${threads} FAISS thread(s) each`);
  const launch =
    options.launchCluster ?? ((workers, t) => launchBenchCluster({ workers, threadsPerWorker: t }));
  const cluster = await launch(config.shards, threads);
  const client = new VecshardClient(cluster.address, { deadlineMs: CLUSTER_DEADLINE_MS });
  const context: TenantContext = {
    config,
    dataset,
    matches,
    truth,
    // The cluster's processes are asked afresh, as a worker may have restarted.
    sampleCpu: () => sampleCpu([{ role: 'client' }, ...cluster.processes()]),
    machine,
    generatedAt: new Date().toISOString(),
    log,
  };
  const rows: TenantRow[] = [];
  try {
    for (const mode of TENANT_MODES) {
      const started = performance.now();
      const collection = await TenantCollection.load(
        client,
        `bench-${config.label}-${mode}`,
        mode,
        dataset,
        tenantOf,
        config,
      );
      log(`${mode}: trained and loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      rows.push(await measureTenantMode(mode, collection, context));
      // Frees the workers' memory before the other collection loads.
      await collection.drop();
    }
  } finally {
    client.close();
    await cluster.close();
  }
  return writeResults(config, rows, options.outDir, log);
}

async function writeResults(
  config: TenantConfig,
  rows: TenantRow[],
  outDirOption: string | undefined,
  log: (line: string) => void,
): Promise<TenantResult> {
  const outDir = resolve(outDirOption ?? join('bench', 'results'));
  mkdirSync(outDir, { recursive: true });
  const base = join(outDir, config.resultsFile);
  const files = { json: `${base}.json`, markdown: `${base}.md`, svg: `${base}.svg` };
  writeFileSync(files.json, `${JSON.stringify(rows, null, 2)}\n`);
  writeFileSync(files.svg, await tenantChart(rows, `vecshard tenant search (${config.label})`));
  writeFileSync(files.markdown, tenantMarkdown(config.label, rows, `${config.resultsFile}.svg`));
  const verdicts = judgeTenants(rows);
  for (const v of verdicts) log(`target ${v.met ? 'met' : 'MISSED'}: ${v.target} — ${v.detail}`);
  log(`results: ${files.json}, ${files.markdown}, ${files.svg}`);
  return { rows, verdicts, files };
}
