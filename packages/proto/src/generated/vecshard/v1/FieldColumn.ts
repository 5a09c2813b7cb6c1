// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { KeywordSet as _vecshard_v1_KeywordSet, KeywordSet__Output as _vecshard_v1_KeywordSet__Output } from '../../vecshard/v1/KeywordSet.js';
import type { Long } from '@grpc/proto-loader';

/**
 * The values of one field for a batch of rows, in row order (one list set).
 */
export interface FieldColumn {
  'name'?: (string);
  'int64Values'?: (number | string | Long)[];
  'doubleValues'?: (number | string)[];
  'keywordValues'?: (string)[];
  'boolValues'?: (boolean)[];
  'keywordsValues'?: (_vecshard_v1_KeywordSet)[];
  'jsonValues'?: (string)[];
  /**
   * Rows without a value: bit r%8 of byte r/8 set (the list holds a
   * placeholder there). Empty: all present.
   */
  'missing'?: (Buffer | Uint8Array | string);
}

/**
 * The values of one field for a batch of rows, in row order (one list set).
 */
export interface FieldColumn__Output {
  'name': (string);
  'int64Values': (string)[];
  'doubleValues': (number)[];
  'keywordValues': (string)[];
  'boolValues': (boolean)[];
  'keywordsValues': (_vecshard_v1_KeywordSet__Output)[];
  'jsonValues': (string)[];
  /**
   * Rows without a value: bit r%8 of byte r/8 set (the list holds a
   * placeholder there). Empty: all present.
   */
  'missing': (Buffer);
}
