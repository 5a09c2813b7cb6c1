export type { ChannelSecurityOptions, ClientTlsOptions } from './channel-security.js';
export {
  assignQueries,
  type CoarseAssignment,
  centroidsOf,
  doubtMargin,
} from './direct/coarse-assignment.js';
export { where } from './documents/filters.js';
export { JobFailedError, VecshardError } from './errors.js';
export { type RetryPolicy, withRetries } from './retry.js';
export type * from './types.js';
export { VecshardClient } from './vecshard-client.js';
