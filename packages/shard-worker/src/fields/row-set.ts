import type { RowSlots } from './row-slots.js';
import type { SlotBitmap } from './slot-bitmap.js';
import { sortedIdsOf } from './sorted-ids.js';

/**
 * The rows a filter admits, as a bitmap over the store's slots. A view, not a
 * copy: read it before the store's next write (the worker's read/write gate
 * keeps writes out while a request reads).
 */
export class RowSet {
  private counted: number | undefined;

  constructor(
    private readonly bits: SlotBitmap,
    private readonly slots: RowSlots,
  ) {}

  /** Rows admitted. */
  get count(): number {
    this.counted ??= this.bits.count();
    return this.counted;
  }

  /** Rows admitted per inverted list (lists without any are left out). */
  countByList(): Map<number, number> {
    return this.slots.countByList(this.bits);
  }

  /** Every admitted id, ascending. */
  ids(): BigInt64Array {
    return sortedIdsOf(this.slots.idWords, this.bits.toSlots());
  }

  /** Every admitted id, in slot order: for searches and id filters, which need no order (a sort cost more than the search). */
  idsUnordered(): BigInt64Array {
    return this.slots.idsAt(this.bits.toSlots());
  }

  /** Up to `limit` admitted ids greater than `after` (all when undefined), ascending: one page. */
  idsAfter(after: bigint | undefined, limit: number): BigInt64Array {
    if (!(limit > 0)) return new BigInt64Array(0);
    return sortedIdsOf(this.slots.idWords, this.bits.toSlots(), after, Math.floor(limit));
  }

  has(id: bigint): boolean {
    const slot = this.slots.slotOf(id);
    return slot >= 0 && this.bits.has(slot);
  }
}
