import type { SearchResult } from '@vecshard/faiss';

/**
 * Checks that a cluster's top-k equals a single index's: distances equal to
 * `tolerance` position by position, and the same ids except that ids whose
 * distances tie may come in any order — and at the k-th position, where one of
 * several tied vectors is cut off, any of them may be kept. Returns the
 * mismatches found (empty when they agree).
 */
export function compareTopK(
  expected: SearchResult,
  actual: { ids: BigInt64Array; distances: Float32Array },
  k: number,
  tolerance = 1e-4,
): string[] {
  const problems: string[] = [];
  const nq = expected.labels.length / k;
  if (actual.ids.length !== expected.labels.length) {
    return [`expected ${expected.labels.length} ids, got ${actual.ids.length}`];
  }
  for (let q = 0; q < nq && problems.length < 10; q++) {
    const row = (a: ArrayLike<number | bigint>) => Array.from({ length: k }, (_, i) => a[q * k + i]);
    const eIds = row(expected.labels) as bigint[];
    const aIds = row(actual.ids) as bigint[];
    const eDist = row(expected.distances) as number[];
    const aDist = row(actual.distances) as number[];
    for (let i = 0; i < k; i++) {
      if (eIds[i] < 0n !== aIds[i] < 0n) {
        problems.push(`query ${q} rank ${i}: expected id ${eIds[i]}, got ${aIds[i]}`);
        break;
      }
      if (eIds[i] >= 0n && Math.abs(eDist[i] - aDist[i]) > tolerance * Math.max(1, Math.abs(eDist[i]))) {
        problems.push(`query ${q} rank ${i}: expected distance ${eDist[i]}, got ${aDist[i]}`);
        break;
      }
    }
    const valid = eIds.filter((id) => id >= 0n).length;
    const worst = eDist[valid - 1];
    const near = (d: number) => Math.abs(d - worst) <= tolerance * Math.max(1, Math.abs(worst));
    const strict = (ids: bigint[], dist: number[]) =>
      ids
        .filter((id, i) => id >= 0n && !near(dist[i]))
        .sort()
        .join(',');
    if (strict(eIds, eDist) !== strict(aIds, aDist)) {
      problems.push(`query ${q}: ids differ: expected [${eIds.join(',')}], got [${aIds.join(',')}]`);
    }
  }
  return problems;
}
