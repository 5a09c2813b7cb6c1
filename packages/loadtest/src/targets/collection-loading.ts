import { type FieldColumnInput, type VecshardClient, VecshardError } from '@vecshard/client';
import { type Dataset, sequentialIds } from '@vecshard/datasets';

/** Upserts in flight while loading, as the suite loads (one batch's assignment overlaps the last one's storage). */
const IN_FLIGHT = 2;

/**
 * Upserts every row of the dataset (id = row number) in batches of `batch`
 * rows, with the fields `fieldsOf(from, to)` gives for rows [from, to).
 */
export async function upsertWithFields(
  client: VecshardClient,
  collection: string,
  dataset: Dataset,
  batch: number,
  fieldsOf: (from: number, to: number) => Record<string, FieldColumnInput>,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  try {
    for (let from = 0; from < dataset.count; from += batch) {
      const to = Math.min(dataset.count, from + batch);
      const request: Promise<void> = client
        .upsert(
          collection,
          sequentialIds(to - from, from),
          dataset.base.subarray(from * dataset.dim, to * dataset.dim),
          { fields: fieldsOf(from, to) },
        )
        .then(() => {
          inFlight.delete(request);
        });
      inFlight.add(request);
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } catch (error) {
    // Let the other requests settle so none fails unobserved, then report the first failure.
    await Promise.allSettled(inFlight);
    throw error;
  }
}

/** Drops the collection; one that does not exist is no error. */
export async function dropIfPresent(client: VecshardClient, collection: string): Promise<void> {
  try {
    await client.dropCollection(collection);
  } catch (error) {
    if (!(error instanceof VecshardError && error.codeName === 'NOT_FOUND')) throw error;
  }
}
