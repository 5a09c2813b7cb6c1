import { statSync } from 'node:fs';

/**
 * Calls `onChange` when any of some files changes (modification time, inode
 * or size; a Kubernetes Secret is updated by swapping a symlink, which the
 * stat follows). The baseline is taken when this is made, in the same turn as
 * the caller reads the files, so a change right after start is not missed.
 * The timer does not keep the process alive.
 */
export class FilePoller {
  private baseline: string[];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly files: string[],
    pollMs: number,
    private readonly onChange: () => void,
  ) {
    this.baseline = this.signatures();
    this.timer = setInterval(() => this.poll(), pollMs);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
  }

  private poll(): void {
    const now = this.signatures();
    if (now.every((signature, i) => signature === this.baseline[i])) return;
    this.baseline = now;
    this.onChange();
  }

  /** One string per file; a file missing for a moment (mid-swap) reads as "missing". */
  private signatures(): string[] {
    return this.files.map((file) => {
      try {
        const stat = statSync(file);
        return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
      } catch {
        return 'missing';
      }
    });
  }
}
