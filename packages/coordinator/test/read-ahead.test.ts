import { describe, expect, it } from 'vitest';
import { readAhead } from '../src/snapshots/read-ahead.js';

/** A promise and its settle functions, to decide from the test when a read ends. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending callback and rejection handler run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Collects process-level unhandled rejections while `run` goes on (Node would end a server on one). */
async function unhandledDuring(run: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await run();
    await settle();
    await settle();
  } finally {
    process.off('unhandledRejection', listener);
  }
  return seen;
}

describe('readAhead', () => {
  it('yields every read in order, with at most `depth` running ahead', async () => {
    const started: number[] = [];
    const reads = [0, 1, 2, 3, 4].map(() => deferred<string>());
    const results: string[] = [];
    const read = (i: number) => {
      started.push(i);
      return reads[i].promise;
    };
    const consuming = (async () => {
      for await (const value of readAhead([0, 1, 2, 3, 4], read, 2)) results.push(value);
    })();
    await settle();
    expect(started).toEqual([0, 1]);
    for (const i of [4, 3, 2, 1, 0]) reads[i].resolve(`v${i}`);
    await consuming;
    expect(results).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('throws a read ahead that failed before its turn when its turn comes, leaving nothing unhandled', async () => {
    const first = deferred<string>();
    const seen: string[] = [];
    let thrown: unknown;
    const unhandled = await unhandledDuring(async () => {
      const consuming = (async () => {
        const read = (i: number) =>
          i === 0
            ? first.promise
            : i === 2
              ? Promise.reject(new Error('blob 2 is corrupt'))
              : Promise.resolve(`v${i}`);
        for await (const value of readAhead([0, 1, 2, 3], read, 4)) seen.push(value);
      })().catch((error) => {
        thrown = error;
      });
      // Read 2 fails while the consumer still waits for read 0.
      await settle();
      first.resolve('v0');
      await consuming;
    });
    expect(unhandled).toEqual([]);
    expect(seen).toEqual(['v0', 'v1']);
    expect((thrown as Error).message).toBe('blob 2 is corrupt');
  });

  it('leaves nothing unhandled when the consumer stops while later reads fail', async () => {
    const unhandled = await unhandledDuring(async () => {
      const later = deferred<string>();
      const read = (i: number) => (i === 0 ? Promise.resolve('v0') : later.promise);
      for await (const value of readAhead([0, 1, 2], read, 3)) {
        expect(value).toBe('v0');
        break;
      }
      later.reject(new Error('the store went away'));
    });
    expect(unhandled).toEqual([]);
  });

  it('turns a read that throws synchronously into the consumer’s error', async () => {
    const read = (i: number): Promise<number> => {
      if (i === 1) throw new Error('bad key');
      return Promise.resolve(i);
    };
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const value of readAhead([0, 1], read, 2)) seen.push(value);
      })(),
    ).rejects.toThrow('bad key');
    expect(seen).toEqual([0]);
  });
});
