import { describe, expect, it } from 'vitest';
import {
  expectedFanOut,
  fitWorkerCost,
  type MeasuredPoint,
  projectScaleOut,
} from '../src/suite/scale-out-model.js';

const point = (nprobe: number, shardsPerQuery: number, workerCpuMs: number): MeasuredPoint => ({
  nprobe,
  shardsPerQuery,
  workerCpuMs,
  coordinatorCpuMs: 0.1,
});

describe('scale-out model', () => {
  it('spreads probed lists over shards: one list one shard, many lists every shard', () => {
    expect(expectedFanOut(8, 1)).toBeCloseTo(1, 12);
    expect(expectedFanOut(2, 2)).toBeCloseTo(1.5, 12);
    expect(expectedFanOut(4, 1000)).toBeCloseTo(4, 6);
  });

  it('recovers the cost per list and per shard visit from an exact sweep', () => {
    // W = 0.05·nprobe + 0.02·s
    const points = [point(1, 1, 0.07), point(4, 1.5, 0.23), point(16, 2, 0.84)];
    const cost = fitWorkerCost(points);
    expect(cost.msPerList).toBeCloseTo(0.05, 9);
    expect(cost.msPerShardVisit).toBeCloseTo(0.02, 9);
  });

  it('charges everything to the lists when the sweep cannot tell the parts apart', () => {
    expect(fitWorkerCost([point(4, 2, 0.4)])).toEqual({ msPerList: 0.1, msPerShardVisit: 0 });
    // A negative per-visit part would be unphysical: refit with lists alone.
    const cost = fitWorkerCost([point(1, 2, 0.05), point(8, 1, 0.9)]);
    expect(cost.msPerShardVisit).toBe(0);
    expect(cost.msPerList).toBeCloseTo((1 * 0.05 + 8 * 0.9) / 65, 12);
  });

  it('projects worker-bound QPS, coordinators needed and the one-coordinator ceiling', () => {
    const p = projectScaleOut(
      { nprobe: 2, shardsPerQuery: 1.5, workerCpuMs: 0.5, coordinatorCpuMs: 0.3 },
      { msPerList: 0.2, msPerShardVisit: 0.1 },
      2,
      4,
    );
    // s(2) = 1.5; W = 0.2·2 + 0.1·1.5 = 0.55; K = 0.3·1.5/1.5 = 0.3
    expect(p.fanOut).toBeCloseTo(1.5, 12);
    expect(p.workerCpuMs).toBeCloseTo(0.55, 12);
    expect(p.coordinatorCpuMs).toBeCloseTo(0.3, 12);
    expect(p.workerBoundQps).toBeCloseTo((2 * 4000) / 0.55, 6);
    expect(p.oneCoordinatorQps).toBeCloseTo(4000 / 0.3, 6);
    expect(p.coordinatorsNeeded).toBe(Math.ceil(((8000 / 0.55) * 0.3) / 4000));
  });
});
