#!/usr/bin/env node
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { NEMESES } from './nemesis/nemesis-catalog.js';
import { runFaults } from './run/fault-run.js';
import { progressLog } from './run/progress-log.js';
import { type RunFlags, runOptionsFrom } from './run/run-options.js';
import { finalLine, runProblems } from './run/run-summary.js';
import { MissingPrerequisites } from './topology/prerequisites.js';

/** The repository's bench/results, wherever the command is run from. */
const RESULTS_DIR = fileURLToPath(new URL('../../../bench/results', import.meta.url));

const program = new Command('faults')
  .description(
    'Runs a vecshard cluster (Redis + Sentinels, 2 coordinators, 4 workers, each process in its own network ' +
      'namespace) under a recorded workload while nemeses inject faults, then checks the history for ' +
      'linearizability. Needs root. Exit status: 0 clean, 1 anomalies, 2 the cluster broke otherwise ' +
      '(a process died unasked, did not recover, a nemesis failed).',
  )
  .option('--quick', 'each nemesis once, held just past its failure detector (about 8 minutes)')
  .option('--ci', 'the CI subset: kill-worker, isolate-worker, redis-failover, quick (about 3 minutes)')
  .option('--seed <n>', 'seed of every random choice (default: a random one, printed)')
  .option(
    '--broken',
    'coordinators acknowledge after the first copy (VECSHARD_UNSAFE_ACK_FIRST_COPY=1): expect anomalies',
  )
  .option('--nemesis <name...>', `only these, in this order: ${NEMESES.map((n) => n.name).join(', ')}`)
  .option(
    '--duration <s>',
    'full runs: go round the nemeses until this many seconds have passed (default 900)',
  )
  .option('--out <dir>', 'where faults.json, faults.md and faults.svg go', RESULTS_DIR)
  .addHelpText(
    'after',
    `\nNemeses:\n${NEMESES.map((n) => `  ${n.name.padEnd(28)} ${n.summary}`).join('\n')}\n`,
  );

async function main(): Promise<void> {
  program.parse();
  const options = runOptionsFrom(program.opts<RunFlags>(), RESULTS_DIR);
  const log = progressLog();
  const summary = await runFaults(options, log);
  for (const anomaly of summary.anomalyReports) {
    log(`ANOMALY in ${anomaly.nemesis ?? 'no fault'}:\n${anomaly.text}`);
  }
  if (summary.historyFile)
    log(`seed ${summary.seed}; the whole history: ${join(options.outDir, summary.historyFile)}`);
  const problems = runProblems(summary);
  for (const problem of problems) log(`PROBLEM: ${problem}`);
  console.log(finalLine(summary));
  // Exit now: a connection a dead node left half-open must not keep the command alive.
  process.exit(summary.anomalies > 0 ? 1 : problems.length > 0 ? 2 : 0);
}

main().catch((error) => {
  const known = error instanceof MissingPrerequisites;
  console.error(
    `faults: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(2);
});
