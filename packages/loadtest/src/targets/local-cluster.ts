import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCluster } from '@vecshard/launcher';
import type { SampledProcess } from '../metrics/process-cpu.js';

export interface BenchCluster {
  /** The coordinator's HOST:PORT on loopback. */
  address: string;
  /** The cluster's processes now (redis-server, workers, coordinator), for CPU accounting. */
  processes(): SampledProcess[];
  close(): Promise<void>;
}

/**
 * The one place the benchmark starts a cluster: redis-server, `workers` shard
 * workers and a coordinator as processes on 127.0.0.1, with their files in a
 * throw-away folder. Each worker gets an equal share of FAISS threads, so the
 * cluster uses the same cores as the single-process baseline.
 */
export async function launchBenchCluster(options: {
  workers: number;
  threadsPerWorker: number;
  log?: (line: string) => void;
}): Promise<BenchCluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-bench-'));
  try {
    const cluster = await startLocalCluster({
      workers: options.workers,
      port: 0,
      host: '127.0.0.1',
      dataDir,
      threads: options.threadsPerWorker,
      // The data path alone, as FAISS has no durability either; bench:snapshots measures
      // loading with the write log and automatic snapshots.
      storeUrl: null,
      log: options.log,
    });
    return {
      address: cluster.address,
      processes: () => cluster.pids().map(({ role, pid }) => ({ role, pid })),
      close: async () => {
        await cluster.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
