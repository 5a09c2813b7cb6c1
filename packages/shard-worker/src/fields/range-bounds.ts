/**
 * Turns a Range's optional gt/gte/lt/lte doubles into one closed interval
 * per field type, so the index answers every bound kind with one lookup.
 * A NaN bound, or bounds that leave nothing between them, give undefined:
 * no row matches (every comparison with NaN is false).
 */
export interface RangeBounds {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

/** Whether the range sets no bound at all (it then matches every row with a value). */
export function isUnbounded(range: RangeBounds): boolean {
  return (
    range.gt === undefined && range.gte === undefined && range.lt === undefined && range.lte === undefined
  );
}

/** The doubles the range admits, as [low, high] with both ends included. */
export function doubleInterval(range: RangeBounds): { low: number; high: number } | undefined {
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  if (range.gte !== undefined) low = Math.max(low, range.gte);
  if (range.gt !== undefined) low = Math.max(low, nextUp(range.gt));
  if (range.lte !== undefined) high = Math.min(high, range.lte);
  if (range.lt !== undefined) high = Math.min(high, nextDown(range.lt));
  // Math.max/min carry NaN through, and NaN > x is false: both cases fall out here.
  if (!(low <= high)) return undefined;
  return { low, high };
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The int64 values the range admits, as [low, high] with both ends included,
 * comparing exactly (gt 2.5 admits 3; lte -0.5 admits -1; bounds past 2^53 are
 * the doubles they are, not rounded again).
 */
export function int64Interval(range: RangeBounds): { low: bigint; high: bigint } | undefined {
  let low = INT64_MIN;
  let high = INT64_MAX;
  for (const bound of [range.gt, range.gte, range.lt, range.lte]) if (Number.isNaN(bound)) return undefined;
  if (range.gte !== undefined) low = maxBigint(low, ceilToBigint(range.gte, INT64_MIN, INT64_MAX + 1n));
  if (range.gt !== undefined) low = maxBigint(low, floorToBigint(range.gt, INT64_MIN - 1n, INT64_MAX) + 1n);
  if (range.lte !== undefined) high = minBigint(high, floorToBigint(range.lte, INT64_MIN - 1n, INT64_MAX));
  if (range.lt !== undefined) high = minBigint(high, ceilToBigint(range.lt, INT64_MIN, INT64_MAX + 1n) - 1n);
  return low <= high ? { low, high } : undefined;
}

/** ⌈x⌉ as a bigint, clamped to [min, max] (so ±Infinity and huge bounds stay comparable). */
function ceilToBigint(x: number, min: bigint, max: bigint): bigint {
  return clampToBigint(Math.ceil(x), min, max);
}

function floorToBigint(x: number, min: bigint, max: bigint): bigint {
  return clampToBigint(Math.floor(x), min, max);
}

function clampToBigint(integral: number, min: bigint, max: bigint): bigint {
  if (integral === Number.NEGATIVE_INFINITY) return min;
  if (integral === Number.POSITIVE_INFINITY) return max;
  const value = BigInt(integral);
  return value < min ? min : value > max ? max : value;
}

function maxBigint(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function minBigint(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

const scratch = new Float64Array(1);
const scratchBits = new BigUint64Array(scratch.buffer);

/** The least double above x; NaN when there is none (x is +Infinity or NaN), which admits nothing. */
export function nextUp(x: number): number {
  if (!(x < Number.POSITIVE_INFINITY)) return Number.NaN;
  if (x === 0) return Number.MIN_VALUE;
  scratch[0] = x;
  scratchBits[0] += x > 0 ? 1n : -1n;
  return scratch[0];
}

/** The greatest double below x. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}
