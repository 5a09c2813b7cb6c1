import * as grpc from '@grpc/grpc-js';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parseMetricsPort } from '../src/process-metrics.js';
import { currentRequestId, REQUEST_ID_HEADER, requestIdOf } from '../src/request-id.js';
import { invalidArgument, unary } from '../src/rpc-error.js';
import { createRpcMetrics, observeUnaryCalls } from '../src/rpc-telemetry.js';
import { WriteQueue } from '../src/write-queue.js';

describe('--metrics-port', () => {
  it('takes a port, 0 for any free one, and "off" or -1 for none', () => {
    expect(parseMetricsPort('9464')).toBe(9464);
    expect(parseMetricsPort('0')).toBe(0);
    expect(parseMetricsPort('off')).toBeUndefined();
    expect(parseMetricsPort('-1')).toBeUndefined();
  });
  it('refuses anything else', () => {
    for (const text of ['', 'x', '1.5', '70000', '-2'])
      expect(() => parseMetricsPort(text)).toThrow(/--metrics-port/);
  });
});

describe('request ids from metadata', () => {
  const withId = (value: string) => {
    const metadata = new grpc.Metadata();
    metadata.set(REQUEST_ID_HEADER, value);
    return metadata;
  };
  it('keeps a printable id', () => {
    expect(requestIdOf(withId('abc-123'))).toBe('abc-123');
  });
  it('ignores ids that are missing, too long or not printable', () => {
    expect(requestIdOf(new grpc.Metadata())).toBeUndefined();
    expect(requestIdOf(withId('x'.repeat(129)))).toBeUndefined();
    expect(requestIdOf(withId('a b'))).toBeUndefined();
  });
});

/** Logs kept in memory: [level, fields, message]. */
function memoryLog() {
  const lines: [string, Record<string, unknown>, string][] = [];
  return {
    lines,
    debug: (fields: object, message: string) =>
      lines.push(['debug', fields as Record<string, unknown>, message]),
    warn: (fields: object, message: string) =>
      lines.push(['warn', fields as Record<string, unknown>, message]),
  };
}

/** Calls a wrapped unary handler as grpc-js would, resolving with what it answered. */
function callUnary(handler: unknown, metadata = new grpc.Metadata()) {
  return new Promise<{ error: unknown; value: unknown }>((resolve) => {
    const call = { request: {}, metadata } as unknown as grpc.ServerUnaryCall<unknown, unknown>;
    (handler as grpc.handleUnaryCall<unknown, unknown>)(call, (error, value) => resolve({ error, value }));
  });
}

const definition = {
  Ok: { requestStream: false, responseStream: false },
  Bad: { requestStream: false, responseStream: false },
  Stream: { requestStream: false, responseStream: true },
} as unknown as grpc.ServiceDefinition;

describe('observed unary calls', () => {
  it('counts, times and logs each call by method and status, under its request id', async () => {
    const registry = new Registry();
    const metrics = createRpcMetrics(registry);
    const log = memoryLog();
    let seenInside: string | undefined;
    const stream = () => undefined;
    const handlers = observeUnaryCalls(
      definition,
      {
        Ok: unary('Ok', async () => {
          seenInside = currentRequestId();
          return { fine: true };
        }),
        Bad: unary('Bad', async () => {
          throw invalidArgument('k must be positive');
        }),
        Stream: stream,
      },
      { metrics, log, scoped: true },
    );
    const metadata = new grpc.Metadata();
    metadata.set(REQUEST_ID_HEADER, 'given-id');
    expect(await callUnary(handlers.Ok, metadata)).toEqual({ error: null, value: { fine: true } });
    expect((await callUnary(handlers.Bad)).error).toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
    expect(handlers.Stream).toBe(stream);

    expect(seenInside).toBe('given-id');
    const counts = (await metrics.requests.get()).values.map((v) => [
      v.labels.method,
      v.labels.code,
      v.value,
    ]);
    expect(counts).toEqual([
      ['Ok', 'OK', 1],
      ['Bad', 'INVALID_ARGUMENT', 1],
    ]);
    const durations = (await metrics.duration.get()).values.filter((v) => v.metricName?.endsWith('_count'));
    expect(durations.map((v) => [v.labels.method, v.value])).toEqual([
      ['Ok', 1],
      ['Bad', 1],
    ]);
    expect((await metrics.inFlight.get()).values.map((v) => v.value)).toEqual([0, 0]);
    expect(log.lines[0]).toEqual([
      'debug',
      expect.objectContaining({ requestId: 'given-id', method: 'Ok' }),
      'request served',
    ]);
    expect(log.lines[1]).toEqual([
      'warn',
      expect.objectContaining({ method: 'Bad', code: 'INVALID_ARGUMENT', details: 'k must be positive' }),
      'request failed',
    ]);
    // A call without an id gets a fresh one.
    expect(log.lines[1][1].requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('write queue depth', () => {
  it('counts tasks waiting or running, and drops them once settled', async () => {
    const queue = new WriteQueue();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = queue.run(() => gate);
    const second = queue.run(async () => {
      throw new Error('fails');
    });
    expect(queue.depth).toBe(2);
    release();
    await first;
    await expect(second).rejects.toThrow('fails');
    expect(queue.depth).toBe(0);
  });
});
