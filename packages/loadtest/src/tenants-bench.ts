#!/usr/bin/env node
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { runTenantBench } from './tenants/run-tenants.js';
import { tenantConfig } from './tenants/tenant-config.js';

// `npm run bench:tenants [-- --rows 1000000]`: a tenant's search through the
// partition key (one shard) against the same search as a plain filter (every shard).
await new Command('tenants-bench')
  .description(
    "100 tenants over 8 shards: `tenant == 't-42'` in a collection partitioned by tenant and in one where the " +
      'tenant is a plain keyword field; QPS, shards per search, recall; writes bench/results/tenants.{json,md,svg}',
  )
  .option('--rows <n>', 'rows of the synthetic set', positiveInt, 200_000)
  .option('--queries <n>', 'queries', positiveInt, 1000)
  .option('--out <dir>', 'results folder', join('bench', 'results'))
  .action(async (options: { rows: number; queries: number; out: string }) => {
    await runTenantBench({
      config: tenantConfig({ rows: options.rows, queries: options.queries }),
      outDir: options.out,
    });
  })
  .parseAsync(process.argv)
  .catch((error: Error) => {
    console.error(`bench:tenants: ${error.message}`);
    process.exit(1);
  });

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('not a positive whole number');
  return n;
}
