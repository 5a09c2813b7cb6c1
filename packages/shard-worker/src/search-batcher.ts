import type { Assignment, SearchResult } from '@vecshard/faiss';

/** Runs one preassigned search (one FAISS call). */
export type PreassignedSearch = (
  queries: Float32Array,
  k: number,
  assignment: Assignment,
) => Promise<SearchResult>;

interface Pending {
  queries: Float32Array;
  assignment: Assignment;
  resolve: (result: SearchResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs one search at a time and merges the requests that arrive meanwhile into
 * the next call. A GPU index must not be searched concurrently, and one large
 * batch uses the device far better than many small ones. Requests are grouped
 * by (k, nprobe), since one FAISS call has one k and one row width.
 */
export class SearchBatcher {
  private readonly waiting = new Map<string, Pending[]>();
  private running = false;

  constructor(
    private readonly dim: number,
    private readonly run: PreassignedSearch,
  ) {}

  search(queries: Float32Array, k: number, assignment: Assignment): Promise<SearchResult> {
    const nq = queries.length / this.dim;
    const nprobe = nq === 0 ? 0 : assignment.lists.length / nq;
    const key = `${k}:${nprobe}`;
    return new Promise((resolve, reject) => {
      const group = this.waiting.get(key) ?? [];
      group.push({ queries, assignment, resolve, reject });
      this.waiting.set(key, group);
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.size > 0) {
      const [key, group] = this.waiting.entries().next().value as [string, Pending[]];
      this.waiting.delete(key);
      await this.runGroup(Number(key.split(':')[0]), group);
    }
    this.running = false;
  }

  private async runGroup(k: number, group: Pending[]): Promise<void> {
    try {
      const result = await this.run(concatFloats(group.map((p) => p.queries)), k, {
        lists: concatIds(group.map((p) => p.assignment.lists)),
        distances: concatFloats(group.map((p) => p.assignment.distances)),
      });
      let row = 0;
      for (const pending of group) {
        const rows = pending.queries.length / this.dim;
        pending.resolve({
          labels: result.labels.slice(row * k, (row + rows) * k),
          distances: result.distances.slice(row * k, (row + rows) * k),
        });
        row += rows;
      }
    } catch (error) {
      for (const pending of group) pending.reject(error);
    }
  }
}

function concatFloats(parts: Float32Array[]): Float32Array {
  if (parts.length === 1) return parts[0];
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function concatIds(parts: BigInt64Array[]): BigInt64Array {
  if (parts.length === 1) return parts[0];
  const out = new BigInt64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
