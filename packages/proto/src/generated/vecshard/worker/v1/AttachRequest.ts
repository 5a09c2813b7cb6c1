// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Metric as _vecshard_worker_v1_Metric, Metric__Output as _vecshard_worker_v1_Metric__Output } from '../../../vecshard/worker/v1/Metric.js';
import type { FieldSchema as _vecshard_v1_FieldSchema, FieldSchema__Output as _vecshard_v1_FieldSchema__Output } from '../../../vecshard/v1/FieldSchema.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A collection to hold.
 */
export interface AttachRequest {
  /**
   * Collection name.
   */
  'collection'?: (string);
  /**
   * Trained, empty FAISS index (write_index format).
   */
  'template'?: (Buffer | Uint8Array | string);
  /**
   * Metric (FAISS does not record cosine in the index bytes).
   */
  'metric'?: (_vecshard_worker_v1_Metric);
  /**
   * Inverted lists this worker owns; vectors only ever arrive for these.
   */
  'lists'?: (number)[];
  /**
   * Shard number, for reporting.
   */
  'shard'?: (number);
  /**
   * The shard is being refilled (restored lists, replayed writes): it takes
   * writes and list imports but refuses searches with UNAVAILABLE until
   * FinishLoading, so no search sees half of it.
   */
  'loading'?: (boolean);
  /**
   * The collection's placement epoch: direct client searches routed by an
   * older epoch are refused.
   */
  'epoch'?: (number | string | Long);
  /**
   * The fields stored with every row.
   */
  'fields'?: (_vecshard_v1_FieldSchema)[];
}

/**
 * A collection to hold.
 */
export interface AttachRequest__Output {
  /**
   * Collection name.
   */
  'collection': (string);
  /**
   * Trained, empty FAISS index (write_index format).
   */
  'template': (Buffer);
  /**
   * Metric (FAISS does not record cosine in the index bytes).
   */
  'metric': (_vecshard_worker_v1_Metric__Output);
  /**
   * Inverted lists this worker owns; vectors only ever arrive for these.
   */
  'lists': (number)[];
  /**
   * Shard number, for reporting.
   */
  'shard': (number);
  /**
   * The shard is being refilled (restored lists, replayed writes): it takes
   * writes and list imports but refuses searches with UNAVAILABLE until
   * FinishLoading, so no search sees half of it.
   */
  'loading': (boolean);
  /**
   * The collection's placement epoch: direct client searches routed by an
   * older epoch are refused.
   */
  'epoch': (string);
  /**
   * The fields stored with every row.
   */
  'fields': (_vecshard_v1_FieldSchema__Output)[];
}
