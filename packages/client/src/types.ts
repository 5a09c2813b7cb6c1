import type { ChannelSecurityOptions } from './channel-security.js';
import type { FallbackReason } from './direct/direct-search.js';

export type { FallbackReason };

export type MetricName = 'l2' | 'ip' | 'cosine';
export type RoutingName = 'lists' | 'scatter';

export interface ClientOptions extends ChannelSecurityOptions {
  /** Where `apiKey` and `tls` default from: VECSHARD_API_KEY, VECSHARD_TLS_CA (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Default deadline of every call, ms (default 30 000). */
  deadlineMs?: number;
  /** Retries of idempotent calls (search, get, list, status) on UNAVAILABLE and the like (default 3). */
  retries?: number;
  /** Largest message sent or received, bytes (default 256 MiB). */
  maxMessageBytes?: number;
  /**
   * How old a routing table (for `direct` searches) may grow before it is
   * fetched again in the background, ms (default 30 000). Placement changes
   * are noticed sooner: a worker refuses a search routed by an older table.
   */
  routingTableMaxAgeMs?: number;
  /**
   * How long a `direct` search waits for the workers before it is sent to the
   * coordinator instead (which hedges slow copies), ms (default 2 000, at most
   * the call's deadline). Raise it for large batches.
   */
  directTimeoutMs?: number;
}

export interface CreateCollectionOptions {
  name: string;
  dim: number;
  metric: MetricName;
  /** FAISS IVF factory string, e.g. "IVF1024,Flat". */
  index: string;
  /** Default lists probed per query (default 1). */
  nprobe?: number;
  /** Shards to spread over (default: every live worker). */
  shards?: number;
  /** Default 'lists'. */
  routing?: RoutingName;
  /** Copies of every shard, each on a distinct worker (default 1). */
  replicationFactor?: number;
  /**
   * "locality" (default): lists that queries probe together share a shard, so
   * a search asks fewer shards; "balanced": lists spread by load alone.
   */
  placementPolicy?: PlacementPolicyName;
  /**
   * The typed fields stored with every vector, by name (at most 64; names
   * follow the collection-name rules, "id" is reserved). Fixed at creation.
   */
  fields?: Record<string, FieldTypeName>;
  /**
   * A `keyword` field whose value places rows (e.g. a tenant): every row of
   * a value lives on one shard, and a search, query or count whose filter
   * fixes it asks only that shard. Every row must have a value.
   */
  partitionKey?: string;
}

export type PlacementPolicyName = 'locality' | 'balanced';

/** "ready" serves searches; "catching-up" missed writes and serves none yet; "down": its worker is not alive. */
export type ReplicaStateName = 'ready' | 'catching-up' | 'down';

export interface ReplicaDescription {
  workerId: string;
  address: string;
  state: ReplicaStateName;
}

export interface ShardDescription {
  shard: number;
  /** The first ready copy's worker (the first copy's when none is ready). */
  workerId: string;
  address: string;
  lists: number[];
  expectedVectors: number;
  /** Every copy of the shard. */
  replicas: ReplicaDescription[];
}

export interface CollectionDescription {
  name: string;
  dim: number;
  metric: MetricName;
  index: string;
  nprobe: number;
  shards: number;
  routing: RoutingName;
  replicationFactor: number;
  placementPolicy: PlacementPolicyName;
  /** "loading": trained, but shards are being refilled after their workers restarted. */
  state: 'created' | 'ready' | 'loading';
  nlist: number;
  placement: ShardDescription[];
  vectors: number;
  createdAtMs: number;
  /** While loading: the job refilling it, to follow with waitForJob. */
  loadingJob?: string;
  /** Trained template index bytes, only when asked for. */
  template?: Uint8Array;
  /**
   * The collection's fields, by name, as given to createCollection (so a
   * description can be passed back to it). Their order carries no meaning.
   */
  fields: Record<string, FieldTypeName>;
  /** The partition key field, when the collection has one. */
  partitionKey?: string;
}

export interface SearchOptions extends CallOptions {
  k: number;
  /** Lists probed per query; default: the collection's. */
  nprobe?: number;
  /**
   * Answer from the shards that answered when some shard has no copy
   * answering, instead of failing with UNAVAILABLE (see `partial`).
   */
  allowPartial?: boolean;
  /**
   * One hop: route the search in the client by the collection's routing
   * table and ask the owning shard workers directly, falling back to the
   * coordinator on any doubt (see `path`). Ignored with `allowPartial`.
   */
  direct?: boolean;
  /**
   * Only rows matching this filter are returned (every query gets
   * min(k, matching rows) hits): an expression such as
   * `color == 'red' and price < 100`, parsed by the coordinator, or a
   * {@link Filter} object. A filtered search always goes through the
   * coordinator (`fallbackReason: 'filtered'` when `direct` was asked).
   */
  filter?: Filter | string;
  /** Fields to return with every hit ({@link SearchResult.fields}); also served by the coordinator only. */
  outputFields?: string[];
}

