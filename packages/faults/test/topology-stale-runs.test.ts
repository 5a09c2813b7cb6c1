import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeNetwork } from '../src/topology/bridge-network.js';
import { assertPrerequisites } from '../src/topology/prerequisites.js';
import { newRunNames } from '../src/topology/run-names.js';
import { removeStaleRuns } from '../src/topology/stale-runs.js';
import { leftovers, smallNetwork } from './topology-probes.js';

/** A process id no process has now: what a crashed run's names carry. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid++) if (!existsSync(`/proc/${pid}`)) return pid;
}

describe('clean-up of runs that crashed', () => {
  let live: BridgeNetwork;

  beforeAll(async () => {
    assertPrerequisites();
    live = await smallNetwork(1);
  });

  afterAll(() => live?.removeSync());

  it("removes a dead run's namespaces, processes, veth pairs and bridge, and leaves a live run's alone", async () => {
    const crashed = await smallNetwork(2, newRunNames(deadPid()));
    const namespace = crashed.member('a').namespace;
    const orphan = spawn('ip', ['netns', 'exec', namespace, 'sleep', '600'], { stdio: 'ignore' });
    const orphanExited = new Promise((resolve) => orphan.once('exit', resolve));
    const crashedNames = [
      namespace,
      crashed.member('b').namespace,
      crashed.names.bridge,
      crashed.names.hostVeth(0),
    ];
    const liveNames = [live.member('a').namespace, live.names.bridge, live.names.hostVeth(0)];
    expect(await leftovers(crashedNames)).toEqual(crashedNames);

    const removed = removeStaleRuns();

    expect(removed).toContain(crashed.names.prefix);
    expect(removed).not.toContain(live.names.prefix);
    await orphanExited;
    expect(await leftovers(crashedNames)).toEqual([]);
    expect(await leftovers(liveNames)).toEqual(liveNames);
  });
});
