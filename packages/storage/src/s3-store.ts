import type { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  byKey,
  checkKey,
  checkPrefix,
  emptyCounts,
  ObjectNotFoundError,
  type ObjectStore,
  type StoredObject,
} from './object-store.js';

export interface S3StoreOptions {
  bucket: string;
  /** Key prefix inside the bucket (no leading or trailing slash needed). */
  prefix?: string;
  /** Custom endpoint for MinIO, Ceph, R2, GCS's S3 API … (AWS when absent). */
  endpoint?: string;
  region?: string;
  /** Path-style addressing (bucket in the path), which MinIO and s3rver need. */
  forcePathStyle?: boolean;
  credentials?: S3ClientConfig['credentials'];
  /** Parts of a multipart upload, bytes (min 5 MiB). */
  partSize?: number;
}

/** An object store in an S3 bucket (AWS SDK v3); large bodies go up as multipart uploads. */
export class S3Store implements ObjectStore {
  readonly requests = emptyCounts();
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly options: S3StoreOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region ?? 'us-east-1',
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      // S3-compatible stores (MinIO, s3rver, Ceph …) may not know the SDK's
      // newer default CRC checksums: send and check them only where S3 requires.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.prefix = (options.prefix ?? '').replace(/^\/+|\/+$/g, '');
  }

  get location(): string {
    return `s3://${this.options.bucket}/${this.prefix}`;
  }

  async put(key: string, body: Buffer | Readable): Promise<void> {
    this.requests.put++;
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: this.key(key), Body: body },
      partSize: Math.max(5 * 1024 * 1024, this.options.partSize ?? 8 * 1024 * 1024),
      queueSize: 2,
    });
    await upload.done();
  }

  async get(key: string): Promise<Buffer> {
    this.requests.get++;
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }),
      );
      return Buffer.from(await out.Body!.transformToByteArray());
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey')
        throw new ObjectNotFoundError(key, this.location);
      throw error;
    }
  }

  async head(key: string): Promise<StoredObject | undefined> {
    this.requests.head++;
    try {
      const out = await this.client.send(
        new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }),
      );
      return { key, size: out.ContentLength ?? 0, lastModifiedMs: out.LastModified?.getTime() ?? 0 };
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || (error as { name?: string }).name === 'NotFound') return undefined;
      throw error;
    }
  }

  /**
   * Every object under a prefix. Pages with ListObjects' marker (the last key
   * seen) rather than ListObjectsV2's continuation tokens: every S3-compatible
   * store implements markers the same way, while some emulators cannot make
   * continuation tokens at all.
   */
  async list(prefix: string): Promise<StoredObject[]> {
    const found: StoredObject[] = [];
    let marker: string | undefined;
    for (;;) {
      this.requests.list++;
      const out = await this.client.send(
        new ListObjectsCommand({
          Bucket: this.options.bucket,
          Prefix: this.key(prefix, true),
          Marker: marker,
        }),
      );
      const items = out.Contents ?? [];
      for (const item of items) {
        found.push({
          key: this.unprefixed(item.Key ?? ''),
          size: item.Size ?? 0,
          lastModifiedMs: item.LastModified?.getTime() ?? 0,
        });
      }
      if (!out.IsTruncated || items.length === 0) break;
      marker = out.NextMarker ?? items.at(-1)?.Key;
    }
    return found.sort(byKey);
  }

  async delete(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 1000) {
      this.requests.delete++;
      const batch = keys.slice(i, i + 1000).map((key) => ({ Key: this.key(key) }));
      const out = await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.options.bucket, Delete: { Objects: batch, Quiet: true } }),
      );
      // A batch delete answers 200 even when single keys failed: those are listed in Errors.
      const failed = out.Errors ?? [];
      if (failed.length > 0) {
        const first = failed[0];
        throw new Error(
          `could not delete ${failed.length} object(s) from ${this.location}: ${first.Key} (${first.Code}: ${first.Message})`,
        );
      }
    }
  }

  close(): void {
    this.client.destroy();
  }

  private key(key: string, isPrefix = false): string {
    if (isPrefix) checkPrefix(key);
    else checkKey(key);
    return this.prefix ? `${this.prefix}/${key}` : key;
  }

  private unprefixed(key: string): string {
    return this.prefix && key.startsWith(`${this.prefix}/`) ? key.slice(this.prefix.length + 1) : key;
  }
}
