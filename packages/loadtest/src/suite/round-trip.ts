import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { startProcess } from '@vecshard/launcher';
import { service as healthService } from 'grpc-health-check';
import { LatencyHistogram } from '../metrics/latency-histogram.js';

/** The latency floor of any remote call: a trivial unary gRPC call to another process on loopback. */
export interface RoundTrip {
  calls: number;
  p50Ms: number;
  p99Ms: number;
}

const HealthClient = grpc.makeGenericClientConstructor(healthService, 'Health');

/**
 * The compiled server entry point. Resolved next to the package's built index,
 * so the same file is found when this module runs from sources under a test runner.
 */
function serverEntry(): string {
  const packageIndex = createRequire(import.meta.url).resolve('@vecshard/loadtest');
  return join(dirname(packageIndex), 'suite', 'round-trip-server.js');
}

/**
 * Starts a child process serving grpc.health.v1 and calls Check on it `calls`
 * times, one at a time after `warmUp` calls (connection set-up and JIT), over one
 * channel as the cluster client keeps one; p50/p99 from an HDR histogram.
 */
export async function measureRoundTrip(calls = 2000, warmUp = 200): Promise<RoundTrip> {
  const server = await startProcess({
    name: 'round-trip-server',
    command: process.execPath,
    args: [serverEntry()],
    ready: /round-trip server ready at (\S+)/,
  });
  const client = new HealthClient(server.address, grpc.credentials.createInsecure());
  try {
    for (let i = 0; i < warmUp; i++) await check(client);
    const histogram = new LatencyHistogram();
    for (let i = 0; i < calls; i++) {
      const started = performance.now();
      await check(client);
      histogram.record(performance.now() - started);
    }
    return { calls, p50Ms: histogram.percentileMs(50), p99Ms: histogram.percentileMs(99) };
  } finally {
    client.close();
    await server.stop();
  }
}

function check(client: grpc.Client): Promise<void> {
  return new Promise((resolve, reject) => {
    (client as unknown as { Check: (req: object, cb: (e: grpc.ServiceError | null) => void) => void }).Check(
      { service: '' },
      (error) => (error ? reject(error) : resolve()),
    );
  });
}
