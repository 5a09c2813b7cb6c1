// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * Asks for every collection.
 */
export interface ListCollectionsRequest {
}

/**
 * Asks for every collection.
 */
export interface ListCollectionsRequest__Output {
}
