#!/usr/bin/env node
import { benchCommand } from '@vecshard/loadtest';
import { Command } from 'commander';
import { healthCommand } from './commands/health-command.js';
import { importCommand, trainCommand } from './commands/import-command.js';
import { jobCommand } from './commands/job-command.js';
import { drainCommand, rebalanceCommand, statusCommand } from './commands/placement-commands.js';
import { countCommand, searchCommand } from './commands/search-command.js';
import { restoreCommand, snapshotCommand, snapshotsCommand } from './commands/snapshot-commands.js';
import { runDemo } from './demo.js';
import { runEntryPoint } from './run-entry-point.js';
import { upCommand } from './up-command.js';

const program = new Command('vecshard')
  .description('vecshard: a distributed, sharded vector-search cluster on FAISS')
  .showHelpAfterError();

program.addCommand(upCommand(runDemo));
program.addCommand(importCommand());
program.addCommand(trainCommand());
program.addCommand(snapshotCommand());
program.addCommand(restoreCommand());
program.addCommand(snapshotsCommand());
program.addCommand(jobCommand());
program.addCommand(rebalanceCommand());
program.addCommand(drainCommand());
program.addCommand(statusCommand());
program.addCommand(searchCommand());
program.addCommand(countCommand());
program.addCommand(benchCommand());
program.addCommand(healthCommand());

// The processes themselves: their own flag parsers own the arguments.
for (const [name, pkg, description] of [
  ['coordinator', '@vecshard/coordinator', 'run a coordinator (flags: see `vecshard coordinator --help`)'],
  ['worker', '@vecshard/shard-worker', 'run a shard worker (flags: see `vecshard worker --help`)'],
] as const) {
  program
    .command(name)
    .description(description)
    .helpOption(false)
    .allowUnknownOption()
    .argument('[args...]')
    .action((args: string[]) => runEntryPoint(pkg, args));
}

await program.parseAsync(process.argv).catch((error: Error) => {
  console.error(`vecshard: ${error.message}`);
  process.exit(1);
});
