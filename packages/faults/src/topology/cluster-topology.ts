import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BridgeNetwork } from './bridge-network.js';
import { type NodePlan, type NodeRole, planCluster } from './cluster-layout.js';
import { NodeProcess, type ProcessDeath } from './node-process.js';
import type { PacketFilter } from './packet-filter.js';
import { COORDINATOR_PORT, type CommandContext, commandFor } from './process-commands.js';
import { sentinelUrl } from './redis-config.js';
import { masterSeenBy, replicationOf, sentinelView } from './redis-probe.js';
import { newRunNames } from './run-names.js';
import { freeSubnet } from './subnet.js';
import { waitFor } from './wait-for.js';

export interface TopologyOptions {
  /** Where the nodes keep their data and logs. */
  dataDir: string;
  /** Redis data nodes, master and replicas (3 unless told). */
  redis?: number;
  workers?: number;
  coordinators?: number;
  sentinels?: number;
  /** The coordinators' --replica-grace-s: how long a worker may be gone before its copies move. */
  replicaGraceS?: number;
  coordinatorEnv?: NodeJS.ProcessEnv;
  /** Progress lines ("starting 4 workers"). */
  log?: (line: string) => void;
  /** A node's process exited without the suite asking it to. */
  onDeath?: (node: ClusterNode, death: ProcessDeath) => void;
}

/** A node of the running cluster: its plan, its namespace, its firewall and its process. */
export interface ClusterNode extends NodePlan {
  readonly namespace: string;
  readonly filter: PacketFilter;
  readonly process: NodeProcess;
}

/** How long the Redis set-up (replication, Sentinels finding each other) may take before the start fails. */
const REDIS_SETTLE_MS = 60_000;

/**
 * The cluster under test, every process in a network namespace of its own
 * on one bridge: a Redis master and its replicas watched by Sentinels, coordinators
 * and shard workers all reaching Redis through the Sentinels. The runner's
 * clients stay in the root namespace and reach the coordinators over the
 * bridge. Everything it made is removed on close, on exit, and by the next
 * run when this one could not (stale-runs.ts).
 */
export class ClusterTopology {
  private closed = false;

  private constructor(
    readonly network: BridgeNetwork,
    readonly nodes: readonly ClusterNode[],
    private readonly commands: CommandContext,
  ) {}

  static async start(options: TopologyOptions): Promise<ClusterTopology> {
    const log = options.log ?? (() => {});
    const subnet = await freeSubnet();
    const plans = planCluster(subnet, {
      redis: options.redis ?? 3,
      workers: options.workers ?? 4,
      coordinators: options.coordinators ?? 2,
      sentinels: options.sentinels ?? 3,
    });
    const sentinels = plans.filter((node) => node.role === 'sentinel');
    const commands: CommandContext = {
      dataDir: options.dataDir,
      redisUrl: sentinelUrl(sentinels.map((node) => node.address)),
      firstMaster: plans.find((node) => node.role === 'redis')!.address,
      sentinelQuorum: Math.floor(sentinels.length / 2) + 1,
      replicaGraceS: options.replicaGraceS ?? 10,
      coordinatorEnv: options.coordinatorEnv ?? {},
    };
    mkdirSync(join(options.dataDir, 'logs'), { recursive: true });
    const network = await BridgeNetwork.create(newRunNames(), subnet, plans);
    log(`network: bridge ${network.names.bridge} at ${network.hostAddress}/24, ${plans.length} namespaces`);
    const nodes = plans.map((plan) => {
      const { namespace, filter } = network.member(plan.name);
      const node: ClusterNode = {
        ...plan,
        namespace,
        filter,
        process: new NodeProcess(
          {
            name: plan.name,
            namespace,
            ...commandFor(plan, commands),
            logFile: join(options.dataDir, 'logs', `${plan.name}.log`),
          },
          (death) => options.onDeath?.(node, death),
        ),
      };
      return node;
    });
    const topology = new ClusterTopology(network, nodes, commands);
    try {
      await topology.startProcesses(log);
      return topology;
    } catch (error) {
      await topology.close();
      throw error;
    }
  }
  /** The redis-sentinel:// URL the coordinators and workers were given. */
  get redisUrl(): string {
    return this.commands.redisUrl;
  }

