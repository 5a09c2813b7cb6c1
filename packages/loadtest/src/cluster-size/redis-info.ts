import { connect } from 'node:net';

/**
 * One `INFO <section>` answer of the Redis at `url` (redis://HOST:PORT), as
 * field → value. Spoken over a bare socket, so reading it costs Redis exactly
 * one command and the bench needs no Redis client.
 */
export function redisInfo(url: string, section: string): Promise<Map<string, string>> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port || 6379), hostname || '127.0.0.1');
    const chunks: Buffer[] = [];
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(10_000, () => fail(new Error(`INFO ${section}: no answer from ${url}`)));
    socket.on('error', fail);
    socket.on('connect', () => {
      socket.write(`*2\r\n$4\r\nINFO\r\n$${Buffer.byteLength(section)}\r\n${section}\r\n`);
    });
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      const all = Buffer.concat(chunks);
      const header = all.indexOf('\r\n');
      if (header < 0) return;
      if (all[0] !== 0x24 /* $ */) return fail(new Error(`INFO ${section}: ${all.toString().trim()}`));
      const length = Number(all.subarray(1, header).toString());
      if (all.length < header + 2 + length) return;
      socket.end();
      const fields = new Map<string, string>();
      for (const line of all
        .subarray(header + 2, header + 2 + length)
        .toString()
        .split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon > 0 && !line.startsWith('#')) fields.set(line.slice(0, colon), line.slice(colon + 1));
      }
      resolve(fields);
    });
  });
}

/** What Redis has served so far: commands in all, and calls per command (INFO commandstats). */
export interface RedisCounts {
  total: number;
  byCommand: Map<string, number>;
  /** The redis-server process's CPU, seconds (used_cpu_sys + used_cpu_user). */
  cpuS: number;
}

/** Reads the counters with two INFO calls (both counted in `total` of a later reading). */
export async function redisCounts(url: string): Promise<RedisCounts> {
  const stats = await redisInfo(url, 'stats');
  const commands = await redisInfo(url, 'commandstats');
  const cpu = await redisInfo(url, 'cpu');
  const byCommand = new Map<string, number>();
  for (const [field, value] of commands) {
    const calls = /calls=(\d+)/.exec(value)?.[1];
    if (field.startsWith('cmdstat_') && calls) byCommand.set(field.slice('cmdstat_'.length), Number(calls));
  }
  return {
    total: Number(stats.get('total_commands_processed') ?? 0),
    byCommand,
    cpuS: Number(cpu.get('used_cpu_sys') ?? 0) + Number(cpu.get('used_cpu_user') ?? 0),
  };
}

/** Calls `redisCounts` itself makes, to take off a difference of two readings. */
export const INFO_CALLS_PER_READING = 3;

/** Commands per second between two readings, in all and per command (the readings' own INFO calls taken off). */
export function commandRates(
  before: RedisCounts,
  after: RedisCounts,
  seconds: number,
): { total: number; byCommand: Record<string, number> } {
  const byCommand: Record<string, number> = {};
  for (const [command, calls] of after.byCommand) {
    let delta = calls - (before.byCommand.get(command) ?? 0);
    if (command === 'info') delta -= INFO_CALLS_PER_READING;
    if (delta > 0) byCommand[command] = delta / seconds;
  }
  return { total: (after.total - before.total - INFO_CALLS_PER_READING) / seconds, byCommand };
}
