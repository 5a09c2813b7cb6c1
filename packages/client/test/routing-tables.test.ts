import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RoutingTable } from '../src/direct/routing-table.js';
import { RoutingTables } from '../src/direct/routing-tables.js';

/** A fetch answering tables of increasing epoch, counting its calls. */
function fakeFetch(fail = false) {
  let calls = 0;
  const fetch = async (collection: string): Promise<RoutingTable> => {
    calls++;
    if (fail) throw new Error('coordinator down');
    return { collection, epoch: BigInt(calls) } as RoutingTable;
  };
  return { fetch, calls: () => calls };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('routing tables', () => {
  it('has none until fetched, then serves it without fetching again', async () => {
    const { fetch, calls } = fakeFetch();
    const tables = new RoutingTables(fetch);
    expect(tables.current('c')).toBeUndefined();
    await tables.refresh('c');
    expect(tables.current('c')?.epoch).toBe(1n);
    expect(calls()).toBe(1);
  });

  it('joins a fetch under way instead of starting another', async () => {
    const { fetch, calls } = fakeFetch();
    const tables = new RoutingTables(fetch);
    await Promise.all([tables.refresh('c'), tables.refresh('c'), tables.refresh('c')]);
    expect(calls()).toBe(1);
  });

  it('drops the table when a coordinator answer names a newer epoch, not an older one', async () => {
    const { fetch } = fakeFetch();
    const tables = new RoutingTables(fetch);
    await tables.refresh('c');
    tables.noteEpoch('c', 0n);
    expect(tables.current('c')?.epoch).toBe(1n);
    tables.noteEpoch('c', 5n);
    expect(tables.current('c')).toBeUndefined();
    await tables.refresh('c');
    expect(tables.current('c')?.epoch).toBe(2n);
  });

  it('fetches an old table again in the background, serving it meanwhile', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = fakeFetch();
    const tables = new RoutingTables(fetch, 1000);
    await tables.refresh('c');
    vi.advanceTimersByTime(1500);
    expect(tables.current('c')?.epoch).toBe(1n);
    expect(calls()).toBe(2);
  });

  it('retries a failed fetch a second later, not on every search', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = fakeFetch(true);
    const tables = new RoutingTables(fetch);
    await expect(tables.refresh('c')).rejects.toThrow('coordinator down');
    tables.current('c');
    tables.current('c');
    expect(calls()).toBe(1);
    vi.advanceTimersByTime(1500);
    tables.current('c');
    expect(calls()).toBe(2);
  });
});
