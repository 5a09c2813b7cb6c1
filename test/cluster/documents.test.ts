import type { Filter, VecshardClient } from '@vecshard/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { clusteredVectors, seededRandom, sequentialIds } from '../helpers/data.js';
import {
  bruteForce,
  type DocumentRow,
  documentFields,
  documentRows,
  matchingRows,
  recallAt,
} from '../helpers/documents.js';
import { rawCall } from '../helpers/raw-client.js';

// Documents: typed fields stored with every vector, filtered search that
// never comes back short (exact when the filter is selective), Get, Query
// in pages, exact Count and delete by filter, and refusals that name the
// field. Real processes: Redis, three workers, a coordinator.
const DIM = 16;
const N = 4000;
const NLIST = 32;
// nprobe 1 of 32 lists scans 125 of 4,000 rows: 50 % selectivity takes the IVF plan, 10 % and less the exact one.
const NPROBE = 1;
const K = 10;
const NAME = 'catalogue';

let cluster: TestCluster;
let client: VecshardClient;
let rows: DocumentRow[];
const vectors = clusteredVectors(N, DIM, 7);
const queries = clusteredVectors(40, DIM, 8);

beforeAll(async () => {
  cluster = await startCluster({ workers: 3 });
  client = cluster.client;
  await client.createCollection({
    name: NAME,
    dim: DIM,
    metric: 'l2',
    index: `IVF${NLIST},Flat`,
    nprobe: NPROBE,
    fields: {
      color: 'keyword',
      price: 'double',
      year: 'int64',
      in_stock: 'bool',
      tags: 'keywords',
      meta: 'json',
    },
  });
  await client.train(NAME, vectors.subarray(0, 2000 * DIM));
  rows = documentRows(N, 11);
  // Two batches, so rows reach every shard from more than one upsert.
  for (const [from, to] of [
    [0, N / 2],
    [N / 2, N],
  ]) {
    await client.upsert(NAME, sequentialIds(to - from, from), vectors.subarray(from * DIM, to * DIM), {
      fields: documentFields(rows.slice(from, to)),
    });
  }
});
afterAll(async () => {
  await cluster?.stop();
});

/** Filters at four selectivities, as objects and as expressions; price is uniform over [0, 1000). */
const below = (limit: number) => ({
  expression: `price < ${limit}`,
  filter: { must: [{ range: { field: 'price', lt: limit } }] } satisfies Filter,
  // The reference, written apart from the cluster's parser and bitmaps.
  matches: (row: DocumentRow) => row.price !== null && row.price < limit,
});
const SELECTIVE = [
  { label: '50 %', ...below(500) },
  { label: '10 %', ...below(100) },
  { label: '1 %', ...below(10) },
  { label: '0.1 %', ...below(1) },
];

describe('filtered search', { timeout: 120_000 }, () => {
  it.each(SELECTIVE)(
    'returns only matches, never short, at $label selectivity',
    async ({ expression, matches: predicate }) => {
      const matches = matchingRows(rows, predicate);
      const result = await client.search(NAME, queries, {
        k: K,
        filter: expression,
        outputFields: ['price'],
      });
      const nq = queries.length / DIM;
      for (let q = 0; q < nq; q++) {
        const hits = [...result.ids.subarray(q * K, (q + 1) * K)].filter((id) => id >= 0n);
        expect(hits.length).toBe(Math.min(K, matches.size));
        for (const id of hits) expect(matches.has(Number(id))).toBe(true);
      }
      // The fields come back with the hits, missing where the slot is empty.
      result.ids.forEach((id, slot) => {
        expect(result.fields!.price[slot]).toBe(id >= 0n ? rows[Number(id)].price : null);
      });
    },
  );

  it.each(SELECTIVE.slice(2))(
    'is exact at $label selectivity (brute force over the matches)',
    async ({ expression, matches: predicate }) => {
      const matches = matchingRows(rows, predicate);
      const expected = bruteForce(vectors, DIM, queries, K, matches);
      const result = await client.search(NAME, queries, { k: K, filter: expression });
      expect(recallAt(expected, result.ids, K)).toBe(1);
    },
  );

  it.each(SELECTIVE.slice(0, 2))(
    'keeps recall@10 at least the unfiltered one at $label selectivity',
    async ({ expression, matches: predicate }) => {
      const all = new Set(rows.map((_, i) => i));
      const unfiltered = recallAt(
        bruteForce(vectors, DIM, queries, K, all),
        (await client.search(NAME, queries, { k: K })).ids,
        K,
      );
      const matches = matchingRows(rows, predicate);
      const filtered = recallAt(
        bruteForce(vectors, DIM, queries, K, matches),
        (await client.search(NAME, queries, { k: K, filter: expression })).ids,
        K,
      );
      expect(filtered).toBeGreaterThanOrEqual(unfiltered);
    },
  );

  it('gives the same answer for a filter as an object and as an expression', async () => {
    for (const { expression, filter } of SELECTIVE) {
      const asText = await client.search(NAME, queries, { k: K, filter: expression });
      const asObject = await client.search(NAME, queries, { k: K, filter });
      expect([...asObject.ids]).toEqual([...asText.ids]);
    }
  });

  it('combines keyword, keywords, bool, int64 and missing values', async () => {
    const expression =
      "(color == 'red' or color == 'blue') and tags in ['t1', 't2'] and in_stock and not (year >= 2001 and year <= 2005)";
    const matches = matchingRows(
      rows,
      (row) =>
        (row.color === 'red' || row.color === 'blue') &&
        (row.tags ?? []).some((tag) => tag === 't1' || tag === 't2') &&
        row.in_stock === true &&
        !(row.year !== null && row.year >= 2001 && row.year <= 2005),
    );
    expect(matches.size).toBeGreaterThan(K);
    const result = await client.search(NAME, queries, {
      k: K,
      filter: expression,
      outputFields: ['color', 'tags'],
    });
    for (const id of result.ids) expect(matches.has(Number(id))).toBe(true);
    expect(await client.count(NAME, { filter: expression })).toBe(matches.size);
    expect(await client.count(NAME, { filter: 'is_missing(color)' })).toBe(
      rows.filter((row) => row.color === null).length,
    );
  });

  it('asks no shard when nothing matches', async () => {
    const result = await client.search(NAME, queries, { k: K, filter: "color == 'purple'" });
    expect(result.shardsQueried).toBe(0);
    expect([...result.ids].every((id) => id === -1n)).toBe(true);
  });
});

