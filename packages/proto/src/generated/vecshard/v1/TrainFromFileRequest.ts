// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Asks to train a collection on a file's vectors.
 */
export interface TrainFromFileRequest {
  /**
   * Collection to train; it must exist and not be trained yet.
   */
  'collection'?: (string);
  /**
   * A path as in ImportRequest (under an import root), or "store:KEY";
   * formats as in ImportRequest.
   */
  'path'?: (string);
  /**
   * Train on at most this many leading rows (0 = all).
   */
  'limit'?: (number | string | Long);
}

/**
 * Asks to train a collection on a file's vectors.
 */
export interface TrainFromFileRequest__Output {
  /**
   * Collection to train; it must exist and not be trained yet.
   */
  'collection': (string);
  /**
   * A path as in ImportRequest (under an import root), or "store:KEY";
   * formats as in ImportRequest.
   */
  'path': (string);
  /**
   * Train on at most this many leading rows (0 = all).
   */
  'limit': (string);
}
