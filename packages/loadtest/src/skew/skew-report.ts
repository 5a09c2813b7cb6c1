import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMachine, machineLine } from '../report/machine.js';
import { markdownTable } from '../report/markdown-table.js';
import { renderSvg } from '../report/svg-chart.js';
import { replaceSkewRows, SKEW_TARGET, type SkewPhase, type SkewResult } from './skew-row.js';

export interface SkewSettings {
  count: number;
  nlist: number;
  nprobe: number;
  seconds: number;
  rounds: number;
  batch: number;
  inFlight: number;
  exponent: number;
}

/** bench/results/skew.{json,md,svg}, and the skew rows of latest.json (the other rows kept). */
export async function writeSkewReport(
  dir: string,
  results: SkewResult[],
  phases: SkewPhase[],
  settings: SkewSettings,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const machine = machineLine(describeMachine());
  writeFileSync(
    join(dir, 'skew.json'),
    `${JSON.stringify({ machine, settings, results, phases }, null, 2)}\n`,
  );
  replaceSkewRows(join(dir, 'latest.json'), results);
  const phaseRows = phases.map((p) => ({
    workers: p.workers,
    hot_lists: p.hot_lists,
    phase: p.phase,
    batch_qps: p.batch_qps,
    shards_per_query: p.shards_per_query,
    max_over_mean_query_load: p.max_over_mean_query_load,
    worker_cpu: p.worker_cpu.join(' / '),
    coordinator_cpu: p.coordinator_cpu,
    max_over_mean_vectors: p.max_over_mean_vectors,
  }));
  const verdicts = results.map(
    (r) =>
      `- ${r.workers} workers, hot lists ${r.hot_lists}: \`skew_qps_ratio\` **${r.skew_qps_ratio}** (target ≥ ${SKEW_TARGET}: ` +
      `${r.skew_qps_ratio >= SKEW_TARGET ? 'met' : 'missed'}; ${r.skew_qps_ratio_before} before the Rebalance; ` +
      `${r.skew_qps_ratio_same_placement} against the uniform load after it; ${r.skew_qps_ratio_model} modelled from ` +
      `the busiest worker’s share of the scan work). The Rebalance balanced ${r.rebalanced_by}, ` +
      `moving ${r.lists_moved} lists. ` +
      `Worker CPU under Zipf ${r.worker_cpu_before.join(' / ')} before, ${r.worker_cpu_after.join(' / ')} after; ` +
      `shards per query ${r.shards_per_query_before} → ${r.shards_per_query_after}; ` +
      `answers changed by the Rebalance: ${r.answers_changed} of the compared queries.`,
  );
  writeFileSync(
    join(dir, 'skew.md'),
    [
      '# Hot lists: batch QPS under a Zipf load over lists against a uniform one',
      '',
      `- Generated: ${new Date().toISOString()}`,
      `- Machine: ${machine}`,
      `- Synthetic set ${settings.count} × 128 (256-component Gaussian mixture, noise 1.75), IVF${settings.nlist},Flat, ` +
        `nprobe ${settings.nprobe}, locality placement, one shard per worker, 1 FAISS thread per worker, all on this ` +
        `machine. Each load is 20,000 queries from a pool of 100,000 drawn from the mixture: for each, a list is drawn ` +
        `(uniformly, or by Zipf(${settings.exponent}) rank over the lists: hot_lists \`shuffled\` gives the ranks ` +
        'to a seeded shuffle of the lists, `neighbourhood` to the lists by distance from one seeded list’s centroid, ' +
        'a hot neighbourhood) and a pool query whose ' +
        `nearest centroid is that list is taken. batch_qps: ${settings.batch}-query requests, ${settings.inFlight} in ` +
        `flight, ${settings.seconds} s per arm and round, ${settings.rounds} rounds.`,
      '- Two copies of the collection in one cluster, trained alike: `a` keeps the placement as built, `b` is ' +
        'rebalanced while the Zipf load runs on it (the coordinator counts the probes per list, half-life 2 s here). ' +
        'Then the rounds alternate four arms: uniform on `a`, Zipf on `a` (before), Zipf on `b` (after the ' +
        'Rebalance), uniform on `b`; so a neighbour’s load on the shared cores falls on every arm alike.',
      '- worker_cpu: each worker process’s CPU over the phase’s wall time (1 = one core), in worker order; ' +
        'max_over_mean_query_load: the busiest shard’s probes × list rows for this load, over the mean; ' +
        'max_over_mean_vectors: the shards’ vectors.',
      '- `skew_qps_ratio` = Zipf QPS after the Rebalance ÷ uniform QPS (first phase).',
      '',
      ...verdicts,
      '',
      markdownTable(phaseRows),
      '',
      '![skew](skew.svg)',
      '',
    ].join('\n'),
  );
  const long = phases.flatMap((p) =>
    (['batch_qps', 'shards_per_query', 'max_over_mean_query_load'] as const).map((metric) => ({
      metric,
      value: p[metric],
      run: `${p.workers} workers, ${p.hot_lists}`,
      phase: p.phase,
    })),
  );
  const svg = await renderSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    data: { values: long },
    facet: { column: { field: 'metric', type: 'nominal', title: null } },
    spec: {
      mark: 'bar',
      encoding: {
        x: { field: 'run', type: 'nominal', title: null },
        xOffset: { field: 'phase', sort: null },
        y: { field: 'value', type: 'quantitative', title: null },
        color: { field: 'phase', type: 'nominal', sort: null },
      },
      width: 160,
      height: 180,
    },
    resolve: { scale: { y: 'independent' } },
  });
  writeFileSync(join(dir, 'skew.svg'), svg);
}
