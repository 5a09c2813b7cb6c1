// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * Asks for the worker's numbers.
 */
export interface StatsRequest {
}

/**
 * Asks for the worker's numbers.
 */
export interface StatsRequest__Output {
}
