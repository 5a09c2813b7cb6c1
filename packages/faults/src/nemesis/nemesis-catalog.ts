import { coordinatorRedisCut } from './coordinator-redis-cut.js';
import { isolateWorker } from './isolate-worker.js';
import { killAndRestart } from './kill-and-restart.js';
import { killRedisMaster } from './kill-redis-master.js';
import { majoritySplit } from './majority-split.js';
import { masterSentinelPartition } from './master-sentinel-partition.js';
import type { Nemesis } from './nemesis.js';
import { oneWayPartition } from './one-way-partition.js';
import { pauseAndResume } from './pause-and-resume.js';
import { randomMix } from './random-mix.js';
import { sentinelFailover } from './sentinel-failover.js';

/** Every single fault, in the order a quick run goes through them. */
const SINGLE_FAULTS: readonly Nemesis[] = [
  killAndRestart('worker'),
  killAndRestart('coordinator'),
  pauseAndResume('worker'),
  pauseAndResume('coordinator'),
  isolateWorker,
  coordinatorRedisCut,
  majoritySplit,
  oneWayPartition,
  sentinelFailover,
  killRedisMaster,
  masterSentinelPartition,
];

/** Every nemesis, the mix last. */
export const NEMESES: readonly Nemesis[] = [...SINGLE_FAULTS, randomMix(SINGLE_FAULTS)];

/** The short subset CI runs: a worker kill, a worker isolation, a Redis failover. */
export const CI_NEMESES: readonly string[] = ['kill-worker', 'isolate-worker', 'redis-failover'];

export function nemesisNamed(name: string): Nemesis {
  const nemesis = NEMESES.find((n) => n.name === name);
  if (!nemesis) throw new Error(`no nemesis "${name}"; there are: ${NEMESES.map((n) => n.name).join(', ')}`);
  return nemesis;
}
