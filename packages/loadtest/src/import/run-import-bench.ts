import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { type DatasetSpec, loadDataset, readVectorFile, writeNpy } from '@vecshard/datasets';
import { FaissIndex } from '@vecshard/faiss';
import { startLocalCluster } from '@vecshard/launcher';
import { describeMachine, machineLine } from '../report/machine.js';
import { renderSvg } from '../report/svg-chart.js';
import {
  type ImportRow,
  importSection,
  importTable,
  importVerdicts,
  replaceImportRows,
  withImportSection,
} from './import-row.js';

/** One dataset of the import bench. */
export interface ImportBenchRun {
  dataset: DatasetSpec;
  index: string;
  trainCount: number;
  /** Also time online upserts (10 000-row batches, 2 in flight) into an RF 1 collection. */
  upserts: boolean;
}

export interface ImportBenchOptions {
  runs: ImportBenchRun[];
  replicationFactors: number[];
  workers: number;
  /** Results folder: import.{json,md,svg}, and the import rows merged into latest.json (and latest.md's section). */
  outDir: string;
  note?: string;
  log?: (line: string) => void;
}

/** The default runs: the synthetic 1M × 128 of the suite (or `syntheticCount` rows of it) and Fashion-MNIST. */
export function defaultImportRuns(syntheticCount = 1_000_000): ImportBenchRun[] {
  return [
    {
      dataset: {
        kind: 'synthetic',
        count: syntheticCount,
        queries: 0,
        dim: 128,
        clusters: 256,
        noise: 1.75,
        seed: 1,
      },
      index: 'IVF1024,Flat',
      trainCount: 65_536,
      upserts: false,
    },
    {
      dataset: { kind: 'fashion-mnist', queries: 0 },
      index: 'IVF256,Flat',
      trainCount: 60_000,
      upserts: true,
    },
  ];
}

const UPSERT_BATCH = 10_000;
const JOB_TIMEOUT_MS = 30 * 60_000;

/**
 * `npm run bench:import`: per dataset, the base written to a .npy file; one
 * FAISS index (every core) reads and adds it, timed after training; then a
 * local cluster (`workers` workers splitting the cores, write log and
 * snapshots on a file store, as `vecshard up` runs) trains a collection per
 * replication factor from the file's leading rows and imports the file in
 * one job, timed from queued to completed.
 */
