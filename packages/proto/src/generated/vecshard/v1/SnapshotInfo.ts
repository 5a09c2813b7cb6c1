// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One snapshot in the object store.
 */
export interface SnapshotInfo {
  /**
   * Snapshot id: UTC time and a random suffix, so ids sort by age.
   */
  'id'?: (string);
  /**
   * Collection it belongs to.
   */
  'collection'?: (string);
  /**
   * When it was taken, milliseconds since the Unix epoch.
   */
  'createdAtMs'?: (number | string | Long);
  /**
   * Vectors it holds.
   */
  'vectors'?: (number | string | Long);
  /**
   * Bytes of list data it references.
   */
  'bytes'?: (number | string | Long);
}

/**
 * One snapshot in the object store.
 */
export interface SnapshotInfo__Output {
  /**
   * Snapshot id: UTC time and a random suffix, so ids sort by age.
   */
  'id': (string);
  /**
   * Collection it belongs to.
   */
  'collection': (string);
  /**
   * When it was taken, milliseconds since the Unix epoch.
   */
  'createdAtMs': (string);
  /**
   * Vectors it holds.
   */
  'vectors': (string);
  /**
   * Bytes of list data it references.
   */
  'bytes': (string);
}
