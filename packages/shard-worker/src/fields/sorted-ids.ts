import { HIGH_WORD, int64Words, LOW_WORD, wordsOf } from './word-order.js';

/** Flipping the high word's sign bit makes (high, low) compare as two unsigned words in int64 order. */
const SIGN = 0x80000000;
/** A page this much smaller than the candidates is picked with a bounded heap rather than a full sort. */
const HEAP_BELOW = 1 / 8;

/**
 * The ids of these slots that are greater than `after` (all when undefined),
 * ascending, at most `limit` of them: what ids() and each page of idsAfter()
 * return. Ids are copied and compared as 32-bit words, never as BigInts. A
 * small page out of many candidates keeps the `limit` least in a max-heap
 * (one comparison for most candidates), so a page of 100 out of 1M matches
 * costs a pass over them, not a sort of them all.
 */
export function sortedIdsOf(
  idWords: Uint32Array,
  slots: ArrayLike<number>,
  after?: bigint,
  limit = Number.POSITIVE_INFINITY,
): BigInt64Array {
  const ids = gatherIds(idWords, slots, after);
  if (ids.length <= limit) return ids.sort();
  if (limit >= ids.length * HEAP_BELOW) return ids.sort().slice(0, limit);
  return leastIds(ids, limit).sort();
}

/** The ids of the slots above `after`, in slot order. */
function gatherIds(idWords: Uint32Array, slots: ArrayLike<number>, after: bigint | undefined): BigInt64Array {
  const bound = after === undefined ? undefined : int64Words(after);
  const boundHigh = bound === undefined ? -1 : (bound.high ^ SIGN) >>> 0;
  const boundLow = bound === undefined ? -1 : bound.low;
  const ids = new BigInt64Array(slots.length);
  const out = wordsOf(ids);
  let count = 0;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    const high = idWords[slot * 2 + HIGH_WORD];
    const low = idWords[slot * 2 + LOW_WORD];
    const orderedHigh = (high ^ SIGN) >>> 0;
    if (orderedHigh < boundHigh || (orderedHigh === boundHigh && low <= boundLow)) continue;
    out[count * 2 + HIGH_WORD] = high;
    out[count * 2 + LOW_WORD] = low;
    count++;
  }
  return count === ids.length ? ids : ids.slice(0, count);
}

/** The `limit` least of `ids` (more than `limit`), unordered: a max-heap of (high, low) word pairs. */
function leastIds(ids: BigInt64Array, limit: number): BigInt64Array {
  const words = wordsOf(ids);
  const heapHigh = new Uint32Array(limit);
  const heapLow = new Uint32Array(limit);
  for (let i = 0; i < ids.length; i++) {
    const high = (words[i * 2 + HIGH_WORD] ^ SIGN) >>> 0;
    const low = words[i * 2 + LOW_WORD];
    if (i < limit) {
      siftUp(heapHigh, heapLow, i, high, low);
    } else if (high < heapHigh[0] || (high === heapHigh[0] && low < heapLow[0])) {
      siftDown(heapHigh, heapLow, limit, high, low);
    }
  }
  const least = new BigInt64Array(limit);
  const out = wordsOf(least);
  for (let i = 0; i < limit; i++) {
    out[i * 2 + HIGH_WORD] = heapHigh[i] ^ SIGN;
    out[i * 2 + LOW_WORD] = heapLow[i];
  }
  return least;
}

/** Places (high, low) at `index` (the heap's new last cell) and moves it up past smaller parents. */
function siftUp(heapHigh: Uint32Array, heapLow: Uint32Array, index: number, high: number, low: number): void {
  let at = index;
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (heapHigh[parent] > high || (heapHigh[parent] === high && heapLow[parent] >= low)) break;
    heapHigh[at] = heapHigh[parent];
    heapLow[at] = heapLow[parent];
    at = parent;
  }
  heapHigh[at] = high;
  heapLow[at] = low;
}

/** Replaces the heap's top (its greatest) with (high, low) and moves that down past greater children. */
function siftDown(
  heapHigh: Uint32Array,
  heapLow: Uint32Array,
  size: number,
  high: number,
  low: number,
): void {
  let at = 0;
  for (;;) {
    let child = at * 2 + 1;
    if (child >= size) break;
    const right = child + 1;
    if (
      right < size &&
      (heapHigh[right] > heapHigh[child] ||
        (heapHigh[right] === heapHigh[child] && heapLow[right] > heapLow[child]))
    ) {
      child = right;
    }
    if (heapHigh[child] < high || (heapHigh[child] === high && heapLow[child] <= low)) break;
    heapHigh[at] = heapHigh[child];
    heapLow[at] = heapLow[child];
    at = child;
  }
  heapHigh[at] = high;
  heapLow[at] = low;
}
