/**
 * Groups inverted lists into shards so that lists queries probe together
 * share a shard, with every shard's vector load within `maxImbalance` of the
 * mean: a balanced k-means over the lists' centroids, weighted by their
 * loads. Lists close to each other are probed by the same queries (a query
 * probes its nprobe nearest centroids), so a search then asks few shards.
 * Deterministic: the same inputs give the same groups. Returns the sorted
 * list ids of each shard.
 */
export function localityGroups(
  centroids: Float32Array,
  dim: number,
  loads: ArrayLike<number>,
  shardCount: number,
  maxImbalance = 1.1,
): number[][] {
  const nlist = loads.length;
  if (shardCount <= 1) return [Array.from({ length: nlist }, (_, l) => l)];
  const total = Array.from(loads).reduce((a, b) => a + b, 0);
  // Aim a little inside the bound, so the final repair has room.
  const capacity = (total / shardCount) * (1 + (maxImbalance - 1) * 0.8);
  let centres = farthestSeeds(centroids, dim, loads, shardCount);
  let owner: Int32Array = new Int32Array(nlist);
  for (let round = 0; round < 12; round++) {
    owner = assignWithCapacity(centroids, dim, loads, centres, capacity);
    centres = groupCentres(centroids, dim, loads, owner, shardCount, centres);
  }
  repairBalance(centroids, dim, loads, owner, centres, (total / shardCount) * maxImbalance);
  const groups = Array.from({ length: shardCount }, () => [] as number[]);
  owner.forEach((shard, list) => {
    groups[shard].push(list);
  });
  return groups;
}

function squaredDistance(a: Float32Array, ai: number, b: Float32Array, bi: number, dim: number): number {
  let sum = 0;
  for (let d = 0; d < dim; d++) {
    const diff = a[ai * dim + d] - b[bi * dim + d];
    sum += diff * diff;
  }
  return sum;
}

/** Seeds far apart: the heaviest list first, then each time the list farthest from every seed so far. */
function farthestSeeds(
  centroids: Float32Array,
  dim: number,
  loads: ArrayLike<number>,
  k: number,
): Float32Array {
  const nlist = loads.length;
  const seeds = new Float32Array(k * dim);
  let first = 0;
  for (let l = 1; l < nlist; l++) if (loads[l] > loads[first]) first = l;
  seeds.set(centroids.subarray(first * dim, (first + 1) * dim), 0);
  const nearest = new Float64Array(nlist).fill(Number.POSITIVE_INFINITY);
  for (let s = 1; s < k; s++) {
    let best = 0;
    let bestDistance = -1;
    for (let l = 0; l < nlist; l++) {
      nearest[l] = Math.min(nearest[l], squaredDistance(centroids, l, seeds, s - 1, dim));
      if (nearest[l] > bestDistance) {
        bestDistance = nearest[l];
        best = l;
      }
    }
    seeds.set(centroids.subarray(best * dim, (best + 1) * dim), s * dim);
  }
  return seeds;
}

/**
 * Each list to its nearest centre that still has room, nearest pairs first;
 * a list that fits nowhere goes to the least loaded shard.
 */
function assignWithCapacity(
  centroids: Float32Array,
  dim: number,
  loads: ArrayLike<number>,
  centres: Float32Array,
  capacity: number,
): Int32Array {
  const nlist = loads.length;
  const k = centres.length / dim;
  const pairs: { list: number; shard: number; distance: number }[] = [];
  for (let l = 0; l < nlist; l++) {
    for (let s = 0; s < k; s++)
      pairs.push({ list: l, shard: s, distance: squaredDistance(centroids, l, centres, s, dim) });
  }
  pairs.sort((a, b) => a.distance - b.distance || a.list - b.list || a.shard - b.shard);
  const owner = new Int32Array(nlist).fill(-1);
  const load = new Float64Array(k);
  for (const { list, shard } of pairs) {
    if (owner[list] !== -1 || load[shard] + loads[list] > capacity) continue;
    owner[list] = shard;
    load[shard] += loads[list];
  }
  for (let l = 0; l < nlist; l++) {
    if (owner[l] !== -1) continue;
    let least = 0;
    for (let s = 1; s < k; s++) if (load[s] < load[least]) least = s;
    owner[l] = least;
    load[least] += loads[l];
  }
  return owner;
}

/** Each group's load-weighted mean centroid (an empty group keeps its centre). */
function groupCentres(
  centroids: Float32Array,
  dim: number,
  loads: ArrayLike<number>,
  owner: Int32Array,
  k: number,
  previous: Float32Array,
): Float32Array {
  const sums = new Float64Array(k * dim);
  const weights = new Float64Array(k);
  owner.forEach((shard, list) => {
    const weight = loads[list] + 1;
    weights[shard] += weight;
    for (let d = 0; d < dim; d++) sums[shard * dim + d] += weight * centroids[list * dim + d];
  });
  const centres = new Float32Array(k * dim);
  for (let s = 0; s < k; s++) {
    for (let d = 0; d < dim; d++) {
      centres[s * dim + d] = weights[s] > 0 ? sums[s * dim + d] / weights[s] : previous[s * dim + d];
    }
  }
  return centres;
}

