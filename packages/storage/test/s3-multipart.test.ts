import { createHash, randomBytes } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3Server, startS3rver } from '../../../test/helpers/s3rver.js';
import { S3Store } from '../src/s3-store.js';

const MiB = 1024 * 1024;
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Counts UploadPart requests s3rver (same process) receives while `run` goes on. */
async function countingParts(run: () => Promise<void>): Promise<number> {
  let parts = 0;
  const onRequest = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    if (request.method === 'PUT' && request.url?.includes('partNumber=')) parts++;
  };
  subscribe('http.server.request.start', onRequest);
  try {
    await run();
  } finally {
    unsubscribe('http.server.request.start', onRequest);
  }
  return parts;
}

/** ~12 MiB in uneven chunks, so part boundaries fall inside chunks. */
function randomChunks(): Buffer[] {
  const sizes = [3 * MiB + 17, 4 * MiB - 5, 1, 5 * MiB + 123];
  return sizes.map((size) => randomBytes(size));
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

describe('S3Store multipart upload', () => {
  let server: S3Server;
  beforeAll(async () => {
    server = await startS3rver();
  });
  afterAll(() => server.close());

  it('uploads a 12 MiB stream in 5 MiB parts and reads it back byte-identical', async () => {
    const options = { bucket: server.bucket, endpoint: server.endpoint, forcePathStyle: true, credentials };
    const store = new S3Store({ ...options, prefix: 'multipart', partSize: 5 * MiB });
    const chunks = randomChunks();
    const expected = Buffer.concat(chunks);

    const parts = await countingParts(() => store.put('big.bin', Readable.from(chunks)));
    const back = await store.get('big.bin');

    expect(back.length).toBe(expected.length);
    expect(sha256(back)).toBe(sha256(expected));
    // 12 MiB in 5 MiB parts: three parts, yet one put as callers count it.
    expect(parts).toBe(3);
    expect(store.requests.put).toBe(1);
    store.close();
  });
});
