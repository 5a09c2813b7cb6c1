#!/usr/bin/env node
import { COORDINATOR_HELP, coordinatorOptionsFromArgs } from './cli-options.js';
import { startCoordinator } from './coordinator.js';

async function main(): Promise<void> {
  const options = coordinatorOptionsFromArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(COORDINATOR_HELP);
    return;
  }
  const coordinator = await startCoordinator(options);
  if (coordinator.metricsUrl) console.log(`coordinator metrics at ${coordinator.metricsUrl}`);
  if (coordinator.healthPort !== undefined)
    console.log(`coordinator health checks on port ${coordinator.healthPort}`);
  if (coordinator.consoleUrl) console.log(`coordinator console at ${coordinator.consoleUrl}`);
  console.log(`coordinator ready at ${coordinator.address}`);
  const stop = (signal: string) => {
    console.error(`coordinator: ${signal} received, draining`);
    coordinator.close().then(
      () => process.exit(0),
      (error) => {
        console.error('coordinator: shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  const known = error instanceof TypeError || error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
  console.error(`coordinator: ${known ? error.message : (error?.stack ?? error)}`);
  process.exit(known ? 2 : 1);
});
