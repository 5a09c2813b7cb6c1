export type MetricName = 'l2' | 'ip' | 'cosine';
export type RoutingName = 'lists' | 'scatter';

export interface ClientOptions {
  /** Default deadline of every call, ms (default 30 000). */
  deadlineMs?: number;
  /** Retries of idempotent calls (search, get, list, status) on UNAVAILABLE and the like (default 3). */
  retries?: number;
  /** Largest message sent or received, bytes (default 256 MiB). */
  maxMessageBytes?: number;
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
}

export interface ShardDescription {
  shard: number;
  workerId: string;
  address: string;
  lists: number[];
  expectedVectors: number;
}

export interface CollectionDescription {
  name: string;
  dim: number;
  metric: MetricName;
  index: string;
  nprobe: number;
  shards: number;
  routing: RoutingName;
  state: 'created' | 'ready';
  nlist: number;
  placement: ShardDescription[];
  vectors: number;
  createdAtMs: number;
  /** Trained template index bytes, only when asked for. */
  template?: Uint8Array;
}

export interface SearchOptions extends CallOptions {
  k: number;
  /** Lists probed per query; default: the collection's. */
  nprobe?: number;
}

export interface SearchResult {
  k: number;
  /** nq·k ids, row-major, best first; -1 where fewer than k were found. */
  ids: BigInt64Array;
  distances: Float32Array;
  /** Shards the coordinator asked. */
  shardsQueried: number;
}

export interface WorkerDescription {
  id: string;
  address: string;
  device: string;
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