export interface SearchResult {
  k: number;
  /** nq·k ids, row-major, best first; -1 where fewer than k were found. */
  ids: BigInt64Array;
  distances: Float32Array;
  /** Shards the coordinator asked. */
  shardsQueried: number;
  /** Some shards did not answer (only with allowPartial): the results cover the others only. */
  partial: boolean;
  /** The shards that did not answer. */
  missingShards: number[];
  /**
   * How the search was served: by the shard workers directly, through the
   * coordinator, or `mixed`: a batch's doubtful queries through the
   * coordinator and the others directly (then `shardsQueried` counts the
   * shard requests of both parts).
   */
  path: 'direct' | 'coordinator' | 'mixed';
  /** With `direct`, why the coordinator served it, or some of it (no table yet, doubt, a refusal …). */
  fallbackReason?: FallbackReason;
  /**
   * With `outputFields`: each field's value per hit slot (nq·k, aligned with
   * `ids`); null where the row has no value or the slot's id is -1.
   */
  fields?: FieldValues;
}

export interface WorkerDescription {
  id: string;
  address: string;
  device: string;
  /** The FAISS build it searches with: "avx2", "generic" or "gpu" ("" when it does not say). */
  faissBuild: string;
  alive: boolean;
  vectors: number;
  lists: number;
  memoryBytes: number;
  startedAtMs: number;
}

export interface ClusterDescription {
  workers: WorkerDescription[];
  collections: CollectionDescription[];
}

export interface CallOptions {
  /** Deadline of this call, ms. */
  deadlineMs?: number;
  /**
   * Sent as `x-request-id`: the coordinator and the workers log it with this
   * call, so one request can be followed through the cluster. Default: a new
   * UUID per call (kept across its retries).
   */
  requestId?: string;
}

export type JobStateName = 'queued' | 'running' | 'completed' | 'failed' | 'unknown';

/** A long-running operation (import, snapshot, restore, worker recovery) as the cluster reports it. */
export interface JobDescription {
  id: string;
  /** "import", "snapshot", "restore" or "recover". */
  kind: string;
  collection: string;
  state: JobStateName;
  /** 0 to 100. */
  progress: number;
  /** Units done and in all: vectors for imports, inverted lists for snapshots and restores. */
  done: number;
  total: number;
  /** Why the job failed (its last attempt); empty otherwise. */
  error: string;
  /** What the job produced (e.g. `{ snapshotId, vectors, uploadedBlobs }`); empty until it completes. */
  result: Record<string, unknown>;
  attempts: number;
  createdAtMs: number;
  finishedAtMs: number;
}

export interface ImportOptions extends CallOptions {
  collection: string;
  /**
   * An absolute path on the coordinator, under one of its import roots (else
   * PERMISSION_DENIED), or "store:KEY" for an object in the cluster's store.
   */
  path: string;
  /** Id of the first row; row i gets firstId + i (default 0). */
  firstId?: number;
  /** Rows to import, 0 = all. */
  limit?: number;
  /** Rows per upsert, 0 = the coordinator's default. */
  batchSize?: number;
  /** Rows to train an untrained collection on, 0 = 50 per list. */
  trainSize?: number;
  /**
   * The rows' fields: a JSON Lines file (gzipped when it ends in .gz), one
   * object per vector in file order, keys = field names, a key left out or
   * null = no value. A path as for `path` (absolute, or "store:KEY"). A line
   * that is not an object, names an unknown field or holds a value of the
   * wrong type fails the job for good, naming the line and field. Or a
   * Parquet file (.parquet, or any file starting with PAR1): one column per
   * field, row i beside vector i, null = no value; a column that is not a
   * field, or of a type its field cannot take, fails the job naming it.
   */
  fieldsPath?: string;
}

export interface TrainFromFileOptions extends CallOptions {
  collection: string;
  /**
   * An absolute path on the coordinator, under one of its import roots (else
   * PERMISSION_DENIED), or "store:KEY" for an object in the cluster's store.
   */
  path: string;
  /** Train on at most this many leading rows, 0 = all. */
  limit?: number;
}

export interface WatchJobOptions {
  /** Give up (rejecting with DEADLINE_EXCEEDED) after this long; default: wait as long as it takes. */
  timeoutMs?: number;
  /** Stop watching (rejecting with CANCELLED); the job itself goes on. */
  signal?: AbortSignal;
}

