import { randomUUID } from 'node:crypto';
import type { ClusterKeys } from '@vecshard/proto';
import type { Redis } from 'ioredis';
import type { CollectionRecord } from '../collection-record.js';
import type { ReplicaAcks } from '../redis-durability.js';
import type { WriteNumber } from '../write-sequence.js';
import {
  ADD_SCRIPT,
  CREATE_SCRIPT,
  DROP_SCRIPT,
  MERGE_SCRIPT,
  OR_SCRIPT,
  RESERVE_SCRIPT,
  ROW_BYTES,
  STATE_SCRIPT,
  WRITE_SCRIPT,
} from './id-filter-scripts.js';
import { idHashes } from './id-hashes.js';

/** Ids a shard's first generation holds at the false-positive rate below; later ones double. */
export const FIRST_CAPACITY = 16_384;
/** False-positive rate of the first generation; each later one halves it, so all of them together stay under twice this. */
export const FIRST_FALSE_POSITIVE = 0.001;
/**
 * Bit look-ups (rows × shards not otherwise called × generations) a write may
 * make in Redis before it rather goes to every shard: a large batch reaches
 * most shards with vectors anyway, and an extra call costs less than holding
 * Redis up.
 */
export const CHECK_BUDGET = 2048;
/**
 * Ids set per script call when filters are filled in bulk (a restore, a
 * rebuild, a large upsert batch): a few milliseconds of Redis each, so a
 * large batch never holds Redis up for long (worker heartbeats go through it).
 */
const ADD_CHUNK = 1024;
/**
 * Ids from which a bulk fill sets its bits in the coordinator instead
 * (addBulk): one bitmap per shard OR-ed into Redis, instead of a bit field
 * call per id in a script (about 30 µs of Redis per id on a busy 2-core machine).
 */
const BULK_FROM = 8192;

/** The placement a write is routed by: its shards and epoch. */
export interface RoutedBy {
  shards: number;
  epoch: number;
}

/** What the filters answer a write. */
export type FilterAnswer =
  | {
      kind: 'routed';
      /** The write's sequence in its collection. */
      seq: string;
      /**
       * The other shards whose filters may hold some id of the write (so it
       * must be removed there); undefined: every shard, the filters could not tell.
       */
      holders?: number[];
    }
  /** A shard storing rows has had lists moved off it since the write was routed: route it again. */
  | { kind: 'stale'; shard: number; floor: number }
  /** The filters were made anew (a restore, a rebuild) since the write's first attempt. */
  | { kind: 'remade' };

type ScriptRunner = (...args: (string | number | Buffer)[]) => Promise<unknown>;

/**
 * Per-shard Bloom filters of the ids each shard of a collection may hold,
 * kept in Redis as plain bitmaps next to the write sequence, so an upsert
 * goes to the shard storing each row and to the few shards that may hold an
 * older vector of one of its ids, instead of to every shard.
 *
 * Exactness rests on three rules. (1) A write's ids are set in the filters
 * of the shards it stores them on no later than the step that takes its
 * sequence (in that same atomic script; a large batch's in chunks just
 * before it), and its look-up of the other shards comes after: of two
 * writes to one id, the later one (higher sequence) always finds the
 * earlier one's shard and sends it its removal, with the higher sequence
 * (the shards' row versions refuse the older write should it arrive later). (2) Bits are only
 * ever set: a filter holds every id its shard was ever sent, and more. (3)
 * Ids that reach a shard other than through a write are added first: lists
 * moving to another shard (the source's filters are OR-ed into the
 * target's, while writes to the source are held), restores (the restored
 * lists' ids), rebuilds (every id the shards hold, while writes are held).
 * (4) A write sent again keeps its sequence (write-sequence.ts) and sets its
 * ids again where it is routed now. That is safe because the merge of a
 * list move also gives the old owner a floor: a write routed by the
 * placement the move leaves is sent back before it takes a number or sets
 * anything, so every write that set ids in the old owner's filter did so
 * before the merge, which carries them to the new owner; and the new owner
 * takes the old owner's row versions with the lists, so it refuses the
 * writes older than a later one that went to the old owner only. Filters
 * made anew (a restore, a rebuild) get a new incarnation, and a write begun
 * under another fails rather than set its ids after later writes looked.
 *
 * Filters that are missing (a collection trained before they existed, or
 * lost with Redis) or being built are not consulted: writes then go to every
 * shard, as before. Every change is confirmed on a Redis replica, as the
 * write sequence is, before a write relies on it.
 */
export class IdFilters {
  private readonly scripts: Record<
    'write' | 'add' | 'reserve' | 'or' | 'merge' | 'create' | 'state' | 'drop',
    ScriptRunner
  >;

