import * as grpc from '@grpc/grpc-js';
import { VecshardService } from '@vecshard/proto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { countCommand, formatValue, searchCommand } from '../src/commands/search-command.js';

// The commands against a coordinator in this process, which records what it
// was asked and answers Search and Count (anything else: UNIMPLEMENTED).

const requests: { method: string; request: Record<string, unknown> }[] = [];
let countServed = true;
const server = new grpc.Server();
let address = '';

beforeAll(async () => {
  server.addService(VecshardService.service, {
    Search: (
      call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ) => {
      requests.push({ method: 'Search', request: call.request });
      callback(null, {
        k: 2,
        ids: Buffer.from(BigInt64Array.of(7n, 9n, 3n, -1n).buffer),
        distances: Buffer.from(Float32Array.of(0.25, 1.5, 2, 0).buffer),
        shardsQueried: 2,
        fields: [
          { name: 'color', keywordValues: ['red', '', 'blue', ''], missing: Buffer.from([0b1010]) },
          {
            name: 'tags',
            keywordsValues: [{ values: ['a', 'b'] }, { values: [] }, { values: [] }, { values: [] }],
            missing: Buffer.from([0b1100]),
          },
        ],
      });
    },
    Get: (
      call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ) => {
      requests.push({ method: 'Get', request: call.request });
      const found = (call.request.ids as Buffer).equals(Buffer.from(BigInt64Array.of(7n).buffer));
      callback(null, {
        ids: found ? Buffer.from(BigInt64Array.of(7n).buffer) : Buffer.alloc(0),
        vectors: found ? Buffer.from(Float32Array.of(4, 5).buffer) : Buffer.alloc(0),
      });
    },
    Count: (
      call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ) => {
      requests.push({ method: 'Count', request: call.request });
      if (!countServed) return callback({ code: grpc.status.UNIMPLEMENTED, details: 'unknown method Count' });
      callback(null, { count: '1234' });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  address = `127.0.0.1:${port}`;
});
afterEach(() => {
  requests.length = 0;
  countServed = true;
  vi.restoreAllMocks();
});
afterAll(() => server.forceShutdown());

/** Runs a command's action with the arguments, returning what it printed. */
async function run(command: ReturnType<typeof searchCommand>, args: string[]): Promise<string> {
  const printed: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
  vi.spyOn(console, 'error').mockImplementation(() => {});
  await command.exitOverride().parseAsync(['node', command.name(), ...args, '--address', address]);
  return printed.join('\n');
}

describe('vecshard search', () => {
  it('sends the filter expression and output fields, and prints the fields beside the ids', async () => {
    const out = await run(searchCommand(), [
      'docs',
      '--vector',
      '0,1',
      '--vector',
      '2 3',
      '-k',
      '2',
      '--filter',
      "color == 'red'",
      '--output-fields',
      'color, tags',
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0].request).toMatchObject({
      collection: 'docs',
      queries: Buffer.from(Float32Array.of(0, 1, 2, 3).buffer),
      k: 2,
      filterExpression: "color == 'red'",
      filter: null,
      outputFields: ['color', 'tags'],
    });
    const lines = out.split('\n');
    expect(lines.slice(0, 11)).toEqual([
      'query 0: 2 hits',
      'rank  id  distance  color  tags',
      '----  --  --------  -----  ----',
      '1     7   0.250000  red    a,b',
      '2     9   1.50000   -',
      '',
      'query 1: 1 hit',
      'rank  id  distance  color  tags',
      '----  --  --------  -----  ----',
      '1     3   2         blue   -',
      '',
    ]);
    expect(lines[11]).toMatch(/^2 queries in \d+\.\d ms, 2 shard request\(s\), through the coordinator$/);
  });

  it('prints JSON with ids as strings', async () => {
    const out = await run(searchCommand(), [
      'docs',
      '--vector',
      '0,1',
      '-k',
      '2',
      '--output-fields',
      'color',
      '--json',
    ]);
    expect(JSON.parse(out)).toEqual([
      [
        { id: '7', distance: 0.25, fields: { color: 'red', tags: ['a', 'b'] } },
        { id: '9', distance: 1.5, fields: { color: null, tags: [] } },
      ],
      [{ id: '3', distance: 2, fields: { color: 'blue', tags: null } }],
    ]);
  });

  it('searches with the vector of a stored row (--like)', async () => {
    await run(searchCommand(), ['docs', '--like', '7', '-k', '2']);
    expect(requests.map((r) => r.method)).toEqual(['Get', 'Search']);
    expect(requests[0].request).toMatchObject({
      ids: Buffer.from(BigInt64Array.of(7n).buffer),
      withVectors: true,
    });
    expect(requests[1].request).toMatchObject({
      queries: Buffer.from(Float32Array.of(4, 5).buffer),
      outputFields: [],
      filterExpression: '',
    });
    await expect(run(searchCommand(), ['docs', '--like', '8'])).rejects.toThrow(
      '--like: "docs" has no row 8',
    );
  });

  it('wants exactly one source of queries', async () => {
    for (const args of [['docs'], ['docs', '--vector', '1', '--like', '7']])
      await expect(run(searchCommand(), args)).rejects.toThrow(
        'give the queries with exactly one of --vector, --file and --like',
      );
    await expect(run(searchCommand(), ['docs', '--vector', '1,x'])).rejects.toThrow(
      '--vector "1,x": expected numbers separated by commas',
    );
    await expect(run(searchCommand(), ['docs', '--vector', '1,2', '--vector', '1'])).rejects.toThrow(
      '--vector: query 1 has 1 values, query 0 has 2',
    );
    expect(requests).toEqual([]);
  });
});

describe('vecshard count', () => {
  it('prints the count, sending the filter expression', async () => {
    expect(await run(countCommand(), ['docs', '--filter', "tenant == 'acme'"])).toBe('1234');
    expect(requests[0].request).toEqual({
      collection: 'docs',
      filter: null,
      filterExpression: "tenant == 'acme'",
    });
  });

  it('says plainly when the coordinator does not serve Count', async () => {
    countServed = false;
    await expect(run(countCommand(), ['docs'])).rejects.toThrow(
      `the coordinator at ${address} does not serve Count yet (UNIMPLEMENTED): unknown method Count`,
    );
  });
});

describe('field values in a table', () => {
  it('shows each kind of value', () => {
    expect([null, 'red', '', 3, 2n ** 60n, true, ['a', 'b'], [], { a: [1] }].map(formatValue)).toEqual([
      '-',
      'red',
      '',
      '3',
      '1152921504606846976',
      'true',
      'a,b',
      '',
      '{"a":[1]}',
    ]);
  });
});
