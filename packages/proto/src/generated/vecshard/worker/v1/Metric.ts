// Original file: ../../proto/vecshard/worker/v1/worker.proto

/**
 * Distance metric, as in vecshard.v1.Metric.
 */
export const Metric = {
  /**
   * Not set; refused.
   */
  METRIC_UNSPECIFIED: 'METRIC_UNSPECIFIED',
  /**
   * Squared Euclidean distance.
   */
  METRIC_L2: 'METRIC_L2',
  /**
   * Inner product.
   */
  METRIC_INNER_PRODUCT: 'METRIC_INNER_PRODUCT',
  /**
   * Inner product of normalised vectors; the worker normalises.
   */
  METRIC_COSINE: 'METRIC_COSINE',
} as const;

/**
 * Distance metric, as in vecshard.v1.Metric.
 */
export type Metric =
  /**
   * Not set; refused.
   */
  | 'METRIC_UNSPECIFIED'
  | 0
  /**
   * Squared Euclidean distance.
   */
  | 'METRIC_L2'
  | 1
  /**
   * Inner product.
   */
  | 'METRIC_INNER_PRODUCT'
  | 2
  /**
   * Inner product of normalised vectors; the worker normalises.
   */
  | 'METRIC_COSINE'
  | 3

/**
 * Distance metric, as in vecshard.v1.Metric.
 */
export type Metric__Output = typeof Metric[keyof typeof Metric]
