import { describe, expect, it } from 'vitest';
import type { Anomaly } from '../src/checker/anomaly.js';
import { HistoryRecorder } from '../src/history/history-recorder.js';
import type { Operation } from '../src/history/operation.js';
import type { FaultEvent } from '../src/run/fault-event.js';
import { nemesisStats } from '../src/run/nemesis-stats.js';
import { finalLine, type RunSummary, runProblems } from '../src/run/run-summary.js';

/** A recorder holding these operations (times on its own clock are replaced by the given ones). */
function recorderWith(operations: Partial<Operation>[]): HistoryRecorder {
  const recorder = new HistoryRecorder();
  for (const [i, fields] of operations.entries()) {
    const operation = recorder.invoke({
      process: 0,
      key: fields.key ?? 1,
      kind: fields.kind ?? 'upsert',
      value: 1,
    });
    recorder.complete(operation, { outcome: fields.outcome ?? 'ok' });
    Object.assign(operation, { index: i, ...fields });
  }
  return recorder;
}

function event(nemesis: string, injectedMs: number, fields: Partial<FaultEvent> = {}): FaultEvent {
  return {
    nemesis,
    faults: [`${nemesis} fault`],
    injectedMs,
    healedMs: injectedMs + 5,
    settledMs: {},
    notRecovered: [],
    errors: [],
    ...fields,
  };
}

describe('per-nemesis figures', () => {
  const recorder = recorderWith([
    { invokedMs: 5, completedMs: 6 },
    { invokedMs: 12, completedMs: 13, outcome: 'unknown' },
    { invokedMs: 14, completedMs: 15, outcome: 'fail', kind: 'delete' },
    { invokedMs: 21, completedMs: 22, kind: 'read' },
    { invokedMs: 35, completedMs: 36 },
    { invokedMs: 41, completedMs: 42 },
  ]);
  const events = [
    event('kill-worker', 10, { writesBackMs: 300, readsBackMs: 100 }),
    event('split', 20, { writesBackMs: 2000, readsBackMs: undefined, notRecovered: ['reads'] }),
    event('kill-worker', 30, { writesBackMs: 500, readsBackMs: 50 }),
  ];
  const anomalyAt = (invokedMs: number[]): Anomaly => ({
    key: 1,
    kinds: ['stale-read'],
    findings: [],
    window: invokedMs.map((t) => ({ invokedMs: t }) as Operation),
    historyLength: 2,
  });

  it('counts the operations from each injection until the next, by nemesis, with anomalies where their window begins', () => {
    const stats = nemesisStats(events, recorder, [anomalyAt([22, 33]), anomalyAt([36]), anomalyAt([4])], 40);
    expect(stats).toEqual([
      {
        nemesis: 'kill-worker',
        events: 2,
        operations: 3,
        failed: 1,
        unknown: 1,
        anomalies: 1,
        worstWritesBackMs: 500,
        worstReadsBackMs: 100,
        notRecovered: 0,
      },
      {
        nemesis: 'split',
        events: 1,
        operations: 1,
        failed: 0,
        unknown: 0,
        anomalies: 1,
        worstWritesBackMs: 2000,
        worstReadsBackMs: undefined,
        notRecovered: 1,
      },
    ]);
  });
});

describe("the run's verdict", () => {
  const summary = {
    operations: 1234,
    events: 12,
    unknown: 7,
    anomalies: 0,
    deaths: [],
    faultEvents: [],
  } as unknown as RunSummary;

  it('ends with the one line CI reads', () => {
    expect(finalLine(summary)).toBe('faults: 1234 operations, 12 nemesis events, 7 unknown, anomalies 0');
    expect(finalLine({ ...summary, anomalies: 2 })).toBe(
      'faults: 1234 operations, 12 nemesis events, 7 unknown, anomalies 2',
    );
  });

  it('names what broke besides anomalies: unasked exits, no recovery, failed nemeses', () => {
    expect(runProblems(summary)).toEqual([]);
    const broken = {
      ...summary,
      deaths: [
        { atS: 41.25, node: 'worker-1', description: 'worker-1 (pid 9) was killed by SIGSEGV unasked' },
      ],
      faultEvents: [
        {
          nemesis: 'split',
          faults: [],
          injectedS: 1,
          healedS: 2,
          settledS: {},
          notRecovered: ['every copy ready'],
          errors: ['healing "x": boom'],
        },
      ],
    };
    expect(runProblems(broken)).toEqual([
      'worker-1 exited unasked at 41.3 s',
      'not whole again after split: every copy ready',
      'split: healing "x": boom',
    ]);
  });
});
