import { describe, expect, it } from 'vitest';
import { estimateCentroids, localityGroups, refineByCoProbes } from '../src/placement/locality-groups.js';

/** nlist centroids on a line of clumps: neighbours are the ones close on the line. */
function lineOfLists(nlist: number, dim = 4): { centroids: Float32Array; loads: Float64Array } {
  const centroids = new Float32Array(nlist * dim);
  const loads = new Float64Array(nlist);
  for (let l = 0; l < nlist; l++) {
    centroids[l * dim] = l + ((l * 7919) % 13) / 100;
    centroids[l * dim + 1] = ((l * 104729) % 17) / 100;
    loads[l] = 50 + ((l * 31) % 40);
  }
  return { centroids, loads };
}

const loadsOf = (groups: number[][], loads: Float64Array) =>
  groups.map((lists) => lists.reduce((sum, l) => sum + loads[l], 0));

describe('localityGroups', () => {
  it('places every list once, keeps loads within 10 % of the mean, and keeps neighbours together', () => {
    const { centroids, loads } = lineOfLists(64);
    const groups = localityGroups(centroids, 4, loads, 4);
    expect(groups.flat().sort((a, b) => a - b)).toEqual([...Array(64).keys()]);
    const shardLoads = loadsOf(groups, loads);
    const mean = shardLoads.reduce((a, b) => a + b, 0) / shardLoads.length;
    expect(Math.max(...shardLoads) / mean).toBeLessThanOrEqual(1.1);
    // On a line, each shard should hold a few runs of consecutive lists, not a scatter.
    const runs = groups.map((lists) => lists.filter((l, i) => i === 0 || lists[i - 1] !== l - 1).length);
    expect(Math.max(...runs)).toBeLessThanOrEqual(3);
  });

  it('gives the same groups for the same inputs', () => {
    const { centroids, loads } = lineOfLists(100);
    expect(localityGroups(centroids, 4, loads, 5)).toEqual(localityGroups(centroids, 4, loads, 5));
  });

  it('puts everything on one shard when there is one', () => {
    const { centroids, loads } = lineOfLists(8);
    expect(localityGroups(centroids, 4, loads, 1)).toEqual([[0, 1, 2, 3, 4, 5, 6, 7]]);
  });
});

describe('refineByCoProbes', () => {
  it('moves a list to the shard its co-probed lists are on, within the balance bound', () => {
    // Rows probe lists {0,1} and {2,3}; list 1 starts on the wrong shard.
    const probes = BigInt64Array.from([0n, 1n, 0n, 1n, 2n, 3n, 2n, 3n]);
    const loads = Float64Array.from([10, 10, 10, 10]);
    const refined = refineByCoProbes(
      [
        [0, 2],
        [1, 3],
      ],
      probes,
      2,
      loads,
      1.6,
    );
    // Which shard holds which pair does not matter: each pair shares one.
    expect(refined.map((g) => [...g].sort().join()).sort()).toEqual(['0,1', '2,3']);
  });

  it('never breaks the balance bound', () => {
    const probes = BigInt64Array.from([0n, 1n, 0n, 2n, 0n, 3n]);
    const loads = Float64Array.from([10, 10, 10, 10]);
    const refined = refineByCoProbes(
      [
        [0, 1],
        [2, 3],
      ],
      probes,
      2,
      loads,
      1.0,
    );
    expect(loadsOf(refined, loads)).toEqual([20, 20]);
  });
});

describe('estimateCentroids', () => {
  it('averages the rows nearest each list, else the rows that probe it', () => {
    const sample = Float32Array.from([0, 0, 2, 2, 10, 10]);
    const lists = BigInt64Array.from([0n, 2n, 0n, 2n, 1n, 2n]);
    const centroids = estimateCentroids(sample, 2, lists, 2, 3);
    expect(Array.from(centroids)).toEqual([1, 1, 10, 10, 4, 4]);
  });
});
