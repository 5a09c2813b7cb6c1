// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The exact count.
 */
export interface CountResponse {
  'count'?: (number | string | Long);
}

/**
 * The exact count.
 */
export interface CountResponse__Output {
  'count': (string);
}
