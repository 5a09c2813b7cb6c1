import { SeededRandom } from '@vecshard/datasets';
import type { DocumentFields, TagSets } from './document-fields.js';

/** Prices lie in [0, PRICE_RANGE). */
export const PRICE_RANGE = 1000;

/** Distinct tags, ranked by frequency: t0 is the commonest. */
export const TAG_VOCABULARY = 100;

/** Zipf exponent of the tag ranks (1: t1 half as frequent as t0, t9 a tenth). */
const ZIPF_EXPONENT = 1;

/** Tags per row: 1 to this many, distinct. */
const MAX_TAGS = 3;

/**
 * The synthetic fields of `rows` rows (seeded; the label, where there is one,
 * comes from the dataset): price and tags.
 */
export function syntheticFields(rows: number, seed: number): DocumentFields {
  const random = new SeededRandom(seed);
  return { price: gridPrices(rows, random), tags: zipfTags(rows, random) };
}

/**
 * Uniform prices in [0, 1000) laid on a shuffled grid: row r's price is
 * (π(r) + ½) · 1000 / rows for a random permutation π, so `price < 1000·s`
 * selects exactly s·rows rows whenever that is a whole number, and the
 * benchmark hits its selectivities exactly instead of within sampling noise.
 */
function gridPrices(rows: number, random: SeededRandom): Float64Array {
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  for (let i = rows - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return Float64Array.from(order, (rank) => ((rank + 0.5) * PRICE_RANGE) / rows);
}

/** 1–3 distinct tags per row, each drawn from a Zipf distribution over the vocabulary. */
function zipfTags(rows: number, random: SeededRandom): TagSets {
  const cumulative = zipfCumulative(TAG_VOCABULARY, ZIPF_EXPONENT);
  const offsets = new Int32Array(rows + 1);
  const values: number[] = [];
  for (let r = 0; r < rows; r++) {
    const wanted = 1 + random.int(MAX_TAGS);
    const row = new Set<number>();
    while (row.size < wanted) row.add(drawRank(cumulative, random.next()));
    values.push(...[...row].sort((a, b) => a - b));
    offsets[r + 1] = values.length;
  }
  return { offsets, values: Uint16Array.from(values) };
}

/** P(rank ≤ i) for ranks 0..n-1 with weights 1 / (i + 1)^s. */
function zipfCumulative(n: number, exponent: number): Float64Array {
  const weights = Float64Array.from({ length: n }, (_, i) => 1 / (i + 1) ** exponent);
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => {
    sum += w / total;
    return sum;
  });
}

/** The first rank whose cumulative probability exceeds u (binary search). */
function drawRank(cumulative: Float64Array, u: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid] > u) high = mid;
    else low = mid + 1;
  }
  return low;
}
