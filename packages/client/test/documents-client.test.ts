import * as grpc from '@grpc/grpc-js';
import { VecshardService } from '@vecshard/proto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { where } from '../src/documents/filters.js';
import type { VecshardError } from '../src/errors.js';
import { VecshardClient } from '../src/vecshard-client.js';

// A coordinator in this process that records each request (as the real
// service definition decodes it) and answers from per-method handlers;
// methods without one answer UNIMPLEMENTED, as a server without documents does.

type Handler = (request: Record<string, unknown>) => unknown;

class FakeCoordinator {
  readonly calls: { method: string; request: Record<string, unknown> }[] = [];
  handlers: Record<string, Handler> = {};
  private readonly server = new grpc.Server();
  address = '';

  async start(): Promise<void> {
    const implementation: grpc.UntypedServiceImplementation = {};
    for (const [method, definition] of Object.entries(VecshardService.service)) {
      if (definition.responseStream) continue;
      implementation[method] = (
        call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>,
        callback: grpc.sendUnaryData<unknown>,
      ) => {
        this.calls.push({ method, request: call.request });
        const handler = this.handlers[method];
        if (!handler)
          return callback({ code: grpc.status.UNIMPLEMENTED, details: `${method} is not served` });
        Promise.resolve()
          .then(() => handler(call.request))
          .then(
            (response) => callback(null, response),
            (error) => callback(error),
          );
      };
    }
    this.server.addService(VecshardService.service, implementation);
    const port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    this.address = `127.0.0.1:${port}`;
  }

  methods(): string[] {
    return this.calls.map((call) => call.method);
  }

  reset(): void {
    this.calls.length = 0;
    this.handlers = {};
  }

  stop(): void {
    this.server.forceShutdown();
  }
}

const fail = (code: number, details: string) => Object.assign(new Error(details), { code, details });

/** A collection as the coordinator describes it. */
function collection(name: string, fields: Record<string, string> = {}, partitionKey = '') {
  return {
    collection: {
      name,
      dim: 2,
      metric: 'METRIC_L2',
      index: 'IVF4,Flat',
      state: 'COLLECTION_STATE_READY',
      fields: Object.entries(fields).map(([field, type]) => ({ name: field, type })),
      partitionKey,
    },
  };
}

const coordinator = new FakeCoordinator();
const clients: VecshardClient[] = [];
function connect(): VecshardClient {
  const client = new VecshardClient(coordinator.address, { retries: 0, env: {}, deadlineMs: 5000 });
  clients.push(client);
  return client;
}

beforeAll(() => coordinator.start());
afterEach(() => {
  coordinator.reset();
  for (const client of clients.splice(0)) client.close();
});
afterAll(() => coordinator.stop());

const ids = BigInt64Array.of(1n, 2n, 3n);
const vectors = new Float32Array(6);
const upserted = (request: Record<string, unknown>) => ({
  upserted: String((request.ids as Buffer).length / 8),
});

describe('collections with fields', () => {
  it('creates one with its fields and partition key, and describes them', async () => {
    coordinator.handlers.CreateCollection = () =>
      collection('docs', { tenant: 'FIELD_TYPE_KEYWORD', price: 'FIELD_TYPE_DOUBLE' }, 'tenant');
    const client = connect();
    const info = await client.createCollection({
      name: 'docs',
      dim: 2,
      metric: 'l2',
      index: 'IVF4,Flat',
      fields: { tenant: 'keyword', price: 'double' },
      partitionKey: 'tenant',
    });
    expect(coordinator.calls[0].request).toMatchObject({
      fields: [
        { name: 'tenant', type: 'FIELD_TYPE_KEYWORD' },
        { name: 'price', type: 'FIELD_TYPE_DOUBLE' },
      ],
      partitionKey: 'tenant',
    });
    expect(info.fields).toEqual({ tenant: 'keyword', price: 'double' });
    expect(info.partitionKey).toBe('tenant');
  });

  it('describes a collection without fields with an empty record and no partition key', async () => {
    coordinator.handlers.GetCollection = () => collection('plain');
    const info = await connect().getCollection('plain');
    expect(info.fields).toEqual({});
    expect('partitionKey' in info).toBe(false);
  });

  it('refuses an unknown field type before sending', async () => {
    await expect(
      connect().createCollection({
        name: 'x',
        dim: 2,
        metric: 'l2',
        index: 'IVF4,Flat',
        fields: { a: 'float' as never },
      }),
    ).rejects.toThrow(
      'field "a": unknown type "float" (one of int64, double, keyword, bool, keywords, json)',
    );
    expect(coordinator.calls).toEqual([]);
  });
});