describe('Get, Query and Count', { timeout: 120_000 }, () => {
  it('counts exactly, with and without a filter', async () => {
    expect(await client.count(NAME)).toBe(N);
    for (const { expression, matches } of SELECTIVE) {
      expect(await client.count(NAME, { filter: expression })).toBe(matchingRows(rows, matches).size);
    }
  });

  it('gets rows by id in the order asked, with fields and vectors, leaving out unknown ids', async () => {
    const got = await client.get(NAME, [17n, 3n, 999_999n, 2500n], {
      outputFields: ['color', 'year', 'tags', 'meta', 'in_stock'],
      withVectors: true,
    });
    expect([...got.ids]).toEqual([17n, 3n, 2500n]);
    for (const [i, id] of [17, 3, 2500].entries()) {
      const row = rows[id];
      expect(got.fields.color[i]).toEqual(row.color);
      expect(got.fields.year[i]).toEqual(row.year);
      expect(got.fields.tags[i]).toEqual(row.tags);
      expect(got.fields.meta[i]).toEqual(row.meta);
      expect(got.fields.in_stock[i]).toEqual(row.in_stock);
      expect([...got.vectors!.subarray(i * DIM, (i + 1) * DIM)]).toEqual([
        ...vectors.subarray(id * DIM, (id + 1) * DIM),
      ]);
    }
  });

  it('pages through every match once, by ascending id, while upserts go on', async () => {
    const expression = 'in_stock';
    const stable = matchingRows(rows, (row) => row.in_stock === true);
    // Concurrent writes touch only ids above N, so every stable match exists throughout.
    let writing = true;
    const writer = (async () => {
      const random = seededRandom(5);
      for (let round = 0; writing; round++) {
        const ids = BigInt64Array.from({ length: 20 }, () => BigInt(N + Math.floor(random() * 500)));
        const unique = BigInt64Array.from(new Set(ids));
        await client.upsert(NAME, unique, clusteredVectors(unique.length, DIM, 100 + round), {
          fields: { in_stock: Array.from(unique, () => random() < 0.5) },
        });
      }
    })();
    const seen: bigint[] = [];
    try {
      for await (const page of client.queryAll(NAME, { filter: expression, limit: 137 }))
        seen.push(...page.ids);
    } finally {
      writing = false;
      await writer;
    }
    const sorted = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(seen).toEqual(sorted);
    expect(new Set(seen).size).toBe(seen.length);
    const found = new Set(seen.map(Number));
    for (const id of stable) expect(found.has(id)).toBe(true);
    // Clean up the concurrent rows for the tests that follow.
    await client.deleteByFilter(NAME, `id in [${Array.from({ length: 500 }, (_, i) => N + i).join(', ')}]`);
    expect(await client.count(NAME)).toBe(N);
  });

  it('deletes by filter exactly', async () => {
    const expression = 'year == 1990';
    const matched = matchingRows(rows, (row) => row.year === 1990);
    const before = await client.count(NAME, { filter: expression });
    expect(before).toBe(matched.size);
    expect(await client.deleteByFilter(NAME, expression)).toBe(before);
    expect(await client.count(NAME, { filter: expression })).toBe(0);
    expect(await client.count(NAME)).toBe(N - before);
    // Put them back for the tests that follow.
    const ids = [...matched];
    await client.upsert(
      NAME,
      BigInt64Array.from(ids, BigInt),
      Float32Array.from(ids.flatMap((id) => [...vectors.subarray(id * DIM, (id + 1) * DIM)])),
      { fields: documentFields(ids.map((id) => rows[id])) },
    );
    expect(await client.count(NAME)).toBe(N);
  });
});

