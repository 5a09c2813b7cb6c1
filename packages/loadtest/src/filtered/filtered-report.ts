import { machineLine } from '../report/machine.js';
import { betterFaiss, type DatasetGroup, type FilterGroup, groupRows } from './filtered-groups.js';
import type { FilteredRow } from './filtered-row.js';
import { judgeFiltered } from './filtered-targets.js';

const FIELDS_LINE =
  '- Fields stored with every vector: `price` DOUBLE, uniform in [0, 1000) on a shuffled grid (row r costs ' +
  '(π(r) + ½)·1000/rows), so `price < 1000·s` selects exactly s of the rows; `tags` KEYWORDS, 1–3 distinct tags ' +
  'per row drawn from a Zipf distribution (exponent 1) over `t0`…`t99`, the filter is the tag nearest 10 %; ' +
  '`label` KEYWORD on Fashion-MNIST, the image class (0–9, 10 % each).';

const MODES_LINE =
  '- Modes: `faiss-ivf` = one FAISS IVF index in this process, the matches as an id selector ' +
  '(`FaissIndex.idFilter(ids, "include")`, built per batch) and `assign` + `searchPreassigned` at the same ' +
  'nprobe, never widened; `faiss-exact` = `searchSubset` over the matches (exact); `cluster` = the local cluster, ' +
  'filtered search through the coordinator (every shard first gets the queries and searches its matches exactly ' +
  'when they are at most max(1 %, 4·nprobe/nlist) of its rows, in the call that counts them; otherwise the ' +
  'coordinator plans from every shard’s counts per list: IVF with a selector and nprobe widened per query until ' +
  'the probed lists hold as many matches as an unfiltered search scans rows; a filter known to need IVF is counted ' +
  'first); `cluster-direct` = the same filter as an object, sent by the client one hop to every shard, served when ' +
  'every shard searches its matches alone and otherwise by the coordinator (the path column says which). ' +
  'The matching ids of the FAISS modes are computed from the fields in the benchmark, so their filter costs nothing.';

const MEASURES_LINE =
  '- batch QPS: all queries in one request, repeated for a few seconds after an uncounted one; recall@10: of that ' +
  'first answer, against a FAISS Flat brute force over just the matching rows (a row no farther than the 10th true ' +
  'neighbour counts, so equal-distance duplicates do not count as misses); filter eval: wall and CPU ms (every ' +
  'process) of one `count` with the filter, which evaluates it on every shard and nothing else (on the unfiltered ' +
  'line, a `count` without a filter: the round trips alone); better FAISS mode: the faster of the FAISS modes ' +
  'whose recall reaches the cluster’s (within 0.005); CPU ms/query: every process serving the mode during the ' +
  'timed batches.';

/** The results as Markdown: setup, one table per dataset, the targets and the chart. */
export function filteredMarkdown(label: string, rows: FilteredRow[], chartFile: string): string {
  const first = rows[0];
  const lines = [
    `# vecshard filtered-search benchmark (${label})`,
    '',
    `- Generated: ${first?.generated_at ?? new Date().toISOString()}`,
    first ? `- Machine: ${machineLine(first.machine)}` : '- Machine: n/a',
    `- k = 10; cluster: ${clusterWorkers(rows)} workers on this machine, sharing its cores with the FAISS modes' threads`,
    FIELDS_LINE,
    MODES_LINE,
    MEASURES_LINE,
  ];
  for (const group of groupRows(rows)) lines.push('', ...datasetSection(group));
  lines.push(
    ...targetSection(rows),
    ...problems(rows),
    '',
    `![QPS and recall against selectivity](${chartFile})`,
    '',
  );
  return lines.join('\n');
}

function clusterWorkers(rows: FilteredRow[]): string {
  return String(rows.find((r) => r.mode === 'cluster')?.workers ?? 'n/a');
}

