// Original file: ../../proto/vecshard/worker/v1/worker.proto

import type { Filter as _vecshard_v1_Filter, Filter__Output as _vecshard_v1_Filter__Output } from '../../../vecshard/v1/Filter.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Rows to read: by id, or by filter from a cursor.
 */
export interface ReadRowsRequest {
  'collection'?: (string);
  'shard'?: (number);
  /**
   * int64 LE ids; when set, the filter fields below are ignored.
   */
  'ids'?: (Buffer | Uint8Array | string);
  /**
   * By filter (none: every row), ascending id, ids above `after` only.
   */
  'filter'?: (_vecshard_v1_Filter | null);
  'hasAfter'?: (boolean);
  'after'?: (number | string | Long);
  /**
   * At most this many rows (0: no limit).
   */
  'limit'?: (number);
  'outputFields'?: (string)[];
  'withVectors'?: (boolean);
}

/**
 * Rows to read: by id, or by filter from a cursor.
 */
export interface ReadRowsRequest__Output {
  'collection': (string);
  'shard': (number);
  /**
   * int64 LE ids; when set, the filter fields below are ignored.
   */
  'ids': (Buffer);
  /**
   * By filter (none: every row), ascending id, ids above `after` only.
   */
  'filter': (_vecshard_v1_Filter__Output | null);
  'hasAfter': (boolean);
  'after': (string);
  /**
   * At most this many rows (0: no limit).
   */
  'limit': (number);
  'outputFields': (string)[];
  'withVectors': (boolean);
}
