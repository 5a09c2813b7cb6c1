import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import {
  type ClusterStatusRequest,
  type ClusterStatusResponse__Output,
  type CollectionInfo__Output,
  type CreateCollectionRequest,
  type CreateCollectionResponse__Output,
  type DeleteRequest,
  type DeleteResponse__Output,
  type DrainWorkerRequest,
  type DropCollectionRequest,
  type DropCollectionResponse__Output,
  decodeFloats,
  decodeIds,
  encodeArray,
  type GetCollectionRequest,
  type GetCollectionResponse__Output,
  type GetJobRequest,
  type GetRoutingTableRequest,
  type ImportRequest,
  type Job__Output,
  type ListCollectionsRequest,
  type ListCollectionsResponse__Output,
  type ListSnapshotsRequest,
  type ListSnapshotsResponse__Output,
  metricFromEnum,
  metricToEnum,
  REQUEST_ID_HEADER,
  type RebalanceRequest,
  type ReplicaInfo__Output,
  type RestoreRequest,
  type RoutingTable__Output,
  routingFromEnum,
  routingToEnum,
  type SearchRequest,
  type SearchResponse__Output,
  type SnapshotRequest,
  type TrainFromFileRequest,
  type TrainRequest,
  type TrainResponse__Output,
  type UpsertRequest,
  type UpsertResponse__Output,
  type VecshardGrpcClient,
  VecshardService,
  type WorkerStatus__Output,
} from '@vecshard/proto';
import { apiKeyInterceptor, channelCredentials, securityFromEnv } from './channel-security.js';
import { DirectRouter } from './direct/direct-router.js';
import { decodeRoutingTable } from './direct/routing-table.js';
import { decodeFieldColumns, encodeFieldColumns, upsertColumns } from './documents/field-columns.js';
import { filterRequest, idsOf } from './documents/filters.js';
import { parseLocally } from './documents/local-expression.js';
import { SchemaCache, STALE_SCHEMA_STATUSES } from './documents/schema-cache.js';
import { fieldTypeFromWire, type Rpc, WIRE_FIELD_TYPES } from './documents/wire.js';
import { JobFailedError, VecshardError } from './errors.js';
import { describeJob } from './job-description.js';
import { watchUntilFinished } from './job-watcher.js';
import { type RetryPolicy, withRetries } from './retry.js';
import type {
  CallOptions,
  ClientOptions,
  ClusterDescription,
  CollectionDescription,
  CountOptions,
  CreateCollectionOptions,
  FieldTypeName,
  Filter,
  GetOptions,
  GetResult,
  ImportOptions,
  JobDescription,
  QueryOptions,
  QueryPage,
  ReplicaStateName,
  SearchOptions,
  SearchResult,
  SnapshotDescription,
  TrainFromFileOptions,
  UpsertOptions,
  WaitForJobOptions,
  WatchJobOptions,
  WorkerDescription,
} from './types.js';

const DEFAULT_DEADLINE_MS = 30_000;
const DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
const DEFAULT_DIRECT_TIMEOUT_MS = 2000;

type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response?: Res) => void,
) => grpc.ClientUnaryCall;

/**
 * The vecshard client: a typed Promise API over the coordinator's gRPC
 * service. Vectors are Float32Array rows, ids BigInt64Array; both travel as
 * packed bytes without copying. Every call has a deadline; idempotent calls
 * (search, get, list, status) are retried with backoff on transient failures.
 */
export class VecshardClient {
  /** The underlying gRPC client, for RPCs this class does not wrap yet. */
  readonly raw: VecshardGrpcClient;
  private readonly deadlineMs: number;
  private readonly retry: RetryPolicy;
  private readonly direct: DirectRouter;
  private readonly directTimeoutMs: number;
  /** The fields of the collections this client writes to (see {@link upsert}). */
  private readonly schemas = new SchemaCache((name, call) => this.getCollection(name, call));

