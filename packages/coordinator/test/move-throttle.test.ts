import { afterEach, describe, expect, it, vi } from 'vitest';
import { MoveThrottle } from '../src/moves/move-throttle.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('MoveThrottle', () => {
  it('holds a step until the bytes moved fit the rate', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    const throttle = new MoveThrottle(1000);
    let done = false;
    const step = throttle.moved(2000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(1900);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await step;
    expect(done).toBe(true);
  });

  it('never waits without a limit', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    let done = false;
    const step = new MoveThrottle(0).moved(1e12).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    await step;
    expect(done).toBe(true);
  });
});
