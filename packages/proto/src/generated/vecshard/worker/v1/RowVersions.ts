// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Last write sequences of rows (see AddPreassignedRequest.seq).
 */
export interface RowVersions {
  /**
   * n ids, int64 LE.
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * n sequences, int64 LE: the last write applied to each id.
   */
  'seqs'?: (Buffer | Uint8Array | string);
  /**
   * Writes below this sequence are refused (older ones were forgotten).
   */
  'forgottenBelow'?: (number | string | Long);
}

/**
 * Last write sequences of rows (see AddPreassignedRequest.seq).
 */
export interface RowVersions__Output {
  /**
   * n ids, int64 LE.
   */
  'ids': (Buffer);
  /**
   * n sequences, int64 LE: the last write applied to each id.
   */
  'seqs': (Buffer);
  /**
   * Writes below this sequence are refused (older ones were forgotten).
   */
  'forgottenBelow': (string);
}
