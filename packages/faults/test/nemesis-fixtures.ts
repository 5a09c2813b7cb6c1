import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NemesisContext } from '../src/nemesis/nemesis.js';
import { BridgeNetwork } from '../src/topology/bridge-network.js';
import { type NodePlan, planCluster } from '../src/topology/cluster-layout.js';
import type { ClusterNode, ClusterTopology } from '../src/topology/cluster-topology.js';
import { NodeProcess, type ProcessDeath } from '../src/topology/node-process.js';
import { newRunNames } from '../src/topology/run-names.js';
import { freeSubnet } from '../src/topology/subnet.js';
import { SeededRandom } from '../src/workload/seeded-random.js';

/**
 * The cluster's namespaces and firewalls, with a stand-in process in each
 * node (a node program that just stays alive) instead of Redis, coordinators
 * and workers: enough for the nemeses that cut the network or signal
 * processes, in a fraction of the time.
 */
export interface StandInCluster {
  topology: ClusterTopology;
  network: BridgeNetwork;
  deaths: ProcessDeath[];
  context(seed: number): NemesisContext;
  node(name: string): ClusterNode;
}

export async function standInCluster(): Promise<StandInCluster> {
  const subnet = await freeSubnet();
  const plans = planCluster(subnet, { redis: 3, workers: 3, coordinators: 2, sentinels: 3 });
  const network = await BridgeNetwork.create(newRunNames(), subnet, plans);
  const logs = mkdtempSync(join(tmpdir(), 'faults-nemesis-'));
  const deaths: ProcessDeath[] = [];
  const nodes: ClusterNode[] = plans.map((plan) => {
    const { namespace, filter } = network.member(plan.name);
    return { ...plan, namespace, filter, process: standInProcess(plan, namespace, logs, deaths) };
  });
  await Promise.all(nodes.map((node) => node.process.start()));
  const topology = {
    nodes,
    byRole: (role: string) => nodes.filter((node) => node.role === role),
    restart: (node: ClusterNode) => node.process.start(),
  } as unknown as ClusterTopology;
  return {
    topology,
    network,
    deaths,
    context: (seed) => ({ topology, random: SeededRandom.stream(seed, 1000), quick: true, log: () => {} }),
    node: (name) => nodes.find((node) => node.name === name)!,
  };
}

/** A node program that serves TCP on its address, port 7000 (connections closed at once), until killed. */
function standInProcess(
  plan: NodePlan,
  namespace: string,
  logs: string,
  deaths: ProcessDeath[],
): NodeProcess {
  return new NodeProcess(
    {
      name: plan.name,
      namespace,
      command: process.execPath,
      args: [
        '-e',
        `require('net').createServer((s) => s.end()).listen(7000, '${plan.address}', () => console.log('ready'))`,
      ],
      ready: /ready/,
      logFile: join(logs, `${plan.name}.log`),
    },
    (death) => deaths.push(death),
  );
}

/** The node names a fault's description mentions ("isolate worker-2" → ["worker-2"]). */
export function namedNodes(description: string): string[] {
  return description.match(/(redis|sentinel|coordinator|worker)-\d+/g) ?? [];
}

/** The process state letter in /proc (T: stopped). */
export async function processState(pid: number): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2)[0];
}