describe('upsert with fields', () => {
  it('fetches the schema once and encodes the columns by it', async () => {
    coordinator.handlers.GetCollection = () =>
      collection('docs', { year: 'FIELD_TYPE_INT64', price: 'FIELD_TYPE_DOUBLE' });
    coordinator.handlers.Upsert = upserted;
    const client = connect();
    expect(await client.upsert('docs', ids, vectors, { fields: { year: [1, 2, 3], price: [1, 2, 3] } })).toBe(
      3,
    );
    expect(await client.upsert('docs', ids, vectors, { fields: { year: [4n, null, 6] } })).toBe(3);
    expect(coordinator.methods()).toEqual(['GetCollection', 'Upsert', 'Upsert']);
    // The same JS numbers go as int64 for one field and as doubles for the other.
    expect(coordinator.calls[1].request.fields).toMatchObject([
      { name: 'year', int64Values: ['1', '2', '3'], doubleValues: [], missing: Buffer.alloc(0) },
      { name: 'price', int64Values: [], doubleValues: [1, 2, 3] },
    ]);
    expect(coordinator.calls[2].request.fields).toMatchObject([
      { name: 'year', int64Values: ['4', '0', '6'], missing: Buffer.from([0b010]) },
    ]);
  });

  it('shares one schema fetch between concurrent upserts', async () => {
    coordinator.handlers.GetCollection = () => collection('docs', { ok: 'FIELD_TYPE_BOOL' });
    coordinator.handlers.Upsert = upserted;
    const client = connect();
    const fields = { ok: [true, false, true] };
    await Promise.all([1, 2, 3].map(() => client.upsert('docs', ids, vectors, { fields })));
    expect(coordinator.methods()).toEqual(['GetCollection', 'Upsert', 'Upsert', 'Upsert']);
  });

  it('does not fetch the schema for an upsert without fields', async () => {
    coordinator.handlers.Upsert = upserted;
    const client = connect();
    await client.upsert('docs', ids, vectors);
    await client.upsert('docs', ids, vectors, { fields: { unused: undefined } });
    expect(coordinator.methods()).toEqual(['Upsert', 'Upsert']);
    expect(coordinator.calls[0].request.fields).toEqual([]);
  });

  it('uses the schema createCollection returned, and forgets it on dropCollection', async () => {
    coordinator.handlers.CreateCollection = () => collection('docs', { ok: 'FIELD_TYPE_BOOL' });
    coordinator.handlers.DropCollection = () => ({});
    coordinator.handlers.GetCollection = () => collection('docs', { ok: 'FIELD_TYPE_KEYWORD' });
    coordinator.handlers.Upsert = upserted;
    const client = connect();
    await client.createCollection({
      name: 'docs',
      dim: 2,
      metric: 'l2',
      index: 'IVF4,Flat',
      fields: { ok: 'bool' },
    });
    await client.upsert('docs', ids, vectors, { fields: { ok: [true, true, false] } });
    await client.dropCollection('docs');
    // Created again elsewhere, with "ok" a keyword now: fetched again, encoded as strings.
    await client.upsert('docs', ids, vectors, { fields: { ok: ['y', 'y', 'n'] } });
    expect(coordinator.methods()).toEqual([
      'CreateCollection',
      'Upsert',
      'DropCollection',
      'GetCollection',
      'Upsert',
    ]);
    expect(coordinator.calls[4].request.fields).toMatchObject([
      { name: 'ok', keywordValues: ['y', 'y', 'n'] },
    ]);
  });

  it('forgets the schema when the upsert fails with NOT_FOUND, FAILED_PRECONDITION or INVALID_ARGUMENT', async () => {
    for (const code of [
      grpc.status.NOT_FOUND,
      grpc.status.FAILED_PRECONDITION,
      grpc.status.INVALID_ARGUMENT,
    ]) {
      coordinator.reset();
      coordinator.handlers.GetCollection = () => collection('docs', { ok: 'FIELD_TYPE_BOOL' });
      let failures = 1;
      coordinator.handlers.Upsert = (request) => {
        if (failures-- > 0) throw fail(code, 'no such collection');
        return upserted(request);
      };
      const client = connect();
      const fields = { ok: [true, true, true] };
      const error = await client.upsert('docs', ids, vectors, { fields }).catch((e: VecshardError) => e);
      expect((error as VecshardError).code).toBe(code);
      await client.upsert('docs', ids, vectors, { fields });
      expect(coordinator.methods()).toEqual(['GetCollection', 'Upsert', 'GetCollection', 'Upsert']);
    }
  });

  it('keeps the schema after a transient failure', async () => {
    coordinator.handlers.GetCollection = () => collection('docs', { ok: 'FIELD_TYPE_BOOL' });
    let failures = 1;
    coordinator.handlers.Upsert = (request) => {
      if (failures-- > 0) throw fail(grpc.status.UNAVAILABLE, 'worker down');
      return upserted(request);
    };
    const client = connect();
    const fields = { ok: [true, true, true] };
    await expect(client.upsert('docs', ids, vectors, { fields })).rejects.toThrow('UNAVAILABLE');
    await client.upsert('docs', ids, vectors, { fields });
    expect(coordinator.methods()).toEqual(['GetCollection', 'Upsert', 'Upsert']);
  });

  it('fetches the schema again for a field it lacks, then refuses the field if still unknown', async () => {
    let version = 0;
    coordinator.handlers.GetCollection = () =>
      collection(
        'docs',
        version++ === 0 ? { a: 'FIELD_TYPE_BOOL' } : { a: 'FIELD_TYPE_BOOL', b: 'FIELD_TYPE_BOOL' },
      );
    coordinator.handlers.Upsert = upserted;
    const client = connect();
    await client.upsert('docs', ids, vectors, { fields: { a: [true, true, true] } });
    await client.upsert('docs', ids, vectors, { fields: { b: [true, true, true] } });
    await expect(client.upsert('docs', ids, vectors, { fields: { c: [true, true, true] } })).rejects.toThrow(
      'Upsert "docs": no field "c" in the collection (its fields: "a", "b")',
    );
    expect(coordinator.methods()).toEqual([
      'GetCollection',
      'Upsert',
      'GetCollection',
      'Upsert',
      'GetCollection',
    ]);
  });

  it('refuses a column of the wrong length before sending anything', async () => {
    coordinator.handlers.GetCollection = () => collection('docs', { price: 'FIELD_TYPE_DOUBLE' });
    coordinator.handlers.Upsert = upserted;
    const error = await connect()
      .upsert('docs', ids, vectors, { fields: { price: [1, 2] } })
      .catch((e: VecshardError) => e);
    expect((error as VecshardError).codeName).toBe('INVALID_ARGUMENT');
    expect((error as Error).message).toBe(
      'Upsert "docs": field "price" has 2 values, but the upsert has 3 ids: give one value per id (null for none)',
    );
    expect(coordinator.calls).toEqual([]);
  });
});

