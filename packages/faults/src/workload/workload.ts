import type { VecshardClient } from '@vecshard/client';
import type { HistoryRecorder } from '../history/history-recorder.js';
import type { ReadPath } from '../history/operation.js';
import { type CallTarget, recordedDelete, recordedReads, recordedUpsert } from './recorded-calls.js';
import { RollingKeys } from './rolling-keys.js';
import { SeededRandom } from './seeded-random.js';
import { encodeWrite, MAX_WRITES_PER_ID, vectorLayout } from './vector-encoding.js';

/** How long a client loop pauses after a failed call before its next one. */
const FAILED_CALL_PAUSE_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface WorkloadOptions {
  /**
   * One operation loop per client (times `loopsPerClient`). Build them with
   * `retries: 0`: a write is never retried by the client anyway, and reads
   * retried within their deadline are still reads within their interval.
   */
  clients: VecshardClient[];
  collection: string;
  dim: number;
  /** Ids operated on at once (each slot rolls over to a fresh id, see `operationsPerId`). */
  keys: number;
  seed: number;
  /** Every call's deadline; a write past it is unknown. */
  deadlineMs: number;
  recorder: HistoryRecorder;
  /** Lists of the collection (default 8); every search probes them all. */
  nlist?: number;
  /** Copies of every shard (default 2). */
  replicationFactor?: number;
  /** Operations on one id before its slot moves to a fresh id (default 100, at most 255). */
  operationsPerId?: number;
  /** Concurrent loops per client (default 1). */
  loopsPerClient?: number;
}

export interface Workload {
  /** Creates the collection (IVF-Flat, L2, nprobe = nlist) and trains it. */
  prepare(): Promise<void>;
  /** Runs operations from every loop until the signal aborts, then waits for those in flight. */
  run(signal: AbortSignal): Promise<void>;
  /** Reads every id used, by each read path, retrying a path that fails: the history's final reads. */
  finalReads(): Promise<void>;
  /** Every id the workload has used so far. */
  ids(): readonly number[];
}

type Step = 'upsert' | 'delete' | ReadPath;

/** Writes a third, deletes a tenth, reads by each path equally. */
const STEPS: readonly (readonly [Step, number])[] = [
  ['upsert', 3],
  ['delete', 1],
  ['search', 2],
  ['direct', 2],
  ['get', 2],
];
const FINAL_READ_BATCH = 100;
const FINAL_READ_ATTEMPTS = 10;
const FINAL_READ_PAUSE_MS = 500;
const TRAINING_VECTORS_PER_LIST = 64;

export function createWorkload(options: WorkloadOptions): Workload {
  const layout = vectorLayout(options.dim);
  const nlist = options.nlist ?? 8;
  const operationsPerId = options.operationsPerId ?? 100;
  if (operationsPerId > MAX_WRITES_PER_ID)
    throw new Error(`operationsPerId must be at most ${MAX_WRITES_PER_ID}, got ${operationsPerId}`);
  if (options.clients.length === 0) throw new Error('the workload needs at least one client');
  const keys = new RollingKeys(options.keys, operationsPerId, layout.capacity);
  const targetOf = (client: VecshardClient): CallTarget => ({
    client,
    collection: options.collection,
    layout,
    nlist,
    deadlineMs: options.deadlineMs,
    recorder: options.recorder,
  });
  const loops = options.clients.flatMap((client) =>
    Array.from({ length: options.loopsPerClient ?? 1 }, () => targetOf(client)),
  );

  /** Resolves to whether the call succeeded. */
  const step = async (target: CallTarget, process: number, random: SeededRandom): Promise<boolean> => {
    const id = keys.take(random.int(0, keys.slotCount - 1));
    const chosen = random.weighted(STEPS);
    if (chosen === 'upsert') return recordedUpsert(target, process, id, keys.nextWrite(id));
    if (chosen === 'delete') return recordedDelete(target, process, id);
    return recordedReads(target, process, [id], chosen);
  };

  return {
    prepare: async () => {
      const client = options.clients[0];
      await client.createCollection({
        name: options.collection,
        dim: options.dim,
        metric: 'l2',
        index: `IVF${nlist},Flat`,
        nprobe: nlist,
        replicationFactor: options.replicationFactor ?? 2,
      });
      await client.train(options.collection, trainingSample(layout, nlist, options.seed));
    },
    run: async (signal) => {
      await Promise.all(
        loops.map(async (target, process) => {
          const random = SeededRandom.stream(options.seed, process);
          // A failed call (a dead coordinator refuses at once) is followed by a pause, as a
          // real client backs off: without it one loop records thousands of unknown calls.
          while (!signal.aborted)
            if (!(await step(target, process, random))) await sleep(FAILED_CALL_PAUSE_MS);
        }),
      );
    },
    finalReads: async () => {
      // A process number of its own: the final reads follow every loop's operations.
      const process = loops.length;
      const target = loops[0];
      for (let from = 0; from < keys.used.length; from += FINAL_READ_BATCH) {
        const batch = keys.used.slice(from, from + FINAL_READ_BATCH);
        for (const via of ['search', 'direct', 'get'] as const)
          await readUntilAnswered(target, process, batch, via);
      }
    },
    ids: () => keys.used,
  };
}

/** Retries a final read while the cluster settles after healing; every attempt is in the history. */
async function readUntilAnswered(
  target: CallTarget,
  process: number,
  ids: number[],
  via: ReadPath,
): Promise<void> {
  for (let attempt = 1; attempt <= FINAL_READ_ATTEMPTS; attempt++) {
    if (await recordedReads(target, process, ids, via, true)) return;
    await new Promise((resolve) => setTimeout(resolve, FINAL_READ_PAUSE_MS));
  }
}

/** Vectors like the workload's: homes of ids spread over the lattice, with write numbers. */
function trainingSample(layout: ReturnType<typeof vectorLayout>, nlist: number, seed: number): Float32Array {
  const random = SeededRandom.stream(seed, 0);
  const count = nlist * TRAINING_VECTORS_PER_LIST;
  const sample = new Float32Array(count * layout.dim);
  for (let row = 0; row < count; row++) {
    const id = random.int(0, Math.min(layout.capacity, 2 ** 31) - 1);
    sample.set(encodeWrite(layout, id, random.int(1, MAX_WRITES_PER_ID)), row * layout.dim);
  }
  return sample;
}
