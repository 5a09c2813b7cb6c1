/**
 * Lets searches run together but never during a write, so an upsert's remove
 * and add (two FAISS calls) look like one change to every search. Writers go
 * first once they wait, so a steady stream of searches cannot starve them.
 */
export class ReadWriteGate {
  private readers = 0;
  private writing = false;
  private writersWaiting = 0;
  private waiters: (() => void)[] = [];

  async read<T>(step: () => Promise<T>): Promise<T> {
    while (this.writing || this.writersWaiting > 0) await this.turn();
    this.readers++;
    try {
      return await step();
    } finally {
      this.readers--;
      this.wake();
    }
  }

  async write<T>(step: () => Promise<T>): Promise<T> {
    this.writersWaiting++;
    try {
      while (this.writing || this.readers > 0) await this.turn();
    } finally {
      this.writersWaiting--;
    }
    this.writing = true;
    try {
      return await step();
    } finally {
      this.writing = false;
      this.wake();
    }
  }

  private turn(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Everyone waiting checks again; those whose turn it is not yet wait anew. */
  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
