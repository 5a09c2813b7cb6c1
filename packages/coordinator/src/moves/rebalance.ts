import { attachReplica } from '../attach-shard.js';
import type { CollectionRecord, ShardPlacement } from '../collection-record.js';
import { type CoordinatorContext, workerDeadline } from '../context.js';
import { serializeWrites } from '../data-path.js';
import type { MoveNow, ProgressSink, RebalanceJobData } from '../jobs/job-kinds.js';
import { planRebalance, type RebalancePlan } from '../placement/query-load-plan.js';
import { loadingNow } from '../recovery/collection-loading.js';
import { copiesPerWorker, replicaWorkers } from '../replicas/replica-set.js';
import { listVectors } from './list-vectors.js';
import { moveLists } from './move-lists.js';
import { MoveThrottle } from './move-throttle.js';
import { type LeftLoading, refillReport, waitedSoFar, waitForRefills } from './refill-wait.js';

/** Lists moved in one step: each step copies them whole through this coordinator. */
const LISTS_PER_STEP = 8;

/**
 * The "rebalance" job: for each list-routed collection, a placeable worker
 * that holds none of it gets a new, empty shard (with the collection's
 * number of copies), then lists move from the heaviest shards to the
 * lightest until every shard's vector load is within 5 % of the mean,
 * while searches and writes go on; or, when the queries counted lately
 * would leave a shard's query load well over the mean, until every shard's
 * query load (vectors × probes per list) is (see query-load-plan.ts). A
 * collection being refilled (loading) is not touched while its refill runs: the others are rebalanced, then it is
 * waited for (see refill-wait.ts), or left as it is if it is still loading
 * when the wait runs out, as the result says. Progress counts lists moved.
 */
export async function rebalance(
  ctx: CoordinatorContext,
  data: RebalanceJobData,
  progress: ProgressSink,
): Promise<Record<string, unknown>> {
  const soFar = data.soFar;
  const names = soFar?.pending ?? (data.collection ? [data.collection] : await ctx.store.names());
  const moved: Record<string, number> = { ...soFar?.collections };
  const balancedBy: Record<string, Omit<RebalancePlan, 'moves'>> = {};
  const left: LeftLoading = new Map();
  const throttle = new MoveThrottle(ctx.moveBytesPerSecond);
  let done = soFar?.listsMoved ?? 0;
  let planned = done;
  await progress(done, planned);
  for (const name of names) {
    await serializeWrites(name, async () => {
      const record = await ctx.store.get(name);
      if (record?.state !== 'ready' || record.routing !== 'lists') return;
      await ctx.workers.refresh();
      // Its refill reads and fills the very copies a move would change: leave it until the refill is done.
      const loading = await loadingNow(ctx, record);
      if (loading) {
        left.set(name, loading);
        return;
      }
      moved[name] = 0;
      await rebalanceCollection(
        ctx,
        record,
        data.queryLoadOnly === true,
        (lists) => {
          planned += lists;
        },
        async (lists, bytes, now) => {
          await throttle.moved(bytes);
          moved[name] += lists;
          done += lists;
          await progress(done, planned, now);
        },
        (now) => progress(done, planned, now),
        (plan) => {
          const { moves: _, ...by } = plan;
          balancedBy[name] = by;
        },
      );
    });
  }
  const waitedFor = waitedSoFar(soFar?.waitedFor, left);
  waitForRefills(ctx, left, soFar?.waitingSinceMs, (waitingSinceMs) => ({
    ...data,
    soFar: { waitingSinceMs, listsMoved: done, collections: moved, pending: [...left.keys()], waitedFor },
  }));
  return { listsMoved: done, collections: moved, balancedBy, ...refillReport(waitedFor, left) };
}

/**
 * Gives placeable workers holding none of the collection a shard of it, then
 * moves lists, a few at a time, until its shards' loads are even. The caller
 * holds the collection's write queue.
 */
async function rebalanceCollection(
  ctx: CoordinatorContext,
  stored: CollectionRecord,
  queryLoadOnly: boolean,
  onPlanned: (lists: number) => void,
  onMoved: (lists: number, bytes: number, now: MoveNow) => Promise<void>,
  onMoving: (now: MoveNow) => Promise<void>,
  onPlan: (plan: RebalancePlan) => void,
): Promise<void> {
  const record = queryLoadOnly ? stored : await addShardsForNewWorkers(ctx, stored);
  const plan = planRebalance(
    await listVectors(ctx, record),
    await ctx.probeLoad?.read(record.name, record.nlist),
    record.placement.map((s) => s.lists),
  );
  onPlan(plan);
  // Queued by the query-load watch: a collection whose vectors alone are uneven is left to an operator's Rebalance.
  const moves = queryLoadOnly && plan.by !== 'queries' ? [] : plan.moves;
  onPlanned(moves.reduce((sum, move) => sum + move.lists.length, 0));
  for (const move of moves) {
    const now = (done: number): MoveNow => ({
      collection: record.name,
      shard: move.from,
      toShard: move.to,
      done,
      total: move.lists.length,
    });
    await onMoving(now(0));
    for (let at = 0; at < move.lists.length; at += LISTS_PER_STEP) {
      const lists = move.lists.slice(at, at + LISTS_PER_STEP);
      const bytes = await moveLists(ctx, record.name, move.from, move.to, lists);
      await onMoved(lists.length, bytes, now(at + lists.length));
    }
  }
}

/** A new, empty shard for each placeable worker holding no copy of the collection. */
async function addShardsForNewWorkers(
  ctx: CoordinatorContext,
  record: CollectionRecord,
): Promise<CollectionRecord> {
  const placeable = ctx.workers.placeable().map((w) => w.id);
  const holding = new Set(replicaWorkers(record));
  const newcomers = placeable.filter((id) => !holding.has(id));
  if (newcomers.length === 0) return record;
  const template = await ctx.store.template(record.name);
  if (!template) throw new Error(`collection "${record.name}" has no template index`);
  const copies = copiesPerWorker([record]);
  const added: ShardPlacement[] = [];
  for (const [i, newcomer] of newcomers.entries()) {
    const others = placeable
      .filter((id) => id !== newcomer)
      .sort((a, b) => (copies.get(a) ?? 0) - (copies.get(b) ?? 0) || a.localeCompare(b))
      .slice(0, record.replicationFactor - 1);
    const workers = [newcomer, ...others];
    for (const id of workers) copies.set(id, (copies.get(id) ?? 0) + 1);
    added.push({
      shard: record.placement.length + i,
      replicas: workers.map((workerId) => ({ workerId, state: 'ready' as const })),
      lists: [],
      expectedVectors: 0,
    });
  }
  for (const shard of added) {
    for (const { workerId } of shard.replicas) {
      await attachReplica(ctx, record, shard, workerId, template, workerDeadline(ctx));
    }
  }
  const grown = await ctx.store.update(record.name, (stored) => {
    if (stored.placement.length !== record.placement.length)
      throw new Error(`the shards of "${record.name}" changed while new ones were being added`);
    return { ...stored, epoch: (stored.epoch ?? 0) + 1, placement: [...stored.placement, ...added] };
  });
  ctx.catalog.invalidate(record.name);
  if (!grown) throw new Error(`collection "${record.name}" was dropped`);
  return grown;
}
