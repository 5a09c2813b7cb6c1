import type { SearchResponse } from '@vecshard/proto';
import type { LiveCollection } from '../collection-catalog.js';
import type { CoordinatorContext, ShardReads } from '../context.js';
import { type SearchDocuments, search } from '../data-path.js';

/** How long one shard's read took, on the copy that answered. */
export interface ShardTiming {
  shard: number;
  worker: string;
  ms: number;
}

export interface TimedSearch {
  response: SearchResponse;
  shards: ShardTiming[];
  totalMs: number;
  /** From the last shard's answer to the merged result. */
  mergeMs: number;
}

/**
 * The coordinator's own search, with each shard read timed: the shard reads
 * go through a wrapper around the context's reads (which pick, hedge and fail
 * over copies), so the search path itself is unchanged.
 */
export async function timedSearch(
  ctx: CoordinatorContext,
  collection: Required<LiveCollection>,
  query: Float32Array,
  options: { k: number; nprobe: number; documents: SearchDocuments; timeoutMs?: number },
): Promise<TimedSearch> {
  const shards: ShardTiming[] = [];
  let lastAnswerAt = 0;
  const reads: ShardReads = {
    read: async (readCtx, name, shard, send) => {
      const started = performance.now();
      let worker = '';
      try {
        return await ctx.reads.read(readCtx, name, shard, (target, signal) => {
          worker = target.id;
          return send(target, signal);
        });
      } finally {
        lastAnswerAt = performance.now();
        shards.push({ shard: shard.shard, worker, ms: lastAnswerAt - started });
      }
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const started = performance.now();
  const response = await search(
    { ...ctx, reads },
    collection,
    new Uint8Array(query.buffer, query.byteOffset, query.byteLength),
    options.k,
    options.nprobe,
    { getDeadline: () => deadline },
    false,
    options.documents,
  );
  const ended = performance.now();
  return {
    response,
    shards: shards.sort((a, b) => a.shard - b.shard),
    totalMs: ended - started,
    mergeMs: lastAnswerAt > 0 ? ended - lastAnswerAt : 0,
  };
}
