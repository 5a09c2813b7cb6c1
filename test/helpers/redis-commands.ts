import type { Redis } from 'ioredis';

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
