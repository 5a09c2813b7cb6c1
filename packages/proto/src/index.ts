export * from './cluster-keys.js';
export * from './codec.js';
export * from './definitions.js';
export * from './metric.js';
export * from './rpc-error.js';
export * from './server-extras.js';
export type * from './types.js';
export * from './write-queue.js';
