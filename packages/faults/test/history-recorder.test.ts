import { describe, expect, it } from 'vitest';
import { countOperations, firstSuccessAfter, successesPerSecond } from '../src/history/availability.js';
import { readJsonl } from '../src/history/history-jsonl.js';
import { HistoryRecorder } from '../src/history/history-recorder.js';
import { history, read, remove, upsert } from './checker-histories.js';

describe('history recorder', () => {
  it('numbers operations as invoked, on one monotonic clock, unknown until completed', () => {
    const recorder = new HistoryRecorder();
    const write = recorder.invoke({ process: 0, key: 5, kind: 'upsert', value: 1 });
    const seen = recorder.invoke({ process: 1, key: 5, kind: 'read', via: 'get' });
    expect(seen.outcome).toBe('unknown');
    recorder.complete(seen, { outcome: 'ok', value: null });
    recorder.complete(write, { outcome: 'unknown', error: 'DEADLINE_EXCEEDED: Upsert: Deadline exceeded' });
    const [first, second] = recorder.operations;
    expect([first.index, second.index]).toEqual([0, 1]);
    expect(first.invokedMs).toBeLessThanOrEqual(second.invokedMs);
    expect(second.completedMs!).toBeLessThanOrEqual(first.completedMs!);
    expect(second.value).toBeNull();
    expect(first.error).toMatch(/DEADLINE_EXCEEDED/);
    expect(readJsonl(recorder.toJsonl())).toEqual(recorder.operations);
  });

  it('refuses a line that is not an operation, naming it', () => {
    expect(() => readJsonl('{"index":0}\n')).toThrow(/history line 1 is not an operation/);
    expect(readJsonl('\n\n')).toEqual([]);
  });
});

describe('availability', () => {
  const operations = history(
    upsert(1, 1, 100, 300),
    upsert(1, 2, 400, 1200, 'unknown'),
    remove(1, 1300, 2100, 'fail'),
    read(1, 1, 2200, 3500),
    upsert(1, 3, 3600, 3700),
    read(1, 3, 5000, 5100),
  );

  it('counts operations invoked in a window, by outcome and kind', () => {
    expect(countOperations(operations, 0, 2200)).toEqual({ operations: 3, ok: 1, unknown: 1, failed: 1 });
    expect(countOperations(operations, 2200, 10_000, 'read')).toEqual({
      operations: 2,
      ok: 2,
      unknown: 0,
      failed: 0,
    });
    expect(countOperations(operations, 2200, 10_000, 'write')).toEqual({
      operations: 1,
      ok: 1,
      unknown: 0,
      failed: 0,
    });
  });

  it('counts acknowledged operations per second of completion, zero where none', () => {
    expect(successesPerSecond(operations, 0)).toEqual([1, 0, 0, 2, 0, 1]);
    expect(successesPerSecond(operations, 0, 'write')).toEqual([1, 0, 0, 1]);
  });

  it('finds the first success of a kind among calls sent after a time', () => {
    expect(firstSuccessAfter(operations, 'write', 400)).toBe(3700);
    expect(firstSuccessAfter(operations, 'read', 2300)).toBe(5100);
    expect(firstSuccessAfter(operations, 'read', 6000)).toBeUndefined();
  });
});
