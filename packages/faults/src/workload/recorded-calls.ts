import type { VecshardClient } from '@vecshard/client';
import type { HistoryRecorder } from '../history/history-recorder.js';
import type { ReadPath } from '../history/operation.js';
import { describeError, outcomeOfError } from './call-outcome.js';
import {
  type DecodedRead,
  decodeGetRows,
  decodeSearchHits,
  encodeWrite,
  homeOf,
  type VectorLayout,
} from './vector-encoding.js';

/** What every recorded call needs: where it goes, how it encodes, and where it is recorded. */
export interface CallTarget {
  client: VecshardClient;
  collection: string;
  layout: VectorLayout;
  /** Lists of the collection: every search probes them all, so it is exact. */
  nlist: number;
  deadlineMs: number;
  recorder: HistoryRecorder;
}

/** Two hits: the id first when present, and a second copy of it if one is (wrongly) stored too. */
const SEARCH_K = 2;

/** Upserts the id's write number `write`, recording the operation. */
export async function recordedUpsert(
  target: CallTarget,
  process: number,
  id: number,
  write: number,
): Promise<boolean> {
  const operation = target.recorder.invoke({ process, key: id, kind: 'upsert', value: write });
  try {
    await target.client.upsert(
      target.collection,
      BigInt64Array.of(BigInt(id)),
      encodeWrite(target.layout, id, write),
      {
        deadlineMs: target.deadlineMs,
      },
    );
    target.recorder.complete(operation, { outcome: 'ok' });
    return true;
  } catch (error) {
    target.recorder.complete(operation, { outcome: outcomeOfError(error), error: describeError(error) });
    return false;
  }
}

/** Deletes the id, recording the operation. */
export async function recordedDelete(target: CallTarget, process: number, id: number): Promise<boolean> {
  const operation = target.recorder.invoke({ process, key: id, kind: 'delete', value: null });
  try {
    await target.client.delete(target.collection, BigInt64Array.of(BigInt(id)), {
      deadlineMs: target.deadlineMs,
    });
    target.recorder.complete(operation, { outcome: 'ok' });
    return true;
  } catch (error) {
    target.recorder.complete(operation, { outcome: outcomeOfError(error), error: describeError(error) });
    return false;
  }
}

/**
 * Reads the ids in one call (a search of their homes, or Get), recording one
 * read per id over the call's interval: a batch answers every id as of some
 * instant within the call, so each is a read of its register then.
 */
export async function recordedReads(
  target: CallTarget,
  process: number,
  ids: readonly number[],
  via: ReadPath,
  final = false,
): Promise<boolean> {
  const operations = ids.map((id) => target.recorder.invoke({ process, key: id, kind: 'read', via, final }));
  try {
    const { reads, note } =
      via === 'get' ? await readByGet(target, ids) : await readBySearch(target, ids, via);
    operations.forEach((operation, row) => {
      const read = reads[row];
      const notes = [read.note, note].filter((part) => part !== undefined).join('; ');
      target.recorder.complete(operation, { outcome: 'ok', value: read.value, note: notes || undefined });
    });
    return true;
  } catch (error) {
    const completion = { outcome: outcomeOfError(error), error: describeError(error) };
    for (const operation of operations) target.recorder.complete(operation, completion);
    return false;
  }
}

/** One decoded read per id asked, and a note on the whole call. */
interface BatchAnswer {
  reads: DecodedRead[];
  note?: string;
}

async function readBySearch(
  target: CallTarget,
  ids: readonly number[],
  via: 'search' | 'direct',
): Promise<BatchAnswer> {
  const dim = target.layout.dim;
  const queries = new Float32Array(ids.length * dim);
  for (const [row, id] of ids.entries()) queries.set(homeOf(target.layout, id), row * dim);
  const result = await target.client.search(target.collection, queries, {
    k: SEARCH_K,
    nprobe: target.nlist,
    direct: via === 'direct',
    deadlineMs: target.deadlineMs,
  });
  const reads = ids.map((id, row) => {
    const slots = [row * SEARCH_K, (row + 1) * SEARCH_K] as const;
    return decodeSearchHits(id, result.ids.subarray(...slots), result.distances.subarray(...slots));
  });
  // Whether a one-hop read really went one hop is worth knowing when reading the history.
  const note =
    via === 'direct' && result.path !== 'direct'
      ? `served by ${result.path}${result.fallbackReason ? ` (${result.fallbackReason})` : ''}`
      : undefined;
  return { reads, note };
}

async function readByGet(target: CallTarget, ids: readonly number[]): Promise<BatchAnswer> {
  const rows = await target.client.get(target.collection, BigInt64Array.from(ids, BigInt), {
    withVectors: true,
    deadlineMs: target.deadlineMs,
  });
  return { reads: ids.map((id) => decodeGetRows(target.layout, id, rows.ids, rows.vectors)) };
}
