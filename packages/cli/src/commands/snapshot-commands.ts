import { Command } from 'commander';
import { withAddress, withClient } from '../connection.js';
import { followJob } from '../job-progress.js';

interface JobFlags {
  address: string;
  detach: boolean;
}

/** `vecshard snapshot`: write a collection's snapshot to the object store. */
export function snapshotCommand(): Command {
  return withAddress(
    new Command('snapshot')
      .description("snapshot a collection to the cluster's object store")
      .argument('<collection>')
      .option('--detach', 'queue the job and return without following it', false),
  ).action((collection: string, flags: JobFlags) =>
    withClient(flags, async (client) => {
      await followJob(client, await client.snapshot(collection), { detach: flags.detach });
    }),
  );
}

/** `vecshard restore`: bring a collection back from a snapshot onto the live workers. */
export function restoreCommand(): Command {
  return withAddress(
    new Command('restore')
      .description('restore a collection from a snapshot (default: the newest), replacing it if it exists')
      .argument('<collection>')
      .argument('[snapshot-id]')
      .option('--detach', 'queue the job and return without following it', false),
  ).action((collection: string, snapshotId: string | undefined, flags: JobFlags) =>
    withClient(flags, async (client) => {
      await followJob(client, await client.restore(collection, snapshotId ?? ''), { detach: flags.detach });
    }),
  );
}

/** `vecshard snapshots`: list a collection's snapshots. */
export function snapshotsCommand(): Command {
  return withAddress(
    new Command('snapshots')
      .description("list a collection's snapshots, newest first")
      .argument('<collection>'),
  ).action((collection: string, flags: { address: string }) =>
    withClient(flags, async (client) => {
      const snapshots = await client.listSnapshots(collection);
      if (snapshots.length === 0) {
        console.log(`collection "${collection}" has no snapshots`);
        return;
      }
      console.table(
        snapshots.map((s) => ({
          id: s.id,
          taken: new Date(s.createdAtMs).toISOString(),
          vectors: s.vectors,
          MiB: Number((s.bytes / 2 ** 20).toFixed(1)),
        })),
      );
    }),
  );
}