  constructor(address: string, options: ClientOptions = {}) {
    const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    const security = securityFromEnv(options, options.env);
    this.raw = new VecshardService(address, channelCredentials(security.tls), {
      'grpc.max_receive_message_length': maxBytes,
      'grpc.max_send_message_length': maxBytes,
      interceptors: security.apiKey ? [apiKeyInterceptor(security.apiKey)] : [],
    });
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.retry = { retries: options.retries ?? 3, baseDelayMs: 100, maxDelayMs: 2000 };
    this.directTimeoutMs = options.directTimeoutMs ?? DEFAULT_DIRECT_TIMEOUT_MS;
    this.direct = new DirectRouter(
      async (collection) => decodeRoutingTable(await this.idempotent('GetRoutingTable', {}, { collection })),
      channelCredentials(security.tls),
      {
        'grpc.max_receive_message_length': maxBytes,
        'grpc.max_send_message_length': maxBytes,
        interceptors: security.apiKey ? [apiKeyInterceptor(security.apiKey)] : [],
      },
      options.routingTableMaxAgeMs,
    );
  }

  async createCollection(
    options: CreateCollectionOptions,
    call?: CallOptions,
  ): Promise<CollectionDescription> {
    const metric = metricToEnum(options.metric);
    if (!metric) throw new VecshardError(grpc.status.INVALID_ARGUMENT, `unknown metric "${options.metric}"`);
    const fields = Object.entries(options.fields ?? {}).map(([name, type]) => {
      if (!Object.hasOwn(WIRE_FIELD_TYPES, type))
        throw new VecshardError(
          grpc.status.INVALID_ARGUMENT,
          `field "${name}": unknown type "${type}" (one of ${Object.keys(WIRE_FIELD_TYPES).join(', ')})`,
        );
      return { name, type: WIRE_FIELD_TYPES[type] };
    });
    this.schemas.forget(options.name);
    const response = await this.once('CreateCollection', call, {
      name: options.name,
      dim: options.dim,
      metric,
      index: options.index,
      nprobe: options.nprobe ?? 0,
      shards: options.shards ?? 0,
      routing: routingToEnum(options.routing ?? 'lists'),
      replicationFactor: options.replicationFactor ?? 0,
      placementPolicy:
        options.placementPolicy === undefined
          ? 'PLACEMENT_POLICY_UNSPECIFIED'
          : options.placementPolicy === 'balanced'
            ? 'PLACEMENT_POLICY_BALANCED'
            : 'PLACEMENT_POLICY_LOCALITY',
      fields,
      partitionKey: options.partitionKey ?? '',
    });
    return this.described(response.collection!);
  }

  async getCollection(
    name: string,
    options: CallOptions & { includeTemplate?: boolean } = {},
  ): Promise<CollectionDescription> {
    const response = await this.idempotent('GetCollection', options, {
      name,
      includeTemplate: options.includeTemplate ?? false,
    });
    return this.described(response.collection!);
  }

  async listCollections(call?: CallOptions): Promise<CollectionDescription[]> {
    const response = await this.idempotent('ListCollections', call, {});
    return response.collections.map((info) => this.described(info));
  }

  async dropCollection(name: string, call?: CallOptions): Promise<void> {
    this.schemas.forget(name);
    await this.once('DropCollection', call, { name });
  }

  /** Trains the collection on a sample (n·dim floats) and places its lists on the workers. */
  async train(name: string, vectors: Float32Array, call?: CallOptions): Promise<CollectionDescription> {
    const response = await this.once('Train', call, { collection: name, vectors: encodeArray(vectors) });
    return this.described(response.collection!);
  }

