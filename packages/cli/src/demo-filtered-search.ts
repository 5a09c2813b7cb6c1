import type { VecshardClient } from '@vecshard/client';

/** What the demo asks of its fields: a class and a price bound, so both an index and a range are used. */
const FILTER = "label == 'Sneaker' and price < 50";
const OUTPUT_FIELDS = ['label', 'price', 'tags'];

/**
 * One filtered search and the exact count of the same filter, printed with
 * the hits' fields, then the CLI command that does the same, to try others.
 */
export async function showFilteredSearch(
  client: VecshardClient,
  collection: string,
  query: Float32Array,
  address: string,
): Promise<void> {
  const k = 5;
  const started = performance.now();
  const result = await client.search(collection, query, { k, filter: FILTER, outputFields: OUTPUT_FIELDS });
  const ms = (performance.now() - started).toFixed(1);
  const fields = result.fields ?? {};
  const hits = [...result.ids].flatMap((id, slot) =>
    id < 0n
      ? []
      : [
          `${id} (${fields.label[slot]}, ${(fields.price[slot] as number).toFixed(2)}, ${describeTags(fields.tags[slot])})`,
        ],
  );
  console.log(`demo: test image 0's ${k} nearest Sneakers under 50 (${FILTER}), in ${ms} ms:`);
  for (const hit of hits) console.log(`demo:   ${hit}`);
  const matching = await client.count(collection, { filter: FILTER });
  const rows = await client.count(collection);
  console.log(`demo: ${matching} of ${rows} rows match it (Count, exact)`);
  console.log(
    `demo: try: vecshard search ${collection} --like 0 --filter "label == 'Bag' and tags in ['sale']" ` +
      `--output-fields ${OUTPUT_FIELDS.join(',')} --address ${address}`,
  );
}

function describeTags(tags: unknown): string {
  return Array.isArray(tags) && tags.length > 0 ? `tags ${tags.join(',')}` : 'no tags';
}
