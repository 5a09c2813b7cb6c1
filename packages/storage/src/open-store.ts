import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileStore } from './file-store.js';
import type { ObjectStore } from './object-store.js';
import { S3Store } from './s3-store.js';

/**
 * Opens a store from a URL: `file:///dir` (a local folder) or
 * `s3://bucket/prefix`, with the endpoint from AWS_ENDPOINT_URL (for MinIO,
 * Ceph, R2 …), region from AWS_REGION (default us-east-1), credentials from the
 * AWS SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles,
 * instance roles), and VECSHARD_S3_FORCE_PATH_STYLE=true for path-style buckets.
 */
export function openStore(url: string, env: NodeJS.ProcessEnv = process.env): ObjectStore {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`store URL "${url}" is not a URL: use file:///dir or s3://bucket/prefix`);
  }
  if (parsed.protocol === 'file:') return new FileStore(resolve(fileURLToPath(parsed)));
  if (parsed.protocol === 's3:') {
    if (!parsed.hostname) throw new Error(`store URL "${url}" names no bucket`);
    return new S3Store({
      bucket: parsed.hostname,
      prefix: decodeURIComponent(parsed.pathname),
      endpoint: env.AWS_ENDPOINT_URL,
      region: env.AWS_REGION,
      forcePathStyle: env.VECSHARD_S3_FORCE_PATH_STYLE === 'true',
    });
  }
  throw new Error(`store URL "${url}" has an unknown scheme: use file:///dir or s3://bucket/prefix`);
}
