import { machineLine } from '../report/machine.js';
import type { BenchRow } from './bench-row.js';
import { scaleOutSection } from './scale-out-report.js';
import type { DatasetRun, SuiteConfig } from './suite-config.js';
import { judgeTargets, signed } from './suite-targets.js';

const MODES_LINE =
  '- Modes: `faiss` = one FAISS index in this process, default build (baseline); `faiss-debian` = the same ' +
  'with Debian’s generic libfaiss; `cluster` = vecshard, lists partitioned across workers, each query sent ' +
  'through the coordinator only to the shards owning its probed lists (two hops); `cluster-direct` = the same ' +
  'cluster searched from the client straight to the shards (one hop); `scatter` = every worker holds a slice of ' +
  'the vectors with all lists and every query goes to every shard.';

const MEASURES_LINE =
  '- batch QPS: all queries in one request; single p50/p99: one query per request, one at a time, after a few thousand uncounted ones following the load and a few hundred at each nprobe; ' +
  'ingest: vectors/s while loading in batches with 2 requests in flight, training excluded; CPU ms/query: ' +
  'CPU time of every process serving the mode (this process as client, coordinator, workers, redis-server) ' +
  'during the batch phase over the queries it served.';

/** The results as Markdown: setup, one table per dataset, scan bandwidth, scale-out and the targets. */
export function suiteMarkdown(config: SuiteConfig, rows: BenchRow[], chartFile: string): string {
  const first = rows[0];
  const lines = [
    `# vecshard benchmark (${config.label})`,
    '',
    `- Generated: ${first?.generated_at ?? new Date().toISOString()}`,
    first ? `- Machine: ${machineLine(first.machine)}` : '- Machine: n/a',
    first
      ? `- Bare gRPC round trip (two processes on loopback, measured once for the run): p50 ${first.rtt_p50_ms.toFixed(3)} ms, p99 ${first.rtt_p99_ms.toFixed(3)} ms`
      : '- Bare gRPC round trip: n/a',
    `- Memory read bandwidth (this run): ${first?.memory_read_gb_per_s == null ? 'n/a (not measurable with this FAISS build)' : `${first.memory_read_gb_per_s.toFixed(1)} GB/s`}`,
    `- ${config.workers} workers in the cluster modes, k = 10`,
    `- Datasets: ${config.runs.map(describeRun).join('; ')}`,
    MODES_LINE,
    MEASURES_LINE,
  ];
  for (const dataset of [...new Set(rows.map((r) => r.dataset))]) {
    lines.push('', ...datasetSection(rows.filter((r) => r.dataset === dataset)));
  }
  const verdicts = judgeTargets(rows);
  if (verdicts.length > 0) {
    lines.push(
      '',
      '## Targets (reported, not enforced)',
      '',
      '| dataset | target | result | by how much |',
      '| --- | --- | --- | --- |',
    );
    for (const v of verdicts)
      lines.push(`| ${v.dataset} | ${v.target} | ${v.met ? 'met' : '**missed**'} | ${v.detail} |`);
  }
  const failed = rows.reduce((sum, r) => sum + r.errors, 0);
  if (failed > 0) lines.push('', `**${failed} request(s) failed during the measurements.**`);
  lines.push('', `![recall vs QPS and latency](${chartFile})`, '');
  return lines.join('\n');
}

/** A dataset run as configured (the dataset's name leaves out the mixture's noise). */
function describeRun(run: DatasetRun): string {
  const spec = run.dataset;
  const data =
    spec.kind === 'synthetic'
      ? `synthetic ${spec.count} × ${spec.dim}, ${spec.clusters} Gaussian components, noise ${spec.noise}, seed ${spec.seed}`
      : spec.kind === 'fashion-mnist'
        ? `Fashion-MNIST${spec.count ? ` (first ${spec.count})` : ''}`
        : `files ${spec.base}`;
  return `${data}, ${spec.queries} queries, ${run.index}, nprobe ${run.nprobes.join('/')}, modes ${run.modes.join(', ')}`;
}

function datasetSection(rows: BenchRow[]): string[] {
  const baseline = new Map(rows.filter((r) => r.mode === 'faiss').map((r) => [r.nprobe, r]));
  const lines = [
    `## ${rows[0].dataset}: ${rows[0].index}, ${rows[0].queries} queries`,
    '',
    '| mode | build | nprobe | recall@10 | batch QPS | × FAISS | single p50 ms | Δ p50 ms | single p99 ms | ingest vec/s | × FAISS | shards/query | CPU ms/query | client / coordinator / workers / redis |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '–');
  for (const r of rows) {
    const base = r.mode === 'faiss' ? undefined : baseline.get(r.nprobe);
    const roles = r.cpu_ms_per_query_by_role;
    const split = [roles.client, roles.coordinator, roles.worker, roles.redis]
      .map((ms) => (ms === undefined ? '–' : ms.toFixed(4)))
      .join(' / ');
    lines.push(
      `| ${r.mode} | ${r.faiss_build} | ${r.nprobe} | ${r.recall_at_10.toFixed(4)} | ${r.batch_qps.toFixed(0)} | ` +
        `${r.mode === 'faiss' ? '1.00×' : ratio(r.batch_qps, base?.batch_qps)} | ${r.single_p50_ms.toFixed(3)} | ` +
        `${base ? signed(r.single_p50_ms - base.single_p50_ms, 3) : '–'} | ${r.single_p99_ms.toFixed(3)} | ` +
        `${r.ingest_vps.toFixed(0)} | ${r.mode === 'faiss' ? '1.00×' : ratio(r.ingest_vps, base?.ingest_vps)} | ` +
        `${r.shards_per_query.toFixed(2)} | ${r.cpu_ms_per_query.toFixed(4)} | ${split} |`,
    );
  }
  lines.push(...scanSection(rows));
  const scaleOut = scaleOutSection(rows);
  if (scaleOut.length > 0) lines.push('', ...scaleOut);
  return lines;
}

/** In-process scan rate against the memory bandwidth: how close an IVF-Flat scan comes to the memory bus. */
function scanSection(rows: BenchRow[]): string[] {
  const scanned = rows.filter((r) => r.scan_gb_per_s !== undefined);
  if (scanned.length === 0) return [];
  const lines = [
    '',
    'Scan bandwidth (bytes of the probed lists’ vectors, from the list sizes and each query’s assignment, × batch QPS):',
    '',
    '| mode | nprobe | MB scanned/query | scan GB/s | of memory bandwidth |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of scanned) {
    const share = r.memory_read_gb_per_s
      ? `${((100 * r.scan_gb_per_s!) / r.memory_read_gb_per_s).toFixed(0)}%`
      : 'n/a';
    lines.push(
      `| ${r.mode} | ${r.nprobe} | ${((r.scanned_bytes_per_query ?? 0) / 1e6).toFixed(2)} | ${r.scan_gb_per_s!.toFixed(2)} | ${share} |`,
    );
  }
  return lines;
}