describe('bad input', { timeout: 60_000 }, () => {
  const refusal = async (run: () => Promise<unknown>) => {
    const error = (await run().then(
      () => undefined,
      (e) => e,
    )) as { codeName?: string; message: string } | undefined;
    expect(error, 'expected a refusal').toBeDefined();
    return error!;
  };

  it('refuses unknown fields, wrong types and ranges on keywords, naming the field', async () => {
    const unknown = await refusal(() => client.search(NAME, queries, { k: K, filter: "colour == 'red'" }));
    expect(unknown.codeName).toBe('INVALID_ARGUMENT');
    expect(unknown.message).toMatch(/colour/);
    const wrongType = await refusal(() =>
      client.search(NAME, queries, {
        k: K,
        filter: { must: [{ match: { field: 'year', keywords: ['x'] } }] },
      }),
    );
    expect(wrongType.codeName).toBe('INVALID_ARGUMENT');
    expect(wrongType.message).toMatch(/year/);
    const rangeOnKeyword = await refusal(() =>
      client.search(NAME, queries, { k: K, filter: { must: [{ range: { field: 'color', lt: 3 } }] } }),
    );
    expect(rangeOnKeyword.codeName).toBe('INVALID_ARGUMENT');
    expect(rangeOnKeyword.message).toMatch(/color/);
  });

  it('refuses an unparsable expression, giving the position', async () => {
    const error = await refusal(() => client.count(NAME, { filter: 'price < 100 and )' }));
    expect(error.codeName).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/position 16/);
  });

  it('refuses too deep a filter', async () => {
    let filter: Filter = { must: [{ range: { field: 'price', lt: 1 } }] };
    for (let depth = 0; depth < 40; depth++) filter = { must: [{ nested: filter }] };
    const error = await refusal(() => client.count(NAME, { filter }));
    expect(error.codeName).toBe('INVALID_ARGUMENT');
  });

  it('stores nothing from an upsert whose column does not fit, sent past the SDK’s checks', async () => {
    const ids = sequentialIds(3, N + 10_000);
    const upsert = (fields: object[]) =>
      rawCall(cluster.coordinator.address, 'Upsert', {
        collection: NAME,
        ids: Buffer.from(ids.buffer),
        vectors: Buffer.from(clusteredVectors(3, DIM, 3).buffer),
        fields,
      });
    const refusals = [
      [await upsert([{ name: 'year', keywordValues: ['a', 'b', 'c'] }]), /year/],
      [await upsert([{ name: 'price', doubleValues: [1, 2] }]), /price/],
      [await upsert([{ name: 'weight', doubleValues: [1, 2, 3] }]), /weight/],
      [await upsert([{ name: 'meta', jsonValues: ['{', '{}', '{}'] }]), /meta/],
    ] as const;
    for (const [outcome, naming] of refusals) {
      expect(outcome.code).toBe('INVALID_ARGUMENT');
      expect(outcome.message).toMatch(naming);
    }
    expect(await client.count(NAME)).toBe(N);
    expect((await client.get(NAME, ids)).ids.length).toBe(0);
  });

  it('refuses a filter and an expression together, and a filter of the wrong type on the wire', async () => {
    const both = await rawCall(cluster.coordinator.address, 'Count', {
      collection: NAME,
      filter: { must: [{ range: { field: 'price', lt: 5 } }] },
      filterExpression: 'price < 5',
    });
    expect(both.code).toBe('INVALID_ARGUMENT');
    const wrong = await rawCall(cluster.coordinator.address, 'Count', {
      collection: NAME,
      filter: { must: [{ match: { field: 'in_stock', keywords: ['yes'] } }] },
    });
    expect(wrong.code).toBe('INVALID_ARGUMENT');
    expect(wrong.message).toMatch(/in_stock/);
  });

  it('refuses unknown output fields', async () => {
    const error = await refusal(() => client.search(NAME, queries, { k: K, outputFields: ['nope'] }));
    expect(error.codeName).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/nope/);
  });
});
