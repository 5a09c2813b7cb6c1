import { decodeFloats, metricFromEnum, type RoutingTable__Output } from '@vecshard/proto';
import { type Centroids, centroidsOf } from './coarse-assignment.js';

/** A collection's routing table as the client uses it, decoded once per placement epoch. */
export interface RoutingTable {
  collection: string;
  dim: number;
  nlist: number;
  /** The collection's default nprobe. */
  nprobe: number;
  epoch: bigint;
  /** Names the quantizer the centroids come from; sent with every direct search. */
  quantizerDigest: Buffer;
  centroids: Centroids;
  /** The shard owning each list (-1 for none). */
  owner: Int32Array;
  /** Per shard, in shard order: the addresses of its READY copies. */
  copies: string[][];
  /** The coordinator says the client may route this collection (lists routing, IVF-Flat, flat quantizer). */
  routable: boolean;
  /** The collection's partition key ('' for none): a filter fixing it asks one shard. */
  partitionKey: string;
}

/** Decodes the coordinator's answer to GetRoutingTable. */
export function decodeRoutingTable(raw: RoutingTable__Output): RoutingTable {
  const metric = metricFromEnum(raw.metric);
  if (!metric)
    throw new TypeError(`routing table of "${raw.collection}" has an unknown metric ${raw.metric}`);
  const owner = new Int32Array(raw.nlist).fill(-1);
  for (const shard of raw.shards) for (const list of shard.lists) owner[list] = shard.shard;
  const copies: string[][] = [];
  for (const shard of raw.shards) copies[shard.shard] = shard.addresses;
  return {
    collection: raw.collection,
    dim: raw.dim,
    nlist: raw.nlist,
    nprobe: raw.nprobe,
    epoch: BigInt(raw.epoch),
    quantizerDigest: raw.quantizerDigest,
    centroids: centroidsOf(decodeFloats(raw.centroids, 'centroids'), raw.dim, metric),
    owner,
    copies,
    routable: raw.clientAssignable && raw.routing !== 'ROUTING_SCATTER',
    partitionKey: raw.partitionKey,
  };
}
