export { COORDINATOR_HELP, coordinatorOptionsFromArgs } from './cli-options.js';
export type { CollectionRecord, ShardPlacement } from './collection-record.js';
export {
  type CoordinatorOptions,
  DEFAULT_COORDINATOR_PORT,
  DEFAULT_MAX_CONCURRENT_REQUESTS,
  DEFAULT_MAX_MESSAGE_BYTES,
  type RunningCoordinator,
  startCoordinator,
} from './coordinator.js';
export { countPerList, listOwners, placeLists } from './placement/list-placement.js';
export { groupVectorsByShard, scatterShardOf } from './routing.js';
