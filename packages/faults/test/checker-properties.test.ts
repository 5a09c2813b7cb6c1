import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../src/checker/check-history.js';
import { readJsonl, toJsonl } from '../src/history/history-jsonl.js';
import { injectStaleness, linearizableHistory } from './checker-register-simulation.js';

const runs = Number(process.env.VECSHARD_FUZZ_RUNS ?? 300);
const shape = { processes: 5, perProcess: 20, keys: 2 };

describe('checker properties', () => {
  it('passes every history of a simulated linearizable register', () => {
    fc.assert(
      fc.property(linearizableHistory(shape), (operations) => {
        const report = checkHistory(operations);
        expect(report.anomalies).toEqual([]);
        expect(report.inconclusive).toEqual([]);
      }),
      { numRuns: runs },
    );
  });

  it('finds a stale read injected into such a history, with a window that fails by itself', () => {
    let injected = 0;
    fc.assert(
      fc.property(linearizableHistory(shape), fc.nat(), (operations, choice) => {
        const key = injectStaleness(operations, choice);
        if (key === undefined) return;
        injected++;
        const anomaly = checkHistory(operations).anomalies.find((a) => a.key === key);
        expect(anomaly).toBeDefined();
        expect(anomaly!.window.length).toBeGreaterThan(0);
        expect(checkHistory(anomaly!.window).anomalies).toHaveLength(1);
      }),
      { numRuns: runs },
    );
    // The generator must offer stale reads to inject often enough for the property to mean something.
    expect(injected).toBeGreaterThan(runs / 4);
  });

  it('reads back what it wrote as JSON Lines', () => {
    fc.assert(
      fc.property(linearizableHistory(shape), (operations) => {
        expect(readJsonl(toJsonl(operations))).toEqual(operations);
      }),
      { numRuns: 50 },
    );
  });
});
