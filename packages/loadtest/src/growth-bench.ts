#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fitGrowth, writeGrowthReport } from './growth/growth-report.js';
import { type GrowthConfig, measureSize, type SizeRow, type SizeSpec } from './growth/measure-size.js';
import { describeMachine, machineLine } from './report/machine.js';
import { markdownTable } from './report/markdown-table.js';

// How the cluster's costs grow with the data (issue 25, target 4): the
// synthetic set at 1M, 3M and 10M × 128 (IVF1024 / IVF2048 / IVF4096) loaded
// into 2 workers, each size in a fresh cluster: ingest rate, batch QPS × MB
// scanned per query, single p50/p99, resident memory per vector, Redis memory
// and AOF, snapshot time, refill of one lost copy and restart to serving;
// then the exponent of each fitted on log–log axes.

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    nlists: { type: 'string' },
    quick: { type: 'boolean', default: false },
    /** Sizes from this many vectors on are stored as SQ8 (1 byte a dimension) instead of Flat. */
    'sq8-from': { type: 'string', default: '0' },
    // 1: a lost copy is rebuilt from the snapshot and the write log; 2 doubles the workers' memory and
    // ingest work (each of the 2 workers then holds every vector), and a lost copy is copied from its peer.
    'replication-factor': { type: 'string', default: '1' },
    /** A growth.json whose data.sizes rows are kept where this run measures no such size (a run in parts). */
    'keep-from': { type: 'string' },
    workers: { type: 'string', default: '2' },
    nprobe: { type: 'string', default: '16' },
    'in-flight': { type: 'string', default: '3' },
    'batch-rows': { type: 'string', default: '10000' },
    'snapshot-every-mb': { type: 'string', default: '0' },
    'log-budget-mb': { type: 'string', default: '2048' },
    'tmp-dir': { type: 'string' },
    'cluster-log': { type: 'string' },
    out: { type: 'string', default: 'bench/results' },
  },
});

// An empty --sizes with --keep-from only writes the report of the kept rows.
const list = (text: string) => (text === '' ? [] : text.split(',').map(Number));
const sizes = list(values.sizes ?? (values.quick ? '100000,300000,1000000' : '1000000,3000000,10000000'));
const nlists = list(values.nlists ?? (values.quick ? '256,512,1024' : '1024,2048,4096'));
if (nlists.length !== sizes.length || [...sizes, ...nlists].some((v) => !Number.isInteger(v) || v < 1))
  throw new TypeError('--sizes and --nlists must be lists of positive integers of the same length');
const sq8From = Number(values['sq8-from']);
const specs: SizeSpec[] = sizes.map((vectors, i) => ({
  vectors,
  nlist: nlists[i],
  codec: sq8From > 0 && vectors >= sq8From ? 'SQ8' : 'Flat',
}));

const config: GrowthConfig = {
  dim: 128,
  // The bench suite's synthetic set (clusters 256, noise 1.75, seed 1).
  clusters: 256,
  noise: 1.75,
  seed: 1,
  workers: Number(values.workers),
  replicationFactor: Number(values['replication-factor']),
  nprobe: Number(values.nprobe),
  k: 10,
  batchRows: Number(values['batch-rows']),
  inFlight: Number(values['in-flight']),
  trainPerList: 64,
  queries: 1000,
  batchSeconds: 3,
  singles: 500,
  snapshotEveryMb: Number(values['snapshot-every-mb']),
  logBudgetMb: Number(values['log-budget-mb']),
  tmpDir: values['tmp-dir'],
  clusterLog: values['cluster-log'],
};

async function main(): Promise<void> {
  const log = (line: string) => console.error(`${new Date().toISOString().slice(11, 19)} ${line}`);
  const measured = new Set(specs.map((s) => s.vectors));
  const rows: SizeRow[] = values['keep-from']
    ? (JSON.parse(readFileSync(values['keep-from'], 'utf8')).data.sizes as SizeRow[]).filter(
        (r) => !measured.has(r.vectors),
      )
    : [];
  const machine = machineLine(describeMachine());
  const report = async () => {
    const exponents = fitGrowth(rows);
    await writeGrowthReport(
      {
        generated: new Date().toISOString(),
        machine,
        settings: {
          sizes: rows.map((r) => `${r.vectors}:${r.index}`).join(' '),
          dim: config.dim,
          workers: config.workers,
          replication_factor: config.replicationFactor,
          nprobe: config.nprobe,
          k: config.k,
          upsert_rows: config.batchRows,
          upserts_in_flight: config.inFlight,
          train_rows: `${config.trainPerList} × nlist`,
          snapshot_every_mb: config.snapshotEveryMb,
          log_budget_mb: config.logBudgetMb,
        },
        sizes: rows,
        exponents,
        notes: [
          'Each size in a fresh local cluster (redis-server with AOF everysec, the coordinator, 2 workers), ' +
            'its data streamed from the seeded generator in batches (never whole in memory) and upserted ' +
            'through the public client.',
          'MB scanned per query is vectors × nprobe ÷ nlist × code bytes (lists of equal size); ' +
            'batch q/s is 1,000 queries in one request, repeated for 3 s; p50/p99 from 500 one-query searches ' +
            'through the coordinator after 500 warm-ups.',
          'Snapshot: one Snapshot job after the load. Refill: kill -9 of one worker, which the launcher ' +
            'starts again under its id; timed until every shard has its copies ready again (' +
            (config.replicationFactor >= 2
              ? 'copied from the peer'
              : 'replication factor 1: rebuilt from the snapshot and the write log') +
            '). Restart: the cluster stopped and started on its data dir, timed until a search answers.',
          `Write log: --snapshot-every-mb ${config.snapshotEveryMb} --log-budget-mb ${config.logBudgetMb}. ` +
            'Per collection the log is bounded only by the budget over all logs, so a load is snapshotted once ' +
            'per budget of logged vectors (2 GiB: about 4M × 128) instead of every 256 MiB (the default, about ' +
            '20 snapshots of the growing collection during a 10M load: a cost quadratic in the size); Redis then ' +
            'holds at most about the budget beside the workers, which fits 24 GiB at 10M × 128 Flat.',
          'Upserts are assigned to lists by the coordinator (one coarse-quantizer search per vector, ' +
            'dim × nlist flops): with nlist grown with the data, that part of ingest grows as n × nlist.',
          'The machine is shared (2 cores, other engineers running tests and benchmarks): the load average ' +
            'before and after each size is in the memory table; read the times against it.',
          ...(specs.some((s) => !rows.some((r) => r.vectors === s.vectors))
            ? [
                `Sizes not measured (yet): ${specs
                  .filter((s) => !rows.some((r) => r.vectors === s.vectors))
                  .map((s) => s.vectors)
                  .join(', ')}; the fit covers the others.`,
              ]
            : []),
        ],
      },
      values.out!,
    );
    console.log(markdownTable(rows));
    console.log(markdownTable(exponents));
  };
  if (specs.length === 0) await report();
  for (const spec of specs) {
    log(`growth: ${spec.vectors} vectors, IVF${spec.nlist},${spec.codec}`);
    rows.push(await measureSize(spec, config, log));
    rows.sort((a, b) => a.vectors - b.vectors);
    // Written after every size, so a run cut short still leaves what it measured.
    await report();
  }
}

main().catch((error) => {
  console.error(`growth-bench: ${error?.stack ?? error}`);
  process.exit(1);
});
