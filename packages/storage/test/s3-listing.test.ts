import { afterAll, beforeAll, expect, it } from 'vitest';
import { type S3Server, startS3rver } from '../../../test/helpers/s3rver.js';
import { S3Store } from '../src/s3-store.js';

// S3 answers a listing 1000 keys at a time; a collection with 1024 inverted
// lists has more blobs than that, so listing must follow the pages.
let server: S3Server;
beforeAll(async () => {
  server = await startS3rver();
});
afterAll(() => server.close());

it('lists every object under a prefix across pages of 1000', async () => {
  const store = new S3Store({
    bucket: server.bucket,
    endpoint: server.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    prefix: 'paged',
  });
  const keys = Array.from({ length: 1234 }, (_, i) => `blobs/${String(i).padStart(5, '0')}`);
  for (let i = 0; i < keys.length; i += 100) {
    await Promise.all(keys.slice(i, i + 100).map((key) => store.put(key, Buffer.from(key))));
  }
  await store.put('other/x', Buffer.from('x'));

  const listed = await store.list('blobs/');
  expect(listed.map((object) => object.key)).toEqual(keys);
  expect(store.requests.list).toBe(2);
  store.close();
}, 60_000);