  /**
   * Inserts or replaces rows (vector and fields); resolves to the number
   * written once every shard has stored them.
   *
   * `fields` holds one column of n values (n = ids.length) per field, null or
   * undefined where a row has none: `{ price: [9.5, null], tags: [['a'], []] }`.
   * A column of another length is refused before anything is sent. The
   * values are encoded by the collection's schema, fetched with getCollection
   * on the first upsert with fields and cached; a NOT_FOUND,
   * FAILED_PRECONDITION or INVALID_ARGUMENT answer, createCollection and
   * dropCollection forget it (and a field the cached schema lacks fetches it
   * again before the upsert is refused).
   */
  async upsert(
    name: string,
    ids: BigInt64Array,
    vectors: Float32Array,
    options: UpsertOptions = {},
  ): Promise<number> {
    const given = upsertColumns(name, options.fields, ids.length);
    const call = { deadlineMs: options.deadlineMs, requestId: options.requestId };
    let fields: ReturnType<typeof encodeFieldColumns> = [];
    if (given.length > 0) {
      let schema = await this.schemas.get(name, call);
      if (given.some(([field]) => !schema.has(field))) {
        // Perhaps dropped and created again with other fields since it was cached.
        this.schemas.forget(name);
        schema = await this.schemas.get(name, call);
      }
      fields = encodeFieldColumns(name, schema, given, ids.length);
    }
    try {
      const response = await this.once('Upsert', call, {
        collection: name,
        ids: encodeArray(ids),
        vectors: encodeArray(vectors),
        fields,
      });
      return Number(response.upserted);
    } catch (error) {
      if (STALE_SCHEMA_STATUSES.has((error as VecshardError).code)) this.schemas.forget(name);
      throw error;
    }
  }

  /** Removes ids; resolves to the number actually deleted. */
  async delete(name: string, ids: BigInt64Array, call?: CallOptions): Promise<number> {
    const response = await this.once('Delete', call, { collection: name, ids: encodeArray(ids) });
    return Number(response.deleted);
  }

  /**
   * Removes every row matching the filter (an expression or a {@link Filter});
   * resolves to the exact number removed. A filter without any condition is
   * refused here (it would match every row: drop the collection instead).
   */
  async deleteByFilter(name: string, filter: Filter | string, call?: CallOptions): Promise<number> {
    const request = filterRequest(filter, 'Delete');
    if (!request.filter && !request.filterExpression)
      throw new VecshardError(
        grpc.status.INVALID_ARGUMENT,
        `Delete "${name}": the filter has no condition, so it would remove every row; ` +
          'use dropCollection for that',
      );
    const response = await this.once('Delete', call, { collection: name, ...request });
    return Number(response.deleted);
  }

  /**
   * Rows by id, in request order (ids not stored are left out): the
   * `outputFields` asked for and, with `withVectors`, their vectors.
   */
  async get(
    name: string,
    ids: BigInt64Array | readonly (bigint | number)[],
    options: GetOptions = {},
  ): Promise<GetResult> {
    const response = await this.idempotent('Get', options, {
      collection: name,
      ids: encodeArray(idsOf(ids, 'Get')),
      outputFields: options.outputFields ?? [],
      withVectors: options.withVectors ?? false,
    });
    return rowsOf(response, options.withVectors ?? false);
  }

  /**
   * One page of the rows matching a filter (every row without one), by
   * ascending id; pass `nextCursor` back as `cursor` for the next page, or
   * use {@link queryAll}.
   */
  async query(name: string, options: QueryOptions = {}): Promise<QueryPage> {
    const response = await this.idempotent('Query', options, {
      collection: name,
      ...filterRequest(options.filter, 'Query'),
      limit: options.limit ?? 0,
      cursor: options.cursor ?? '',
      outputFields: options.outputFields ?? [],
      withVectors: options.withVectors ?? false,
    });
    const page: QueryPage = rowsOf(response, options.withVectors ?? false);
    if (response.nextCursor) page.nextCursor = response.nextCursor;
    return page;
  }

  /**
   * Every page of the rows matching a filter, fetched one after the other as
   * they are consumed: `for await (const page of client.queryAll('docs', { filter }))`.
   */
  async *queryAll(name: string, options: QueryOptions = {}): AsyncGenerator<QueryPage, void, undefined> {
    let cursor = options.cursor;
    for (;;) {
      const page = await this.query(name, { ...options, cursor });
      yield page;
      if (!page.nextCursor) return;
      if (page.nextCursor === cursor)
        throw new VecshardError(grpc.status.INTERNAL, `Query "${name}": the cursor did not move on`);
      cursor = page.nextCursor;
    }
  }

