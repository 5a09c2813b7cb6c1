// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * Held.
 */
export interface HoldWritesResponse {
}

/**
 * Held.
 */
export interface HoldWritesResponse__Output {
}
