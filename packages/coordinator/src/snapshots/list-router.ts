import {
  type Column,
  concatColumns,
  decodeFieldRows,
  decodeIds,
  emptyColumns,
  encodeFieldRows,
  type FieldSpec,
  sliceColumns,
  type WorkerListContent,
} from '@vecshard/proto';
import type { ListData } from '@vecshard/storage';
import type { CollectionRecord } from '../collection-record.js';
import { listOwners } from '../placement/list-placement.js';
import { tenantShardOfRow } from '../placement/tenant-placement.js';
import { scatterShardOf } from '../routing.js';

/** Where each stored part of a list goes: new shard → the list content it receives. */
export type Router = (list: number, parts: ListData[]) => Map<number, WorkerListContent>;

/** Where a list's rows go: to the list's owner, or under scatter routing to each row's shard by id. */
export function listRouter(record: CollectionRecord): Router {
  const schema = record.fields ?? [];
  if (record.routing === 'scatter') {
    const shardCount = record.placement.length;
    const shardsOf = record.partitionKey
      ? byTenant(record)
      : (ids: BigInt64Array) => Int32Array.from(ids, (id) => scatterShardOf(id, shardCount));
    return (list, parts) => splitRows(list, parts, shardsOf, schema);
  }
  const owners = listOwners(
    record.placement.map((shard) => shard.lists),
    record.nlist,
  );
  return (list, parts) => new Map([[owners[list], joinParts(list, parts, schema)]]);
}

function joinParts(list: number, parts: ListData[], schema: FieldSpec[]): WorkerListContent {
  const ids = Buffer.concat(parts.map((part) => part.ids));
  const codes = Buffer.concat(parts.map((part) => part.codes));
  if (schema.length === 0) return { list, ids, codes };
  // One part (the common case) passes as stored.
  const fields =
    parts.length === 1 && parts[0].fields
      ? Buffer.from(parts[0].fields)
      : encodeRowGroups(
          schema,
          parts.map((part) => fieldsOf(part, schema)),
        );
  return { list, ids, codes, fields };
}

/** Ids and fields of some rows of a list. */
interface RowGroup {
  ids: BigInt64Array;
  columns: Column[];
}

/** A part's rows and fields (a part stored without fields has every field missing). */
function fieldsOf(part: ListData, schema: FieldSpec[]): RowGroup {
  if (part.fields && part.fields.byteLength > 0) return decodeFieldRows(schema, Buffer.from(part.fields));
  const ids = decodeIds(part.ids);
  return { ids, columns: emptyColumns(schema, ids.length) };
}

/** Row groups as one encoded list of fields. */
function encodeRowGroups(schema: FieldSpec[], groups: RowGroup[]): Buffer {
  const ids = new BigInt64Array(groups.reduce((sum, group) => sum + group.ids.length, 0));
  let at = 0;
  for (const group of groups) {
    ids.set(group.ids, at);
    at += group.ids.length;
  }
  return encodeFieldRows(schema, ids, concatColumns(groups.map((group) => group.columns)));
}

/** Each row's shard (of a part's rows): by id, or by tenant from the part's fields. */
type ShardsOf = (ids: BigInt64Array, fields: RowGroup | undefined) => Int32Array;

/** Rows go where their tenant (partition key value) lives. */
function byTenant(record: CollectionRecord): ShardsOf {
  return (ids, fields) => {
    if (!fields) throw new Error(`a stored list of "${record.name}" has no fields, so no partition key`);
    const shardOf = tenantShardOfRow(record, fields.columns);
    return Int32Array.from(ids, (_, row) => shardOf(row));
  };
}

function splitRows(
  list: number,
  parts: ListData[],
  shardsOf: ShardsOf,
  schema: FieldSpec[],
): Map<number, WorkerListContent> {
  const rows = new Map<number, { ids: Buffer[]; codes: Buffer[]; fields: RowGroup[] }>();
  for (const part of parts) {
    const ids = decodeIds(part.ids);
    const codeSize = ids.length > 0 ? part.codes.byteLength / ids.length : 0;
    const fields = schema.length > 0 ? fieldsOf(part, schema) : undefined;
    const shards = shardsOf(ids, fields);
    const picked = new Map<number, number[]>();
    ids.forEach((_, row) => {
      const shard = shards[row];
      const into = rows.get(shard) ?? { ids: [], codes: [], fields: [] };
      into.ids.push(Buffer.from(part.ids.subarray(row * 8, row * 8 + 8)));
      into.codes.push(Buffer.from(part.codes.subarray(row * codeSize, (row + 1) * codeSize)));
      rows.set(shard, into);
      const mine = picked.get(shard) ?? [];
      mine.push(row);
      picked.set(shard, mine);
    });
    if (!fields) continue;
    for (const [shard, shardRows] of picked) {
      rows.get(shard)!.fields.push({
        ids: BigInt64Array.from(shardRows, (row) => fields.ids[row]),
        columns: sliceColumns(fields.columns, shardRows),
      });
    }
  }
  return new Map(
    [...rows].map(([shard, into]) => [
      shard,
      {
        list,
        ids: Buffer.concat(into.ids),
        codes: Buffer.concat(into.codes),
        ...(schema.length > 0 ? { fields: encodeRowGroups(schema, into.fields) } : {}),
      },
    ]),
  );
}
