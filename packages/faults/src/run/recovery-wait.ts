import type { VecshardClient } from '@vecshard/client';
import type { HistoryRecorder } from '../history/history-recorder.js';
import type { ClusterTopology } from '../topology/cluster-topology.js';

export interface RecoveryTarget {
  topology: ClusterTopology;
  recorder: HistoryRecorder;
  /** A client of each coordinator: each must answer that the collection is whole. */
  clients: readonly VecshardClient[];
  collection: string;
}

export interface Recovery {
  writesBackMs?: number;
  readsBackMs?: number;
  /** From the heal until each check first passed (as polled), ms. */
  settledMs: Record<string, number>;
  notRecovered: string[];
}

const POLL_MS = 250;
/** A state read that does not answer within this long counts as not yet recovered. */
const STATE_READ_DEADLINE_MS = 2000;

/**
 * Waits after a heal until the cluster is whole again, so the next nemesis
 * starts from a healthy cluster: a write and a read sent after the heal were
 * acknowledged, Redis replicates with the Sentinels agreeing, and every copy
 * of every shard is ready. Gives up after `limitMs`, saying what did not come back.
 */
export async function waitForRecovery(
  target: RecoveryTarget,
  healedMs: number,
  limitMs: number,
): Promise<Recovery> {
  const { recorder } = target;
  const deadline = Date.now() + limitMs;
  const checks = {
    writes: async () => recorder.firstSuccessAfter('write', healedMs) !== undefined,
    reads: async () => recorder.firstSuccessAfter('read', healedMs) !== undefined,
    redis: () => target.topology.redisHealthy(),
    'every copy ready': () => collectionWhole(target),
  };
  const settledMs: Record<string, number> = {};
  let pending = Object.keys(checks) as (keyof typeof checks)[];
  for (;;) {
    const results = await Promise.all(pending.map((name) => checks[name]()));
    for (const [i, name] of pending.entries()) if (results[i]) settledMs[name] = recorder.now() - healedMs;
    pending = pending.filter((_, i) => !results[i]);
    if (pending.length === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const since = (time: number | undefined) => (time === undefined ? undefined : time - healedMs);
  return {
    writesBackMs: since(recorder.firstSuccessAfter('write', healedMs)),
    readsBackMs: since(recorder.firstSuccessAfter('read', healedMs)),
    settledMs,
    notRecovered: pending,
  };
}

/** Whether every coordinator answers that the collection is ready with every copy of every shard ready. */
async function collectionWhole(target: RecoveryTarget): Promise<boolean> {
  const answers = await Promise.all(
    target.clients.map((client) =>
      client.getCollection(target.collection, { deadlineMs: STATE_READ_DEADLINE_MS }).then(
        (collection) =>
          collection.state === 'ready' &&
          collection.placement.every(
            (shard) =>
              shard.replicas.length >= collection.replicationFactor &&
              shard.replicas.every((replica) => replica.state === 'ready'),
          ),
        () => false,
      ),
    ),
  );
  return answers.every(Boolean);
}
