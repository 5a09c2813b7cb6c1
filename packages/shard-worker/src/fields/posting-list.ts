import { SlotBitmap } from './slot-bitmap.js';

/**
 * The slots holding one keyword value, in the cheapest form for its size,
 * roaring-style:
 *  - a number: exactly one slot (unique values such as SKUs cost no object);
 *  - a plain sorted array while tiny (an Int32Array's own overhead, ~200
 *    bytes, pays off only past ~64 slots);
 *  - a CountedSlots Int32Array: element 0 holds the size, then the sorted
 *    slots, then spare room, so a batch edits it in place;
 *  - a LargePosting, a bitmap over all slots, once the value is in more than
 *    1/64 of the rows (4 bytes a slot would then cost at least half as much
 *    as one bit per row, and a bitmap takes changes in O(1)).
 */
export type Posting = number | number[] | CountedSlots | LargePosting;

/** [size, slot, slot, …, spare…]: sorted slots with room to grow in place. */
export type CountedSlots = Int32Array;

export class LargePosting {
  constructor(
    readonly bits: SlotBitmap,
    public size: number,
  ) {}
}

/** From this many slots a posting is a CountedSlots rather than a plain array (back below half of it). */
const COUNTED_FROM = 64;
/** A posting never becomes a bitmap below this many slots, however small the shard. */
const MIN_LARGE = 256;
/** Up to this many changes a CountedSlots is edited slot by slot (binary search, native memmove); beyond, in one pass. */
const FEW_CHANGES = 8;

/** The most slots a posting holds as an array in a shard of `extent` slots. */
export function smallPostingLimit(extent: number): number {
  return Math.max(MIN_LARGE, extent >>> 6);
}

export function postingSize(posting: Posting | undefined): number {
  if (posting === undefined) return 0;
  if (typeof posting === 'number') return 1;
  if (posting instanceof LargePosting) return posting.size;
  if (posting instanceof Int32Array) return posting[0];
  return posting.length;
}

/** Sets the posting's slots in `target`. */
export function addPostingTo(posting: Posting | undefined, target: SlotBitmap): void {
  if (posting === undefined) return;
  if (typeof posting === 'number') target.add(posting);
  else if (posting instanceof LargePosting) target.or(posting.bits);
  else if (posting instanceof Int32Array) for (let i = 1; i <= posting[0]; i++) target.add(posting[i]);
  else for (let i = 0; i < posting.length; i++) target.add(posting[i]);
}

/** The posting's slots, ascending. */
export function postingSlots(posting: Posting | undefined): Int32Array {
  if (posting === undefined) return new Int32Array(0);
  if (typeof posting === 'number') return Int32Array.of(posting);
  if (posting instanceof LargePosting) return posting.bits.toSlots();
  if (posting instanceof Int32Array) return posting.slice(1, 1 + posting[0]);
  return Int32Array.from(posting);
}

/**
 * The posting after removing then adding slots (both ascending, without
 * repeats), in the form its new size calls for; undefined once empty. The
 * posting passed in may be changed in place. `extent` is the shard's slot
 * extent, which sets the array/bitmap boundary.
 */
export function changePosting(
  posting: Posting | undefined,
  removes: ArrayLike<number>,
  adds: ArrayLike<number>,
  extent: number,
): Posting | undefined {
  const limit = smallPostingLimit(extent);
  if (posting instanceof LargePosting) {
    applyToBitmap(posting, removes, adds);
    // Back to an array only well below the limit, so a value hovering at it does not flip each batch.
    return posting.size < limit >>> 1 ? smallest(posting.bits.toSlots(), 0, posting.size) : posting;
  }
  if (posting instanceof Int32Array) {
    const counted = applyToCounted(posting, removes, adds);
    const size = counted[0];
    if (size > limit) return new LargePosting(SlotBitmap.of(counted.subarray(1, 1 + size), extent), size);
    if (size < COUNTED_FROM >>> 1) return smallest(counted, 1, size);
    return counted.length > 2 * size + COUNTED_FROM ? countedFrom(counted, 1, size) : counted;
  }
  const { slots, size } = mergeSorted(
    posting === undefined ? [] : typeof posting === 'number' ? [posting] : posting,
    removes,
    adds,
  );
  if (size > limit) return new LargePosting(SlotBitmap.of(slots.subarray(0, size), extent), size);
  return size >= COUNTED_FROM ? countedFrom(slots, 0, size) : smallest(slots, 0, size);
}

function applyToBitmap(posting: LargePosting, removes: ArrayLike<number>, adds: ArrayLike<number>): void {
  for (let i = 0; i < removes.length; i++) if (posting.bits.delete(removes[i])) posting.size--;
  for (let i = 0; i < adds.length; i++) if (posting.bits.add(adds[i])) posting.size++;
}