describe('search with filters and output fields', () => {
  const answer = () => ({
    k: 2,
    ids: Buffer.from(BigInt64Array.of(7n, -1n).buffer),
    distances: Buffer.from(Float32Array.of(0.5, 0).buffer),
    shardsQueried: 1,
    fields: [
      { name: 'color', keywordValues: ['red', ''], missing: Buffer.from([0b10]) },
      { name: 'n', int64Values: ['9007199254740993', '0'], missing: Buffer.from([0b10]) },
    ],
  });

  it('sends an expression as filter_expression and returns the fields per hit slot', async () => {
    coordinator.handlers.Search = answer;
    const result = await connect().search('docs', Float32Array.of(0, 0), {
      k: 2,
      filter: "color == 'red'",
      outputFields: ['color', 'n'],
    });
    expect(coordinator.calls[0].request).toMatchObject({
      filterExpression: "color == 'red'",
      filter: null,
      outputFields: ['color', 'n'],
    });
    expect(result.fields).toEqual({ color: ['red', null], n: [9007199254740993n, null] });
    expect([...result.ids]).toEqual([7n, -1n]);
  });

  it('sends a filter object as filter; a direct search without a routing table goes through the coordinator', async () => {
    coordinator.handlers.Search = answer;
    const result = await connect().search('docs', Float32Array.of(0, 0), {
      k: 2,
      direct: true,
      filter: { must: [where.match('color', 'red')] },
    });
    // A filter object may go one hop: the client asks for the routing table first (this coordinator has none).
    expect(coordinator.methods()).toEqual(['GetRoutingTable', 'Search']);
    expect(coordinator.calls[1].request).toMatchObject({
      filterExpression: '',
      filter: { must: [{ condition: 'match', match: { field: 'color', keywords: ['red'] } }], should: [] },
      outputFields: [],
    });
    expect(result).toMatchObject({ path: 'coordinator', fallbackReason: 'no-table' });
  });

  it('searches one hop with a filter without conditions, and checks a filter before anything is sent', async () => {
    coordinator.handlers.GetRoutingTable = () => {
      throw fail(grpc.status.UNAVAILABLE, 'no table here');
    };
    coordinator.handlers.Search = answer;
    const client = connect();
    const result = await client.search('docs', Float32Array.of(0, 0), {
      k: 2,
      direct: true,
      filter: { must: [] },
    });
    // No routing table yet: the reason is the direct path's own, not 'filtered'.
    expect(result.fallbackReason).toBe('no-table');
    expect(coordinator.calls.find((call) => call.method === 'Search')?.request).toMatchObject({
      filter: null,
      filterExpression: '',
    });
    coordinator.calls.length = 0;
    await expect(
      client.search('docs', Float32Array.of(0, 0), { k: 2, direct: true, filter: { should: [{}] } as never }),
    ).rejects.toThrow('Search: filter.should[0]: an empty condition');
    expect(coordinator.calls).toEqual([]);
  });

  it('leaves `fields` out of a search that asked for none', async () => {
    coordinator.handlers.Search = () => ({ ...answer(), fields: [] });
    const result = await connect().search('docs', Float32Array.of(0, 0), { k: 2 });
    expect('fields' in result).toBe(false);
    expect(coordinator.calls[0].request).toMatchObject({
      filter: null,
      filterExpression: '',
      outputFields: [],
    });
  });
});

