import { IdTable } from './id-table.js';
import { SlotBitmap } from './slot-bitmap.js';
import { HIGH_WORD, int64Words, LOW_WORD, wordsOf } from './word-order.js';

/** Lists below this are counted in an array indexed by list; others (never seen from IVF) in a Map. */
const DENSE_LIST_COUNTS = 1 << 20;

/**
 * Gives every row a small integer slot, the index into each field's per-row
 * arrays and the bit position in every bitmap. Slots of removed rows are
 * reused (last freed, first reused), so bitmaps stay as long as the most rows
 * ever held, not as long as the history of writes.
 */
export class RowSlots {
  /** The id held in each slot (meaningless where the slot is free). */
  private ids = new BigInt64Array(0);
  /** `ids` as word pairs: the id table and id copies read these, never creating BigInts. */
  idWords: Uint32Array = new Uint32Array(0);
  /** The inverted list each slot's row is stored in. */
  private lists = new Int32Array(0);
  /** Slots holding a row. */
  readonly live = new SlotBitmap();
  private readonly table = new IdTable(this, LOW_WORD, HIGH_WORD);
  private free: number[] = [];
  /** Slots ever handed out: every slot below it is live or free. */
  private highWater = 0;
  /** The least and greatest list ever stored (IVF lists are 0..nlist-1, so counts fit an array). */
  private lowestList = 0;
  private highestList = -1;

  /** Rows held. */
  get size(): number {
    return this.table.size;
  }

  /** One past the highest slot in use or free: the length every bitmap needs. */
  get extent(): number {
    return this.highWater;
  }

  /** Slots the per-slot arrays have room for; fields keep their arrays at least this long. */
  get allocated(): number {
    return this.ids.length;
  }

  /** The slot of an id, or -1. */
  slotOf(id: bigint): number {
    const { low, high } = int64Words(id);
    return this.table.find(low, high);
  }

  /** The slot of the id with these words (see word-order.ts), or -1. */
  findWords(low: number, high: number): number {
    return this.table.find(low, high);
  }

  /** The slot of each id (-1 where not held). */
  slotsOf(ids: BigInt64Array): Int32Array {
    const words = wordsOf(ids);
    const slots = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      slots[i] = this.table.find(words[i * 2 + LOW_WORD], words[i * 2 + HIGH_WORD]);
    }
    return slots;
  }

  /** The slot of the id with these words, taking a free slot when the id is not held yet. */
  occupy(low: number, high: number, list: number): number {
    let slot = this.table.find(low, high);
    if (slot < 0) {
      slot = this.free.length > 0 ? this.free.pop()! : this.newSlot();
      this.idWords[slot * 2 + LOW_WORD] = low;
      this.idWords[slot * 2 + HIGH_WORD] = high;
      this.table.insert(slot, low, high);
      this.live.add(slot);
    }
    this.lists[slot] = list;
    if (list < this.lowestList) this.lowestList = list;
    if (list > this.highestList) this.highestList = list;
    return slot;
  }

  /** Frees a live slot: its id is forgotten and the slot may be handed out again. */
  release(slot: number): void {
    this.table.delete(slot, this.idWords[slot * 2 + LOW_WORD], this.idWords[slot * 2 + HIGH_WORD]);
    this.live.delete(slot);
    this.free.push(slot);
  }

  idAt(slot: number): bigint {
    return this.ids[slot];
  }

  listAt(slot: number): number {
    return this.lists[slot];
  }

  /** The ids of these slots, in that order. */
  idsAt(slots: ArrayLike<number>): BigInt64Array {
    const ids = new BigInt64Array(slots.length);
    const out = wordsOf(ids);
    const words = this.idWords;
    for (let i = 0; i < slots.length; i++) {
      out[i * 2] = words[slots[i] * 2];
      out[i * 2 + 1] = words[slots[i] * 2 + 1];
    }
    return ids;
  }

  /** How many of these slots each list holds (lists holding none left out). */
  countByList(slots: SlotBitmap): Map<number, number> {
    if (this.lowestList < 0 || this.highestList >= DENSE_LIST_COUNTS) return this.countByListSparse(slots);
    const counts = new Int32Array(this.highestList + 1);
    const lists = this.lists;
    slots.forEach((slot) => {
      counts[lists[slot]]++;
    });
    const byList = new Map<number, number>();
    for (let list = 0; list < counts.length; list++) if (counts[list] > 0) byList.set(list, counts[list]);
    return byList;
  }

  /** The live slots whose row is stored in `list`, ascending. */
  slotsOfList(list: number): Int32Array {
    const matching: number[] = [];
    this.live.forEach((slot) => {
      if (this.lists[slot] === list) matching.push(slot);
    });
    return Int32Array.from(matching);
  }

  clear(): void {
    this.lowestList = 0;
    this.highestList = -1;
    this.ids = new BigInt64Array(0);
    this.idWords = new Uint32Array(0);
    this.lists = new Int32Array(0);
    this.live.clear();
    this.table.clear();
    this.free = [];
    this.highWater = 0;
  }

  private countByListSparse(slots: SlotBitmap): Map<number, number> {
    const byList = new Map<number, number>();
    slots.forEach((slot) => {
      const list = this.lists[slot];
      byList.set(list, (byList.get(list) ?? 0) + 1);
    });
    return byList;
  }

  private newSlot(): number {
    if (this.highWater === this.ids.length) this.growArrays();
    return this.highWater++;
  }

  /** Grows by half (at least 1024 slots), so appends copy each slot O(1) times. */
  private growArrays(): void {
    const length = Math.max(1024, this.ids.length + (this.ids.length >> 1));
    const ids = new BigInt64Array(length);
    ids.set(this.ids);
    const lists = new Int32Array(length);
    lists.set(this.lists);
    this.ids = ids;
    this.idWords = wordsOf(ids);
    this.lists = lists;
    this.live.grow(length);
  }
}
