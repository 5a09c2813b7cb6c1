import { type ClusterKeys, fenceField } from '@vecshard/proto';
import type { Redis } from 'ioredis';
import type { ReplicaAcks } from '../redis-durability.js';

/** Raises a fence, never lowers it: a late, older demotion must not undo a newer one. */
const RAISE_FENCE =
  "local held = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1') " +
  "if tonumber(ARGV[2]) > held then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end return 1";

/** Removes a fence that a newer attach of the copy has made moot. */
const CLEAR_FENCE =
  "local held = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1') " +
  "if held >= 0 and held <= tonumber(ARGV[2]) then redis.call('HDEL', KEYS[1], ARGV[1]) end return 1";

/**
 * Fences on copies that missed writes, kept in Redis per worker: each
 * worker reads its own with every heartbeat and stops answering reads from
 * a fenced copy, even when no coordinator can reach it. A fence names the
 * placement epoch at which the copy missed writes; a copy attached at a later
 * epoch (refilled) is not concerned by it.
 */
export class CopyFences {
  constructor(
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
    private readonly acks: ReplicaAcks,
  ) {}

  /** Fences the copies at `epoch`, durably (on a Redis replica where there is one). */
  async raise(
    collection: string,
    copies: { shard: number; workerId: string }[],
    epoch: number,
  ): Promise<void> {
    await Promise.all(
      copies.map(({ shard, workerId }) =>
        this.redis.eval(
          RAISE_FENCE,
          1,
          this.keys.workerFences(workerId),
          fenceField(collection, shard),
          String(epoch),
        ),
      ),
    );
    await this.acks.confirm(`the fence of ${copies.length} copies of "${collection}" that missed a write`);
  }

  /** Drops the copy's fence once it was attached again at `attachedAt` or later. */
  async clear(
    collection: string,
    copy: { shard: number; workerId: string },
    attachedAt: number,
  ): Promise<void> {
    await this.redis.eval(
      CLEAR_FENCE,
      1,
      this.keys.workerFences(copy.workerId),
      fenceField(collection, copy.shard),
      String(attachedAt),
    );
  }
}
