// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Condition as _vecshard_v1_Condition, Condition__Output as _vecshard_v1_Condition__Output } from '../../vecshard/v1/Condition.js';

/**
 * A boolean combination of conditions on fields.
 */
export interface Filter {
  /**
   * All of them.
   */
  'must'?: (_vecshard_v1_Condition)[];
  /**
   * At least one, when any are given.
   */
  'should'?: (_vecshard_v1_Condition)[];
  /**
   * None of them.
   */
  'mustNot'?: (_vecshard_v1_Condition)[];
}

/**
 * A boolean combination of conditions on fields.
 */
export interface Filter__Output {
  /**
   * All of them.
   */
  'must': (_vecshard_v1_Condition__Output)[];
  /**
   * At least one, when any are given.
   */
  'should': (_vecshard_v1_Condition__Output)[];
  /**
   * None of them.
   */
  'mustNot': (_vecshard_v1_Condition__Output)[];
}
