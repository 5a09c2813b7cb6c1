import type { ClusterCollectionOptions } from './cluster-target.js';

/** Whether ClusterTarget takes `direct` (one-hop search from the client straight to the shards). */
type HasDirect = 'direct' extends keyof ClusterCollectionOptions ? true : false;

/**
 * Gates the `cluster-direct` mode until ClusterTarget has the option. The type
 * makes this a compile-time check: once the option exists, `false` no longer
 * compiles and must become `true`.
 */
export const CLUSTER_DIRECT_AVAILABLE: HasDirect = false;
