import { writeFileSync } from 'node:fs';

/** The name the Sentinels know the cluster's Redis by (the master name in redis-sentinel:// URLs). */
export const MASTER_NAME = 'vecshard';
export const REDIS_PORT = 6379;
export const SENTINEL_PORT = 26379;

/** How the Sentinels judge the master: down after this long unanswered … */
export const SENTINEL_DOWN_AFTER_MS = 3000;
/** … and a failover that stalls is abandoned (and may be tried again after twice this). */
export const SENTINEL_FAILOVER_TIMEOUT_MS = 15_000;

/**
 * redis-server's command line for one of the two data nodes, as production
 * runs it: the append-only file fsynced every second, so a kill -9 loses
 * nothing Redis acknowledged. `replicaOf` makes it a replica from the start
 * (a restarted old master must not come back as a second master). A master
 * refuses writes while no replica has been in touch for 5 s: one cut off
 * from its replica and the Sentinels stops taking what a failover would
 * forget (the coordinators also WAIT for a replica while one is connected).
 */
export function redisServerArgs(options: { address: string; dataDir: string; replicaOf?: string }): string[] {
  return [
    ...['--port', String(REDIS_PORT), '--bind', options.address, '127.0.0.1'],
    ...['--protected-mode', 'no', '--dir', options.dataDir, '--save', ''],
    ...['--appendonly', 'yes', '--appendfsync', 'everysec'],
    ...['--min-replicas-to-write', '1', '--min-replicas-max-lag', '5'],
    ...['--replica-announce-ip', options.address],
    ...(options.replicaOf ? ['--replicaof', options.replicaOf, String(REDIS_PORT)] : []),
  ];
}

/**
 * A Sentinel's configuration file (Sentinel rewrites it as it learns, so
 * each has its own): it watches `masterAddress` and agrees on a failover
 * with `quorum` Sentinels.
 */
export function writeSentinelConfig(
  file: string,
  options: { address: string; masterAddress: string; quorum: number; dataDir: string },
): void {
  const lines = [
    `port ${SENTINEL_PORT}`,
    `bind ${options.address} 127.0.0.1`,
    'protected-mode no',
    `dir ${options.dataDir}`,
    `sentinel announce-ip ${options.address}`,
    `sentinel monitor ${MASTER_NAME} ${options.masterAddress} ${REDIS_PORT} ${options.quorum}`,
    `sentinel down-after-milliseconds ${MASTER_NAME} ${SENTINEL_DOWN_AFTER_MS}`,
    `sentinel failover-timeout ${MASTER_NAME} ${SENTINEL_FAILOVER_TIMEOUT_MS}`,
    `sentinel parallel-syncs ${MASTER_NAME} 1`,
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** The URL coordinators and workers are given: every Sentinel, then the master's name. */
export function sentinelUrl(sentinelAddresses: readonly string[]): string {
  return `redis-sentinel://${sentinelAddresses.map((a) => `${a}:${SENTINEL_PORT}`).join(',')}/${MASTER_NAME}`;
}
