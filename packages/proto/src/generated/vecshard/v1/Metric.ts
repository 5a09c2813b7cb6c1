// Original file: ../../proto/vecshard/v1/vecshard.proto

/**
 * How distances between vectors are measured.
 */
export const Metric = {
  /**
   * Not set; CreateCollection refuses it.
   */
  METRIC_UNSPECIFIED: 'METRIC_UNSPECIFIED',
  /**
   * Squared Euclidean distance; smaller is closer, results ascend.
   */
  METRIC_L2: 'METRIC_L2',
  /**
   * Inner product; larger is closer, results descend.
   */
  METRIC_INNER_PRODUCT: 'METRIC_INNER_PRODUCT',
  /**
   * Inner product of L2-normalised vectors (cosine similarity); larger is
   * closer. Send raw vectors: the cluster normalises them.
   */
  METRIC_COSINE: 'METRIC_COSINE',
} as const;

/**
 * How distances between vectors are measured.
 */
export type Metric =
  /**
   * Not set; CreateCollection refuses it.
   */
  | 'METRIC_UNSPECIFIED'
  | 0
  /**
   * Squared Euclidean distance; smaller is closer, results ascend.
   */
  | 'METRIC_L2'
  | 1
  /**
   * Inner product; larger is closer, results descend.
   */
  | 'METRIC_INNER_PRODUCT'
  | 2
  /**
   * Inner product of L2-normalised vectors (cosine similarity); larger is
   * closer. Send raw vectors: the cluster normalises them.
   */
  | 'METRIC_COSINE'
  | 3

/**
 * How distances between vectors are measured.
 */
export type Metric__Output = typeof Metric[keyof typeof Metric]
