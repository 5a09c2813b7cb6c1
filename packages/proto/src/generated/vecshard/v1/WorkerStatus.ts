// Original file: ../../proto/vecshard/v1/vecshard.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One shard worker.
 */
export interface WorkerStatus {
  /**
   * Worker id.
   */
  'id'?: (string);
  /**
   * gRPC address the coordinator uses.
   */
  'address'?: (string);
  /**
   * Device the worker runs FAISS on: "cpu" or "cuda:N".
   */
  'device'?: (string);
  /**
   * Whether its heartbeat is current.
   */
  'alive'?: (boolean);
  /**
   * Vectors it holds over all collections (0 when not alive).
   */
  'vectors'?: (number | string | Long);
  /**
   * Inverted lists it owns over all collections.
   */
  'lists'?: (number);
  /**
   * Approximate heap bytes its indexes hold.
   */
  'memoryBytes'?: (number | string | Long);
  /**
   * When it started, milliseconds since the Unix epoch.
   */
  'startedAtMs'?: (number | string | Long);
  /**
   * The FAISS build it searches with: "avx2", "generic" (Debian's) or "gpu";
   * empty for a worker that does not report it.
   */
  'faissBuild'?: (string);
}

/**
 * One shard worker.
 */
export interface WorkerStatus__Output {
  /**
   * Worker id.
   */
  'id': (string);
  /**
   * gRPC address the coordinator uses.
   */
  'address': (string);
  /**
   * Device the worker runs FAISS on: "cpu" or "cuda:N".
   */
  'device': (string);
  /**
   * Whether its heartbeat is current.
   */
  'alive': (boolean);
  /**
   * Vectors it holds over all collections (0 when not alive).
   */
  'vectors': (string);
  /**
   * Inverted lists it owns over all collections.
   */
  'lists': (number);
  /**
   * Approximate heap bytes its indexes hold.
   */
  'memoryBytes': (string);
  /**
   * When it started, milliseconds since the Unix epoch.
   */
  'startedAtMs': (string);
  /**
   * The FAISS build it searches with: "avx2", "generic" (Debian's) or "gpu";
   * empty for a worker that does not report it.
   */
  'faissBuild': (string);
}
