/** What a key may do: each role includes the ones before it. */
export const ROLES = ['read', 'write', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether a key of role `held` may make a call that needs `needed`. */
export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

const PUBLIC_SERVICE = '/vecshard.v1.Vecshard/';
/** A worker's client-facing search service: reads only. */
const SHARD_SEARCH_SERVICE = '/vecshard.v1.ShardSearch/';

/** Calls that only read: any key may make them. */
const READ_METHODS = new Set([
  'Search',
  'GetCollection',
  'ListCollections',
  'ClusterStatus',
  'GetJob',
  'WatchJob',
  'ListSnapshots',
  'GetRoutingTable',
]);

/** Calls that change a collection's vectors but not its shape or placement. */
const WRITE_METHODS = new Set(['Upsert', 'Delete', 'Import']);

/** Health checks answer probes, which carry no key. */
const OPEN_SERVICES = ['/grpc.health.v1.Health/'];

/**
 * The role a call to gRPC method `path` (e.g. "/vecshard.v1.Vecshard/Search")
 * needs, or "none" for calls open to anyone. Anything not listed — other
 * Vecshard methods, reflection, methods added later — needs a key: reflection
 * any key, the rest admin, so a new method is closed until it is classified.
 */
export function requiredRole(path: string): Role | 'none' {
  if (OPEN_SERVICES.some((prefix) => path.startsWith(prefix))) return 'none';
  if (path.startsWith(SHARD_SEARCH_SERVICE)) return 'read';
  if (!path.startsWith(PUBLIC_SERVICE)) return path.includes('.reflection.') ? 'read' : 'admin';
  const method = path.slice(PUBLIC_SERVICE.length);
  if (READ_METHODS.has(method)) return 'read';
  if (WRITE_METHODS.has(method)) return 'write';
  return 'admin';
}
