import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type S3Server, startS3rver } from '../../../test/helpers/s3rver.js';
import { FileStore } from '../src/file-store.js';
import { ObjectNotFoundError, type ObjectStore } from '../src/object-store.js';
import { S3Store } from '../src/s3-store.js';

/** Makes a fresh, empty store per test; `close` releases whatever the kind holds. */
interface StoreKind {
  name: string;
  setup(): Promise<void>;
  fresh(): Promise<ObjectStore>;
  teardown(): Promise<void>;
}

function fileKind(): StoreKind {
  const dirs: string[] = [];
  return {
    name: 'FileStore',
    setup: async () => {},
    fresh: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'vecshard-store-'));
      dirs.push(dir);
      return new FileStore(dir);
    },
    teardown: async () => {
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

function s3Kind(): StoreKind {
  let server: S3Server;
  const stores: S3Store[] = [];
  let count = 0;
  return {
    name: 'S3Store',
    setup: async () => {
      server = await startS3rver();
    },
    // A new prefix per test keeps tests apart in the one bucket.
    fresh: async () => {
      const store = new S3Store({
        bucket: server.bucket,
        prefix: `contract/${++count}`,
        endpoint: server.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      });
      stores.push(store);
      return store;
    },
    teardown: async () => {
      for (const store of stores) store.close();
      await server?.close();
    },
  };
}

describe.each([fileKind(), s3Kind()])('$name', (kind) => {
  let store: ObjectStore;
  beforeAll(() => kind.setup());
  afterAll(() => kind.teardown());
  beforeEach(async () => {
    store = await kind.fresh();
  });

  it('puts and gets a Buffer', async () => {
    await store.put('a/b.bin', Buffer.from([1, 2, 3]));
    expect(await store.get('a/b.bin')).toEqual(Buffer.from([1, 2, 3]));
  });

  it('replaces an object on a second put', async () => {
    await store.put('k', Buffer.from('old'));
    await store.put('k', Buffer.from('new'));
    expect((await store.get('k')).toString()).toBe('new');
  });

  it('puts a Readable stream', async () => {
    const chunks = [Buffer.from('hello '), Buffer.from('stream '), Buffer.from('world')];
    await store.put('streamed', Readable.from(chunks));
    expect((await store.get('streamed')).toString()).toBe('hello stream world');
  });

  it('heads present and absent objects', async () => {
    await store.put('dir/present', Buffer.alloc(10));
    const found = await store.head('dir/present');
    expect(found).toMatchObject({ key: 'dir/present', size: 10 });
    expect(found?.lastModifiedMs).toBeGreaterThan(0);
    expect(await store.head('dir/absent')).toBeUndefined();
    // A "folder" holding objects is not itself an object.
    expect(await store.head('dir')).toBeUndefined();
  });

  it('lists by prefix, sorted, with keys relative to the store root', async () => {
    for (const key of ['snap/2/b', 'snap/1/z/deep', 'snap/1/a', 'snapshot-other', 'other/x']) {
      await store.put(key, Buffer.from(key));
    }
    const keys = async (prefix: string) => (await store.list(prefix)).map((object) => object.key);
    expect(await keys('snap/')).toEqual(['snap/1/a', 'snap/1/z/deep', 'snap/2/b']);
    expect(await keys('snap')).toEqual(['snap/1/a', 'snap/1/z/deep', 'snap/2/b', 'snapshot-other']);
    expect(await keys('snap/1/')).toEqual(['snap/1/a', 'snap/1/z/deep']);
    expect(await keys('')).toEqual(['other/x', 'snap/1/a', 'snap/1/z/deep', 'snap/2/b', 'snapshot-other']);
    expect(await keys('missing/')).toEqual([]);
    expect((await store.list('other/'))[0]).toMatchObject({ key: 'other/x', size: 7 });
  });

  it('deletes many objects, ignoring missing ones', async () => {
    for (const key of ['d/1', 'd/2', 'd/3']) await store.put(key, Buffer.from(key));
    await store.delete(['d/1', 'd/3', 'd/never']);
    expect((await store.list('d/')).map((object) => object.key)).toEqual(['d/2']);
    await store.delete([]);
  });

  it('rejects a get of a missing key with a message naming the key', async () => {
    await expect(store.get('nowhere/missing.bin')).rejects.toThrow(/nowhere\/missing\.bin/);
    await expect(store.get('nowhere/missing.bin')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it.each(['../x', '/abs', 'a//b', '', 'a/../../b'])('refuses the key %j', async (key) => {
    await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(/not a relative path/);
    await expect(store.get(key)).rejects.toThrow(/not a relative path/);
    await expect(store.head(key)).rejects.toThrow(/not a relative path/);
    await expect(store.delete([key])).rejects.toThrow(/not a relative path/);
  });

  it('counts requests by kind', async () => {
    await store.put('c/1', Buffer.from('1'));
    await store.put('c/2', Readable.from([Buffer.from('2')]));
    await store.get('c/1');
    await store.head('c/2');
    await store.list('c/');
    await store.delete(['c/1', 'c/2']);
    expect(store.requests).toMatchObject({ put: 2, get: 1, head: 1, list: 1 });
    expect(store.requests.delete).toBeGreaterThanOrEqual(1);
  });

  it('names its location', () => {
    expect(store.location).toMatch(/^(file|s3):\/\//);
  });
});
