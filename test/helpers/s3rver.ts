import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface S3Server {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  /** The one bucket created at start. */
  bucket: string;
  /** What openStore needs to reach this server: pass it as openStore's env, not via process.env. */
  env: Record<string, string>;
  /** s3://<bucket>/<prefix> */
  storeUrl(prefix: string): string;
  close(): Promise<void>;
}

const BUCKET = 'vecshard-test';

/** A real S3 API (s3rver) on a free loopback port, storing in a throw-away folder, with one bucket. */
export async function startS3rver(): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'vecshard-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    // Path-style only: virtual-host buckets would need DNS names for 127.0.0.1.
    vhostBuckets: false,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket: BUCKET,
    env: {
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      VECSHARD_S3_FORCE_PATH_STYLE: 'true',
    },
    storeUrl: (prefix) => `s3://${BUCKET}/${prefix}`,
    close: async () => {
      // SDK clients keep sockets alive: drop them so close() does not wait on idle peers.
      server.httpServer?.closeAllConnections();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Counts the HTTP requests with `method` that servers in this process (s3rver)
 * receive while `run` goes on: how many objects an operation really wrote.
 */
export async function countRequests(method: string, run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const onRequest = (message: unknown) => {
    if ((message as { request: IncomingMessage }).request.method === method) count++;
  };
  subscribe('http.server.request.start', onRequest);
  try {
    await run();
  } finally {
    unsubscribe('http.server.request.start', onRequest);
  }
  return count;
}
