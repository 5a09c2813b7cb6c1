import { KeywordDictionary } from './keyword-dictionary.js';
import type { PostingChanges } from './posting-changes.js';
import { addPostingTo, changePosting, type Posting } from './posting-list.js';
import { SlotBitmap } from './slot-bitmap.js';

/**
 * The inverted index of one KEYWORD or KEYWORDS field: value → code →
 * posting of the slots holding it. Answers "any of these values" as a bitmap
 * by OR-ing a few postings, never by looking at rows.
 */
export class KeywordIndex {
  readonly dictionary = new KeywordDictionary();
  private postings: (Posting | undefined)[] = [];

  /** The code of a value, numbering it when new (its posting fills when the batch is applied). */
  intern(value: string): number {
    return this.dictionary.intern(value);
  }

  valueOf(code: number): string {
    return this.dictionary.valueOf(code);
  }

  /** Rewrites each touched posting once; values left without rows lose their code. */
  apply(changes: PostingChanges, extent: number): void {
    changes.forEach((code, removes, adds) => {
      const posting = changePosting(this.postings[code], removes, adds, extent);
      this.postings[code] = posting;
      if (posting === undefined) this.dictionary.release(code);
    });
  }

  /** The slots holding any of the values. */
  slotsWithAny(values: readonly string[], extent: number): SlotBitmap {
    const slots = new SlotBitmap(extent);
    for (const value of values) {
      const code = this.dictionary.codeOf(value);
      if (code >= 0) addPostingTo(this.postings[code], slots);
    }
    return slots;
  }

  clear(): void {
    this.dictionary.clear();
    this.postings = [];
  }
}
