import * as grpc from '@grpc/grpc-js';
import { ShardWorkerService, type WorkerStatsResponse__Output } from '@vecshard/proto';

/** Asks a shard worker directly for its Stats (the coordinator's internal API). */
export function workerStats(address: string): Promise<WorkerStatsResponse__Output> {
  const client = new ShardWorkerService(address, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) => {
    client.Stats({}, { deadline: Date.now() + 10_000 }, (error, response) => {
      client.close();
      if (error) reject(error);
      else resolve(response!);
    });
  });
}

/** SearchPreassigned requests a worker has received for a collection. */
export async function searchRequests(address: string, collection: string): Promise<number> {
  const stats = await workerStats(address);
  return Number(stats.collections.find((c) => c.collection === collection)?.searchRequests ?? 0);
}
