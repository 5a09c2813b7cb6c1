import { run } from './shell.js';

/**
 * Partitions, made with iptables inside one node's namespace: two chains of
 * its own, jumped to first from INPUT and OUTPUT, hold the DROP rules of the
 * faults now injected; healing flushes them. Only packets are dropped, never
 * refused, so a cut looks like a real one: connections hang, they are not reset.
 */
const INBOUND = 'FAULTS-IN';
const OUTBOUND = 'FAULTS-OUT';

export type Direction = 'inbound' | 'outbound' | 'both';

export class PacketFilter {
  constructor(private readonly namespace: string) {}

  /** Creates the chains (once, when the namespace is made). */
  async install(): Promise<void> {
    await this.iptables(['-N', INBOUND]);
    await this.iptables(['-N', OUTBOUND]);
    await this.iptables(['-I', 'INPUT', '-j', INBOUND]);
    await this.iptables(['-I', 'OUTPUT', '-j', OUTBOUND]);
  }

  /**
   * Drops packets exchanged with `peers`: `inbound` those arriving from them,
   * `outbound` those sent to them, `both` either way.
   */
  async cut(peers: readonly string[], direction: Direction = 'both'): Promise<void> {
    if (peers.length === 0) return;
    const list = peers.join(',');
    if (direction !== 'outbound') await this.iptables(['-A', INBOUND, '-s', list, '-j', 'DROP']);
    if (direction !== 'inbound') await this.iptables(['-A', OUTBOUND, '-d', list, '-j', 'DROP']);
  }

  /** Drops everything on eth0: the node reaches nothing but itself, and nothing reaches it. */
  async isolate(): Promise<void> {
    await this.iptables(['-A', INBOUND, '-i', 'eth0', '-j', 'DROP']);
    await this.iptables(['-A', OUTBOUND, '-o', 'eth0', '-j', 'DROP']);
  }

  /** Removes every cut. */
  async heal(): Promise<void> {
    await this.iptables(['-F', INBOUND]);
    await this.iptables(['-F', OUTBOUND]);
  }

  /** The DROP rules in force, for reports and tests. */
  async rules(): Promise<string[]> {
    const listing = (await this.iptables(['-S', INBOUND])) + (await this.iptables(['-S', OUTBOUND]));
    return listing.split('\n').filter((line) => line.startsWith('-A '));
  }

  private iptables(args: string[]): Promise<string> {
    // -w: wait for the xtables lock rather than fail when another namespace's rule is being written.
    return run('ip', ['netns', 'exec', this.namespace, 'iptables', '-w', ...args]);
  }
}
