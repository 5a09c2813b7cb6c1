/**
 * Where a tenant lives in a collection with a partition key: every row of a
 * key value sits on one shard, picked by hashing the value. The coordinator
 * places rows by it, and a client routing a search one hop finds the same
 * shard from the routing table, so both ask only that shard.
 */

/** The shard holding a tenant: FNV-1a of the value's UTF-8 bytes, modulo the shard count. */
export function tenantShard(value: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(value, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shardCount;
}

/** The parts of a filter (decoded message or a client's wire form) that can fix the key. */
export interface KeyedFilter {
  must?: readonly KeyedCondition[] | null;
}
interface KeyedCondition {
  match?: { field?: string; keywords?: readonly string[] | null } | null;
  nested?: KeyedFilter | null;
}

/**
 * The one value a filter fixes for the partition key: a Match on the key
 * with exactly one keyword that every matching row must satisfy (in `must`,
 * or in the `must` of a filter nested in `must`). Undefined when the filter
 * allows several values (or none is fixed), or there is no partition key.
 */
export function partitionValueOf(
  filter: KeyedFilter | null | undefined,
  partitionKey: string,
): string | undefined {
  if (filter === undefined || filter === null || partitionKey === '') return undefined;
  for (const condition of filter.must ?? []) {
    const match = condition.match;
    if (match && match.field === partitionKey && match.keywords?.length === 1) return match.keywords[0];
    const nested = condition.nested ? partitionValueOf(condition.nested, partitionKey) : undefined;
    if (nested !== undefined) return nested;
  }
  return undefined;
}
