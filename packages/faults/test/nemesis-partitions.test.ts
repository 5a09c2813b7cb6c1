import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coordinatorRedisCut } from '../src/nemesis/coordinator-redis-cut.js';
import { isolateWorker } from '../src/nemesis/isolate-worker.js';
import { majoritySplit } from '../src/nemesis/majority-split.js';
import { healInOrder } from '../src/nemesis/nemesis.js';
import { oneWayPartition } from '../src/nemesis/one-way-partition.js';
import { assertPrerequisites } from '../src/topology/prerequisites.js';
import { namedNodes, type StandInCluster, standInCluster } from './nemesis-fixtures.js';
import { canConnect } from './topology-probes.js';

describe('partition nemeses', () => {
  let cluster: StandInCluster;
  /** Whether `from` (a node, or the root namespace) opens a TCP connection to `to`. */
  const reaches = (from: string | undefined, to: string) =>
    canConnect(from && cluster.node(from).namespace, cluster.node(to).address);

  beforeAll(async () => {
    assertPrerequisites();
    cluster = await standInCluster();
  });

  afterAll(() => cluster?.network.removeSync());

  it('isolate-worker: the worker reaches no one and no one reaches it, until healed', async () => {
    const [fault] = await isolateWorker.inject(cluster.context(1));
    const [worker] = namedNodes(fault.description);
    const other = ['worker-0', 'worker-1', 'worker-2'].find((name) => name !== worker)!;
    expect(await reaches('coordinator-0', worker)).toBe(false);
    expect(await reaches(undefined, worker)).toBe(false);
    expect(await reaches(worker, 'redis-0')).toBe(false);
    expect(await reaches('coordinator-0', other)).toBe(true);
    await healInOrder([fault]);
    expect(await reaches('coordinator-0', worker)).toBe(true);
    expect(await reaches(worker, 'redis-0')).toBe(true);
  });

  it('coordinator-redis-cut: the coordinator loses Redis and the Sentinels, keeps the workers and clients', async () => {
    const [fault] = await coordinatorRedisCut.inject(cluster.context(2));
    const [coordinator] = namedNodes(fault.description);
    const other = coordinator === 'coordinator-0' ? 'coordinator-1' : 'coordinator-0';
    expect(await reaches(coordinator, 'redis-0')).toBe(false);
    expect(await reaches(coordinator, 'redis-1')).toBe(false);
    expect(await reaches(coordinator, 'sentinel-2')).toBe(false);
    expect(await reaches(coordinator, 'worker-1')).toBe(true);
    expect(await reaches(undefined, coordinator)).toBe(true);
    expect(await reaches(other, 'redis-0')).toBe(true);
    await healInOrder([fault]);
    expect(await reaches(coordinator, 'redis-0')).toBe(true);
  });

  it('split: the minority and the majority cannot reach each other; each side and the clients still can', async () => {
    const [fault] = await majoritySplit.inject(cluster.context(3));
    const minority = namedNodes(fault.description);
    const majority = cluster.topology.nodes
      .map((node) => node.name)
      .filter((name) => !minority.includes(name));
    expect(minority.length).toBe(Math.floor(cluster.topology.nodes.length / 2));
    expect(await reaches(minority[0], majority[0])).toBe(false);
    expect(await reaches(majority[1], minority[1])).toBe(false);
    expect(await reaches(minority[0], minority[1])).toBe(true);
    expect(await reaches(majority[0], majority[1])).toBe(true);
    expect(await reaches(undefined, minority[0])).toBe(true);
    await healInOrder([fault]);
    expect(await reaches(minority[0], majority[0])).toBe(true);
  });

  it('one-way: one node drops one direction only, and the heal removes it', async () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 6; seed++) {
      const [fault] = await oneWayPartition.inject(cluster.context(seed));
      const rules = (await Promise.all(cluster.topology.nodes.map((node) => node.filter.rules()))).flat();
      expect(rules.length, fault.description).toBeGreaterThan(0);
      const chains = new Set(rules.map((rule) => rule.split(' ')[1]));
      expect(chains.size, `${fault.description}: ${rules.join('; ')}`).toBe(1);
      seen.add(fault.description.replace(/-\d+/g, '-N'));
      await healInOrder([fault]);
      const left = (await Promise.all(cluster.topology.nodes.map((node) => node.filter.rules()))).flat();
      expect(left).toEqual([]);
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});
