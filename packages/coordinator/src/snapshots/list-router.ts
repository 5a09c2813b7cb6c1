import { decodeIds, type WorkerListContent } from '@vecshard/proto';
import type { ListData } from '@vecshard/storage';
import type { CollectionRecord } from '../collection-record.js';
import { listOwners } from '../placement/list-placement.js';
import { scatterShardOf } from '../routing.js';

/** Where each stored part of a list goes: new shard → the list content it receives. */
export type Router = (list: number, parts: ListData[]) => Map<number, WorkerListContent>;

/** Where a list's rows go: to the list's owner, or under scatter routing to each row's shard by id. */
export function listRouter(record: CollectionRecord): Router {
  if (record.routing === 'scatter') {
    const shardCount = record.placement.length;
    return (list, parts) => splitById(list, parts, shardCount);
  }
  const owners = listOwners(
    record.placement.map((shard) => shard.lists),
    record.nlist,
  );
  return (list, parts) => new Map([[owners[list], joinParts(list, parts)]]);
}

function joinParts(list: number, parts: ListData[]): WorkerListContent {
  return {
    list,
    ids: Buffer.concat(parts.map((part) => part.ids)),
    codes: Buffer.concat(parts.map((part) => part.codes)),
  };
}

function splitById(list: number, parts: ListData[], shardCount: number): Map<number, WorkerListContent> {
  const rows = new Map<number, { ids: Buffer[]; codes: Buffer[] }>();
  for (const part of parts) {
    const ids = decodeIds(part.ids);
    const codeSize = ids.length > 0 ? part.codes.byteLength / ids.length : 0;
    ids.forEach((id, row) => {
      const shard = scatterShardOf(id, shardCount);
      const into = rows.get(shard) ?? { ids: [], codes: [] };
      into.ids.push(Buffer.from(part.ids.subarray(row * 8, row * 8 + 8)));
      into.codes.push(Buffer.from(part.codes.subarray(row * codeSize, (row + 1) * codeSize)));
      rows.set(shard, into);
    });
  }
  return new Map(
    [...rows].map(([shard, into]) => [
      shard,
      { list, ids: Buffer.concat(into.ids), codes: Buffer.concat(into.codes) },
    ]),
  );
}
