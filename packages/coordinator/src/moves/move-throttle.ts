/**
 * Keeps list and copy moves at or below a byte rate, so rebalances and
 * drains leave the workers' disks, network and CPU to foreground traffic:
 * after each step, waits until the bytes moved so far fit the rate.
 */
export class MoveThrottle {
  private bytes = 0;
  private readonly started = performance.now();

  constructor(private readonly bytesPerSecond: number) {}

  /** Counts bytes just moved and waits as long as the rate asks. */
  async moved(bytes: number): Promise<void> {
    if (!(this.bytesPerSecond > 0)) return;
    this.bytes += bytes;
    const dueMs = (this.bytes / this.bytesPerSecond) * 1000 - (performance.now() - this.started);
    if (dueMs > 0) await new Promise((resolve) => setTimeout(resolve, dueMs));
  }
}
