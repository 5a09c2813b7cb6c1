import { type Column, invalidArgument, isMissing, tenantShard } from '@vecshard/proto';
import type { CollectionRecord } from '../collection-record.js';

/**
 * Placement by tenant: in a collection with a partition key, every row of a
 * key value (a tenant) lives on one shard, picked by hashing the value, and
 * each shard holds every inverted list for its tenants. A search, Query or
 * Count whose filter fixes the key then asks that one shard.
 */

export { tenantShard } from '@vecshard/proto';

/**
 * Each row's shard by its tenant, for a batch's columns. Every row of a
 * partitioned collection must name its tenant.
 */
export function tenantShardOfRow(
  record: CollectionRecord,
  columns: Column[] | undefined,
): (row: number) => number {
  const key = record.partitionKey!;
  const column = columns?.find((c) => c.name === key);
  if (column?.type !== 'keyword') {
    throw invalidArgument(`every row of "${record.name}" needs its partition key "${key}"`);
  }
  const shardCount = record.placement.length;
  const values = column.values;
  const shards = Int32Array.from(values, (value, row) => {
    if (isMissing(column.missing, row)) {
      throw invalidArgument(`row ${row} has no value for "${key}", the partition key of "${record.name}"`);
    }
    return tenantShard(value, shardCount);
  });
  return (row) => shards[row];
}
