import type { RunReport } from './run-report.js';

const ms = (value: number) => value.toFixed(2);

/** A run report as Markdown: the workload, throughput, latency percentiles, recall, fan-out and errors. */
export function runReportMarkdown(report: RunReport): string {
  const w = report.workload;
  const shape =
    w.loop === 'closed'
      ? `closed loop, ${w.concurrency ?? 1} client(s)`
      : `open loop, ${w.rate} req/s Poisson arrivals (latency from scheduled send time)`;
  const lines = [
    `## Load test: ${report.target} on ${report.dataset}`,
    '',
    `${shape}; batch ${w.batchSize}, k ${w.k}, nprobe ${w.nprobe}, ${Math.round(w.writeShare * 100)}% upserts; ` +
      `${report.elapsedSeconds.toFixed(1)} s`,
    '',
    '| requests ok | failed | unsent | req/s | queries/s | vectors written/s | recall@k | shards per search |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${report.requests.succeeded} | ${report.requests.failed} | ${report.requests.unsent} | ` +
      `${report.throughput.requestsPerSecond.toFixed(1)} | ${report.throughput.queriesPerSecond.toFixed(1)} | ` +
      `${report.throughput.vectorsWrittenPerSecond.toFixed(1)} | ` +
      `${report.recallAtK === null ? 'n/a' : report.recallAtK.toFixed(4)} | ` +
      `${report.shardsPerSearch === null ? 'n/a' : report.shardsPerSearch.mean.toFixed(2)} |`,
    '',
    '| latency (ms) | count | mean | p50 | p90 | p99 | p99.9 | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, s] of Object.entries(report.latencyMs)) {
    if (s.count === 0) continue;
    lines.push(
      `| ${name} | ${s.count} | ${ms(s.meanMs)} | ${ms(s.p50Ms)} | ${ms(s.p90Ms)} | ${ms(s.p99Ms)} | ${ms(s.p999Ms)} | ${ms(s.maxMs)} |`,
    );
  }
  const errors = Object.entries(report.errors);
  if (errors.length > 0) {
    lines.push('', '| error | count | first message |', '| --- | ---: | --- |');
    for (const [code, e] of errors)
      lines.push(`| ${code} | ${e.count} | ${e.example.replaceAll('|', '\\|')} |`);
  }
  return `${lines.join('\n')}\n`;
}
