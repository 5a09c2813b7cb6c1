import type { ShardToRefill } from '../jobs/job-kinds.js';

/**
 * The copies to refill that no pending recover job is refilling already. A
 * job refilling several copies finishes them one by one; meanwhile the ones
 * it has not reached still look unready, and without this a watch would
 * queue a second job (another id: fewer copies) that rebuilds them again.
 * A copy counts as under way only when everything about it matches (the
 * same worker process, the same missed write): a copy that missed another
 * write since, or whose worker restarted, is queued again.
 */
export function notUnderWay(shards: ShardToRefill[], underWay: ShardToRefill[]): ShardToRefill[] {
  const busy = new Set(underWay.map(refillKey));
  return shards.filter((shard) => !busy.has(refillKey(shard)));
}

function refillKey(s: ShardToRefill): string {
  return `${s.shard}@${s.workerId}@${s.startedAtMs}@${s.movedFrom ?? ''}@${s.missedAtMs ?? ''}`;
}
