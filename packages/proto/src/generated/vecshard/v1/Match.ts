// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Any of the values (for KEYWORDS fields: any element of the set).
 */
export interface Match {
  'field'?: (string);
  'keywords'?: (string)[];
  'int64s'?: (number | string | Long)[];
  'bools'?: (boolean)[];
}

/**
 * Any of the values (for KEYWORDS fields: any element of the set).
 */
export interface Match__Output {
  'field': (string);
  'keywords': (string)[];
  'int64s': (string)[];
  'bools': (boolean)[];
}
