import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { checkHistory } from '../checker/check-history.js';
import { HistoryRecorder } from '../history/history-recorder.js';
import type { NemesisContext } from '../nemesis/nemesis.js';
import { ClusterTopology } from '../topology/cluster-topology.js';
import { assertPrerequisites } from '../topology/prerequisites.js';
import { removeStaleRuns } from '../topology/stale-runs.js';
import { waitFor } from '../topology/wait-for.js';
import { SeededRandom } from '../workload/seeded-random.js';
import { createWorkload, type Workload } from '../workload/workload.js';
import { buildSummary } from './build-summary.js';
import { DeathWatch } from './death-watch.js';
import type { FaultEvent } from './fault-event.js';
import { fireNemesis } from './fire-nemesis.js';
import { nemesisSchedule } from './nemesis-schedule.js';
import { writeReportFiles } from './report-files.js';
import type { RunOptions } from './run-options.js';
import { SHAPE } from './run-shape.js';
import { type RunSummary, runProblems } from './run-summary.js';
import { throughputChart } from './throughput-chart.js';

/** The whole history, saved beside the report when it has anomalies (and always with the nodes' logs). */
export const HISTORY_FILE = 'faults-history.jsonl';
/** The random stream of the nemeses: far from the client loops' streams (0, 1, …) of the same seed. */
const NEMESIS_STREAM = 1000;
/** Before the first fault: the workload must have had a write and a read acknowledged. */
const WARM_UP_LIMIT_MS = 120_000;
/**
 * Quick and CI runs bound each id's linearizability search lower than the
 * checker's default: ids with dozens of unknown writes (a long outage) would
 * take minutes each. One such id is reported inconclusive instead.
 */
const QUICK_SEARCH_STATES = 50_000;
/** How long the cluster may take to be whole again after a heal before the run says it did not recover. */
const RECOVERY_LIMIT_MS = 90_000;

/** What one run works with once its cluster is up. */
interface RunContext {
  options: RunOptions;
  topology: ClusterTopology;
  recorder: HistoryRecorder;
  clients: VecshardClient[];
  log: (line: string) => void;
  dataDir: string;
}

/**
 * One run of the suite: builds the cluster, runs the workload while the
 * nemeses fire one after another, stops it, reads every id once more, checks
 * the history and writes the report. Everything it started is removed at
 * the end, on SIGINT or SIGTERM, and (by the next run) after a crash; the
 * nodes' logs and the history are kept when something was found.
 */