describe('get, query, count and delete by filter', () => {
  const rows = (from: bigint, n: number) => ({
    ids: Buffer.from(BigInt64Array.from({ length: n }, (_, i) => from + BigInt(i)).buffer),
    vectors: Buffer.from(new Float32Array(n * 2).fill(1).buffer),
    fields: [{ name: 'ok', boolValues: Array.from({ length: n }, (_, i) => i % 2 === 0) }],
  });

  it('gets rows by id', async () => {
    coordinator.handlers.Get = () => rows(5n, 2);
    const client = connect();
    const got = await client.get('docs', [5n, 6, 99n], { outputFields: ['ok'], withVectors: true });
    expect(coordinator.calls[0].request).toEqual({
      collection: 'docs',
      ids: Buffer.from(BigInt64Array.of(5n, 6n, 99n).buffer),
      outputFields: ['ok'],
      withVectors: true,
    });
    expect(got).toEqual({
      ids: BigInt64Array.of(5n, 6n),
      vectors: Float32Array.of(1, 1, 1, 1),
      fields: { ok: [true, false] },
    });
    const bare = await client.get('docs', BigInt64Array.of(5n));
    expect('vectors' in bare).toBe(false);
    expect(coordinator.calls[1].request).toMatchObject({ outputFields: [], withVectors: false });
  });

  it('queries page by page, following the cursor to the end', async () => {
    const pages: Record<string, ReturnType<typeof rows> & { nextCursor: string }> = {
      '': { ...rows(1n, 2), nextCursor: 'c1' },
      c1: { ...rows(3n, 2), nextCursor: 'c2' },
      c2: { ...rows(5n, 1), nextCursor: '' },
    };
    coordinator.handlers.Query = (request) => pages[request.cursor as string];
    const client = connect();
    const seen: bigint[] = [];
    const cursors: (string | undefined)[] = [];
    for await (const page of client.queryAll('docs', {
      filter: 'ok == true',
      limit: 2,
      outputFields: ['ok'],
    })) {
      seen.push(...page.ids);
      cursors.push(page.nextCursor);
    }
    expect(seen).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(cursors).toEqual(['c1', 'c2', undefined]);
    expect(coordinator.calls.map((call) => call.request)).toEqual(
      ['', 'c1', 'c2'].map((cursor) => ({
        collection: 'docs',
        filter: null,
        filterExpression: 'ok == true',
        limit: 2,
        cursor,
        outputFields: ['ok'],
        withVectors: false,
      })),
    );
    const page = await client.query('docs', { cursor: 'c1' });
    expect(page).toEqual({ ids: BigInt64Array.of(3n, 4n), fields: { ok: [true, false] }, nextCursor: 'c2' });
  });

  it('stops a query whose cursor does not move on', async () => {
    coordinator.handlers.Query = () => ({ ...rows(1n, 1), nextCursor: 'same' });
    const pages = connect().queryAll('docs', { cursor: 'same' });
    // The page itself is rows like any other; asking for it again would repeat them forever.
    expect((await pages.next()).value).toMatchObject({ nextCursor: 'same' });
    await expect(pages.next()).rejects.toThrow('Query "docs": the cursor did not move on');
    expect(coordinator.methods()).toEqual(['Query']);
  });

  it('counts, with or without a filter', async () => {
    coordinator.handlers.Count = (request) => ({ count: request.filter ? '42' : '1000' });
    const client = connect();
    expect(await client.count('docs', { filter: { must: [where.range('price', { lt: 10 })] } })).toBe(42);
    expect(await client.count('docs')).toBe(1000);
    expect(coordinator.calls[0].request).toMatchObject({
      filter: { must: [{ range: { field: 'price', lt: 10, _lt: 'lt' } }] },
      filterExpression: '',
    });
    expect(coordinator.calls[1].request).toEqual({ collection: 'docs', filter: null, filterExpression: '' });
  });

  it('deletes by filter, resolving to the number removed', async () => {
    coordinator.handlers.Delete = () => ({ deleted: '17' });
    const client = connect();
    expect(await client.deleteByFilter('docs', "tenant == 'acme'")).toBe(17);
    expect(await client.deleteByFilter('docs', { must: [where.isMissing('tenant')] })).toBe(17);
    expect(coordinator.calls.map((call) => call.request)).toEqual([
      { collection: 'docs', ids: Buffer.alloc(0), filter: null, filterExpression: "tenant == 'acme'" },
      {
        collection: 'docs',
        ids: Buffer.alloc(0),
        filter: { must: [{ condition: 'isMissing', isMissing: 'tenant' }], should: [], mustNot: [] },
        filterExpression: '',
      },
    ]);
  });

  it('refuses to delete by a filter without conditions', async () => {
    const client = connect();
    for (const filter of ['', ' ', {}, { must: [] }])
      await expect(client.deleteByFilter('docs', filter)).rejects.toThrow(
        'Delete "docs": the filter has no condition, so it would remove every row; use dropCollection for that',
      );
    expect(coordinator.calls).toEqual([]);
    await expect(
      client.deleteByFilter('docs', { must_not: [where.isMissing('a')] } as never),
    ).rejects.toThrow(
      'Delete: filter: unknown key "must_not" (a filter has must, should and mustNot; use mustNot)',
    );
    expect(coordinator.calls).toEqual([]);
  });

  it('imports a vector file with its fields file, and without one', async () => {
    coordinator.handlers.Import = () => ({
      id: '7',
      kind: 'import',
      collection: 'docs',
      state: 'JOB_STATE_QUEUED',
    });
    const client = connect();
    const job = await client.import({
      collection: 'docs',
      path: '/d/base.fvecs',
      fieldsPath: '/d/fields.jsonl.gz',
    });
    expect(job).toMatchObject({ id: '7', kind: 'import', state: 'queued' });
    await client.import({ collection: 'docs', path: 'store:base.fvecs' });
    expect(coordinator.calls.map((call) => call.request)).toMatchObject([
      { collection: 'docs', path: '/d/base.fvecs', fieldsPath: '/d/fields.jsonl.gz' },
      { collection: 'docs', path: 'store:base.fvecs', fieldsPath: '' },
    ]);
  });

  it('rejects with UNIMPLEMENTED from a coordinator without documents', async () => {
    const error = await connect()
      .count('docs')
      .catch((e: VecshardError) => e);
    expect((error as VecshardError).codeName).toBe('UNIMPLEMENTED');
    expect((error as Error).message).toBe('Count: UNIMPLEMENTED: Count is not served');
  });
});
