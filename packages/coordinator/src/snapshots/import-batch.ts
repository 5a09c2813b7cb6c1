import type { WorkerListContent } from '@vecshard/proto';
import type { ShardPlacement } from '../collection-record.js';
import { type CoordinatorContext, replicaTarget, workerDeadline } from '../context.js';

/** Lists sent to a worker in one ImportLists call, at most about this many bytes. */
const IMPORT_BATCH_BYTES = 32 * 1024 * 1024;

/** Lists waiting to go to one copy of a shard, sent when they reach IMPORT_BATCH_BYTES. */
export class ImportBatch {
  private lists: WorkerListContent[] = [];
  private bytes = 0;
  private vectors = 0;

  constructor(
    private readonly ctx: CoordinatorContext,
    private readonly collection: string,
    /** The placement epoch the copy was attached at: the lists are sent under it. */
    private readonly epoch: number,
    private readonly shard: ShardPlacement,
    /** The worker holding the copy the lists go to. */
    private readonly workerId: string,
  ) {}

  async add(content: WorkerListContent): Promise<void> {
    this.lists.push(content);
    this.bytes += (content.ids as Buffer).byteLength + (content.codes as Buffer).byteLength;
    if (this.bytes >= IMPORT_BATCH_BYTES) await this.send();
  }

  /** Sends what is left; resolves to every vector this shard received. */
  async flush(): Promise<number> {
    await this.send();
    return this.vectors;
  }

  private async send(): Promise<void> {
    if (this.lists.length === 0) return;
    const lists = this.lists;
    this.lists = [];
    this.bytes = 0;
    const target = replicaTarget(this.ctx, this.collection, this.shard, this.workerId);
    const response = await this.ctx.clients.call(
      target,
      'ImportLists',
      { collection: this.collection, shard: this.shard.shard, lists, epoch: String(this.epoch) },
      workerDeadline(this.ctx),
    );
    this.vectors += Number(response.vectors);
  }
}
