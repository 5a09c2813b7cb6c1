// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * The value of a KEYWORDS field for one row.
 */
export interface KeywordSet {
  'values'?: (string)[];
}

/**
 * The value of a KEYWORDS field for one row.
 */
export interface KeywordSet__Output {
  'values': (string)[];
}
