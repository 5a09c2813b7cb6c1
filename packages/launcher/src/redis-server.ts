import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { type ManagedProcess, startProcess } from './child-process.js';

export interface RedisOptions {
  /** Where Redis may write (only used when persistence is asked for). */
  dataDir?: string;
  /**
   * Keep the data in `dataDir` with the append-only file, so a restarted
   * redis-server comes back with it. Each write reaches the file before Redis
   * answers it, so killing the process loses nothing; the file is fsynced
   * every second, so a crash of the machine loses at most the last second.
   */
  persist?: boolean;
  log?: (line: string) => void;
}

/** How long a persistent redis-server may take to load its data before it is ready. */
const LOAD_TIMEOUT_MS = 15 * 60_000;

/** Times a port is picked again when another process bound it first. */
const PORT_ATTEMPTS = 5;

/**
 * Starts a private redis-server on a free loopback port; `address` is its
 * redis:// URL. redis-server cannot bind port 0 and report the port it got,
 * so the port is picked here; when another process takes it between the pick
 * and redis-server's bind, another one is picked.
 */
export async function startRedisServer(options: RedisOptions = {}): Promise<ManagedProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startRedisOnPort(await freePort(), options);
    } catch (error) {
      if (attempt >= PORT_ATTEMPTS || !/Address already in use/i.test((error as Error).message)) throw error;
    }
  }
}

async function startRedisOnPort(port: number, options: RedisOptions): Promise<ManagedProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--protected-mode', 'yes'];
  if (options.persist && options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    args.push('--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', options.dataDir);
  } else {
    args.push('--appendonly', 'no');
  }
  const redis = await startProcess({
    name: 'redis',
    command: 'redis-server',
    args,
    ready: /Ready to accept connections/,
    // Redis answers only once it has loaded its append-only file: at 10M × 128 vectors logged that took
    // longer than the default 30 s (the growth bench's restart), so a persistent one gets minutes.
    timeoutMs: options.persist ? LOAD_TIMEOUT_MS : undefined,
    log: options.log,
  }).catch((error: Error) => {
    throw new Error(`${error.message}\n(is redis-server installed? run: bash scripts/setup.sh)`);
  });
  return { ...redis, address: `redis://127.0.0.1:${port}` };
}

/** A port the OS reports free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
