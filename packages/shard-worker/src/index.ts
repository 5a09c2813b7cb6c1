export { WORKER_HELP, workerOptionsFromArgs } from './cli-options.js';
export { type Device, DeviceError, parseDevice } from './device.js';
export { ShardCollection, type ShardCollectionStats } from './shard-collection.js';
export {
  DEFAULT_MAX_MESSAGE_BYTES,
  type RunningShardWorker,
  type ShardWorkerOptions,
  startShardWorker,
} from './shard-worker.js';