  /**
   * The exact number of rows matching a filter (every row without one), as a
   * number: exact up to 2^53 − 1 rows.
   */
  async count(name: string, options: CountOptions = {}): Promise<number> {
    const response = await this.idempotent('Count', options, {
      collection: name,
      ...filterRequest(options.filter, 'Count'),
    });
    return Number(response.count);
  }

  /**
   * With `direct: true`, one hop when the client can route the search itself
   * (see {@link refreshRoutingTable}); otherwise, and on any doubt, through
   * the coordinator. Both return the same results.
   *
   * `filter` (an expression or a {@link Filter}) keeps only matching rows;
   * `outputFields` returns those fields per hit in `fields`. A filter goes
   * one hop when every shard asked holds few enough matches to search them
   * exactly alone (a selective filter; a tenant, whose one shard alone is
   * asked under a partition key); an expression is parsed here for that,
   * against the collection's fields (fetched once). Output fields, broader
   * filters and expressions that do not parse here are served by the
   * coordinator.
   */
  async search(name: string, queries: Float32Array, options: SearchOptions): Promise<SearchResult> {
    if (!options.direct || options.allowPartial) return this.searchViaCoordinator(name, queries, options);
    const filter = filterRequest(options.filter, 'Search'); // also checks it before anything is sent
    // Output fields are read by the coordinator.
    if ((options.outputFields?.length ?? 0) > 0)
      return { ...(await this.searchViaCoordinator(name, queries, options)), fallbackReason: 'filtered' };
    const oneHopFilter = filter.filterExpression
      ? parseLocally(filter.filterExpression, await this.schemas.get(name, options))
      : filter.filter;
    if (filter.filterExpression && !oneHopFilter)
      return { ...(await this.searchViaCoordinator(name, queries, options)), fallbackReason: 'filtered' };
    const request = {
      queries,
      k: options.k,
      nprobe: options.nprobe ?? 0,
      // A hung worker costs at most this much before the coordinator takes over.
      deadline: Date.now() + Math.min(options.deadlineMs ?? this.deadlineMs, this.directTimeoutMs),
      requestId: options.requestId ?? randomUUID(),
    };
    const outcome = oneHopFilter
      ? await this.direct.searchFiltered(name, { ...request, filter: oneHopFilter })
      : await this.direct.search(name, request, (rows) => this.searchViaCoordinator(name, rows, options));
    if (!outcome.served)
      return { ...(await this.searchViaCoordinator(name, queries, options)), fallbackReason: outcome.reason };
    const mixed = outcome.coordinatorQueries > 0;
    return {
      k: options.k,
      ids: outcome.ids,
      distances: outcome.distances,
      shardsQueried: outcome.shardsQueried,
      partial: false,
      missingShards: [],
      path: mixed ? 'mixed' : 'direct',
      fallbackReason: mixed ? 'doubt' : undefined,
    };
  }

  private async searchViaCoordinator(
    name: string,
    queries: Float32Array,
    options: SearchOptions,
  ): Promise<SearchResult> {
    const response = await this.idempotent('Search', options, {
      collection: name,
      queries: encodeArray(queries),
      k: options.k,
      nprobe: options.nprobe ?? 0,
      allowPartial: options.allowPartial ?? false,
      ...filterRequest(options.filter, 'Search'),
      outputFields: options.outputFields ?? [],
    });
    // The coordinator routed by the current placement: a table of another epoch is out of date.
    if (options.direct) this.direct.tables.noteEpoch(name, BigInt(response.placementEpoch));
    const ids = decodeIds(response.ids);
    const result: SearchResult = {
      k: response.k,
      ids,
      distances: decodeFloats(response.distances, 'distances'),
      shardsQueried: response.shardsQueried,
      partial: response.partial,
      missingShards: response.missingShards,
      path: 'coordinator',
    };
    if ((options.outputFields?.length ?? 0) > 0 || response.fields.length > 0)
      result.fields = decodeFieldColumns(response.fields, ids.length);
    return result;
  }

