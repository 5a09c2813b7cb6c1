import * as grpc from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { concurrencyLimit } from '../src/overload/concurrency-limit.js';

// A real gRPC server on loopback whose one method waits until the test lets it finish.
const json = {
  serialize: (value: unknown) => Buffer.from(JSON.stringify(value)),
  deserialize: (bytes: Buffer) => JSON.parse(bytes.toString()),
};
const method = (path: string) => ({
  path,
  requestStream: false,
  responseStream: false,
  requestSerialize: json.serialize,
  requestDeserialize: json.deserialize,
  responseSerialize: json.serialize,
  responseDeserialize: json.deserialize,
});
const SERVICE = { Hold: method('/test.Slow/Hold') };
const HEALTH = { Check: method('/grpc.health.v1.Health/Check') };

let server: grpc.Server | undefined;
const channels: grpc.Client[] = [];
afterEach(() => {
  for (const channel of channels) channel.close();
  server?.forceShutdown();
});

async function start(limit: number) {
  const { interceptor, inFlight } = concurrencyLimit(limit);
  server = new grpc.Server({ interceptors: [interceptor] });
  const held: (() => void)[] = [];
  const arrivals: (() => void)[] = [];
  server.addService(SERVICE, {
    Hold: (_call: unknown, callback: grpc.sendUnaryData<object>) => {
      held.push(() => callback(null, {}));
      arrivals.shift()?.();
    },
  });
  server.addService(HEALTH, {
    Check: (_call: unknown, callback: grpc.sendUnaryData<object>) => callback(null, { status: 'SERVING' }),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server?.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  const Client = grpc.makeGenericClientConstructor({ ...SERVICE, ...HEALTH }, 'Slow');
  const client = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as unknown as Record<
    'Hold' | 'Check',
    (req: object, cb: (e: grpc.ServiceError | null) => void) => grpc.ClientUnaryCall
  >;
  channels.push(client as unknown as grpc.Client);
  const call = (name: 'Hold' | 'Check') => {
    let handle: grpc.ClientUnaryCall | undefined;
    const done = new Promise<string>((resolve) => {
      handle = client[name]({}, (error) => resolve(error ? grpc.status[error.code] : 'OK'));
    });
    return { done, cancel: () => handle?.cancel() };
  };
  /** Resolves when the next call reaches the handler. */
  const arrival = () => new Promise<void>((resolve) => arrivals.push(resolve));
  return { call, held, arrival, inFlight };
}

describe('concurrency limit', () => {
  it('answers RESOURCE_EXHAUSTED past the limit and serves again once calls finish', async () => {
    const server = await start(2);
    const arrived = [server.arrival(), server.arrival()];
    const first = server.call('Hold');
    const second = server.call('Hold');
    await Promise.all(arrived);
    expect(server.inFlight()).toBe(2);

    expect(await server.call('Hold').done).toBe('RESOURCE_EXHAUSTED');
    expect(await server.call('Check').done).toBe('OK'); // probes are not turned away

    for (const release of server.held.splice(0)) release();
    expect([await first.done, await second.done]).toEqual(['OK', 'OK']);
    const third = server.arrival();
    const after = server.call('Hold');
    await third;
    for (const release of server.held.splice(0)) release();
    expect(await after.done).toBe('OK');
  });

  it('frees the slot of a call its client cancelled', async () => {
    const server = await start(1);
    const arrived = server.arrival();
    const abandoned = server.call('Hold');
    await arrived;
    abandoned.cancel();
    expect(await abandoned.done).toBe('CANCELLED');
    // The server learns of the cancellation on its own schedule: wait for the slot, not for time.
    while (server.inFlight() > 0) await new Promise((resolve) => setImmediate(resolve));
    const next = server.arrival();
    const replacement = server.call('Hold');
    await next;
    for (const release of server.held.splice(0)) release();
    expect(await replacement.done).toBe('OK');
  });
});
