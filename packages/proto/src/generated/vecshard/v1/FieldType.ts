// Original file: ../../proto/vecshard/v1/vecshard.proto

/**
 * The type of a stored field.
 */
export const FieldType = {
  FIELD_TYPE_UNSPECIFIED: 'FIELD_TYPE_UNSPECIFIED',
  /**
   * A signed 64-bit integer.
   */
  FIELD_TYPE_INT64: 'FIELD_TYPE_INT64',
  /**
   * A double.
   */
  FIELD_TYPE_DOUBLE: 'FIELD_TYPE_DOUBLE',
  /**
   * One string.
   */
  FIELD_TYPE_KEYWORD: 'FIELD_TYPE_KEYWORD',
  /**
   * A boolean.
   */
  FIELD_TYPE_BOOL: 'FIELD_TYPE_BOOL',
  /**
   * A set of strings (tags).
   */
  FIELD_TYPE_KEYWORDS: 'FIELD_TYPE_KEYWORDS',
  /**
   * A JSON document, stored and returned, never filtered.
   */
  FIELD_TYPE_JSON: 'FIELD_TYPE_JSON',
} as const;

/**
 * The type of a stored field.
 */
export type FieldType =
  | 'FIELD_TYPE_UNSPECIFIED'
  | 0
  /**
   * A signed 64-bit integer.
   */
  | 'FIELD_TYPE_INT64'
  | 1
  /**
   * A double.
   */
  | 'FIELD_TYPE_DOUBLE'
  | 2
  /**
   * One string.
   */
  | 'FIELD_TYPE_KEYWORD'
  | 3
  /**
   * A boolean.
   */
  | 'FIELD_TYPE_BOOL'
  | 4
  /**
   * A set of strings (tags).
   */
  | 'FIELD_TYPE_KEYWORDS'
  | 5
  /**
   * A JSON document, stored and returned, never filtered.
   */
  | 'FIELD_TYPE_JSON'
  | 6

/**
 * The type of a stored field.
 */
export type FieldType__Output = typeof FieldType[keyof typeof FieldType]