function datasetSection(group: DatasetGroup): string[] {
  const any = group.filters[0]?.rows.cluster ?? group.unfiltered?.rows.cluster;
  const lines = [
    `## ${group.dataset}: ${any?.index ?? ''}, nprobe ${any?.nprobe ?? ''}, ${any?.queries ?? ''} queries`,
    '',
    '| filter | selectivity | matches | plan | recall@10 faiss-ivf / faiss-exact / cluster / cluster-direct | QPS faiss-ivf | QPS faiss-exact | QPS cluster | QPS cluster-direct (path) | cluster ÷ better FAISS | cluster-direct ÷ better FAISS | cluster ÷ unfiltered cluster | filter eval ms (count) | filter eval CPU ms | cluster CPU ms/query (coordinator / workers) | cluster-direct CPU ms/query (coordinator / workers) |',
    '| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const plain = group.unfiltered?.rows.cluster?.batch_qps;
  for (const g of [...(group.unfiltered ? [group.unfiltered] : []), ...group.filters])
    lines.push(tableLine(g, plain));
  return lines;
}

function tableLine(group: FilterGroup, unfilteredQps: number | undefined): string {
  const { 'faiss-ivf': ivf, 'faiss-exact': exact, cluster, 'cluster-direct': direct } = group.rows;
  const base = betterFaiss(group);
  const qps = (r: FilteredRow | undefined) => (r ? r.batch_qps.toFixed(0) : '–');
  const recall = (r: FilteredRow | undefined) => (r ? r.recall_at_10.toFixed(4) : '–');
  const ms = (v: number | undefined, digits = 2) => (v === undefined ? '–' : v.toFixed(digits));
  const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
  const versus = (r: FilteredRow | undefined) =>
    exact && r ? `${ratio(r.batch_qps, base?.batch_qps)} (${base?.mode})` : '–';
  const path = direct
    ? ` (${direct.search_path ?? '?'}${direct.fallback_reason ? `: ${direct.fallback_reason}` : ''})`
    : '';
  return (
    `| \`${group.filter}\` | ${percent(group.selectivity)} | ${cluster?.matches ?? ivf?.matches ?? ''} | ` +
    `${cluster?.expected_plan ?? '–'} | ${recall(ivf)} / ${recall(exact)} / ${recall(cluster)} / ${recall(direct)} | ` +
    `${qps(ivf)} | ${qps(exact)} | ${qps(cluster)} | ${qps(direct)}${path} | ${versus(cluster)} | ${versus(direct)} | ` +
    `${ratio(cluster?.batch_qps, unfilteredQps)} | ${ms(cluster?.filter_eval_ms)} | ` +
    `${ms(cluster?.filter_eval_cpu_ms)} | ${clusterCpu(cluster)} | ${clusterCpu(direct)} |`
  );
}

/** Where the cluster's CPU goes: the total, and the coordinator's and the workers' shares of it. */
function clusterCpu(row: FilteredRow | undefined): string {
  if (!row) return '–';
  const roles = row.cpu_ms_per_query_by_role;
  const ms = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(3));
  return `${ms(row.cpu_ms_per_query)} (${ms(roles.coordinator)} / ${ms(roles.worker)})`;
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.01 ? 2 : 1)} %`;
}

function targetSection(rows: FilteredRow[]): string[] {
  const verdicts = judgeFiltered(rows);
  if (verdicts.length === 0) return [];
  return [
    '',
    '## Targets (reported, not enforced)',
    '',
    '| dataset | target | result | by how much |',
    '| --- | --- | --- | --- |',
    ...verdicts.map((v) => `| ${v.dataset} | ${v.target} | ${v.met ? 'met' : '**missed**'} | ${v.detail} |`),
  ];
}

/** Wrong answers, which no ratio may hide: ids outside the filter, counts that disagree with the fields. */
function problems(rows: FilteredRow[]): string[] {
  const lines = rows.flatMap((r) => {
    const out: string[] = [];
    if (r.filter_violations > 0)
      out.push(`- ${r.dataset} \`${r.filter}\` ${r.mode}: ${r.filter_violations} returned ids do not match`);
    if (r.cluster_count !== undefined && r.cluster_count !== r.matches)
      out.push(
        `- ${r.dataset} \`${r.filter}\`: count answered ${r.cluster_count}, the fields select ${r.matches}`,
      );
    return out;
  });
  return lines.length === 0 ? [] : ['', '**Wrong answers:**', '', ...lines];
}