/** Moves lists off shards above `limit` to the nearest shard that stays within it, smallest moves first. */
function repairBalance(
  centroids: Float32Array,
  dim: number,
  loads: ArrayLike<number>,
  owner: Int32Array,
  centres: Float32Array,
  limit: number,
): void {
  const k = centres.length / dim;
  const load = new Float64Array(k);
  owner.forEach((shard, list) => {
    load[shard] += loads[list];
  });
  for (let guard = 0; guard < owner.length; guard++) {
    let heaviest = 0;
    for (let s = 1; s < k; s++) if (load[s] > load[heaviest]) heaviest = s;
    if (load[heaviest] <= limit) return;
    let best: { list: number; shard: number; cost: number } | undefined;
    owner.forEach((shard, list) => {
      if (shard !== heaviest || loads[list] === 0) return;
      for (let s = 0; s < k; s++) {
        if (s === heaviest || load[s] + loads[list] > limit) continue;
        const cost = squaredDistance(centroids, list, centres, s, dim);
        if (!best || cost < best.cost) best = { list, shard: s, cost };
      }
    });
    if (!best) return;
    owner[best.list] = best.shard;
    load[heaviest] -= loads[best.list];
    load[best.shard] += loads[best.list];
  }
}

/**
 * Each list's centroid, estimated from a sample and its coarse assignment
 * (`lists`, `nprobe` per row): the mean of the rows whose nearest list it
 * is, or, for a list nearest to none, of the rows that probe it at all.
 */
export function estimateCentroids(
  sample: Float32Array,
  dim: number,
  lists: BigInt64Array,
  nprobe: number,
  nlist: number,
): Float32Array {
  const n = sample.length / dim;
  const nearest = new Float64Array(nlist * dim);
  const nearestCount = new Float64Array(nlist);
  const probing = new Float64Array(nlist * dim);
  const probingCount = new Float64Array(nlist);
  for (let row = 0; row < n; row++) {
    for (let p = 0; p < nprobe; p++) {
      const list = Number(lists[row * nprobe + p]);
      if (list < 0) continue;
      const sums = p === 0 ? nearest : probing;
      const counts = p === 0 ? nearestCount : probingCount;
      counts[list]++;
      for (let d = 0; d < dim; d++) sums[list * dim + d] += sample[row * dim + d];
    }
  }
  const centroids = new Float32Array(nlist * dim);
  for (let l = 0; l < nlist; l++) {
    const [sums, count] = nearestCount[l] > 0 ? [nearest, nearestCount[l]] : [probing, probingCount[l]];
    if (count === 0) continue;
    for (let d = 0; d < dim; d++) centroids[l * dim + d] = sums[l * dim + d] / count;
  }
  return centroids;
}

/**
 * Improves groups on the sample's own probes: moves a list to another shard
 * when that lowers the number of shards the sample's rows would ask (each row
 * probes `probes` lists, `nprobe` per row) and keeps every shard within
 * `maxImbalance` of the mean vector load. Passes until nothing improves.
 */
export function refineByCoProbes(
  groups: number[][],
  probes: BigInt64Array,
  nprobe: number,
  loads: ArrayLike<number>,
  maxImbalance = 1.1,
): number[][] {
  const nlist = loads.length;
  const k = groups.length;
  const rows = probes.length / nprobe;
  const owner = new Int32Array(nlist);
  groups.forEach((lists, shard) => {
    for (const list of lists) owner[list] = shard;
  });
  const load = new Float64Array(k);
  for (let l = 0; l < nlist; l++) load[owner[l]] += loads[l];
  const limit = (load.reduce((a, b) => a + b, 0) / k) * maxImbalance;
  // Per row, how many of its probed lists each shard holds; per list, the rows probing it.
  const perRow = new Int32Array(rows * k);
  const rowsOf: number[][] = Array.from({ length: nlist }, () => []);
  for (let r = 0; r < rows; r++) {
    for (let p = 0; p < nprobe; p++) {
      const list = Number(probes[r * nprobe + p]);
      if (list < 0) continue;
      perRow[r * k + owner[list]]++;
      rowsOf[list].push(r);
    }
  }
  for (let pass = 0; pass < 8; pass++) {
    let improved = false;
    for (let list = 0; list < nlist; list++) {
      const from = owner[list];
      let best = from;
      let bestDelta = 0;
      for (let to = 0; to < k; to++) {
        if (to === from || load[to] + loads[list] > limit) continue;
        let delta = 0;
        for (const r of rowsOf[list]) {
          if (perRow[r * k + from] === 1) delta--;
          if (perRow[r * k + to] === 0) delta++;
        }
        if (delta < bestDelta) {
          bestDelta = delta;
          best = to;
        }
      }
      if (best === from) continue;
      for (const r of rowsOf[list]) {
        perRow[r * k + from]--;
        perRow[r * k + best]++;
      }
      load[from] -= loads[list];
      load[best] += loads[list];
      owner[list] = best;
      improved = true;
    }
    if (!improved) break;
  }
  const refined = Array.from({ length: k }, () => [] as number[]);
  owner.forEach((shard, list) => {
    refined[shard].push(list);
  });
  return refined;
}
