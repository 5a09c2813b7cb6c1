/** One cluster size's measurements (bench/results/growth.json, `workers.rows`). */
export interface ClusterSizeRow {
  workers: number;
  /** The machine's 1-minute load average when the cluster's run ended. */
  load_average: number;
  shards: number;
  copies: number;
  /** Idle, with the collection loaded: CPU ms per second of wall time. */
  coordinator_idle_cpu_ms_per_s: number;
  coordinator_idle_cpu_ms_per_s_per_worker: number;
  /** Per worker process. */
  worker_idle_cpu_ms_per_s: number;
  /** Idle: the coordinator's threads going to sleep per second (voluntary context switches: its wake-ups). */
  coordinator_idle_wakeups_per_s: number;
  /** The same per worker process. */
  worker_idle_wakeups_per_s: number;
  redis_idle_cpu_ms_per_s: number;
  redis_idle_commands_per_s: number;
  redis_idle_commands_per_s_per_worker: number;
  /** Calls per second by command (INFO commandstats), the bench's own INFO calls taken off. */
  redis_idle_commands_by_command: Record<string, number>;
  /** One-query searches through the coordinator: CPU in the phase less the idle rate over it, ÷ queries. */
  coordinator_cpu_ms_per_query: number;
  /** The same, idle CPU included. */
  coordinator_cpu_ms_per_query_gross: number;
  cluster_cpu_ms_per_query: number;
  single_qps: number;
  single_p50_ms: number;
  single_p99_ms: number;
  /** Shards asked per query, as the coordinator answered (shardsQueried). */
  shards_per_query: number;
  /** Shards holding a query's nprobe lists, by the quantizer and placement. */
  shards_per_query_expected: number;
  /** Queries whose top-k is that of one FAISS IVF index with the same quantizer and nprobe. */
  exact_fraction: number;
  coordinator_cpu_ms_per_query_batched: number;
  batch_qps: number;
  exact_fraction_batched: number;
  /** A Rebalance after one more worker joined: the job, from queuing to done. */
  rebalance_s: number;
  rebalance_lists_moved: number;
  joined_worker_lists: number;
  shards_after_join: number;
  workers_after_join: number;
  exact_after_rebalance: number;
  /** Copies on the killed worker. */
  copies_lost: number;
  /** From kill -9 until every shard has 2 ready copies on live workers. */
  refill_s: number;
  /** From kill -9 until no shard names the dead worker any more. */
  refill_replaced_s: number | null;
  /** The recover job, from queuing to done. */
  refill_job_s: number | null;
  searches_during_refill: number;
  failed_searches_during_refill: number;
  inexact_queries_during_refill: number;
}

/** How a measure may grow with the worker count. */
/** at-most-linear: exponent ≤ 1.1; flat-per-worker: the total's ≤ 1.1 (value ÷ workers flat or falling); flat: ≤ 0.1. */
export type GrowthRule = 'at-most-linear' | 'flat-per-worker' | 'flat';

/** The measures fitted against the worker count, and the rule each must meet. */
export const FITTED: {
  measure: keyof ClusterSizeRow;
  rule: GrowthRule;
  what: string;
  /** Which chart panel: the idle cluster, or a query / an event. */
  panel: 'idle' | 'work';
}[] = [
  {
    measure: 'coordinator_idle_cpu_ms_per_s',
    rule: 'flat-per-worker',
    what: 'coordinator CPU while idle',
    panel: 'idle',
  },
  {
    measure: 'redis_idle_commands_per_s',
    rule: 'flat-per-worker',
    what: 'Redis commands/s while idle',
    panel: 'idle',
  },
  {
    measure: 'redis_idle_cpu_ms_per_s',
    rule: 'flat-per-worker',
    what: 'Redis CPU while idle',
    panel: 'idle',
  },
  { measure: 'worker_idle_cpu_ms_per_s', rule: 'flat', what: 'one worker’s CPU while idle', panel: 'idle' },
  {
    measure: 'coordinator_idle_wakeups_per_s',
    rule: 'flat-per-worker',
    what: 'coordinator wake-ups while idle',
    panel: 'idle',
  },
  {
    measure: 'worker_idle_wakeups_per_s',
    rule: 'flat',
    what: 'one worker’s wake-ups while idle',
    panel: 'idle',
  },
  {
    measure: 'coordinator_cpu_ms_per_query',
    rule: 'at-most-linear',
    what: 'coordinator CPU per query',
    panel: 'work',
  },
  {
    measure: 'coordinator_cpu_ms_per_query_batched',
    rule: 'at-most-linear',
    what: 'coordinator CPU per query, batched',
    panel: 'work',
  },
  {
    measure: 'cluster_cpu_ms_per_query',
    rule: 'at-most-linear',
    what: 'cluster CPU per query',
    panel: 'work',
  },
  { measure: 'shards_per_query', rule: 'at-most-linear', what: 'fan-out (shards per query)', panel: 'work' },
  { measure: 'rebalance_s', rule: 'at-most-linear', what: 'Rebalance of one joining worker', panel: 'work' },
  { measure: 'refill_s', rule: 'at-most-linear', what: 'refill of one lost worker’s copies', panel: 'work' },
  { measure: 'refill_job_s', rule: 'at-most-linear', what: 'the recover job alone', panel: 'work' },
];

/** Exponent bound of "no faster than linearly"; a flat per-worker cost is the same bound on the total. */
export const MAX_EXPONENT = 1.1;

/** Exponent bound of a flat measure. */
export const FLAT_EXPONENT = 0.1;
