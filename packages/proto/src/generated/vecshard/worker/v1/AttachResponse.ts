// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * The collection is held.
 */
export interface AttachResponse {
}

/**
 * The collection is held.
 */
export interface AttachResponse__Output {
}
