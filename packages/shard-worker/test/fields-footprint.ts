/**
 * Measures a FieldStore at scale: bytes per row and the cost of filters.
 * Not a test (vitest runs *.test.ts only). Run the tsc output with a GC
 * handle, e.g. after compiling src/fields and this file to out/:
 *
 *   node --expose-gc out/test/fields-footprint.js [rows] [unique]
 *
 * (vite-node also runs it, but turns imported constants into property reads
 * inside hot loops, so its timings are 2-5x pessimistic.) Rows get a keyword
 * (1,000 values, or a unique one per row with `unique`), a set of 3 tags out
 * of 100, an int64 and a double, in lists 0..1023.
 */
import type { Column, FieldSpec } from '@vecshard/proto';
import { FieldStore } from '../src/fields/field-store.js';
import type { FilterInput } from '../src/fields/filter-input.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const UNIQUE_KEYWORDS = process.argv[3] === 'unique';
const BATCH = 10_000;

const SCHEMA: FieldSpec[] = [
  { name: 'color', type: 'keyword' },
  { name: 'tags', type: 'keywords' },
  { name: 'n', type: 'int64' },
  { name: 'price', type: 'double' },
];

/** mulberry32: the same rows every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(1);
const integer = (below: number) => Math.floor(next() * below);

function batch(first: number, n: number): { ids: BigInt64Array; lists: Int32Array; columns: Column[] } {
  const ids = BigInt64Array.from({ length: n }, (_, i) => BigInt(first + i) * 7n + 1_000_000_000_000n);
  const lists = Int32Array.from({ length: n }, () => integer(1024));
  const missing = new Uint8Array(0);
  const color = Array.from({ length: n }, (_, i) =>
    UNIQUE_KEYWORDS ? `sku-${first + i}` : `color-${integer(1000)}`,
  );
  const tags = Array.from({ length: n }, () => [
    `tag-${integer(100)}`,
    `tag-${integer(100)}`,
    `tag-${integer(100)}`,
  ]);
  const ints = BigInt64Array.from({ length: n }, () => BigInt(integer(1_000_000_000)));
  const doubles = Float64Array.from({ length: n }, () => next() * 1000);
  return {
    ids,
    lists,
    columns: [
      { name: 'color', type: 'keyword', values: color, missing },
      { name: 'tags', type: 'keywords', values: tags, missing },
      { name: 'n', type: 'int64', values: ints, missing },
      { name: 'price', type: 'double', values: doubles, missing },
    ],
  };
}

function heapBytes(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run node with --expose-gc');
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function timeMs(action: () => unknown, repeats = 10): { ms: number; result: unknown } {
  let result: unknown;
  action(); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < repeats; i++) result = action();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6 / repeats, result };
}

const before = heapBytes();
const store = new FieldStore(SCHEMA);
const loadStart = process.hrtime.bigint();
for (let first = 0; first < ROWS; first += BATCH) {
  const { ids, lists, columns } = batch(first, Math.min(BATCH, ROWS - first));
  store.upsert(ids, lists, columns);
}
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
const after = heapBytes();
console.log(
  `${store.size} rows (${UNIQUE_KEYWORDS ? 'unique keyword per row' : '1000 keywords'}, 3 of 100 tags, int64, double)`,
);
console.log(
  `load: ${loadMs.toFixed(0)} ms in batches of ${BATCH}; ${((after - before) / ROWS).toFixed(1)} bytes/row`,
);

const colors = (count: number) => Array.from({ length: count }, (_, i) => `color-${i}`);
const filters: [string, FilterInput | undefined][] = [
  ['every row (no filter)', undefined],
  ['keyword in 100 of 1000 values (10 %)', { must: [{ match: { field: 'color', keywords: colors(100) } }] }],
  ['keyword in 10 of 1000 values (1 %)', { must: [{ match: { field: 'color', keywords: colors(10) } }] }],
  ['tags has tag-7 (~3 %)', { must: [{ match: { field: 'tags', keywords: ['tag-7'] } }] }],
  ['int64 < 1e8 (10 %)', { must: [{ range: { field: 'n', lt: 100_000_000 } }] }],
  ['int64 in [5e8, 5.1e8) (1 %)', { must: [{ range: { field: 'n', gte: 500_000_000, lt: 510_000_000 } }] }],
  ['double in [100, 200) (10 %)', { must: [{ range: { field: 'price', gte: 100, lt: 200 } }] }],
  ['double in [100, 110) (1 %)', { must: [{ range: { field: 'price', gte: 100, lt: 110 } }] }],
  [
    'int64 < 5e8 and tags has tag-1 or tag-2, not 10 colors (~3 %)',
    {
      must: [{ range: { field: 'n', lt: 500_000_000 } }],
      should: [
        { match: { field: 'tags', keywords: ['tag-1'] } },
        { match: { field: 'tags', keywords: ['tag-2'] } },
      ],
      mustNot: [{ match: { field: 'color', keywords: colors(10) } }],
    },
  ],
  ['not keyword in 10 values (99 %)', { mustNot: [{ match: { field: 'color', keywords: colors(10) } }] }],
];
for (const [name, filter] of filters) {
  const match = timeMs(() => store.match(filter));
  const matches = store.match(filter);
  const count = timeMs(() => store.match(filter).count);
  const byList = timeMs(() => matches.countByList(), 3);
  const ids = timeMs(() => matches.ids(), 3);
  const page = timeMs(() => matches.idsAfter(undefined, 100), 3);
  console.log(
    `${name}: ${matches.count} rows; match ${match.ms.toFixed(2)} ms, match+count ${count.ms.toFixed(2)} ms, ` +
      `countByList ${byList.ms.toFixed(1)} ms, ids() ${ids.ms.toFixed(1)} ms, first page of 100 ${page.ms.toFixed(1)} ms`,
  );
}

const churn = timeMs(() => {
  const { ids, lists, columns } = batch(integer(ROWS - 1000), 1000);
  store.upsert(ids, lists, columns);
}, 20);
console.log(`replacing 1000 held rows: ${churn.ms.toFixed(1)} ms a batch`);
