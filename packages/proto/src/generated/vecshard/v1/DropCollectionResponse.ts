// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * The collection is gone.
 */
export interface DropCollectionResponse {
}

/**
 * The collection is gone.
 */
export interface DropCollectionResponse__Output {
}
