import { type Dataset, gaussianMixture } from '@vecshard/datasets';
import { describe, expect, it } from 'vitest';
import { groundTruth } from '../src/ground-truth.js';
import { loadTarget } from '../src/load-target.js';
import { batchRecall } from '../src/recall.js';
import { FaissTarget } from '../src/targets/faiss-target.js';
import type { SearchTarget } from '../src/targets/search-target.js';
import { OperationSource } from '../src/workload/operations.js';
import { runWorkload } from '../src/workload/run-workload.js';
import { tempDir } from './temp-dir.js';

const DIM = 8;

function tinyDataset(): Dataset {
  const { base, queries } = gaussianMixture({
    count: 2000,
    queries: 40,
    dim: DIM,
    clusters: 8,
    noise: 0.5,
    seed: 5,
  });
  return { name: 'tiny', dim: DIM, count: 2000, base, queryCount: 40, queries };
}

describe('operation source', () => {
  it('walks the queries in batches and rewrites base vectors under their own ids', () => {
    const data = tinyDataset();
    const source = new OperationSource(data, { batchSize: 16, writeShare: 0.5, writeBatchSize: 3, seed: 2 });
    const operations = Array.from({ length: 200 }, () => source.next());
    const searches = operations.filter((o) => o.kind === 'search');
    const writes = operations.filter((o) => o.kind === 'upsert');
    expect(writes.length).toBeGreaterThan(60);
    expect(searches.length).toBeGreaterThan(60);
    // 40 queries in batches of 16: 0, 16, then wrap around (a third batch would run past the end).
    expect(searches.slice(0, 4).map((s) => s.firstQuery)).toEqual([0, 16, 0, 16]);
    for (const w of writes) {
      const first = Number(w.ids[0]);
      expect(w.ids.length).toBe(3);
      expect(w.vectors).toEqual(data.base.subarray(first * DIM, (first + 3) * DIM));
    }
  });

  it('refuses a batch larger than the query set', () => {
    expect(() => new OperationSource(tinyDataset(), { batchSize: 41, writeShare: 0 })).toThrow(
      /exceeds the 40 queries/,
    );
  });
});

describe('workload against in-process FAISS', () => {
  it('measures a mixed closed-loop run: recall, both latencies, one shard', async () => {
    const data = tinyDataset();
    const truth = await groundTruth(data, { k: 5, cacheDir: tempDir() });
    const target = FaissTarget.create({ dim: DIM, index: 'IVF8,Flat', metric: 'l2' });
    const load = await loadTarget(target, data, { batchSize: 500 });
    expect(target.vectors).toBe(2000);
    expect(load.vectorsPerSecond).toBeGreaterThan(0);
    const report = await runWorkload(target, data, truth, {
      loop: 'closed',
      concurrency: 3,
      batchSize: 4,
      k: 5,
      nprobe: 8,
      writeShare: 0.3,
      requests: 60,
      seed: 4,
    });
    expect(report.requests).toEqual({ succeeded: 60, failed: 0, unsent: 0 });
    expect(report.latencyMs.search.count + report.latencyMs.upsert.count).toBe(60);
    expect(report.latencyMs.upsert.count).toBeGreaterThan(0);
    // nprobe = nlist searches every list, so the search is exact. The in-process baseline upserts
    // with a remove and an add that a concurrent search can fall between, so during the run
    // recall is about 1 ...
    expect(report.recallAtK).toBeGreaterThan(0.99);
    expect(report.shardsPerSearch).toEqual({ mean: 1, max: 1 });
    // ... and once the rewrites are done, which left the content unchanged, it is exactly 1.
    expect(target.vectors).toBe(2000);
    const after = await target.search(data.queries, 5, 8);
    expect(batchRecall(after.ids, 5, truth)).toBe(1);
  });

  it('runs a bounded open loop with Poisson arrivals', async () => {
    const data = tinyDataset();
    const target = FaissTarget.create({ dim: DIM, index: 'IVF8,Flat', metric: 'l2' });
    await loadTarget(target, data);
    const progress: number[] = [];
    const report = await runWorkload(
      target,
      data,
      undefined,
      { loop: 'open', rate: 400, batchSize: 1, k: 5, nprobe: 2, writeShare: 0, durationMs: 300, seed: 1 },
      { onProgress: (fraction) => progress.push(fraction) },
    );
    expect(report.requests.succeeded + report.requests.unsent).toBeGreaterThan(50);
    expect(report.requests.failed).toBe(0);
    expect(report.recallAtK).toBeNull();
    expect(progress.at(-1)).toBe(1);
  });
});

describe('workload errors', () => {
  it('counts failures by status and keeps going', async () => {
    const data = tinyDataset();
    let calls = 0;
    const flaky: SearchTarget = {
      name: 'flaky',
      train: async () => {},
      add: async () => {},
      upsert: async () => {},
      search: async (queries, k) => {
        calls++;
        if (calls % 3 === 0)
          throw Object.assign(new Error('Search: UNAVAILABLE: shard down'), { codeName: 'UNAVAILABLE' });
        return { ids: new BigInt64Array((queries.length / DIM) * k), shardsQueried: 2 };
      },
      close: async () => {},
    };
    const report = await runWorkload(flaky, data, undefined, {
      loop: 'closed',
      batchSize: 2,
      k: 3,
      nprobe: 1,
      writeShare: 0,
      requests: 30,
    });
    expect(report.requests).toEqual({ succeeded: 20, failed: 10, unsent: 0 });
    expect(report.errors.UNAVAILABLE.count).toBe(10);
    expect(report.shardsPerSearch).toEqual({ mean: 2, max: 2 });
  });

  it('rejects unbounded or nonsensical workloads before sending anything', async () => {
    const data = tinyDataset();
    const target = FaissTarget.create({ dim: DIM, index: 'Flat', metric: 'l2' });
    const base = { loop: 'closed' as const, batchSize: 1, k: 5, nprobe: 1, writeShare: 0, requests: 1 };
    await expect(runWorkload(target, data, undefined, { ...base, writeShare: 2 })).rejects.toThrow(
      /write share/,
    );
    await expect(runWorkload(target, data, undefined, { ...base, loop: 'open' })).rejects.toThrow(/rate/);
    await expect(runWorkload(target, data, undefined, { ...base, requests: 2_000_000 })).rejects.toThrow(
      /capped/,
    );
    await expect(runWorkload(target, data, undefined, { ...base, concurrency: 0 })).rejects.toThrow(
      /concurrency/,
    );
  });
});