  /**
   * Fetches the collection's routing table now, so the next `direct` search
   * can go one hop (otherwise the first one is served by the coordinator while
   * the table is fetched). Resolves to its placement epoch and whether the
   * client can route the collection (lists routing and an IVF-Flat index).
   */
  async refreshRoutingTable(name: string): Promise<{ epoch: bigint; routable: boolean }> {
    const table = await this.direct.tables.refresh(name);
    return { epoch: table.epoch, routable: table.routable };
  }

  async clusterStatus(call?: CallOptions): Promise<ClusterDescription> {
    const response = await this.idempotent('ClusterStatus', call, {});
    return {
      workers: response.workers.map(describeWorker),
      collections: response.collections.map((info) => this.described(info)),
    };
  }

  /**
   * Queues a bulk import of a vector file, and of its rows' fields when
   * `fieldsPath` names a JSON Lines or Parquet file; resolves to the queued job (see
   * {@link waitForJob}).
   */
  async import(options: ImportOptions): Promise<JobDescription> {
    const job = await this.once('Import', options, {
      collection: options.collection,
      path: options.path,
      firstId: options.firstId ?? 0,
      limit: options.limit ?? 0,
      batchSize: options.batchSize ?? 0,
      trainSize: options.trainSize ?? 0,
      fieldsPath: options.fieldsPath ?? '',
    });
    return describeJob(job);
  }

  /**
   * Queues training on a file's leading rows (all when `limit` is 0): for
   * samples too large to send in one Train call.
   */
  async trainFromFile(options: TrainFromFileOptions): Promise<JobDescription> {
    return describeJob(
      await this.once('TrainFromFile', options, {
        collection: options.collection,
        path: options.path,
        limit: options.limit ?? 0,
      }),
    );
  }

  /** Queues a snapshot of the collection to the cluster's object store. */
  async snapshot(collection: string, call?: CallOptions): Promise<JobDescription> {
    return describeJob(await this.once('Snapshot', call, { collection }));
  }

