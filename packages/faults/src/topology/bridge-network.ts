import { createBridge, deleteBridgeSync } from './bridge.js';
import { createNamespace, deleteNamespaceSync } from './network-namespace.js';
import { PacketFilter } from './packet-filter.js';
import type { RunNames } from './run-names.js';
import { forgetOwner, recordOwner } from './run-owner.js';
import { runSyncIgnoringFailure } from './shell.js';
import type { Subnet } from './subnet.js';

/** A namespace to make: its node's name, its position (which names its veth pair) and its address. */
export interface NetworkMember {
  name: string;
  index: number;
  address: string;
}

/** A member's namespace, ready to run processes in, and the firewall that cuts it off. */
export interface MemberNetwork {
  readonly namespace: string;
  readonly filter: PacketFilter;
}

/**
 * The network of a run: a bridge with an address in the root namespace and
 * one namespace per member on it, each with its fault chains installed.
 * Removing it kills whatever still runs inside, so nothing outlives it.
 */
export class BridgeNetwork {
  private removed = false;
  private readonly removeOnExit = () => this.removeSync();

  private constructor(
    readonly names: RunNames,
    readonly subnet: Subnet,
    private readonly members: readonly NetworkMember[],
  ) {}

  static async create(
    names: RunNames,
    subnet: Subnet,
    members: readonly NetworkMember[],
  ): Promise<BridgeNetwork> {
    const network = new BridgeNetwork(names, subnet, members);
    recordOwner(names.prefix);
    // Registered before anything is made: a run that crashes half-way still removes what it made.
    process.on('exit', network.removeOnExit);
    try {
      await createBridge(names.bridge, subnet.address(1));
      for (const member of members) {
        await createNamespace({
          name: names.namespace(member.name),
          hostVeth: names.hostVeth(member.index),
          peerVeth: names.peerVeth(member.index),
          bridge: names.bridge,
          address: member.address,
        });
        await new PacketFilter(names.namespace(member.name)).install();
      }
      return network;
    } catch (error) {
      network.removeSync();
      throw error;
    }
  }

  /** The address of the bridge in the root namespace. */
  get hostAddress(): string {
    return this.subnet.address(1);
  }

  member(name: string): MemberNetwork {
    if (!this.members.some((member) => member.name === name)) throw new Error(`no namespace for ${name}`);
    const namespace = this.names.namespace(name);
    return { namespace, filter: new PacketFilter(namespace) };
  }

  /** Kills every process left in the namespaces, then removes them, their veth pairs and the bridge. */
  removeSync(): void {
    if (this.removed) return;
    this.removed = true;
    process.off('exit', this.removeOnExit);
    for (const member of this.members) deleteNamespaceSync(this.names.namespace(member.name));
    for (const member of this.members) {
      runSyncIgnoringFailure('ip', ['link', 'del', this.names.hostVeth(member.index)]);
    }
    deleteBridgeSync(this.names.bridge);
    forgetOwner(this.names.prefix);
  }
}
