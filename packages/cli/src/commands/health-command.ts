import { checkHealth } from '@vecshard/proto';
import { Command, Option } from 'commander';
import { DEFAULT_ADDRESS } from '../connection.js';

/**
 * `vecshard health`: exits 0 when a coordinator or worker reports SERVING, 1 otherwise,
 * so container engines can use it as a health check.
 */
export function healthCommand(): Command {
  return new Command('health')
    .description('check that a coordinator or shard worker is serving (grpc.health.v1); exit 0 if so')
    .addOption(
      new Option('--address <host:port>', 'process to check')
        .env('VECSHARD_ADDRESS')
        .default(DEFAULT_ADDRESS),
    )
    .option(
      '--service <name>',
      'one service of it, e.g. vecshard.worker.v1.ShardWorker (default: the server)',
      '',
    )
    .option('--timeout-ms <ms>', 'how long to wait for the answer', '5000')
    .action(async (flags: { address: string; service: string; timeoutMs: string }) => {
      const status = await checkHealth(flags.address, flags.service, Number(flags.timeoutMs)).catch(
        (error: Error) => `unreachable (${error.message})`,
      );
      console.log(`${flags.address}: ${status}`);
      process.exitCode = status === 'SERVING' ? 0 : 1;
    });
}