export interface WaitForJobOptions extends WatchJobOptions {
  /** Called with the job whenever its state or progress changes. */
  onProgress?: (job: JobDescription) => void;
}

/** One stored snapshot of a collection. */
export interface SnapshotDescription {
  id: string;
  collection: string;
  createdAtMs: number;
  vectors: number;
  /** Bytes of list data it references. */
  bytes: number;
}

// ---- Documents: typed fields, filters, Get / Query / Count ----

/** A field's type: int64, double, keyword (one string), bool, keywords (a set of strings), json (stored, never filtered). */
export type FieldTypeName = 'int64' | 'double' | 'keyword' | 'bool' | 'keywords' | 'json';

/** A JSON document as a `json` field returns it (parsed). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * One row's value of a field, as the client returns it: `number` or `bigint`
 * for int64 (a `number` when it is a safe integer, |v| ≤ 2^53 − 1; a `bigint`
 * beyond, never rounded), `number` for double, `string` for keyword,
 * `boolean` for bool, `string[]` for keywords, the parsed document for json;
 * `null` where the row has no value.
 */
export type FieldValue = number | bigint | string | boolean | string[] | JsonValue;

/** Each requested field's values, one per row (or hit slot), by field name. */
export type FieldValues = Record<string, FieldValue[]>;

/**
 * One row's value of a field, as upsert takes it: for int64 a safe integer
 * `number` or a `bigint`; for double a `number`; for keyword a `string`; for
 * bool a `boolean`; for keywords a `string[]`; for json any value
 * `JSON.stringify` accepts (sent stringified). `null` or `undefined`: the row
 * has no value.
 */
export type FieldInput = number | bigint | string | boolean | readonly string[] | object | null | undefined;

/**
 * A field's values for the n rows of an upsert, in row order: a plain array
 * of n values (see {@link FieldInput}), or a typed array of n numbers
 * (Float64Array for a double field, BigInt64Array or Int32Array for int64 …).
 */
export type FieldColumnInput =
  | readonly FieldInput[]
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array
  | BigInt64Array;

export interface UpsertOptions extends CallOptions {
  /**
   * The rows' field values, one column of n values per field; fields not
   * given (and null / undefined values) are missing. An upsert replaces the
   * whole row: vector and fields.
   */
  fields?: Record<string, FieldColumnInput | undefined>;
}

/**
 * A boolean combination of conditions on fields: every `must` condition,
 * at least one `should` condition when any are given, and no `mustNot` one.
 * Build conditions as literals or with {@link where}.
 */
export interface Filter {
  must?: Condition[];
  should?: Condition[];
  mustNot?: Condition[];
}

/** One condition of a {@link Filter}: exactly one of these keys. */
export type Condition =
  | { match: Match }
  | { range: Range }
  | { nested: Filter }
  | { hasId: BigInt64Array | readonly (bigint | number)[] }
  | { isMissing: string };

/**
 * The field has any of the values (a `keywords` field: any element of its
 * set). keyword and keywords fields match `keywords`, int64 fields `int64s`,
 * bool fields `bools`; compare double fields with a {@link Range}.
 */
export type Match =
  | { field: string; keywords: readonly string[]; int64s?: never; bools?: never }
  | { field: string; int64s: readonly (number | bigint)[]; keywords?: never; bools?: never }
  | { field: string; bools: readonly boolean[]; keywords?: never; int64s?: never };

/** Bounds on an int64 or double field (compared as doubles); give at least one. */
export interface Range {
  field: string;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export interface GetOptions extends CallOptions {
  /** Fields to return (default none). */
  outputFields?: string[];
  /** Also return the rows' vectors. */
  withVectors?: boolean;
}

/** Rows found by id, in request order; ids not stored are left out. */
export interface GetResult {
  ids: BigInt64Array;
  /** n·dim floats, row-major; only with `withVectors`. */
  vectors?: Float32Array;
  /** One value per returned row, by field (null where missing). */
  fields: FieldValues;
}

export interface QueryOptions extends CallOptions {
  /** Rows to return; an expression or a {@link Filter} (default: every row). */
  filter?: Filter | string;
  /** Rows per page (default 100, at most 10 000). */
  limit?: number;
  /** Where to go on: the previous page's `nextCursor` (default: the first page). */
  cursor?: string;
  /** Fields to return (default none). */
  outputFields?: string[];
  /** Also return the rows' vectors. */
  withVectors?: boolean;
}

/** One page of the rows matching a query, by ascending id. */
export interface QueryPage extends GetResult {
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

export interface CountOptions extends CallOptions {
  /** Rows to count; an expression or a {@link Filter} (default: every row). */
  filter?: Filter | string;
}
