// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One owned, non-empty list's snapshot blob, described without building it.
 */
export interface ListDigest {
  /**
   * List id.
   */
  'list'?: (number);
  /**
   * Vectors in the list.
   */
  'vectors'?: (number | string | Long);
  /**
   * sha256 of the blob ("VSL1" header, ids, codes), hex.
   */
  'sha256'?: (string);
  /**
   * Size of the blob in bytes.
   */
  'bytes'?: (number | string | Long);
}

/**
 * One owned, non-empty list's snapshot blob, described without building it.
 */
export interface ListDigest__Output {
  /**
   * List id.
   */
  'list': (number);
  /**
   * Vectors in the list.
   */
  'vectors': (string);
  /**
   * sha256 of the blob ("VSL1" header, ids, codes), hex.
   */
  'sha256': (string);
  /**
   * Size of the blob in bytes.
   */
  'bytes': (string);
}
