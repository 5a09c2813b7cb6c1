import type { Dataset } from '@vecshard/datasets';
import { FaissIndex, type SearchResult } from '@vecshard/faiss';

/** Queries are searched in slices so the result buffers stay small. */
const QUERY_SLICE = 1024;

/**
 * The exact k nearest matching rows of every query, with their distances: a
 * FAISS `Flat` brute force over a copy of just the matching vectors. Its own
 * code path (not `searchSubset`, one of the measured modes), so the exact
 * modes are checked against something independent of them.
 */
export async function filteredTruth(
  dataset: Dataset,
  matches: BigInt64Array,
  k: number,
): Promise<SearchResult> {
  const { dim } = dataset;
  const vectors = new Float32Array(matches.length * dim);
  matches.forEach((row, i) => {
    const at = Number(row) * dim;
    vectors.set(dataset.base.subarray(at, at + dim), i * dim);
  });
  const index = FaissIndex.create(dim, 'Flat', 'l2');
  await index.add(vectors, matches);
  const labels = new BigInt64Array(dataset.queryCount * k);
  const distances = new Float32Array(dataset.queryCount * k);
  for (let from = 0; from < dataset.queryCount; from += QUERY_SLICE) {
    const to = Math.min(dataset.queryCount, from + QUERY_SLICE);
    const slice = await index.search(dataset.queries.subarray(from * dim, to * dim), k);
    labels.set(slice.labels, from * k);
    distances.set(slice.distances, from * k);
  }
  return { labels, distances };
}
