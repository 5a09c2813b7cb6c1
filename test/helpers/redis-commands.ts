import { openRedis } from '@vecshard/proto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { type RedisServer, startRedis } from './cluster.js';

/**
 * Commands Redis processed while `step` ran, by every client: the difference of
 * INFO stats' total_commands_processed around it, less the first INFO call
 * (the second is counted after its own reading). Meant for a Redis only the
 * code under test talks to.
 */
export async function commandsDuring(observer: Redis, step: () => Promise<unknown>): Promise<number> {
  const before = await processed(observer);
  await step();
  return (await processed(observer)) - before - 1;
}

async function processed(observer: Redis): Promise<number> {
  const info = await observer.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1]);
}

/**
 * A real redis-server for the test file, with a connection for the code under
 * test and an observer that counts its commands (see {@link commandsDuring});
 * started before the file's tests and stopped after them.
 */
export function useCountedRedis(): {
  redis: () => RedisServer;
  connection: () => Redis;
  observer: () => Redis;
} {
  let redis: RedisServer;
  let connection: Redis;
  let observer: Redis;
  beforeAll(async () => {
    redis = await startRedis();
    connection = openRedis(redis.url);
    observer = openRedis(redis.url);
    await connection.ping();
    await observer.ping();
  });
  afterAll(async () => {
    connection?.disconnect();
    observer?.disconnect();
    await redis?.stop();
  });
  return { redis: () => redis, connection: () => connection, observer: () => observer };
}