export async function runFaults(options: RunOptions, log: (line: string) => void): Promise<RunSummary> {
  assertPrerequisites();
  const startedAt = Date.now();
  for (const prefix of removeStaleRuns()) log(`removed what an earlier run (${prefix}) left behind`);
  const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-faults-'));
  log(`seed ${options.seed}; the nodes' data and logs: ${dataDir}`);
  const recorder = new HistoryRecorder();
  const deathWatch = new DeathWatch(() => (recorder.now() - recorder.originMs) / 1000, log);
  let keepFiles = true;
  const interrupt = (signal: NodeJS.Signals) => {
    log(`${signal}: removing the cluster; the nodes' logs stay in ${dataDir}`);
    deathWatch.stop();
    // The network's exit hook kills every process in its namespaces and removes them.
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const { events, workloadStoppedMs } = await onCluster(options, dataDir, recorder, deathWatch, log);
    // The cluster is gone: the check has both cores, and Ctrl-C may end the run at once again.
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    log(`checking the history (${recorder.operations.length} operations)`);
    const check = checkHistory(recorder.operations, {
      maxSearchStates: options.quick ? QUICK_SEARCH_STATES : undefined,
    });
    if (check.inconclusive.length > 0)
      log(`${check.inconclusive.length} ids too tangled to decide (search bound hit)`);
    const wallS = (Date.now() - startedAt) / 1000;
    const summary = buildSummary({
      options,
      recorder,
      events,
      check,
      deaths: deathWatch.deaths,
      workloadStoppedMs,
      wallS,
    });
    await writeReport(options, recorder, summary, events, workloadStoppedMs, log);
    keepFiles = summary.anomalies > 0 || runProblems(summary).length > 0;
    return summary;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    if (keepFiles) log(`the nodes' logs and the history are kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Starts the cluster, runs the workload under the nemeses on it, and removes it. */
async function onCluster(
  options: RunOptions,
  dataDir: string,
  recorder: HistoryRecorder,
  deathWatch: DeathWatch,
  log: (line: string) => void,
): Promise<{ events: FaultEvent[]; workloadStoppedMs: number }> {
  let topology: ClusterTopology | undefined;
  let clients: VecshardClient[] = [];
  try {
    topology = await ClusterTopology.start({
      dataDir,
      redis: SHAPE.redis,
      workers: SHAPE.workers,
      coordinators: SHAPE.coordinators,
      sentinels: SHAPE.sentinels,
      replicaGraceS: SHAPE.replicaGraceS,
      coordinatorEnv: options.broken ? { VECSHARD_UNSAFE_ACK_FIRST_COPY: '1' } : {},
      log,
      onDeath: deathWatch.onDeath,
    });
    deathWatch.watch(topology);
    clients = topology.coordinatorAddresses.map(
      (address) => new VecshardClient(address, { deadlineMs: SHAPE.deadlineMs, retries: 0 }),
    );
    return await exercise({ options, topology, recorder, clients, log, dataDir });
  } finally {
    deathWatch.stop();
    for (const client of clients) client.close();
    await topology?.close();
  }
}

/** The workload under the nemeses, then the final reads; the history is saved with the logs. */
async function exercise(ctx: RunContext): Promise<{ events: FaultEvent[]; workloadStoppedMs: number }> {
  const { options, recorder, log } = ctx;
  const workload = createWorkload({
    clients: ctx.clients,
    collection: SHAPE.collection,
    dim: SHAPE.dim,
    nlist: SHAPE.nlist,
    replicationFactor: SHAPE.replicationFactor,
    keys: SHAPE.keys,
    loopsPerClient: SHAPE.loopsPerCoordinator,
    seed: options.seed,
    deadlineMs: SHAPE.deadlineMs,
    recorder,
  });
  log(`creating and training collection "${SHAPE.collection}"`);
  await workload.prepare();
  const stop = new AbortController();
  const running = workload.run(stop.signal);
  const events = await underNemeses(ctx, workload);
  stop.abort();
  await running;
  const workloadStoppedMs = recorder.now();
  log(
    `workload stopped after ${recorder.operations.length} operations; final reads of ${workload.ids().length} ids`,
  );
  await workload.finalReads();
  writeFileSync(join(ctx.dataDir, HISTORY_FILE), recorder.toJsonl());
  return { events, workloadStoppedMs };
}

/** Once the workload is served, fires the nemeses one after another as the schedule says. */
async function underNemeses(ctx: RunContext, workload: Workload): Promise<FaultEvent[]> {
  const { options, recorder, log } = ctx;
  await waitFor(
    'the workload getting a write and a read acknowledged',
    async () =>
      recorder.firstSuccessAfter('write', 0) !== undefined &&
      recorder.firstSuccessAfter('read', 0) !== undefined,
    WARM_UP_LIMIT_MS,
  );
  log(
    `workload running (${workload.ids().length} ids so far); ${options.nemeses.length} nemeses${options.quick ? ', quick' : ''}`,
  );
  const random = SeededRandom.stream(options.seed, NEMESIS_STREAM);
  const nemesisContext: NemesisContext = { topology: ctx.topology, random, quick: options.quick, log };
  const target = { topology: ctx.topology, recorder, clients: ctx.clients, collection: SHAPE.collection };
  const plan = { quietMs: options.quick ? 3000 : 5000, recoveryLimitMs: RECOVERY_LIMIT_MS };
  const until = Date.now() + options.durationMs;
  const events: FaultEvent[] = [];
  for (const nemesis of nemesisSchedule(options.nemeses, random, () => Date.now() < until)) {
    events.push(await fireNemesis(nemesis, nemesisContext, target, plan));
  }
  return events;
}

/** faults.json, faults.md and the chart; the history beside them when it has anomalies. */
async function writeReport(
  options: RunOptions,
  recorder: HistoryRecorder,
  summary: RunSummary,
  events: FaultEvent[],
  workloadStoppedMs: number,
  log: (line: string) => void,
): Promise<void> {
  if (summary.anomalies > 0) {
    mkdirSync(options.outDir, { recursive: true });
    writeFileSync(join(options.outDir, HISTORY_FILE), recorder.toJsonl());
    summary.historyFile = HISTORY_FILE;
  }
  // Up to the end of the workload: the final reads' burst would flatten the rest of the plot.
  const seconds = Math.floor((workloadStoppedMs - recorder.originMs) / 1000);
  const chart = await throughputChart(
    recorder.successesPerSecond().slice(0, seconds),
    events,
    recorder.originMs,
  );
  writeReportFiles(options.outDir, summary, chart);
  log(`report: ${join(options.outDir, 'faults.md')}`);
}