export async function runImportBench(options: ImportBenchOptions): Promise<ImportRow[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`bench:import: ${line}\n`));
  const machine = machineLine(describeMachine());
  const generatedAt = new Date().toISOString();
  const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-import-bench-'));
  const rows: ImportRow[] = [];
  try {
    for (const run of options.runs) {
      const dataset = loadDataset(run.dataset);
      const file = join(dataDir, `${dataset.name}.npy`);
      writeNpy(file, dataset.base, dataset.dim);
      log(`${dataset.name}: ${dataset.count} × ${dataset.dim} written to ${file}`);
      const faiss = await faissAdd(file, dataset.dim, run);
      log(`faiss add: ${faiss.vps.toFixed(0)} vectors/s (${faiss.seconds.toFixed(2)} s)`);
      const cluster = await startLocalCluster({
        workers: options.workers,
        port: 0,
        host: '127.0.0.1',
        dataDir: join(dataDir, 'cluster'),
        importRoots: [dataDir],
        threads: Math.max(1, Math.floor(cpus().length / options.workers)),
        consolePort: null,
        // VECSHARD_BENCH_VERBOSE=1: the cluster's own output on stderr.
        log: process.env.VECSHARD_BENCH_VERBOSE ? (line) => process.stderr.write(`${line}\n`) : undefined,
      });
      const client = new VecshardClient(cluster.address, { deadlineMs: JOB_TIMEOUT_MS });
      try {
        for (const rf of options.replicationFactors) {
          if (rf > options.workers) continue;
          const name = `import-rf${rf}`;
          await client.createCollection({
            name,
            dim: dataset.dim,
            metric: 'l2',
            index: run.index,
            shards: options.workers,
            replicationFactor: rf,
          });
          await client.waitForJob(
            (await client.trainFromFile({ collection: name, path: file, limit: run.trainCount })).id,
            { timeoutMs: JOB_TIMEOUT_MS },
          );
          const started = performance.now();
          let storedAt = 0;
          const job = await client.waitForJob((await client.import({ collection: name, path: file })).id, {
            timeoutMs: JOB_TIMEOUT_MS,
            onProgress: (update) => {
              if (storedAt === 0 && update.done >= dataset.count) storedAt = performance.now();
            },
          });
          const ended = performance.now();
          if (job.state !== 'completed')
            throw new Error(`import into ${name} ended ${job.state}: ${job.error}`);
          const vectors = (await client.getCollection(name)).vectors;
          if (vectors !== dataset.count)
            throw new Error(`${name} holds ${vectors} vectors, not ${dataset.count}`);
          const seconds = (ended - started) / 1000;
          const row: ImportRow = {
            suite: 'import',
            mode: 'cluster',
            dataset: dataset.name,
            index: run.index,
            vectors: dataset.count,
            dim: dataset.dim,
            workers: options.workers,
            shards: options.workers,
            replication_factor: rf,
            faiss_add_vps: faiss.vps,
            import_vps: dataset.count / seconds,
            import_x_faiss: dataset.count / seconds / faiss.vps,
            import_store_seconds: ((storedAt || ended) - started) / 1000,
            import_seconds: seconds,
            machine,
            generated_at: generatedAt,
          };
          await client.dropCollection(name);
          if (run.upserts && rf === 1) {
            const upsertVps = await onlineUpserts(client, file, dataset.dim, run);
            row.upsert_vps = upsertVps;
            row.upsert_x_faiss = upsertVps / faiss.vps;
            log(
              `online upserts: ${upsertVps.toFixed(0)} vectors/s (${row.upsert_x_faiss.toFixed(2)}× FAISS)`,
            );
          }
          rows.push(row);
          log(
            `RF ${rf}: import ${row.import_vps.toFixed(0)} vectors/s = ${row.import_x_faiss.toFixed(2)}× FAISS ` +
              `(stored in ${row.import_store_seconds.toFixed(2)} s, job ${seconds.toFixed(2)} s)`,
          );
        }
      } finally {
        client.close();
        await cluster.close();
        rmSync(join(dataDir, 'cluster'), { recursive: true, force: true });
        rmSync(file, { force: true });
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  await writeImportResults(rows, options, log);
  return rows;
}

/** FAISS reading the file and adding every row (training on the leading rows first, untimed). */
async function faissAdd(file: string, dim: number, run: ImportBenchRun) {
  const index = FaissIndex.create(dim, run.index, 'l2');
  {
    await index.train(readVectorFile(file, { from: 0, to: run.trainCount }).vectors);
    const started = performance.now();
    const { vectors } = readVectorFile(file);
    const count = vectors.length / dim;
    await index.add(
      vectors,
      BigInt64Array.from({ length: count }, (_, i) => BigInt(i)),
    );
    const seconds = (performance.now() - started) / 1000;
    return { seconds, vps: count / seconds };
  }
}

/** Online upserts of the file's rows (UPSERT_BATCH rows a request, 2 in flight) into a fresh RF 1 collection. */
async function onlineUpserts(client: VecshardClient, file: string, dim: number, run: ImportBenchRun) {
  const name = 'upsert-rf1';
  const { vectors } = readVectorFile(file);
  const count = vectors.length / dim;
  await client.createCollection({ name, dim, metric: 'l2', index: run.index, replicationFactor: 1 });
  await client.train(name, vectors.subarray(0, Math.min(count, run.trainCount) * dim));
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  for (let from = 0; from < count; from += UPSERT_BATCH) {
    const to = Math.min(count, from + UPSERT_BATCH);
    const request: Promise<void> = client
      .upsert(
        name,
        BigInt64Array.from({ length: to - from }, (_, i) => BigInt(from + i)),
        vectors.subarray(from * dim, to * dim),
      )
      .then(() => {
        inFlight.delete(request);
      });
    inFlight.add(request);
    if (inFlight.size >= 2) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  await client.dropCollection(name);
  return count / seconds;
}

async function writeImportResults(
  rows: ImportRow[],
  options: ImportBenchOptions,
  log: (line: string) => void,
): Promise<void> {
  const out = options.outDir;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'import.json'), `${JSON.stringify(rows, null, 2)}\n`);
  const verdicts = importVerdicts(rows);
  writeFileSync(
    join(out, 'import.md'),
    [
      '# Bulk import against FAISS add',
      '',
      `- Generated: ${rows[0]?.generated_at ?? 'n/a'}`,
      `- Machine: ${rows[0]?.machine ?? 'n/a'}`,
      `- Cluster: ${options.workers} workers (FAISS threads split between them), one coordinator, write log and ` +
        'snapshots on a file store (as `vecshard up`); each collection has one shard per worker',
      '- FAISS add: one in-process index on every core reads the .npy file and adds all of it in one call ' +
        '(training on the leading rows first, untimed)',
      '- Import: `Import` of the same .npy file into a collection trained from its leading rows (untimed), ' +
        'from queued to completed: batches written straight to the owning shards’ copies, unlogged, and the ' +
        'closing snapshot of the collection that makes them durable',
      '- Online upserts: the client sends the rows in 10 000-row Upsert calls, 2 in flight (write log on)',
      ...(options.note ? [`- Note: ${options.note}`] : []),
      '',
      importTable(rows),
      '',
      ...verdicts.map((v) => `- ${v.target}: ${v.met ? 'met' : '**missed**'} (${v.detail})`),
      '',
    ].join('\n'),
  );
  writeFileSync(join(out, 'import.svg'), await importChart(rows));
  replaceImportRows(join(out, 'latest.json'), rows);
  const latestMd = join(out, 'latest.md');
  if (existsSync(latestMd))
    writeFileSync(latestMd, withImportSection(readFileSync(latestMd, 'utf8'), importSection(rows)));
  for (const v of verdicts) log(`target ${v.met ? 'met' : 'MISSED'}: ${v.target} — ${v.detail}`);
  log(`results: ${join(out, 'import.json')}, import.md, import.svg; rows merged into latest.json`);
}

function importChart(rows: ImportRow[]): Promise<string> {
  const values = rows.map((r) => ({
    run: `${r.dataset.startsWith('synthetic') ? 'synthetic' : 'Fashion-MNIST'} d=${r.dim}, RF ${r.replication_factor}`,
    ratio: r.import_x_faiss,
  }));
  return renderSvg({
    title: 'Bulk import rate ÷ FAISS add rate',
    width: 480,
    height: 220,
    layer: [
      {
        data: { values },
        mark: 'bar',
        encoding: {
          y: { field: 'run', type: 'nominal', title: null },
          x: { field: 'ratio', type: 'quantitative', title: 'import_x_faiss' },
        },
      },
      {
        data: { values: [{ bar: 0.8 }] },
        mark: { type: 'rule', color: 'red' },
        encoding: { x: { field: 'bar', type: 'quantitative' } },
      },
    ],
  });
}
