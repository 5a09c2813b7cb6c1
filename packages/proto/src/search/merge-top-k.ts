/** One shard's answer for a subset of the queries. */
export interface ShardHits {
  /** Position in the original batch of each query this shard answered. */
  queryIndex: Int32Array;
  /** queryIndex.length · k ids, best first, -1 padding. */
  ids: BigInt64Array;
  distances: Float32Array;
}

export interface MergedHits {
  ids: BigInt64Array;
  distances: Float32Array;
}

/**
 * Merges per-shard top-k lists into the global top-k of each query. Each
 * shard's rows are already sorted best first, so this is a k-way merge of
 * sorted runs. Smaller is better for L2, larger for inner product and cosine.
 * Rows with fewer than k hits are padded with id -1 and the worst distance.
 */
export function mergeTopK(nq: number, k: number, shards: ShardHits[], largerIsBetter: boolean): MergedHits {
  const ids = new BigInt64Array(nq * k).fill(-1n);
  const distances = new Float32Array(nq * k).fill(largerIsBetter ? -Infinity : Infinity);
  const rows = rowsPerQuery(nq, shards);
  const heads: number[] = [];
  for (let q = 0; q < nq; q++) {
    const runs = rows[q];
    if (runs.length === 0) continue;
    heads.length = runs.length;
    heads.fill(0);
    for (let out = 0; out < k; out++) {
      let best = -1;
      let bestDistance = 0;
      for (let r = 0; r < runs.length; r++) {
        const { hits, row } = runs[r];
        if (heads[r] >= k) continue;
        const at = row * k + heads[r];
        if (hits.ids[at] < 0n) continue;
        const d = hits.distances[at];
        if (best < 0 || (largerIsBetter ? d > bestDistance : d < bestDistance)) {
          best = r;
          bestDistance = d;
        }
      }
      if (best < 0) break;
      const { hits, row } = runs[best];
      ids[q * k + out] = hits.ids[row * k + heads[best]];
      distances[q * k + out] = bestDistance;
      heads[best]++;
    }
  }
  return { ids, distances };
}

/** For each query, the (shard, row) pairs holding its results. */
function rowsPerQuery(nq: number, shards: ShardHits[]) {
  const rows = Array.from({ length: nq }, () => [] as { hits: ShardHits; row: number }[]);
  for (const hits of shards) {
    hits.queryIndex.forEach((q, row) => {
      rows[q].push({ hits, row });
    });
  }
  return rows;
}
