import type { ApiKeyRing, WatchedCertificates } from '@vecshard/proto';
import type { CoordinatorContext } from '../context.js';
import type { AdminJobs } from '../jobs/admin-jobs.js';
import type { JobQueue, JobWithMove } from '../jobs/job-queue.js';
import { coordinatorRegistry } from '../metrics.js';
import { clusterMap } from './cluster-map.js';
import { JOBS_SHOWN } from './console-api.js';
import { ConsoleEvents } from './console-events.js';
import { type ConsoleServer, startConsoleServer } from './console-server.js';
import { MetricsHistory } from './metrics-history.js';

export interface ConsoleOptions {
  host: string;
  port: number;
  ctx: CoordinatorContext;
  jobs: JobQueue;
  admin: AdminJobs;
  keys?: () => ApiKeyRing;
  certificates?: WatchedCertificates;
  onError: (error: unknown) => void;
}

/**
 * The web console: the page, a JSON API over the coordinator's own state and
 * job queue, and a stream of changes (jobs, cluster map, metrics) to the page.
 */
export async function startConsole(options: ConsoleOptions): Promise<ConsoleServer> {
  const metrics = new MetricsHistory(coordinatorRegistry);
  metrics.start();
  let jobs: JobWithMove[] = [];
  const events = new ConsoleEvents(
    {
      // Jobs first: the map draws the moves of the running ones.
      jobs: async () => {
        jobs = await options.jobs.recent(JOBS_SHOWN);
        return jobs;
      },
      cluster: () => clusterMap(options.ctx, jobs),
      metrics: async () => metrics.all(),
    },
    options.onError,
  );
  const server = await startConsoleServer({
    host: options.host,
    port: options.port,
    certificates: options.certificates,
    deps: { ctx: options.ctx, jobs: options.jobs, admin: options.admin, metrics, events, keys: options.keys },
    onError: options.onError,
  });
  return {
    ...server,
    close: async () => {
      metrics.stop();
      await server.close();
    },
  };
}
