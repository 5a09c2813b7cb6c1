/**
 * The filter as the shard receives it: the shape of vecshard.v1's decoded
 * Filter__Output, Condition__Output, Match__Output and Range__Output (which
 * @vecshard/proto does not export by name). Structural, so the decoded
 * messages are accepted as they are. Repeated fields may be absent (read as
 * empty) so hand-built filters in tests and tools stay short.
 */
export interface FilterInput {
  must?: readonly ConditionInput[];
  should?: readonly ConditionInput[];
  mustNot?: readonly ConditionInput[];
}

export type ConditionKind = 'match' | 'range' | 'nested' | 'hasId' | 'isMissing';

export interface ConditionInput {
  match?: MatchInput | null;
  range?: RangeInput | null;
  nested?: FilterInput | null;
  /** int64 LE ids. */
  hasId?: Uint8Array;
  /** A field name: rows without a value. */
  isMissing?: string;
  /** Which member is set (proto-loader's `oneofs: true`); inferred from the members when absent. */
  condition?: ConditionKind;
}

export interface MatchInput {
  field: string;
  keywords?: readonly string[];
  /** Decimal strings (longs=String); numbers and bigints are taken too. */
  int64s?: readonly (string | number | bigint)[];
  bools?: readonly boolean[];
}

export interface RangeInput {
  field: string;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}
