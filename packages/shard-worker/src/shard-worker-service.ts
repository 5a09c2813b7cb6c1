import {
  decodeColumns,
  decodeFloats,
  decodeIds,
  encodeArray,
  encodeColumns,
  type InternalErrorSink,
  invalidArgument,
  metricFromEnum,
  notFound,
  RpcError,
  type ShardWorkerHandlers,
  schemaFromWire,
  serverStream,
  unary,
  WireFormatError,
} from '@vecshard/proto';
import { matchStatsMessage } from './match-stats-message.js';
import type { ReadLease } from './read-lease.js';
import { ShardCollection } from './shard-collection.js';

/** The shards a worker holds, by {@link shardKey}: several shards of one collection may share a worker. */
export type ShardRegistry = Map<string, ShardCollection>;

/** Registry key of one shard of a collection. */
export function shardKey(collection: string, shard: number): string {
  return `${shard}/${collection}`;
}

/** Identity the worker reports in Stats. */
export interface WorkerIdentity {
  id: string;
  device: string;
  /** The FAISS build this process searches with. */
  faissBuild: string;
  /** GPU scratch memory for FAISS on a cuda device (0 = FAISS's default). */
  gpuTempMemoryBytes?: number;
  /** Reads are answered only while it holds (a worker registered in Redis). */
  lease?: ReadLease;
}

