// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * Stopped (also when the shard was not held).
 */
export interface StopDirectReadsResponse {
}

/**
 * Stopped (also when the shard was not held).
 */
export interface StopDirectReadsResponse__Output {
}