  /** Where clients reach each coordinator: HOST:PORT on the bridge. */
  get coordinatorAddresses(): string[] {
    return this.byRole('coordinator').map((node) => `${node.address}:${COORDINATOR_PORT}`);
  }

  byRole(role: NodeRole): ClusterNode[] {
    return this.nodes.filter((node) => node.role === role);
  }

  node(name: string): ClusterNode {
    const node = this.nodes.find((n) => n.name === name);
    if (!node) throw new Error(`no node called ${name}`);
    return node;
  }

  /** The master the Sentinels agree on (a majority of them), or undefined while they do not. */
  async currentMaster(): Promise<ClusterNode | undefined> {
    const sentinels = this.byRole('sentinel');
    const seen = await Promise.all(sentinels.map((node) => masterSeenBy(node.address)));
    const votes = new Map<string, number>();
    for (const address of seen) if (address) votes.set(address, (votes.get(address) ?? 0) + 1);
    const [address, count] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (!address || count! < this.commands.sentinelQuorum) return undefined;
    return this.byRole('redis').find((node) => node.address === address);
  }

  /**
   * Whether Redis is whole again: the Sentinels agree on a master, which says
   * it is one, every other data node replicates from it with its link up, and
   * every Sentinel knows the others and the replicas.
   */
  async redisHealthy(): Promise<boolean> {
    const master = await this.currentMaster();
    if (!master || (await replicationOf(master.address))?.role !== 'master') return false;
    const replicas = this.byRole('redis').filter((node) => node !== master);
    for (const replica of replicas) {
      const state = await replicationOf(replica.address);
      if (state?.role !== 'slave' || !state.linkUp || state.master !== master.address) return false;
    }
    const sentinels = this.byRole('sentinel');
    for (const sentinel of sentinels) {
      const view = await sentinelView(sentinel.address);
      if (view.sentinels < sentinels.length - 1 || view.replicas < replicas.length) return false;
    }
    return true;
  }

  async waitForRedisHealthy(limitMs = REDIS_SETTLE_MS): Promise<void> {
    await waitFor('Redis replication and Sentinels healthy', () => this.redisHealthy(), limitMs);
  }

  /**
   * Starts a node's process again (after a kill -9). A Redis node comes back
   * as a replica of the master the Sentinels name, never as a second master.
   */
  async restart(node: ClusterNode): Promise<void> {
    let args: string[] | undefined;
    if (node.role === 'redis') {
      // While the Sentinels cannot agree (a partition), the other data node is the one they promoted.
      const master = (await this.currentMaster()) ?? this.byRole('redis').find((other) => other !== node);
      const replicaOf = master && master !== node ? master.address : undefined;
      args = commandFor(node, this.commands, replicaOf).args;
    }
    await node.process.start(args);
  }

  /** Stops every process (SIGTERM, then SIGKILL), then removes the network. */
  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all(this.nodes.map((node) => node.process.stop(2000).catch(() => {})));
    this.teardownSync();
  }

  /**
   * Removes everything at once, synchronously (on SIGINT, and on exit after a
   * crash): every process is killed with its namespace.
   */
  teardownSync(): void {
    if (this.closed) return;
    this.closed = true;
    for (const node of this.nodes) node.process.expectExit();
    this.network.removeSync();
  }

  /** Redis first (the master, then its replicas), the Sentinels, then workers, then coordinators. */
  private async startProcesses(log: (line: string) => void): Promise<void> {
    const [master, ...replicas] = this.byRole('redis');
    log('starting Redis master, replica and Sentinels');
    await master.process.start();
    for (const replica of replicas) {
      await replica.process.start(commandFor(replica, this.commands, master.address).args);
    }
    await Promise.all(this.byRole('sentinel').map((node) => node.process.start()));
    await this.waitForRedisHealthy();
    log(`starting ${this.byRole('worker').length} shard workers`);
    await Promise.all(this.byRole('worker').map((node) => node.process.start()));
    log(`starting ${this.byRole('coordinator').length} coordinators`);
    await Promise.all(this.byRole('coordinator').map((node) => node.process.start()));
  }
}
