// Where does a filtered exact-plan batch spend its time? Fashion-MNIST, price < 1 (60 rows).
import { VecshardClient } from '@vecshard/client';
import { launchBenchCluster } from '@vecshard/loadtest';
import { fieldColumns, fieldSchema } from './dist/filtered/document-fields.js';
import { filteredConfig } from './dist/filtered/filtered-config.js';
import { loadFilteredDataset } from './dist/filtered/filtered-dataset.js';

if (process.argv[2] === 'prof') process.env.NODE_OPTIONS = '--require /tmp/prof-preload.cjs';
const run = filteredConfig({ datasets: ['fashion-mnist'] }).runs[0];
const { dataset, fields } = loadFilteredDataset(run, 7);
const cluster = await launchBenchCluster({ workers: 2, threadsPerWorker: 1 });
delete process.env.NODE_OPTIONS;
const client = new VecshardClient(cluster.address, { deadlineMs: 600000 });
try {
  await client.createCollection({
    name: 'f',
    dim: dataset.dim,
    metric: 'l2',
    index: run.index,
    shards: 2,
    fields: fieldSchema(fields),
  });
  await client.train('f', dataset.base);
  for (let f = 0; f < dataset.count; f += 20000) {
    const n = Math.min(20000, dataset.count - f);
    const ids = BigInt64Array.from({ length: n }, (_, i) => BigInt(f + i));
    await client.upsert('f', ids, dataset.base.subarray(f * dataset.dim, (f + n) * dataset.dim), {
      fields: fieldColumns(fields, f, f + n),
    });
  }
  const q0 = dataset.queries.subarray(0, 1000 * dataset.dim);
  for (let i = 0; i < 3; i++) await client.search('f', q0, { k: 10, nprobe: 8, filter: 'price < 1' });
  for (const p of cluster.processes()) if (p.role !== 'redis') process.kill(p.pid, 'SIGUSR2');
  await new Promise((r) => setTimeout(r, 200));
  for (const nq of [1000]) {
    const q = dataset.queries.subarray(0, nq * dataset.dim);
    for (const filter of ['price < 1']) {
      for (let i = 0; i < 3; i++) await client.search('f', q, { k: 10, nprobe: 8, filter });
      const reps = 30;
      const t = performance.now();
      for (let i = 0; i < reps; i++) await client.search('f', q, { k: 10, nprobe: 8, filter });
      console.log(
        `nq ${nq} ${filter ?? 'unfiltered'}: ${((performance.now() - t) / reps).toFixed(1)} ms per request`,
      );
    }
  }
} finally {
  client.close();
  await cluster.close();
}