  constructor(
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
    private readonly acks?: ReplicaAcks,
  ) {
    const define = (name: string, lua: string, numberOfKeys = 1): ScriptRunner => {
      const command = `vecshardIdFilter${name}`;
      redis.defineCommand(command, { numberOfKeys, lua });
      const runner = (redis as unknown as Record<string, ScriptRunner>)[command];
      return runner.bind(redis);
    };
    this.scripts = {
      write: define('Write', WRITE_SCRIPT, 2),
      add: define('Add', ADD_SCRIPT),
      reserve: define('Reserve', RESERVE_SCRIPT),
      or: define('Or', OR_SCRIPT),
      merge: define('Merge', MERGE_SCRIPT),
      create: define('Create', CREATE_SCRIPT),
      state: define('State', STATE_SCRIPT),
      drop: define('Drop', DROP_SCRIPT),
    };
  }

  /**
   * Takes an upsert's sequence (or, on a later attempt, keeps the one in
   * `number`), sets each id in the filter of the shard that will store it
   * (`shards[row]`), and names the other shards that may hold any of the ids.
   */
  async upsert(
    collection: string,
    ids: BigInt64Array,
    shards: Int32Array,
    routedBy: RoutedBy,
    number: WriteNumber,
  ): Promise<FilterAnswer> {
    if (ids.length <= ADD_CHUNK) return this.write(collection, 'u', ids, shards, routedBy, number);
    // Set in chunks first, then the sequence: every write taking a later one sees them.
    await this.addRows(collection, ids, shards);
    return this.write(collection, 'c', ids, shards, routedBy, number);
  }

  /** Takes a delete's sequence (or keeps the one in `number`) and names the shards that may hold any of the ids. */
  async delete(
    collection: string,
    ids: BigInt64Array,
    routedBy: RoutedBy,
    number: WriteNumber,
  ): Promise<FilterAnswer> {
    return this.write(collection, 'd', ids, new Int32Array(ids.length).fill(-1), routedBy, number);
  }

  private async write(
    collection: string,
    mode: 'u' | 'c' | 'd',
    ids: BigInt64Array,
    shards: Int32Array,
    routedBy: RoutedBy,
    number: WriteNumber,
  ): Promise<FilterAnswer> {
    const storing = mode === 'd' ? '' : [...new Set(shards)].join(',');
    const answer = (await this.scripts.write(
      this.keys.idFilters(collection),
      this.keys.writeSequence(collection),
      this.keys.idFilterBits(collection),
      mode,
      routedBy.shards,
      CHECK_BUDGET,
      rowBytes(ids, shards),
      storing,
      routedBy.epoch,
      number.seq ?? '',
      number.filters ?? '',
    )) as (number | string)[];
    const status = Number(answer[0]);
    if (status === 2) return { kind: 'stale', shard: Number(answer[1]), floor: Number(answer[2]) };
    if (status === 3) return { kind: 'remade' };
    const seq = String(answer[1]);
    // The filters' change and the sequence: a failover must keep both before any write relies on them.
    await this.acks?.confirm(`write sequence ${seq} of "${collection}"`);
    if (number.seq === undefined) {
      number.seq = seq;
      number.filters = String(answer[2] ?? '');
    }
    return status === 1
      ? { kind: 'routed', seq }
      : { kind: 'routed', seq, holders: answer.slice(3).map(Number) };
  }

  /** Empty filters for every shard, replacing any: a collection trained now holds nothing yet. */
  async create(collection: string, shardCount: number, state: 'ready' | 'building' = 'ready'): Promise<void> {
    await this.scripts.create(
      this.keys.idFilters(collection),
      this.keys.idFilterBits(collection),
      state,
      shardCount,
      FIRST_CAPACITY,
      String(FIRST_FALSE_POSITIVE),
      randomUUID(),
    );
    await this.acks?.confirm(`the id filters of "${collection}"`);
  }

  /** Sets ids in one shard's filter, without a write sequence (a restore or rebuild filling them). */
  async add(collection: string, shard: number, ids: BigInt64Array): Promise<void> {
    await this.addRows(collection, ids, new Int32Array(ids.length).fill(shard));
  }

  /** Sets each id in the filter of its shard (`shards[row]`), a chunk per script call. */
  private async addRows(collection: string, ids: BigInt64Array, shards: Int32Array): Promise<void> {
    if (ids.length >= BULK_FROM) return this.addBulk(collection, ids, shards);
    for (let at = 0; at < ids.length; at += ADD_CHUNK) {
      const end = Math.min(ids.length, at + ADD_CHUNK);
      await this.scripts.add(
        this.keys.idFilters(collection),
        this.keys.idFilterBits(collection),
        rowBytes(ids.subarray(at, end), shards.subarray(at, end)),
      );
    }
  }

