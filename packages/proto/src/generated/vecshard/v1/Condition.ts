// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Match as _vecshard_v1_Match, Match__Output as _vecshard_v1_Match__Output } from '../../vecshard/v1/Match.js';
import type { Range as _vecshard_v1_Range, Range__Output as _vecshard_v1_Range__Output } from '../../vecshard/v1/Range.js';
import type { Filter as _vecshard_v1_Filter, Filter__Output as _vecshard_v1_Filter__Output } from '../../vecshard/v1/Filter.js';

/**
 * One condition of a filter.
 */
export interface Condition {
  'match'?: (_vecshard_v1_Match | null);
  'range'?: (_vecshard_v1_Range | null);
  'nested'?: (_vecshard_v1_Filter | null);
  /**
   * int64 LE ids.
   */
  'hasId'?: (Buffer | Uint8Array | string);
  /**
   * A field name: rows without a value.
   */
  'isMissing'?: (string);
  'condition'?: "match"|"range"|"nested"|"hasId"|"isMissing";
}

/**
 * One condition of a filter.
 */
export interface Condition__Output {
  'match'?: (_vecshard_v1_Match__Output | null);
  'range'?: (_vecshard_v1_Range__Output | null);
  'nested'?: (_vecshard_v1_Filter__Output | null);
  /**
   * int64 LE ids.
   */
  'hasId'?: (Buffer);
  /**
   * A field name: rows without a value.
   */
  'isMissing'?: (string);
  'condition'?: "match"|"range"|"nested"|"hasId"|"isMissing";
}
