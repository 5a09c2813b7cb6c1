/**
 * Every network object of a run (namespaces, veth pairs, the bridge, firewall
 * rules in the root namespace) carries the run's prefix: `vf`, the process id
 * of the run that made it and a letter (one process may build several
 * topologies, one after another, as the tests do). A later run reads the owner
 * back from the name and removes what a dead run left behind.
 */
export interface RunNames {
  readonly prefix: string;
  readonly bridge: string;
  /** Namespace of the node called `node` ("worker-2"). */
  namespace(node: string): string;
  /** Root-namespace end of node `index`'s veth pair, enslaved to the bridge. */
  hostVeth(index: number): string;
  /** The other end, moved into the node's namespace and renamed eth0 there. */
  peerVeth(index: number): string;
}

/** Interface names are at most 15 bytes: vf + 7-digit pid + letter + "v" + 2 digits is 13. */
const NAME = /^vf(\d+)([a-z])(?:br|v\d+|p\d+|-.+)$/;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
let built = 0;

/** Names for a new topology of this process. */
export function newRunNames(pid = process.pid): RunNames {
  const prefix = `vf${pid}${LETTERS[built++ % LETTERS.length]}`;
  return namesFor(prefix);
}

export function namesFor(prefix: string): RunNames {
  return {
    prefix,
    bridge: `${prefix}br`,
    namespace: (node) => `${prefix}-${node}`,
    hostVeth: (index) => `${prefix}v${index}`,
    peerVeth: (index) => `${prefix}p${index}`,
  };
}

/** The run a network object belongs to, read from its name; undefined for names no run made. */
export function runOf(name: string): { prefix: string; pid: number } | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  return { prefix: `vf${match[1]}${match[2]}`, pid: Number(match[1]) };
}
