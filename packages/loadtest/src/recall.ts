import type { GroundTruth } from './ground-truth.js';

/**
 * recall@k of one query: the share of its true k nearest neighbours found
 * among the k ids returned (FAISS's "k-recall@k"; order does not matter).
 */
export function queryRecall(
  found: ArrayLike<bigint>,
  foundOffset: number,
  truth: GroundTruth,
  query: number,
  k: number,
): number {
  if (k > truth.k)
    throw new RangeError(`recall@${k} needs ground truth with at least ${k} neighbours, have ${truth.k}`);
  const expected = new Set<number>();
  for (let i = 0; i < k; i++) expected.add(truth.ids[query * truth.k + i]);
  let hits = 0;
  for (let i = 0; i < k; i++) {
    const id = found[foundOffset + i];
    if (id >= 0n && expected.has(Number(id))) hits++;
  }
  return hits / k;
}

/** Mean recall@k of a batch result: `ids` holds k ids per query for queries first, first+1, … */
export function batchRecall(ids: BigInt64Array, k: number, truth: GroundTruth, firstQuery = 0): number {
  const queries = ids.length / k;
  let total = 0;
  for (let q = 0; q < queries; q++) total += queryRecall(ids, q * k, truth, firstQuery + q, k);
  return queries === 0 ? 0 : total / queries;
}
