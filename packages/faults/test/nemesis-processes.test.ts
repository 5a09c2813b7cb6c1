import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAndRestart } from '../src/nemesis/kill-and-restart.js';
import { healInOrder } from '../src/nemesis/nemesis.js';
import { pauseAndResume } from '../src/nemesis/pause-and-resume.js';
import { assertPrerequisites } from '../src/topology/prerequisites.js';
import { namedNodes, processState, type StandInCluster, standInCluster } from './nemesis-fixtures.js';

describe('process nemeses', () => {
  let cluster: StandInCluster;

  beforeAll(async () => {
    assertPrerequisites();
    cluster = await standInCluster();
  });

  afterAll(() => cluster?.network.removeSync());

  it('pause-worker: SIGSTOP for longer than the heartbeat TTL and a refresh, then SIGCONT', async () => {
    const [fault] = await pauseAndResume('worker').inject(cluster.context(4));
    const node = cluster.node(namedNodes(fault.description)[0]);
    expect(node.role).toBe('worker');
    expect(fault.holdMs).toBeGreaterThan(3000 + 1000);
    expect(await processState(node.process.pid!)).toBe('T');
    await healInOrder([fault]);
    expect(await processState(node.process.pid!)).not.toBe('T');
  });

  it('pause-coordinator: held past the job lock', async () => {
    const [fault] = await pauseAndResume('coordinator').inject(cluster.context(5));
    const node = cluster.node(namedNodes(fault.description)[0]);
    expect(node.role).toBe('coordinator');
    expect(fault.holdMs).toBeGreaterThan(10_000);
    await healInOrder([fault]);
    expect(await processState(node.process.pid!)).not.toBe('T');
  });

  it('kill-worker and kill-coordinator: kill -9, then started again; neither counts as a death', async () => {
    for (const role of ['worker', 'coordinator'] as const) {
      const [fault] = await killAndRestart(role).inject(cluster.context(6));
      const node = cluster.node(namedNodes(fault.description)[0]);
      expect(node.role).toBe(role);
      expect(node.process.running).toBe(false);
      await healInOrder([fault]);
      expect(node.process.running).toBe(true);
    }
    expect(cluster.deaths).toEqual([]);
  });
});
