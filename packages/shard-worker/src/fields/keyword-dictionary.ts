/**
 * Numbers the distinct strings of one field, so rows store 4-byte codes and
 * postings are found by array index. A code whose last row goes is freed and
 * reused, so a stream of unique values does not grow the dictionary forever.
 */
export class KeywordDictionary {
  private readonly codes = new Map<string, number>();
  private readonly values: (string | undefined)[] = [];
  private free: number[] = [];

  /** Distinct values held. */
  get size(): number {
    return this.codes.size;
  }

  /** The code of a value, or -1 when no row holds it. */
  codeOf(value: string): number {
    return this.codes.get(value) ?? -1;
  }

  /** The code of a value, numbering it when new. */
  intern(value: string): number {
    const known = this.codes.get(value);
    if (known !== undefined) return known;
    const code = this.free.length > 0 ? this.free.pop()! : this.values.length;
    this.codes.set(value, code);
    this.values[code] = value;
    return code;
  }

  valueOf(code: number): string {
    return this.values[code]!;
  }

  /** Forgets a code no row holds any more. */
  release(code: number): void {
    const value = this.values[code];
    if (value === undefined) return;
    this.codes.delete(value);
    this.values[code] = undefined;
    this.free.push(code);
  }

  clear(): void {
    this.codes.clear();
    this.values.length = 0;
    this.free = [];
  }
}
