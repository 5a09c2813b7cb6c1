import { type ApiKeyRing, type KeyHolder, RpcError } from '@vecshard/proto';
import type { CoordinatorContext } from '../context.js';
import type { AdminJobs } from '../jobs/admin-jobs.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { clusterMap } from './cluster-map.js';
import type { ConsoleEvents } from './console-events.js';
import type { MetricsHistory } from './metrics-history.js';
import { type PlaygroundQuery, playgroundSearch } from './playground-search.js';

/** One call of the console's JSON API; `mirrors` names the gRPC method whose role it needs. */
export interface ConsoleRoute {
  method: 'GET' | 'POST';
  path: RegExp;
  mirrors: string;
  /** Answers with JSON; absent for the event stream, which the server hands to ConsoleEvents. */
  handle?: (params: string[], body: Record<string, unknown>, holder?: KeyHolder) => Promise<unknown>;
}

/** What the console's calls use: the coordinator's own state, queue and job checks, no gRPC round trip. */
export interface ConsoleDeps {
  ctx: CoordinatorContext;
  jobs: JobQueue;
  admin: AdminJobs;
  metrics: MetricsHistory;
  events: ConsoleEvents;
  keys?: () => ApiKeyRing;
}

/** Jobs the console lists: the running ones and the newest finished. */
export const JOBS_SHOWN = 100;

export function consoleRoutes(deps: ConsoleDeps): ConsoleRoute[] {
  const { ctx, jobs, admin } = deps;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const number = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  return [
    {
      method: 'GET',
      path: /^\/api\/session$/,
      mirrors: 'ListCollections',
      // On an open cluster anyone may do anything, as through the API.
      handle: async (_, __, holder) => ({
        keysRequired: !!deps.keys,
        name: holder?.name,
        role: holder?.role ?? 'admin',
      }),
    },
    {
      method: 'GET',
      path: /^\/api\/cluster$/,
      mirrors: 'ClusterStatus',
      handle: async () => clusterMap(ctx, await jobs.recent(JOBS_SHOWN)),
    },
    { method: 'GET', path: /^\/api\/jobs$/, mirrors: 'GetJob', handle: () => jobs.recent(JOBS_SHOWN) },
    { method: 'GET', path: /^\/api\/events$/, mirrors: 'WatchJob' },
    {
      method: 'GET',
      path: /^\/api\/metrics$/,
      mirrors: 'ClusterStatus',
      handle: async () => deps.metrics.all(),
    },
    {
      method: 'GET',
      path: /^\/api\/collections\/([^/]+)\/snapshots$/,
      mirrors: 'ListSnapshots',
      handle: async ([name]) => admin.listSnapshots(decodeURIComponent(name)),
    },
    {
      method: 'POST',
      path: /^\/api\/search$/,
      mirrors: 'Search',
      handle: (_, body) =>
        playgroundSearch(ctx, {
          collection: text(body.collection),
          id: text(body.id),
          k: number(body.k),
          nprobe: number(body.nprobe),
          filter: text(body.filter),
        } satisfies PlaygroundQuery),
    },
    {
      method: 'POST',
      path: /^\/api\/rebalance$/,
      mirrors: 'Rebalance',
      handle: (_, body) => admin.rebalance(text(body.collection)),
    },
    {
      method: 'POST',
      path: /^\/api\/drain$/,
      mirrors: 'DrainWorker',
      handle: (_, body) => admin.drain(text(body.workerId)),
    },
    {
      method: 'POST',
      path: /^\/api\/snapshot$/,
      mirrors: 'Snapshot',
      handle: (_, body) => admin.snapshot(text(body.collection)),
    },
    {
      method: 'POST',
      path: /^\/api\/restore$/,
      mirrors: 'Restore',
      handle: (_, body) => admin.restore(text(body.collection), text(body.snapshotId)),
    },
  ];
}

/** The HTTP status of a failed call: gRPC codes mapped as grpc-gateway maps them. */
export function httpStatusOf(error: unknown): number {
  const code = error instanceof RpcError ? error.code : (error as { code?: unknown })?.code;
  const statuses: Record<number, number> = {
    3: 400,
    5: 404,
    6: 409,
    7: 403,
    8: 429,
    9: 400,
    14: 503,
    16: 401,
  };
  return typeof code === 'number' ? (statuses[code] ?? 500) : 500;
}