  /**
   * Resolves once the collection is served in full: while it reads "loading"
   * (shards being refilled after workers restarted), follows its refill jobs,
   * calling `onProgress` with them. Rejects with DEADLINE_EXCEEDED after
   * `timeoutMs`.
   */
  async waitUntilLoaded(name: string, options: WaitForJobOptions = {}): Promise<CollectionDescription> {
    const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
    for (;;) {
      const info = await this.getCollection(name);
      if (info.state !== 'loading') return info;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new VecshardError(grpc.status.DEADLINE_EXCEEDED, `collection "${name}" was still loading`);
      }
      if (info.loadingJob) {
        await this.watchJob(info.loadingJob, options.onProgress ?? (() => {}), {
          signal: options.signal,
          timeoutMs: Number.isFinite(left) ? left : undefined,
        });
      } else {
        // Between two refill jobs: the next is queued within a few seconds.
        await new Promise((resolve) => setTimeout(resolve, Math.min(250, left)));
      }
    }
  }

  /**
   * Queues a rebalance of one collection (default: every collection): lists
   * move, while serving, so that every placeable worker (new ones included)
   * holds an even share of the vectors.
   */
  async rebalance(collection = '', call?: CallOptions): Promise<JobDescription> {
    return describeJob(await this.once('Rebalance', call, { collection }));
  }

  /** Queues the drain of a worker: every copy it holds moves elsewhere, while serving. */
  async drainWorker(workerId: string, call?: CallOptions): Promise<JobDescription> {
    return describeJob(await this.once('DrainWorker', call, { workerId }));
  }

  /** Queues a restore of the collection from a snapshot (default: the newest). */
  async restore(collection: string, snapshotId = '', call?: CallOptions): Promise<JobDescription> {
    return describeJob(await this.once('Restore', call, { collection, snapshotId }));
  }

  async getJob(id: string, call?: CallOptions): Promise<JobDescription> {
    return describeJob(await this.idempotent('GetJob', call, { id }));
  }

  /**
   * Follows a job through its WatchJob stream, calling `onUpdate` whenever
   * its state or progress changes, and resolves with the finished job,
   * completed or failed. Survives a coordinator restart meanwhile.
   */
  watchJob(
    id: string,
    onUpdate: (job: JobDescription) => void,
    options: WatchJobOptions = {},
  ): Promise<JobDescription> {
    return watchUntilFinished((request: GetJobRequest) => this.raw.WatchJob(request), id, onUpdate, options);
  }

  /**
   * Follows a job until it completes, reporting progress; rejects with a
   * {@link JobFailedError} carrying the job and its error when it fails.
   */
  async waitForJob(id: string, options: WaitForJobOptions = {}): Promise<JobDescription> {
    const job = await this.watchJob(id, options.onProgress ?? (() => {}), options);
    if (job.state === 'failed') throw new JobFailedError(job);
    return job;
  }

  /** A collection's snapshots in the object store, newest first. */
  async listSnapshots(collection: string, call?: CallOptions): Promise<SnapshotDescription[]> {
    const response = await this.idempotent('ListSnapshots', call, { collection });
    return response.snapshots.map((snapshot) => ({
      id: snapshot.id,
      collection: snapshot.collection,
      createdAtMs: Number(snapshot.createdAtMs),
      vectors: Number(snapshot.vectors),
      bytes: Number(snapshot.bytes),
    }));
  }

  close(): void {
    this.direct.close();
    this.raw.close();
  }

  /** A collection's description, whose schema the client keeps for upserts. */
  private described(info: CollectionInfo__Output): CollectionDescription {
    const description = describeCollection(info);
    this.schemas.remember(description);
    return description;
  }

  private once<M extends keyof Methods>(method: M, call: CallOptions | undefined, request: Methods[M][0]) {
    const deadline = Date.now() + (call?.deadlineMs ?? this.deadlineMs);
    const requestId = call?.requestId ?? randomUUID();
    return this.invoke(method, request, requestId, deadline).catch((error) => {
      throw failure(error, method, requestId);
    });
  }

  private idempotent<M extends keyof Methods>(
    method: M,
    call: CallOptions | undefined,
    request: Methods[M][0],
  ) {
    const deadline = Date.now() + (call?.deadlineMs ?? this.deadlineMs);
    // Retries are the same request: they keep its id.
    const requestId = call?.requestId ?? randomUUID();
    return withRetries(() => this.invoke(method, request, requestId, deadline), this.retry, deadline).catch(
      (error) => {
        throw failure(error, method, requestId);
      },
    );
  }

  private invoke<M extends keyof Methods>(
    method: M,
    request: Methods[M][0],
    requestId: string,
    deadline: number,
  ): Promise<ResponseOf<M>> {
    const fn = (this.raw[method] as unknown as UnaryMethod<unknown, ResponseOf<M>>).bind(this.raw);
    const metadata = new grpc.Metadata();
    metadata.set(REQUEST_ID_HEADER, requestId);
    return new Promise((resolve, reject) => {
      fn(request, metadata, { deadline }, (error, response) => (error ? reject(error) : resolve(response!)));
    });
  }
}

/** The error a call rejects with, naming its request id. */
function failure(error: unknown, method: string, requestId: string): VecshardError {
  const wrapped = VecshardError.from(error, method);
  wrapped.requestId ??= requestId;
  return wrapped;
}

