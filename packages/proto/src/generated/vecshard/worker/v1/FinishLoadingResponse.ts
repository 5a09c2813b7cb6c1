// Original file: ../../proto/vecshard/worker/v1/worker.proto


/**
 * It now answers searches.
 */
export interface FinishLoadingResponse {
}

/**
 * It now answers searches.
 */
export interface FinishLoadingResponse__Output {
}
