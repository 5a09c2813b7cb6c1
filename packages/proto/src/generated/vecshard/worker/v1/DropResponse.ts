// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * Forgotten (also when it was not held).
 */
export interface DropResponse {
}

/**
 * Forgotten (also when it was not held).
 */
export interface DropResponse__Output {
}
