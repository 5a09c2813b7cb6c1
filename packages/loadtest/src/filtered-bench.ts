#!/usr/bin/env node
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { FILTERED_DATASETS, type FilteredDatasetName, filteredConfig } from './filtered/filtered-config.js';
import { runFilteredBench } from './filtered/run-filtered.js';

// `npm run bench:filtered [-- --rows 1000000] [-- --datasets synthetic]`: filtered search in
// the cluster against in-process FAISS (IVF with an id selector, and exact over the matches).
await new Command('filtered-bench')
  .description(
    'filtered search at 50 / 10 / 1 / 0.1 % selectivity and keyword filters: FAISS IVF with an id filter, ' +
      'FAISS exact over the matches, and the cluster; writes bench/results/filtered.{json,md,svg}',
  )
  .option('--rows <n>', 'rows of the synthetic set (up to 1M and beyond)', positiveInt, 200_000)
  .option('--queries <n>', 'queries per dataset', positiveInt, 1000)
  .option('--datasets <list>', `comma-separated, in order: ${FILTERED_DATASETS.join(',')}`, datasetList)
  .option('--out <dir>', 'results folder', join('bench', 'results'))
  .action(
    async (options: { rows: number; queries: number; datasets?: FilteredDatasetName[]; out: string }) => {
      await runFilteredBench({
        config: filteredConfig({ rows: options.rows, queries: options.queries, datasets: options.datasets }),
        outDir: options.out,
      });
    },
  )
  .parseAsync(process.argv)
  .catch((error: Error) => {
    console.error(`bench:filtered: ${error.message}`);
    process.exit(1);
  });

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('not a positive whole number');
  return n;
}

function datasetList(value: string): FilteredDatasetName[] {
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(FILTERED_DATASETS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown dataset(s) ${unknown.join(', ')}`);
  return names as FilteredDatasetName[];
}
