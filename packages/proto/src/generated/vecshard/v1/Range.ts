// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * INT64 or DOUBLE fields.
 */
export interface Range {
  'field'?: (string);
  'gt'?: (number | string);
  'gte'?: (number | string);
  'lt'?: (number | string);
  'lte'?: (number | string);
  '_gt'?: "gt";
  '_gte'?: "gte";
  '_lt'?: "lt";
  '_lte'?: "lte";
}

/**
 * INT64 or DOUBLE fields.
 */
export interface Range__Output {
  'field': (string);
  'gt'?: (number);
  'gte'?: (number);
  'lt'?: (number);
  'lte'?: (number);
  '_gt'?: "gt";
  '_gte'?: "gte";
  '_lt'?: "lt";
  '_lte'?: "lte";
}
