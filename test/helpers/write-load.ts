import type { VecshardClient } from '@vecshard/client';
import { FaissIndex } from '@vecshard/faiss';
import { expect } from 'vitest';
import { compareTopK } from './compare.js';
import { clusteredVectors, sequentialIds } from './data.js';

/** What a collection must hold: id → vector, as acknowledged so far. */
export class Acknowledged {
  readonly vectors = new Map<bigint, Float32Array>();

  constructor(readonly dim: number) {}

  add(ids: BigInt64Array, vectors: Float32Array): void {
    const dim = this.dim;
    for (const [i, id] of ids.entries()) this.vectors.set(id, vectors.subarray(i * dim, (i + 1) * dim));
  }

  remove(ids: BigInt64Array): void {
    for (const id of ids) this.vectors.delete(id);
  }

  /** The acknowledged vectors of these ids, row after row. */
  rows(ids: bigint[]): Float32Array {
    const rows = new Float32Array(ids.length * this.dim);
    for (const [i, id] of ids.entries()) rows.set(this.vectors.get(id)!, i * this.dim);
    return rows;
  }

  /** One FAISS index holding exactly the acknowledged vectors, from the collection's template. */
  async reference(template: Uint8Array): Promise<FaissIndex> {
    const index = await FaissIndex.deserialize(template, 'l2');
    const ids = [...this.vectors.keys()];
    await index.add(this.rows(ids), BigInt64Array.from(ids));
    return index;
  }
}

/** The collection equals one FAISS index over the acknowledged vectors: count, and top-k with every list probed. */
export async function expectExact(
  client: VecshardClient,
  name: string,
  acked: Acknowledged,
  template: Uint8Array,
  nlist: number,
): Promise<void> {
  expect((await client.getCollection(name)).vectors).toBe(acked.vectors.size);
  const reference = await acked.reference(template);
  const queries = clusteredVectors(40, acked.dim, 77);
  const want = await reference.search(queries, 10, { nprobe: nlist });
  const got = await client.search(name, queries, { k: 10, nprobe: nlist });
  expect(compareTopK(want, got, 10)).toEqual([]);
}

/**
 * A search loop and an upsert loop against a collection until `stop()`:
 * counts what failed (a partial result too), times the searches, and records
 * every acknowledged write.
 */
export function runLoad(client: VecshardClient, name: string, acked: Acknowledged) {
  const failures: string[] = [];
  const latenciesMs: number[] = [];
  let writes = 0;
  let stopped = false;
  const queries = clusteredVectors(5, acked.dim, 11);
  const searching = (async () => {
    while (!stopped) {
      const started = performance.now();
      try {
        const result = await client.search(name, queries, { k: 10 });
        if (result.partial) failures.push('partial result');
        latenciesMs.push(performance.now() - started);
      } catch (error) {
        failures.push(`search: ${(error as Error).message}`);
      }
    }
  })();
  const writing = (async () => {
    for (let next = 1_000_000; !stopped; next += 50) {
      const ids = sequentialIds(50, next);
      const vectors = clusteredVectors(50, acked.dim, next);
      try {
        await client.upsert(name, ids, vectors);
        acked.add(ids, vectors);
        writes++;
      } catch (error) {
        failures.push(`upsert: ${(error as Error).message}`);
      }
    }
  })();
  return {
    failures,
    latenciesMs,
    writes: () => writes,
    stop: async () => {
      stopped = true;
      await Promise.all([searching, writing]);
    },
  };
}

/** Resolves once `count()` has grown by `more` (an event in the load, not a time). */
export async function grownBy(count: () => number, more: number): Promise<void> {
  const target = count() + more;
  while (count() < target) await new Promise((resolve) => setTimeout(resolve, 20));
}
