import type { Filter__Output } from '@vecshard/proto';
import type { CollectionRecord } from '../collection-record.js';
import { tenantShard } from '../placement/tenant-placement.js';
import { partitionValueOf } from './filter-request.js';

/**
 * The one shard a filter confines a request to, in a collection with a
 * partition key: the filter fixes the tenant. Undefined: every shard.
 */
export function tenantShardOfFilter(
  record: CollectionRecord,
  filter: Filter__Output | undefined,
): number | undefined {
  if (!record.partitionKey || !filter) return undefined;
  const value = partitionValueOf(filter, record.partitionKey);
  return value === undefined ? undefined : tenantShard(value, record.placement.length);
}
