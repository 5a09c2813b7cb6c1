import { Redis } from 'ioredis';
import { MASTER_NAME, REDIS_PORT, SENTINEL_PORT } from './redis-config.js';

/** A node that does not answer within this long counts as unreachable. */
const PROBE_TIMEOUT_MS = 2000;

/**
 * One command to one Redis or Sentinel, on a connection of its own that is
 * closed right after: a probe never waits on a reconnecting client, and one
 * aimed at a cut-off node fails within the timeout.
 */
export async function ask(host: string, port: number, command: string, ...args: string[]): Promise<unknown> {
  const redis = new Redis({
    host,
    port,
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    commandTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return await redis.call(command, ...args);
  } finally {
    redis.disconnect();
  }
}

/** The master's address as one Sentinel sees it now, or undefined when it cannot be asked. */
export async function masterSeenBy(sentinel: string): Promise<string | undefined> {
  try {
    const reply = (await ask(sentinel, SENTINEL_PORT, 'SENTINEL', 'get-master-addr-by-name', MASTER_NAME)) as
      | string[]
      | null;
    return reply?.[0];
  } catch {
    return undefined;
  }
}

/** What INFO replication says of one data node: its role and, for a replica, whether its link is up. */
export async function replicationOf(
  host: string,
): Promise<{ role: 'master' | 'slave'; linkUp: boolean; master?: string } | undefined> {
  try {
    const info = String(await ask(host, REDIS_PORT, 'INFO', 'replication'));
    const field = (name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim();
    const role = field('role') === 'master' ? 'master' : 'slave';
    return { role, linkUp: field('master_link_status') === 'up', master: field('master_host') };
  } catch {
    return undefined;
  }
}

/** How many other Sentinels and replicas one Sentinel knows of for the master (0 when it cannot be asked). */
export async function sentinelView(sentinel: string): Promise<{ sentinels: number; replicas: number }> {
  try {
    const flat = (await ask(sentinel, SENTINEL_PORT, 'SENTINEL', 'master', MASTER_NAME)) as string[];
    const value = (name: string) => Number(flat[flat.indexOf(name) + 1] ?? 0);
    return { sentinels: value('num-other-sentinels'), replicas: value('num-slaves') };
  } catch {
    return { sentinels: 0, replicas: 0 };
  }
}