  /**
   * Sets many ids at once: the newest generation is made large enough for
   * them and counts them in (RESERVE_SCRIPT), each shard's bits are set in a
   * bitmap here, by the same double hashing as the scripts', and OR-ed into
   * its filter (OR_SCRIPT). Like addRows, it ends before the write's
   * sequence is taken; a generation grown meanwhile by another write is
   * harmless, as look-ups read every generation.
   */
  private async addBulk(collection: string, ids: BigInt64Array, shards: Int32Array): Promise<void> {
    const rows = new Map<number, number[]>();
    for (let row = 0; row < ids.length; row++) {
      const list = rows.get(shards[row]);
      if (list) list.push(row);
      else rows.set(shards[row], [row]);
    }
    const wanted = [...rows].map(([shard, list]) => `${shard}:${list.length}`).join(',');
    const meta = this.keys.idFilters(collection);
    const prefix = this.keys.idFilterBits(collection);
    const reserved = (await this.scripts.reserve(meta, prefix, wanted)) as number[];
    if (reserved.length === 0) return;
    const [generation, m, k] = reserved.map(Number);
    const hashes = idHashes(ids);
    for (const [shard, list] of rows) {
      const bits = Buffer.alloc(Math.ceil(m / 8));
      for (const row of list) {
        const h1 = hashes[2 * row];
        const h2 = hashes[2 * row + 1];
        for (let i = 0; i < k; i++) {
          // As the scripts: (h1 + i·h2) mod m in doubles (exact below 2^53); Redis bit 0 is the high bit.
          const bit = (h1 + i * h2) % m;
          bits[bit >>> 3] |= 0x80 >>> (bit & 7);
        }
      }
      await this.scripts.or(meta, prefix, generation, shard, bits);
    }
  }

  /**
   * Shard `to`'s filters take every id of shard `from`'s, before lists move
   * from one to the other, once `from`'s copies hold writes routed below
   * `floor`; writes storing rows on `from` routed below it are sent back
   * from now on, before they set anything.
   */
  async merge(collection: string, from: number, to: number, floor: number): Promise<void> {
    await this.scripts.merge(
      this.keys.idFilters(collection),
      this.keys.idFilterBits(collection),
      from,
      to,
      floor,
    );
    await this.acks?.confirm(`the id filters of "${collection}"`);
  }

  /** Marks filled filters ready: writes consult them from now on. */
  async markReady(collection: string): Promise<void> {
    await this.scripts.state(this.keys.idFilters(collection), this.keys.idFilterBits(collection), 'ready');
    await this.acks?.confirm(`the id filters of "${collection}"`);
  }

  /** "ready", "building", or undefined when there are none (writes go to every shard). */
  async state(collection: string): Promise<'ready' | 'building' | undefined> {
    const state = await this.redis.hget(this.keys.idFilters(collection), 'state');
    return state === 'ready' || state === 'building' ? state : undefined;
  }

  /** Deletes the collection's filters (a drop, or filters about to be rebuilt). */
  async drop(collection: string): Promise<void> {
    await this.scripts.drop(this.keys.idFilters(collection), this.keys.idFilterBits(collection));
  }
}

/**
 * Whether a collection keeps id filters: rows may move to another shard when
 * upserted again (list routing: another list; a partition key: another
 * tenant). Under scatter routing an id has one shard, its hash's.
 */
export function keepsIdFilters(record: Pick<CollectionRecord, 'routing' | 'partitionKey'>): boolean {
  return record.routing === 'lists' || record.partitionKey !== undefined;
}

/** The arguments that delete a collection's filters in a MULTI (see CollectionStore.drop). */
export function dropFiltersScript(keys: ClusterKeys, collection: string): [string, number, string, string] {
  return [DROP_SCRIPT, 1, keys.idFilters(collection), keys.idFilterBits(collection)];
}

/** Each row's shard and hashes, as the scripts read them. */
function rowBytes(ids: BigInt64Array, shards: Int32Array): Buffer {
  const hashes = idHashes(ids);
  const bytes = Buffer.alloc(ids.length * ROW_BYTES);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let row = 0; row < ids.length; row++) {
    view.setInt32(row * ROW_BYTES, shards[row], true);
    view.setUint32(row * ROW_BYTES + 4, hashes[2 * row], true);
    view.setUint32(row * ROW_BYTES + 8, hashes[2 * row + 1], true);
  }
  return bytes;
}
