#!/usr/bin/env node
import { WORKER_HELP, workerOptionsFromArgs } from './cli-options.js';
import { DeviceError } from './device.js';
import { startShardWorker } from './shard-worker.js';

async function main(): Promise<void> {
  const options = workerOptionsFromArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(WORKER_HELP);
    return;
  }
  const worker = await startShardWorker(options);
  if (worker.metricsUrl) console.log(`shard-worker metrics at ${worker.metricsUrl}`);
  if (worker.healthPort !== undefined) console.log(`shard-worker health checks on port ${worker.healthPort}`);
  console.log(`shard-worker ready at ${worker.address}`);
  const stop = (signal: string) => {
    console.error(`shard-worker: ${signal} received, draining`);
    worker.close().then(
      () => process.exit(0),
      (error) => {
        console.error('shard-worker: shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  const known =
    error instanceof DeviceError ||
    error instanceof TypeError ||
    error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
  console.error(`shard-worker: ${known ? error.message : (error?.stack ?? error)}`);
  process.exit(known ? 2 : 1);
});
