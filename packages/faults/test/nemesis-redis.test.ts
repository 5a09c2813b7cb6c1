import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killRedisMaster } from '../src/nemesis/kill-redis-master.js';
import { masterSentinelPartition } from '../src/nemesis/master-sentinel-partition.js';
import { healInOrder, type InjectedFault, type NemesisContext } from '../src/nemesis/nemesis.js';
import { sentinelFailover } from '../src/nemesis/sentinel-failover.js';
import { ClusterTopology } from '../src/topology/cluster-topology.js';
import { assertPrerequisites } from '../src/topology/prerequisites.js';
import { replicationOf } from '../src/topology/redis-probe.js';
import { SeededRandom } from '../src/workload/seeded-random.js';

/** Sentinels notice a dead master after 3 s and fail over in a few more; a busy machine takes longer. */
const FAILOVER_TEST_MS = 120_000;

// Real redis-server and Sentinels in their namespaces (no coordinators or workers).
describe('Redis nemeses', () => {
  let topology: ClusterTopology;
  let ctx: NemesisContext;

  beforeAll(async () => {
    assertPrerequisites();
    topology = await ClusterTopology.start({
      dataDir: mkdtempSync(join(tmpdir(), 'faults-redis-')),
      workers: 0,
      coordinators: 0,
    });
    ctx = { topology, random: SeededRandom.stream(1, 1000), quick: true, log: () => {} };
  });

  afterAll(() => topology?.close());

  /** Injects, waits for the effect, heals, and waits until Redis is whole; returns the master before and after. */
  async function fire(
    inject: () => Promise<InjectedFault[]>,
    whileInForce: () => Promise<void> = async () => {},
  ) {
    const before = await topology.currentMaster();
    const faults = await inject();
    for (const fault of faults) expect(await fault.takesEffect!()).toMatch(/^redis-\d promoted$/);
    const after = await topology.currentMaster();
    await whileInForce();
    expect(await healInOrder(faults)).toEqual([]);
    await topology.waitForRedisHealthy();
    return { before: before!, after: after! };
  }

  it(
    'redis-failover: the Sentinels promote the replica and the old master follows it',
    async () => {
      const { before, after } = await fire(() => sentinelFailover.inject(ctx));
      expect(after).not.toBe(before);
      expect(await replicationOf(before.address)).toMatchObject({
        role: 'slave',
        linkUp: true,
        master: after.address,
      });
    },
    FAILOVER_TEST_MS,
  );

  it(
    'kill-redis-master: the replica is promoted, and the old master comes back as its replica',
    async () => {
      const master = (await topology.currentMaster())!;
      const { before, after } = await fire(
        () => killRedisMaster.inject(ctx),
        async () => expect(master.process.running).toBe(false),
      );
      expect(before).toBe(master);
      expect(after).not.toBe(before);
      expect(topology.node(before.name).process.running).toBe(true);
      expect(await replicationOf(before.address)).toMatchObject({
        role: 'slave',
        linkUp: true,
        master: after.address,
      });
    },
    FAILOVER_TEST_MS,
  );

  it(
    'redis-master-from-sentinels: two masters while cut (the old one still takes clients), one after the heal',
    async () => {
      let old = '';
      const { before, after } = await fire(
        async () => {
          old = (await topology.currentMaster())!.address;
          return masterSentinelPartition.inject(ctx);
        },
        async () => expect(await replicationOf(old)).toMatchObject({ role: 'master' }),
      );
      expect(after).not.toBe(before);
      expect(await replicationOf(before.address)).toMatchObject({ role: 'slave', master: after.address });
    },
    FAILOVER_TEST_MS,
  );
});