/** gRPC handlers of vecshard.worker.v1.ShardWorker over a registry of shard collections. */
export function shardWorkerHandlers(
  registry: ShardRegistry,
  identity: WorkerIdentity,
  onInternal?: InternalErrorSink,
): ShardWorkerHandlers {
  const held = (name: string, shardNumber: number): ShardCollection => {
    const shard = registry.get(shardKey(name, shardNumber));
    if (!shard) {
      throw notFound(`shard ${shardNumber} of collection "${name}" is not attached to worker ${identity.id}`);
    }
    return shard;
  };

  return {
    Attach: unary(
      'Attach',
      async (req) => {
        const metric = metricFromEnum(req.metric);
        if (!metric) throw invalidArgument(`metric ${req.metric} is not supported`);
        const shard = await ShardCollection.attach(
          req.collection,
          req.shard,
          req.template,
          metric,
          req.lists,
          {
            device: identity.device,
            gpuTempMemoryBytes: identity.gpuTempMemoryBytes,
            lease: identity.lease,
            epoch: BigInt(req.epoch),
          },
          schemaFromWire(req.fields, ''),
        );
        shard.setLoading(req.loading);
        registry.set(shardKey(req.collection, req.shard), shard);
        return {};
      },
      onInternal,
    ),

    AddPreassigned: unary(
      'AddPreassigned',
      async (req) => {
        const result = await wire(() => {
          const shard = held(req.collection, req.shard);
          shard.admitWrite(BigInt(req.epoch));
          const ids = decodeIds(req.ids);
          return shard.add(
            ids,
            decodeFloats(req.vectors),
            decodeIds(req.lists, 'lists'),
            decodeIds(req.replaceIds, 'replace ids'),
            req.fields.length > 0 ? decodeColumns(shard.schema, req.fields, ids.length) : undefined,
            Number(req.seq),
          );
        });
        return { added: String(result.added), replaced: String(result.replaced) };
      },
      onInternal,
    ),

    SearchPreassigned: unary(
      'SearchPreassigned',
      async (req) => {
        const result = await wire(() =>
          held(req.collection, req.shard).search(
            decodeFloats(req.queries, 'queries'),
            req.k,
            {
              lists: decodeIds(req.lists, 'lists'),
              distances: decodeFloats(req.centroidDistances, 'centroid distances'),
            },
            {
              filter: req.filter ?? undefined,
              exact: req.exact,
              outputFields: req.outputFields,
              exactShare: req.exactShare,
            },
          ),
        );
        const planned = result.plannedAlone;
        return {
          ids: encodeArray(result.labels),
          distances: encodeArray(result.distances),
          fields: result.fields ? encodeColumns(result.fields) : [],
          matches: planned ? matchStatsMessage(planned.matches) : null,
          searched: planned?.searched ?? true,
        };
      },
      onInternal,
    ),

    Delete: unary(
      'Delete',
      async (req) => {
        const deleted = await wire(() => {
          const shard = held(req.collection, req.shard);
          shard.admitWrite(BigInt(req.epoch));
          return shard.delete(decodeIds(req.ids), Number(req.seq));
        });
        return { deleted: String(deleted) };
      },
      onInternal,
    ),

    Stats: unary(
      'Stats',
      async () => ({
        workerId: identity.id,
        device: identity.device,
        faissBuild: identity.faissBuild,
        rssBytes: String(process.memoryUsage.rss()),
        collections: [...registry.values()].map((shard) => {
          const s = shard.stats();
          return {
            ...s,
            vectors: String(s.vectors),
            memoryBytes: String(s.memoryBytes),
            searchRequests: String(s.searchRequests),
            searchQueries: String(s.searchQueries),
          };
        }),
      }),
      onInternal,
    ),

    ListDigests: unary(
      'ListDigests',
      async (req) => ({
        digests: held(req.collection, req.shard)
          .listDigests()
          .map((digest) => ({ ...digest, vectors: String(digest.vectors), bytes: String(digest.bytes) })),
      }),
      onInternal,
    ),

    ExportLists: serverStream(
      'ExportLists',
      async function* (req) {
        for await (const content of held(req.collection, req.shard).exportLists(req.lists)) {
          yield {
            list: content.list,
            ids: encodeArray(content.ids),
            codes: encodeArray(content.codes),
            fields: content.fields ? encodeArray(content.fields) : Buffer.alloc(0),
          };
        }
      },
      onInternal,
    ),

    ImportLists: unary(
      'ImportLists',
      async (req) => {
        const vectors = await wire(() => {
          const shard = held(req.collection, req.shard);
          shard.admitWrite(BigInt(req.epoch));
          const versions = req.versions
            ? {
                ids: decodeIds(req.versions.ids),
                seqs: decodeIds(req.versions.seqs, 'sequences'),
                forgottenBelow: Number(req.versions.forgottenBelow),
              }
            : undefined;
          if (versions && versions.ids.length !== versions.seqs.length)
            throw invalidArgument(`${versions.seqs.length} sequences for ${versions.ids.length} ids`);
          return shard.importLists(
            req.lists.map((content) => ({
              list: content.list,
              ids: decodeIds(content.ids),
              codes: new Uint8Array(content.codes.buffer, content.codes.byteOffset, content.codes.byteLength),
              fields: content.fields,
            })),
            versions,
          );
        });
        return { vectors: String(vectors) };
      },
      onInternal,
    ),

    FinishLoading: unary(
      'FinishLoading',
      async (req) => {
        held(req.collection, req.shard).setLoading(false);
        return {};
      },
      onInternal,
    ),

    SetLists: unary(
      'SetLists',
      async (req) => {
        const removed = await held(req.collection, req.shard).setLists(req.lists, BigInt(req.epoch));
        return { removed: String(removed) };
      },
      onInternal,
    ),

    MatchStats: unary(
      'MatchStats',
      async (req) => {
        const stats = await wire(() =>
          held(req.collection, req.shard).matchStats(req.filter ?? undefined, req.perList),
        );
        return matchStatsMessage(stats);
      },
      onInternal,
    ),

    ReadRows: unary(
      'ReadRows',
      async (req) => {
        const shard = held(req.collection, req.shard);
        const rows = await wire(() =>
          req.ids.length > 0
            ? shard.readRowsById(decodeIds(req.ids), req.outputFields, req.withVectors)
            : shard.readMatching(
                req.filter ?? undefined,
                req.hasAfter ? BigInt(req.after) : undefined,
                req.limit,
                req.outputFields,
                req.withVectors,
              ),
        );
        return {
          ids: encodeArray(rows.ids),
          vectors: rows.vectors ? encodeArray(rows.vectors) : Buffer.alloc(0),
          fields: encodeColumns(rows.fields),
        };
      },
      onInternal,
    ),

    ExportVersions: unary(
      'ExportVersions',
      async (req) => {
        const versions = await wire(() => held(req.collection, req.shard).exportVersions(req.lists));
        return {
          ids: encodeArray(versions.ids),
          seqs: encodeArray(versions.seqs),
          forgottenBelow: String(versions.forgottenBelow),
        };
      },
      onInternal,
    ),

    HoldWrites: unary(
      'HoldWrites',
      async (req) => {
        const shard = held(req.collection, req.shard);
        shard.fenceWritesBelow(BigInt(req.epoch));
        // Writes admitted before the hold are applied before it answers: whoever holds writes to
        // read the shard (a move's export, a rebuild of the id filters) then sees all of them.
        await shard.settleWrites();
        return {};
      },
      onInternal,
    ),

    StopDirectReads: unary(
      'StopDirectReads',
      async (req) => {
        const shard = registry.get(shardKey(req.collection, req.shard));
        if (req.stale) shard?.markStale(BigInt(req.epoch));
        else shard?.stopDirectReads(BigInt(req.epoch));
        return {};
      },
      onInternal,
    ),

    Drop: unary(
      'Drop',
      async (req) => {
        for (const [key, shard] of registry) if (shard.name === req.collection) registry.delete(key);
        return {};
      },
      onInternal,
    ),
  };
}

/** Runs a step, turning malformed bytes and argument errors from the binding into INVALID_ARGUMENT. */
export async function wire<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof RpcError) throw error;
    if (error instanceof WireFormatError || error instanceof RangeError || error instanceof TypeError) {
      throw invalidArgument(error.message);
    }
    throw error;
  }
}
