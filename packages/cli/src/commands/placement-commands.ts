import type { ClusterDescription } from '@vecshard/client';
import { Command } from 'commander';
import { withAddress, withClient } from '../connection.js';
import { followJob } from '../job-progress.js';

interface JobFlags {
  address: string;
  detach: boolean;
}

/** `vecshard rebalance [collection]`: even out the placement over the live workers, new ones included. */
export function rebalanceCommand(): Command {
  return withAddress(
    new Command('rebalance')
      .description(
        'move lists so every live worker holds an even share (default: every collection), while serving',
      )
      .argument('[collection]')
      .option('--detach', 'queue the job and return without following it', false),
  ).action((collection: string | undefined, flags: JobFlags) =>
    withClient(flags, async (client) => {
      await followJob(client, await client.rebalance(collection ?? ''), { detach: flags.detach });
    }),
  );
}

/** `vecshard drain <worker-id>`: move everything off a worker before it leaves. */
export function drainCommand(): Command {
  return withAddress(
    new Command('drain')
      .description('move every list off a worker, while serving; no new placement uses it until it restarts')
      .argument('<worker-id>')
      .option('--detach', 'queue the job and return without following it', false),
  ).action((workerId: string, flags: JobFlags) =>
    withClient(flags, async (client) => {
      await followJob(client, await client.drainWorker(workerId), { detach: flags.detach });
    }),
  );
}

/** `vecshard status`: the workers and the collections, as tables. */
export function statusCommand(): Command {
  return withAddress(
    new Command('status').description('show the workers and collections of the cluster'),
  ).action((flags: { address: string }) =>
    withClient(flags, async (client) => {
      console.log(statusTables(await client.clusterStatus()));
    }),
  );
}

/** Two aligned tables: workers (alive, device, FAISS build, vectors, lists, memory) and collections (shards, copies, policy). */
export function statusTables(status: ClusterDescription): string {
  const workers = status.workers.map((w) => [
    w.id,
    w.alive ? 'alive' : 'dead',
    w.device,
    w.faissBuild || '-',
    String(w.vectors),
    String(w.lists),
    `${(w.memoryBytes / 2 ** 20).toFixed(1)} MiB`,
  ]);
  const collections = status.collections.map((c) => [
    c.name,
    c.state,
    String(c.placement.length),
    String(c.replicationFactor),
    c.placementPolicy,
    String(c.vectors),
    c.placement
      .map(
        (s) =>
          `${s.shard}:${s.replicas.map((r) => `${r.workerId}${r.state === 'ready' ? '' : `(${r.state})`}`).join('+')}`,
      )
      .join(' '),
  ]);
  return [
    table(['worker', 'state', 'device', 'faiss', 'vectors', 'lists', 'memory'], workers),
    '',
    table(['collection', 'state', 'shards', 'copies', 'placement', 'vectors', 'shard:workers'], collections),
  ].join('\n');
}

/** Aligned columns under a header and a rule. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
