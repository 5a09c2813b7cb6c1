/**
 * The slots a batch of writes takes out of and puts into each value's
 * posting, gathered so every posting is rewritten once per batch.
 */
export class PostingChanges {
  private readonly byCode = new Map<number, { removes: number[]; adds: number[] }>();

  remove(code: number, slot: number): void {
    this.of(code).removes.push(slot);
  }

  add(code: number, slot: number): void {
    this.of(code).adds.push(slot);
  }

  get isEmpty(): boolean {
    return this.byCode.size === 0;
  }

  /** Calls `apply` once per touched code with its removes and adds, each ascending without repeats. */
  forEach(apply: (code: number, removes: ArrayLike<number>, adds: ArrayLike<number>) => void): void {
    for (const [code, change] of this.byCode) {
      apply(code, sortedUnique(change.removes), sortedUnique(change.adds));
    }
  }

  private of(code: number): { removes: number[]; adds: number[] } {
    let change = this.byCode.get(code);
    if (change === undefined) {
      change = { removes: [], adds: [] };
      this.byCode.set(code, change);
    }
    return change;
  }
}

/**
 * The slots ascending without repeats. Slots a batch writes usually arrive
 * ascending already (new rows take increasing slots), so that case is only
 * checked; otherwise a typed-array sort, which needs no comparator calls.
 */
function sortedUnique(slots: number[]): ArrayLike<number> {
  let ascending = true;
  for (let i = 1; i < slots.length && ascending; i++) ascending = slots[i - 1] < slots[i];
  if (ascending) return slots;
  const sorted = Int32Array.from(slots).sort();
  let size = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[size - 1]) sorted[size++] = sorted[i];
  return sorted.subarray(0, size);
}
