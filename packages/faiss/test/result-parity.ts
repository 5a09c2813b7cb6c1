import type { SearchResult } from '../src/index.js';

export interface ParityTolerance {
  /** Rank-wise distances may differ by this much, relative to the query's largest |distance|. */
  distance: number;
  /** Two different ids at one rank are accepted only when their distances tie this closely. */
  tie: number;
}

export const DEFAULT_TOLERANCE: ParityTolerance = { distance: 1e-4, tie: 1e-5 };

/**
 * How two builds' results for the same queries disagree, one line per problem
 * (empty when they agree): rank-wise distances beyond rounding, or a different id
 * at a rank where the two distances do not tie. Relative to the largest |distance|
 * of the query's row, so inner products near zero are not held to a relative bound
 * they cannot meet.
 */
export function parityProblems(
  a: SearchResult,
  b: SearchResult,
  k: number,
  tolerance: ParityTolerance = DEFAULT_TOLERANCE,
): string[] {
  if (a.labels.length !== b.labels.length) return [`${a.labels.length} vs ${b.labels.length} results`];
  const problems: string[] = [];
  for (let q = 0; q < a.labels.length / k; q++) {
    const scale = rowScale(a, b, q * k, k);
    for (let i = q * k; i < q * k + k; i++) {
      const da = a.distances[i];
      const db = b.distances[i];
      const gap = da === db ? 0 : Math.abs(da - db);
      if (!(gap <= tolerance.distance * scale)) {
        problems.push(`query ${q} rank ${i - q * k}: distance ${da} vs ${db}`);
      } else if (a.labels[i] !== b.labels[i] && !(gap <= tolerance.tie * scale)) {
        problems.push(
          `query ${q} rank ${i - q * k}: id ${a.labels[i]} vs ${b.labels[i]} (distances ${da}, ${db})`,
        );
      }
    }
  }
  return problems;
}

/** The largest finite |distance| of one query's rows (1 when there is none). */
function rowScale(a: SearchResult, b: SearchResult, from: number, k: number): number {
  let scale = 0;
  for (let i = from; i < from + k; i++) {
    for (const d of [a.distances[i], b.distances[i]]) {
      if (Number.isFinite(d) && Math.abs(d) < 1e30) scale = Math.max(scale, Math.abs(d));
    }
  }
  return scale || 1;
}
