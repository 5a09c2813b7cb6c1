import { FaissIndex } from '@vecshard/faiss';

/** A collection's placement as the benches read it: each shard's lists, in shard order. */
export type ListPlacement = readonly { lists: readonly number[] }[];

/** The shard owning each of `nlist` lists (-1 for none). */
export function listOwners(placement: ListPlacement, nlist: number): Int32Array {
  const owner = new Int32Array(nlist).fill(-1);
  placement.forEach((shard, s) => {
    for (const list of shard.lists) owner[list] = s;
  });
  return owner;
}

/** Mean number of shards each query's lists live on: `lists` holds `nprobe` lists per query. */
export function meanShardsPerQuery(owner: Int32Array, lists: BigInt64Array, nprobe: number): number {
  const nq = lists.length / nprobe;
  let total = 0;
  for (let q = 0; q < nq; q++) {
    const shards = new Set<number>();
    for (let p = 0; p < nprobe; p++) shards.add(owner[Number(lists[q * nprobe + p])]);
    total += shards.size;
  }
  return total / nq;
}

/** The same for queries assigned by the collection's own quantizer (its serialised template). */
export async function expectedShardsPerQuery(
  template: Uint8Array,
  placement: ListPlacement,
  queries: Float32Array,
  nlist: number,
  nprobe: number,
): Promise<number> {
  const quantizer = await FaissIndex.deserialize(template, 'l2');
  const { lists } = await quantizer.assign(queries, nprobe);
  return meanShardsPerQuery(listOwners(placement, nlist), lists, nprobe);
}
