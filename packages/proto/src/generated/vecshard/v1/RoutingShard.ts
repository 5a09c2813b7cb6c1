// Original file: ../../proto/vecshard/v1/vecshard.proto


/**
 * One shard as a routing client sees it.
 */
export interface RoutingShard {
  /**
   * Shard number, 0-based.
   */
  'shard'?: (number);
  /**
   * Inverted lists the shard owns.
   */
  'lists'?: (number)[];
  /**
   * Client-reachable addresses of the shard's READY copies (none when no
   * copy may be read: route such searches through the coordinator).
   */
  'addresses'?: (string)[];
}

/**
 * One shard as a routing client sees it.
 */
export interface RoutingShard__Output {
  /**
   * Shard number, 0-based.
   */
  'shard': (number);
  /**
   * Inverted lists the shard owns.
   */
  'lists': (number)[];
  /**
   * Client-reachable addresses of the shard's READY copies (none when no
   * copy may be read: route such searches through the coordinator).
   */
  'addresses': (string)[];
}
