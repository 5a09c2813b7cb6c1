import type { ClusterKeys } from '@vecshard/proto';
import type { Redis } from 'ioredis';

/**
 * One acknowledged write, as the client sent it (ids int64 LE, vectors
 * float32 LE), with the rows' fields encoded by the row codec (none for a
 * collection without fields).
 */
export type LoggedWrite =
  | { id: string; op: 'upsert'; ids: Buffer; vectors: Buffer; fields?: Buffer; seq: string }
  | { id: string; op: 'delete'; ids: Buffer; seq: string };

/** The position before any entry. */
export const LOG_START = '0-0';

/**
 * Each collection's writes since its last snapshot, in a Redis stream. A
 * worker that restarts empty is refilled from the snapshot and then from the
 * writes logged after it, so no acknowledged write is lost with the worker.
 * A snapshot trims the entries it covers; a restore empties the log.
 */
export class WriteLog {
  constructor(
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
  ) {}

  /**
   * Logs an acknowledged upsert with its write sequence (`seq`, '' for none);
   * resolves to the bytes the log holds since it was last trimmed. The
   * sequence goes back to the copies when the log is replayed, so a copy
   * rebuilt from it keeps the rows' versions: a write older than a logged
   * one (a bulk import's batch sent again, see jobs/import-job.ts) is
   * refused there as it is on the copies that never restarted.
   */
  async upsert(
    collection: string,
    ids: Uint8Array,
    vectors: Uint8Array,
    fields?: Uint8Array,
    seq = '',
  ): Promise<number> {
    const entry = ['op', 'upsert', 'ids', Buffer.from(ids), 'vectors', Buffer.from(vectors)];
    if (fields && fields.byteLength > 0) entry.push('fields', Buffer.from(fields));
    if (seq) entry.push('seq', seq);
    return this.add(collection, entry);
  }

  async delete(collection: string, ids: Uint8Array, seq = ''): Promise<number> {
    const entry = ['op', 'delete', 'ids', Buffer.from(ids)];
    if (seq) entry.push('seq', seq);
    return this.add(collection, entry);
  }

  /** The position of the newest entry (LOG_START when there is none). */
  async last(collection: string): Promise<string> {
    const newest = await this.redis.xrevrange(this.keys.writeLog(collection), '+', '-', 'COUNT', 1);
    return newest[0]?.[0] ?? LOG_START;
  }

  /** Entries after `position`, oldest first, read a page at a time. */
  async *after(collection: string, position: string, pageSize = 16): AsyncGenerator<LoggedWrite> {
    let from = `(${position}`;
    for (;;) {
      const page = await this.redis.xrangeBuffer(
        this.keys.writeLog(collection),
        from,
        '+',
        'COUNT',
        pageSize,
      );
      for (const [id, fields] of page) yield parseEntry(id.toString(), fields);
      if (page.length < pageSize) return;
      from = `(${page[page.length - 1][0].toString()}`;
    }
  }

  /** Drops the entries at or before `position` (a snapshot now holds them). */
  async trimThrough(collection: string, position: string): Promise<void> {
    if (position === LOG_START) return;
    const [ms, seq] = position.split('-').map(Number);
    // Entries other coordinators logged during the snapshot stay, uncounted: the count only
    // decides when the next snapshot is due.
    await this.redis
      .multi()
      .xtrim(this.keys.writeLog(collection), 'MINID', `${ms}-${seq + 1}`)
      .set(this.keys.writeLogBytes(collection), 0)
      .exec();
  }

  /** Empties the log (the collection was restored or dropped). */
  async clear(collection: string): Promise<void> {
    await this.redis.del(this.keys.writeLog(collection), this.keys.writeLogBytes(collection));
  }

  private async add(collection: string, fields: (string | Buffer)[]): Promise<number> {
    const bytes = fields.reduce((sum, field) => sum + field.length, 0);
    const results = await this.redis
      .multi()
      .xadd(this.keys.writeLog(collection), '*', ...fields)
      .incrby(this.keys.writeLogBytes(collection), bytes)
      .exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error('the write log append was discarded');
    return Number(results[1][1]);
  }
}

function parseEntry(id: string, fields: Buffer[]): LoggedWrite {
  const values = new Map<string, Buffer>();
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i].toString(), fields[i + 1]);
  const op = values.get('op')?.toString();
  const ids = values.get('ids') ?? Buffer.alloc(0);
  const seq = values.get('seq')?.toString() ?? '';
  if (op === 'delete') return { id, op, ids, seq };
  return {
    id,
    op: 'upsert',
    ids,
    seq,
    vectors: values.get('vectors') ?? Buffer.alloc(0),
    fields: values.get('fields'),
  };
}
