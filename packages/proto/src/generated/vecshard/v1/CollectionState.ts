// Original file: ../../proto/vecshard/v1/vecshard.proto

/**
 * Where a collection is in its life.
 */
export const CollectionState = {
  /**
   * Not reported.
   */
  COLLECTION_STATE_UNSPECIFIED: 'COLLECTION_STATE_UNSPECIFIED',
  /**
   * Created, not trained yet: Upsert and Search are refused with
   * FAILED_PRECONDITION until Train succeeds.
   */
  COLLECTION_STATE_CREATED: 'COLLECTION_STATE_CREATED',
  /**
   * Trained and placed on its shards: accepts Upsert, Delete and Search.
   */
  COLLECTION_STATE_READY: 'COLLECTION_STATE_READY',
  /**
   * Trained, but some shards are being refilled after their workers
   * restarted (see CollectionInfo.loading_job): writes are accepted, searches
   * that need those shards get UNAVAILABLE saying the collection is loading.
   */
  COLLECTION_STATE_LOADING: 'COLLECTION_STATE_LOADING',
} as const;

/**
 * Where a collection is in its life.
 */
export type CollectionState =
  /**
   * Not reported.
   */
  | 'COLLECTION_STATE_UNSPECIFIED'
  | 0
  /**
   * Created, not trained yet: Upsert and Search are refused with
   * FAILED_PRECONDITION until Train succeeds.
   */
  | 'COLLECTION_STATE_CREATED'
  | 1
  /**
   * Trained and placed on its shards: accepts Upsert, Delete and Search.
   */
  | 'COLLECTION_STATE_READY'
  | 2
  /**
   * Trained, but some shards are being refilled after their workers
   * restarted (see CollectionInfo.loading_job): writes are accepted, searches
   * that need those shards get UNAVAILABLE saying the collection is loading.
   */
  | 'COLLECTION_STATE_LOADING'
  | 3

/**
 * Where a collection is in its life.
 */
export type CollectionState__Output = typeof CollectionState[keyof typeof CollectionState]
