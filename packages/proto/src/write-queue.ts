/**
 * Runs async tasks one after another. Writes to a collection go through one
 * queue so "remove the replaced ids, then add" is atomic with respect to other
 * writes (two upserts of the same id must not both see it absent).
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
