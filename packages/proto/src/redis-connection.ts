import { readFileSync } from 'node:fs';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * Opens a connection to the cluster's Redis from a URL:
 *
 * - `redis://[[user]:password@]host:port[/db]`: plain;
 * - `rediss://…`: the same over TLS, trusting the CA in VECSHARD_REDIS_TLS_CA
 *   if set (else the system's roots);
 * - `redis-sentinel://[[user]:password@]host:port[,host:port…]/master[/db]`:
 *   through Redis Sentinel, which names the current master and moves clients
 *   over when it fails over; the password is the master's, the sentinels'
 *   comes from VECSHARD_REDIS_SENTINEL_PASSWORD; `rediss-sentinel://` speaks
 *   TLS to sentinels and master.
 *
 * `options` (retries, lazy connect) apply to every kind.
 */
export function openRedis(
  url: string,
  options: RedisOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Redis {
  const redis = new Redis(redisOptions(url, options, env));
  // Registered first, so it runs before the listeners that log the error.
  redis.on('error', hideCredentials);
  return redis;
}

/** Commands whose arguments hold a password. */
const SECRET_COMMANDS = new Set(['auth', 'hello']);

/**
 * ioredis attaches the failed command to its errors, arguments included: for
 * a refused AUTH that is the password, which a logged error would print.
 */
export function hideCredentials(error: unknown): void {
  const command = (error as { command?: { name?: string; args?: unknown[] } } | null)?.command;
  if (command?.name && SECRET_COMMANDS.has(command.name.toLowerCase()) && command.args)
    command.args = command.args.map(() => '***');
}

/** The ioredis options `openRedis` uses, for libraries that make their own connections. */
export function redisOptions(
  url: string,
  options: RedisOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(withOneHost(url));
  } catch {
    throw new TypeError(
      `"${redactPassword(url)}" is not a Redis URL (redis://, rediss://, redis-sentinel://)`,
    );
  }
  const tls =
    parsed.protocol === 'rediss:' || parsed.protocol === 'rediss-sentinel:' ? tlsOptions(env) : undefined;
  const credentials = {
    username: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
  };
  switch (parsed.protocol) {
    case 'redis:':
    case 'rediss:':
      return {
        ...credentials,
        host: parsed.hostname || '127.0.0.1',
        port: Number(parsed.port || 6379),
        db: database(parsed.pathname.split('/')[1], url),
        tls,
        ...options,
      };
    case 'redis-sentinel:':
    case 'rediss-sentinel:':
      return {
        ...credentials,
        ...sentinelOptions(url, parsed, env),
        tls,
        enableTLSForSentinelMode: !!tls,
        ...options,
      };
    default:
      throw new TypeError(
        `unsupported Redis URL scheme "${parsed.protocol}" in ${redactPassword(url)}: use redis://, rediss://, redis-sentinel:// or rediss-sentinel://`,
      );
  }
}

/** The URL parser takes one host: a sentinel list is swapped for a placeholder (read separately). */
function withOneHost(url: string): string {
  if (!/^rediss?-sentinel:\/\//.test(url)) return url;
  const start = url.indexOf('//') + 2;
  const authorityEnd = url.indexOf('/', start) === -1 ? url.length : url.indexOf('/', start);
  const at = url.lastIndexOf('@', authorityEnd);
  const hostsStart = at >= start ? at + 1 : start;
  return `${url.slice(0, hostsStart)}sentinels${url.slice(authorityEnd)}`;
}

/** Sentinel hosts from the authority (the URL parser takes only one host), master name and db from the path. */
function sentinelOptions(url: string, parsed: URL, env: NodeJS.ProcessEnv): RedisOptions {
  const authority = url.slice(url.indexOf('//') + 2).split('/')[0];
  const hosts = authority.slice(authority.lastIndexOf('@') + 1);
  const sentinels = hosts.split(',').map((hostPort) => {
    const [host, port] = hostPort.split(':');
    if (!host) throw new TypeError(`a sentinel address is empty in ${redactPassword(url)}`);
    return { host, port: Number(port || 26379) };
  });
  const [, name, db] = parsed.pathname.split('/');
  if (!name)
    throw new TypeError(`${redactPassword(url)} names no master: add /<master-name> after the sentinels`);
  return {
    sentinels,
    name: decodeURIComponent(name),
    db: database(db, url),
    sentinelPassword: env.VECSHARD_REDIS_SENTINEL_PASSWORD || undefined,
  };
}

function database(text: string | undefined, url: string): number {
  if (!text) return 0;
  const db = Number(text);
  if (!Number.isInteger(db) || db < 0)
    throw new TypeError(`the database in ${redactPassword(url)} must be a number`);
  return db;
}

function tlsOptions(env: NodeJS.ProcessEnv): { ca?: Buffer } {
  const file = env.VECSHARD_REDIS_TLS_CA;
  if (!file) return {};
  try {
    return { ca: readFileSync(file) };
  } catch (error) {
    throw new TypeError(`cannot read VECSHARD_REDIS_TLS_CA ${file}: ${(error as Error).message}`);
  }
}

/** The URL with its password replaced, for messages and logs. */
export function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}