/** Request and response types of each wrapped method. */
interface Methods {
  CreateCollection: [CreateCollectionRequest, CreateCollectionResponse__Output];
  GetCollection: [GetCollectionRequest, GetCollectionResponse__Output];
  ListCollections: [ListCollectionsRequest, ListCollectionsResponse__Output];
  DropCollection: [DropCollectionRequest, DropCollectionResponse__Output];
  Train: [TrainRequest, TrainResponse__Output];
  Upsert: [UpsertRequest, UpsertResponse__Output];
  Delete: [DeleteRequest, DeleteResponse__Output];
  Search: [SearchRequest, SearchResponse__Output];
  Get: Rpc<'Get'>;
  Query: Rpc<'Query'>;
  Count: Rpc<'Count'>;
  GetRoutingTable: [GetRoutingTableRequest, RoutingTable__Output];
  ClusterStatus: [ClusterStatusRequest, ClusterStatusResponse__Output];
  Import: [ImportRequest, Job__Output];
  TrainFromFile: [TrainFromFileRequest, Job__Output];
  Snapshot: [SnapshotRequest, Job__Output];
  Restore: [RestoreRequest, Job__Output];
  GetJob: [GetJobRequest, Job__Output];
  ListSnapshots: [ListSnapshotsRequest, ListSnapshotsResponse__Output];
  Rebalance: [RebalanceRequest, Job__Output];
  DrainWorker: [DrainWorkerRequest, Job__Output];
}
type ResponseOf<M extends keyof Methods> = Methods[M][1];

function describeCollection(info: CollectionInfo__Output): CollectionDescription {
  const description: CollectionDescription = {
    name: info.name,
    dim: info.dim,
    metric: metricFromEnum(info.metric) ?? 'l2',
    index: info.index,
    nprobe: info.nprobe,
    shards: info.shards,
    routing: routingFromEnum(info.routing) ?? 'lists',
    state: collectionState(info.state),
    nlist: info.nlist,
    placement: info.placement.map((shard) => ({
      shard: shard.shard,
      workerId: shard.workerId,
      address: shard.address,
      lists: shard.lists,
      expectedVectors: Number(shard.expectedVectors),
      replicas: shard.replicas.map((replica) => ({
        workerId: replica.workerId,
        address: replica.address,
        state: replicaState(replica.state),
      })),
    })),
    replicationFactor: info.replicationFactor || 1,
    placementPolicy: info.placementPolicy === 'PLACEMENT_POLICY_BALANCED' ? 'balanced' : 'locality',
    vectors: Number(info.vectors),
    createdAtMs: Number(info.createdAtMs),
    fields: fieldsOf(info),
  };
  if (info.template.length > 0) description.template = info.template;
  if (info.loadingJob) description.loadingJob = info.loadingJob;
  if (info.partitionKey) description.partitionKey = info.partitionKey;
  return description;
}

/** The fields of a CollectionInfo by name (a type this client does not know is left out). */
function fieldsOf(info: CollectionInfo__Output): Record<string, FieldTypeName> {
  const fields: Record<string, FieldTypeName> = {};
  for (const field of info.fields ?? []) {
    const type = fieldTypeFromWire(field.type);
    if (type) fields[field.name] = type;
  }
  return fields;
}

/** Rows of a Get or Query answer. */
function rowsOf(
  response: { ids: Buffer; vectors: Buffer; fields: Rpc<'Get'>[1]['fields'] },
  withVectors: boolean,
): GetResult {
  const ids = decodeIds(response.ids);
  const rows: GetResult = { ids, fields: decodeFieldColumns(response.fields, ids.length) };
  if (withVectors) rows.vectors = decodeFloats(response.vectors);
  return rows;
}

function replicaState(state: ReplicaInfo__Output['state']): ReplicaStateName {
  if (state === 'REPLICA_STATE_READY') return 'ready';
  return state === 'REPLICA_STATE_CATCHING_UP' ? 'catching-up' : 'down';
}

function collectionState(state: CollectionInfo__Output['state']): CollectionDescription['state'] {
  if (state === 'COLLECTION_STATE_READY') return 'ready';
  return state === 'COLLECTION_STATE_LOADING' ? 'loading' : 'created';
}

function describeWorker(worker: WorkerStatus__Output): WorkerDescription {
  return {
    id: worker.id,
    address: worker.address,
    device: worker.device,
    faissBuild: worker.faissBuild,
    alive: worker.alive,
    vectors: Number(worker.vectors),
    lists: worker.lists,
    memoryBytes: Number(worker.memoryBytes),
    startedAtMs: Number(worker.startedAtMs),
  };
}