/** The slots `source[from .. from + size)` as a number, a plain array or a CountedSlots. */
function smallest(source: Int32Array, from: number, size: number): Posting | undefined {
  if (size === 0) return undefined;
  if (size === 1) return source[from];
  if (size >= COUNTED_FROM) return countedFrom(source, from, size);
  const array = new Array<number>(size);
  for (let i = 0; i < size; i++) array[i] = source[from + i];
  return array;
}

/** A CountedSlots holding `source[from .. from + size)`, with an eighth spare. */
function countedFrom(source: Int32Array, from: number, size: number): CountedSlots {
  const counted = new Int32Array(1 + size + (size >>> 3));
  counted[0] = size;
  counted.set(source.subarray(from, from + size), 1);
  return counted;
}

/** Removes then adds in place; a new, larger array only when the adds do not fit. */
function applyToCounted(
  counted: CountedSlots,
  removes: ArrayLike<number>,
  adds: ArrayLike<number>,
): CountedSlots {
  let size = removes.length <= FEW_CHANGES ? removeEach(counted, removes) : removeAll(counted, removes);
  let target = counted;
  if (size + adds.length > counted.length - 1) {
    const needed = size + adds.length;
    target = new Int32Array(1 + needed + (needed >>> 2));
    target.set(counted.subarray(0, 1 + size));
  }
  target[0] = size;
  size = adds.length <= FEW_CHANGES ? insertEach(target, adds) : insertAll(target, adds);
  target[0] = size;
  return target;
}

/** The index (1-based) of the first held slot >= `slot`, or size + 1. */
function lowerBound(counted: CountedSlots, size: number, slot: number): number {
  let low = 1;
  let high = size + 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (counted[middle] < slot) low = middle + 1;
    else high = middle;
  }
  return low;
}

function removeEach(counted: CountedSlots, removes: ArrayLike<number>): number {
  let size = counted[0];
  for (let i = 0; i < removes.length; i++) {
    const at = lowerBound(counted, size, removes[i]);
    if (at > size || counted[at] !== removes[i]) continue;
    counted.copyWithin(at, at + 1, size + 1);
    size--;
  }
  return size;
}

/** One pass keeping the slots not removed. */
function removeAll(counted: CountedSlots, removes: ArrayLike<number>): number {
  const size = counted[0];
  let write = 1;
  let r = 0;
  for (let read = 1; read <= size; read++) {
    const slot = counted[read];
    while (r < removes.length && removes[r] < slot) r++;
    if (r < removes.length && removes[r] === slot) continue;
    counted[write++] = slot;
  }
  return write - 1;
}

/** Inserts each add (room for all of them is there). */
function insertEach(counted: CountedSlots, adds: ArrayLike<number>): number {
  let size = counted[0];
  for (let i = 0; i < adds.length; i++) {
    const at = lowerBound(counted, size, adds[i]);
    if (at <= size && counted[at] === adds[i]) continue;
    counted.copyWithin(at + 1, at, size + 1);
    counted[at] = adds[i];
    size++;
  }
  return size;
}

/**
 * Merges the adds in from the back, so no held slot is overwritten before it
 * moves; an add already held leaves a one-slot gap, closed at the end.
 */
function insertAll(counted: CountedSlots, adds: ArrayLike<number>): number {
  const size = counted[0];
  let read = size;
  let a = adds.length - 1;
  let write = size + adds.length;
  while (a >= 0) {
    if (read >= 1 && counted[read] >= adds[a]) {
      if (counted[read] === adds[a]) a--;
      counted[write--] = counted[read--];
    } else {
      counted[write--] = adds[a--];
    }
  }
  const gap = write - read;
  if (gap > 0) counted.copyWithin(read + 1, write + 1, size + adds.length + 1);
  return size + adds.length - gap;
}

/** (current − removes) ∪ adds, all ascending, in the first `size` slots; a linear three-way merge. */
function mergeSorted(
  current: ArrayLike<number>,
  removes: ArrayLike<number>,
  adds: ArrayLike<number>,
): { slots: Int32Array; size: number } {
  const out = new Int32Array(current.length + adds.length);
  let size = 0;
  let c = 0;
  let r = 0;
  let a = 0;
  while (c < current.length || a < adds.length) {
    const fromCurrent = a >= adds.length || (c < current.length && current[c] <= adds[a]);
    const slot = fromCurrent ? current[c++] : adds[a++];
    if (fromCurrent) {
      while (r < removes.length && removes[r] < slot) r++;
      if (r < removes.length && removes[r] === slot) continue;
    }
    if (size > 0 && out[size - 1] === slot) continue;
    out[size++] = slot;
  }
  return { slots: out, size };
}
