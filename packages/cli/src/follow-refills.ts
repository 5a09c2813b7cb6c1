import { VecshardClient, VecshardError } from '@vecshard/client';
import { followJob } from './job-progress.js';

/**
 * Shows the refill of collections kept from an earlier run: a cluster started
 * on a data dir that holds collections refills its empty workers from the
 * snapshots and the write log, one job per collection, and searches wait for
 * it (UNAVAILABLE, "loading") meanwhile.
 */
export async function followRefills(address: string): Promise<void> {
  const client = new VecshardClient(address);
  try {
    const loading = (await client.listCollections()).filter((c) => c.state === 'loading');
    if (loading.length === 0) return;
    console.log(`vecshard: refilling ${loading.length} collection(s) kept in the data dir`);
    for (const collection of loading) {
      try {
        // Each refill job with its progress; a collection may need more than one.
        for (let info = collection; info.state === 'loading'; info = await client.getCollection(info.name)) {
          if (info.loadingJob) await followJob(client, await client.getJob(info.loadingJob));
          else await client.waitUntilLoaded(info.name);
        }
        console.log(`vecshard: "${collection.name}" is served again`);
      } catch (error) {
        const detail = error instanceof VecshardError ? `${error.codeName}: ${error.message}` : String(error);
        console.error(`vecshard: refilling "${collection.name}" failed: ${detail}`);
      }
    }
  } finally {
    client.close();
  }
}
