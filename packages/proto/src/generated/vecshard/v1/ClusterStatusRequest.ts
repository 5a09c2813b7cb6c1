// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Asks for the cluster's state.
 */
export interface ClusterStatusRequest {
}

/**
 * Asks for the cluster's state.
 */
export interface ClusterStatusRequest__Output {
}
