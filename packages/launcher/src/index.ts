export { type ManagedProcess, startProcess, stopChild } from './child-process.js';
export { type LocalCluster, type LocalClusterOptions, startLocalCluster } from './local-cluster.js';
export { freePort, startRedisServer } from './redis-server.js';
export { SupervisedProcess, type SupervisorEvent } from './supervised-process.js';
