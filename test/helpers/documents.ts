import type { FieldColumnInput, FieldValues, VecshardClient } from '@vecshard/client';
import { seededRandom } from './data.js';

/** One test document's fields; null = the row has no value. */
export interface DocumentRow {
  color: string | null;
  price: number | null;
  year: number | null;
  in_stock: boolean | null;
  tags: string[] | null;
  meta: { row: number; note?: string } | null;
}

const COLORS = ['red', 'green', 'blue', 'black', 'white'];

/**
 * n seeded rows: price uniform over [0, 1000) in cents (so `price < x` selects
 * x/1000 of the rows), year 1990–2024, tags drawn Zipf-like from t0…t99,
 * every 50th color and every 70th year missing.
 */
export function documentRows(n: number, seed: number): DocumentRow[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => ({
    color: i % 50 === 7 ? null : COLORS[Math.floor(random() * COLORS.length)],
    price: ((i * 7919) % 100_000) / 100,
    year: i % 70 === 3 ? null : 1990 + (i % 35),
    in_stock: i % 3 !== 0,
    // A set: a repeated tag is stored once.
    tags: [
      ...new Set(
        Array.from(
          { length: 1 + Math.floor(random() * 3) },
          () => `t${Math.floor(1 / (random() + 0.01)) - 1}`,
        ),
      ),
    ],
    meta: { row: i, ...(i % 2 === 0 ? { note: `row ${i}` } : {}) },
  }));
}

/** Rows as upsert columns. */
export function documentFields(rows: DocumentRow[]): Record<string, FieldColumnInput> {
  return {
    color: rows.map((row) => row.color),
    price: rows.map((row) => row.price),
    year: rows.map((row) => row.year),
    in_stock: rows.map((row) => row.in_stock),
    tags: rows.map((row) => row.tags),
    meta: rows.map((row) => row.meta),
  };
}

/** Positions (= ids) of the rows the predicate accepts. */
export function matchingRows(rows: DocumentRow[], predicate: (row: DocumentRow) => boolean): Set<number> {
  const out = new Set<number>();
  rows.forEach((row, i) => {
    if (predicate(row)) out.add(i);
  });
  return out;
}

/** Exact L2 top-k of each query among the allowed rows (ids = row positions), best first. */
export function bruteForce(
  vectors: Float32Array,
  dim: number,
  queries: Float32Array,
  k: number,
  allowed: Set<number>,
): number[][] {
  const nq = queries.length / dim;
  return Array.from({ length: nq }, (_, q) => {
    const scored = [...allowed].map((row) => {
      let d = 0;
      for (let j = 0; j < dim; j++) {
        const diff = vectors[row * dim + j] - queries[q * dim + j];
        d += diff * diff;
      }
      return { row, d };
    });
    scored.sort((a, b) => a.d - b.d || a.row - b.row);
    return scored.slice(0, k).map((hit) => hit.row);
  });
}

/** Share of the expected neighbours (over all queries) found in the result rows. */
export function recallAt(expected: number[][], ids: BigInt64Array, k: number): number {
  let found = 0;
  let wanted = 0;
  expected.forEach((want, q) => {
    const got = new Set([...ids.subarray(q * k, (q + 1) * k)].map(Number));
    wanted += want.length;
    for (const row of want) if (got.has(row)) found++;
  });
  return wanted === 0 ? 1 : found / wanted;
}

/** Every row's fields, by id, through Query (what each durability test compares before and after). */
export async function allRows(c: VecshardClient, name: string, fields: string[]) {
  const out = new Map<bigint, Record<string, unknown>>();
  for await (const page of c.queryAll(name, { limit: 1000, outputFields: fields })) {
    page.ids.forEach((id, i) => {
      out.set(id, Object.fromEntries(fields.map((field) => [field, (page.fields as FieldValues)[field][i]])));
    });
  }
  return out;
}
