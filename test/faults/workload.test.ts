import { VecshardClient } from '@vecshard/client';
import {
  checkHistory,
  createWorkload,
  formatAnomaly,
  HistoryRecorder,
  type Operation,
  readJsonl,
} from '@vecshard/faults';
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster.js';

// The fault suite's workload against a real cluster with no fault: every
// operation answered, the history linearizable, and the checker still sharp
// on it (a write's effect dropped from the recorded reads is caught).
const OPERATIONS = 800;

let cluster: TestCluster | undefined;
let clients: VecshardClient[] = [];
afterEach(async () => {
  for (const client of clients) client.close();
  clients = [];
  await cluster?.stop();
  cluster = undefined;
});

/** Resolves once `holds()` is true: an event in the run, not a time. */
async function until(holds: () => boolean): Promise<void> {
  while (!holds()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * Drops an acknowledged write's effect from the history: the final reads of
 * its id now see the value an earlier acknowledged write stored, one the
 * dropped write had replaced. Returns the id.
 */
function dropAcknowledgedWrite(operations: Operation[]): number {
  const acknowledged = (o: Operation) => o.kind === 'upsert' && o.outcome === 'ok';
  for (const final of operations.filter((o) => o.final && o.outcome === 'ok' && o.value !== null)) {
    const writes = operations.filter((o) => o.key === final.key && acknowledged(o));
    const dropped = writes.find((o) => o.value === final.value);
    const earlier = writes.find((o) => dropped && o.completedMs! < dropped.invokedMs);
    if (!dropped || !earlier) continue;
    for (const seen of operations.filter((o) => o.key === final.key && o.final)) seen.value = earlier.value;
    return final.key;
  }
  throw new Error('no id had two acknowledged writes and a final value: run longer');
}

describe('fault-suite workload on a healthy cluster', { timeout: 180_000 }, () => {
  it('records a linearizable history of upserts, deletes and reads by every path', async () => {
    cluster = await startCluster({ workers: 3 });
    clients = [0, 1, 2].map(() => new VecshardClient(cluster!.coordinator.address, { retries: 0 }));
    const recorder = new HistoryRecorder();
    const workload = createWorkload({
      clients,
      collection: 'registers',
      dim: 8,
      keys: 20,
      seed: 24,
      deadlineMs: 20_000,
      recorder,
      operationsPerId: 40,
      loopsPerClient: 2,
    });
    await workload.prepare();
    const stop = new AbortController();
    const running = workload.run(stop.signal);
    await until(() => recorder.operations.length >= OPERATIONS);
    stop.abort();
    await running;
    await workload.finalReads();

    const operations = readJsonl(recorder.toJsonl());
    const report = checkHistory(operations);
    expect(report.anomalies.map(formatAnomaly)).toEqual([]);
    expect(report.inconclusive).toEqual([]);
    expect(report.keysWithoutFinalRead).toEqual([]);
    expect({ unknown: report.unknown, failed: report.failed }).toEqual({ unknown: 0, failed: 0 });
    expect(report.keysChecked).toBe(workload.ids().length);
    expect(report.keysChecked).toBeGreaterThan(20);

    // Every kind of operation ran, reads saw values, and one-hop reads went one hop.
    const count = (holds: (o: Operation) => boolean) => operations.filter(holds).length;
    expect(count((o) => o.kind === 'upsert')).toBeGreaterThan(100);
    expect(count((o) => o.kind === 'delete')).toBeGreaterThan(20);
    for (const via of ['search', 'direct', 'get'] as const) {
      expect(
        count((o) => o.via === via && !o.final && o.value !== null),
        via,
      ).toBeGreaterThan(20);
      expect(
        count((o) => o.via === via && !o.final && o.value === null),
        via,
      ).toBeGreaterThan(0);
    }
    expect(count((o) => o.via === 'direct' && o.note === undefined)).toBeGreaterThan(20);
    // Concurrency: some operations on one id overlapped.
    const overlapping = operations.some((a) =>
      operations.some(
        (b) => a !== b && a.key === b.key && b.invokedMs > a.invokedMs && b.invokedMs < a.completedMs!,
      ),
    );
    expect(overlapping).toBe(true);

    const tampered = dropAcknowledgedWrite(operations);
    const caught = checkHistory(operations);
    expect(caught.anomalies.map((a) => a.key)).toEqual([tampered]);
    expect(caught.anomalies[0].kinds).toContain('lost-write');
  });
});
