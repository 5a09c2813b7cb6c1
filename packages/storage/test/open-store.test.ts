import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3Server, startS3rver } from '../../../test/helpers/s3rver.js';
import { FileStore } from '../src/file-store.js';
import { openStore } from '../src/open-store.js';
import { S3Store } from '../src/s3-store.js';

describe('openStore', () => {
  let server: S3Server;
  let dir: string;
  beforeAll(async () => {
    server = await startS3rver();
    dir = await mkdtemp(join(tmpdir(), 'vecshard-open-store-'));
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens file:///dir as a FileStore in that folder', async () => {
    const store = openStore(pathToFileURL(dir).href, {});
    expect(store).toBeInstanceOf(FileStore);
    expect((store as FileStore).root).toBe(dir);
    await store.put('x/y', Buffer.from('here'));
    expect((await new FileStore(dir).get('x/y')).toString()).toBe('here');
  });

  it('opens s3://bucket/prefix as an S3Store whose keys land under the prefix', async () => {
    const store = openStore(server.storeUrl('cluster-a/snapshots'), server.env);
    expect(store).toBeInstanceOf(S3Store);
    expect(store.location).toBe(`s3://${server.bucket}/cluster-a/snapshots`);
    await store.put('1/manifest.json', Buffer.from('{}'));
    expect((await store.list('')).map((object) => object.key)).toEqual(['1/manifest.json']);

    const whole = openStore(`s3://${server.bucket}`, server.env);
    expect((await whole.list('')).map((object) => object.key)).toContain(
      'cluster-a/snapshots/1/manifest.json',
    );
    (store as S3Store).close();
    (whole as S3Store).close();
  });

  it.each([
    ['http://x', /unknown scheme/],
    ['not a url', /not a URL/],
    ['s3://', /names no bucket/],
    ['file://relative/dir', /not an absolute file URL/],
  ])('refuses %j', (url, message) => {
    expect(() => openStore(url, {})).toThrow(message);
    expect(() => openStore(url, {})).toThrow(url);
  });
});
