// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { FieldType as _vecshard_v1_FieldType, FieldType__Output as _vecshard_v1_FieldType__Output } from '../../vecshard/v1/FieldType.js';

/**
 * One field of a collection's schema.
 */
export interface FieldSchema {
  'name'?: (string);
  'type'?: (_vecshard_v1_FieldType);
}

/**
 * One field of a collection's schema.
 */
export interface FieldSchema__Output {
  'name': (string);
  'type': (_vecshard_v1_FieldType__Output);
}
