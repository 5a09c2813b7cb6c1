/**
 * Runs async tasks one after another. Writes to a collection go through one
 * queue so "remove the replaced ids, then add" is atomic with respect to other
 * writes (two upserts of the same id must not both see it absent).
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task, task).finally(() => this.pending--);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Tasks waiting or running: how far writes are backed up (exported as a metric). */
  get depth(): number {
    return this.pending;
  }
}
