import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileStore } from './file-store.js';
import type { ObjectStore } from './object-store.js';
import { S3Store, type S3StoreOptions } from './s3-store.js';

/**
 * Opens a store from a URL: `file:///dir` (a local folder) or
 * `s3://bucket/prefix`, with the endpoint from AWS_ENDPOINT_URL (for MinIO,
 * Ceph, R2 …), region from AWS_REGION (default us-east-1), credentials from
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) in `env` or
 * else the AWS SDK's default chain (profiles, instance roles), and
 * VECSHARD_S3_FORCE_PATH_STYLE=true for path-style buckets.
 */
export function openStore(url: string, env: NodeJS.ProcessEnv = process.env): ObjectStore {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`store URL "${url}" is not a URL: use file:///dir or s3://bucket/prefix`);
  }
  if (parsed.protocol === 'file:') return openFileStore(url, parsed);
  if (parsed.protocol === 's3:') return openS3Store(url, parsed, env);
  throw new Error(`store URL "${url}" has an unknown scheme: use file:///dir or s3://bucket/prefix`);
}

function openFileStore(url: string, parsed: URL): FileStore {
  // file://dir parses "dir" as a host: say what was meant rather than Node's host message.
  if (parsed.hostname && parsed.hostname !== 'localhost') {
    throw new Error(`store URL "${url}" is not an absolute file URL: use file:///dir`);
  }
  return new FileStore(resolve(fileURLToPath(parsed)));
}

function openS3Store(url: string, parsed: URL, env: NodeJS.ProcessEnv): S3Store {
  if (!parsed.hostname) throw new Error(`store URL "${url}" names no bucket: use s3://bucket/prefix`);
  return new S3Store({
    bucket: parsed.hostname,
    prefix: decodeURIComponent(parsed.pathname),
    endpoint: env.AWS_ENDPOINT_URL || undefined,
    region: env.AWS_REGION || undefined,
    forcePathStyle: env.VECSHARD_S3_FORCE_PATH_STYLE === 'true',
    credentials: credentialsFrom(env),
  });
}

/**
 * Keys from the env given, so a caller's env (not only process.env) is honoured;
 * without both, the SDK's default chain (profiles, instance roles …) decides.
 */
function credentialsFrom(env: NodeJS.ProcessEnv): S3StoreOptions['credentials'] {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined };
}
