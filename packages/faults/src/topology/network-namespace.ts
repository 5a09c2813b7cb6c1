import { run, runSync, runSyncIgnoringFailure } from './shell.js';

export interface NamespaceSpec {
  /** The namespace's name (`ip netns`). */
  name: string;
  /** Its veth pair: the end left in the root namespace, on the bridge … */
  hostVeth: string;
  /** … and the end moved in, renamed eth0. */
  peerVeth: string;
  bridge: string;
  /** Its address on the bridge's /24. */
  address: string;
  prefixLength?: number;
}

/**
 * A network namespace joined to the bridge by a veth pair, with loopback and
 * eth0 up and no default route: it reaches the bridge's subnet and nothing
 * else.
 */
export async function createNamespace(spec: NamespaceSpec): Promise<void> {
  await run('ip', ['netns', 'add', spec.name]);
  await run('ip', ['link', 'add', spec.hostVeth, 'type', 'veth', 'peer', 'name', spec.peerVeth]);
  await run('ip', ['link', 'set', spec.peerVeth, 'netns', spec.name]);
  const inside = (args: string[]) => run('ip', ['-n', spec.name, ...args]);
  await inside(['link', 'set', spec.peerVeth, 'name', 'eth0']);
  await inside(['addr', 'add', `${spec.address}/${spec.prefixLength ?? 24}`, 'dev', 'eth0']);
  await inside(['link', 'set', 'eth0', 'up']);
  await inside(['link', 'set', 'lo', 'up']);
  await run('ip', ['link', 'set', spec.hostVeth, 'master', spec.bridge]);
  await run('ip', ['link', 'set', spec.hostVeth, 'up']);
}

/** The command line that runs `command` inside namespace `name`. */
export function inNamespace(name: string, command: string, args: string[]): [string, string[]] {
  return ['ip', ['netns', 'exec', name, command, ...args]];
}

/**
 * Removes a namespace. A namespace lives on while a process is in it (and its
 * veth pair with it), so every process still inside is killed first.
 */
export function deleteNamespaceSync(name: string): void {
  for (const pid of processesIn(name)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Exited meanwhile.
    }
  }
  runSyncIgnoringFailure('ip', ['netns', 'del', name]);
}

function processesIn(name: string): number[] {
  try {
    return runSync('ip', ['netns', 'pids', name]).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function listNamespacesSync(): string[] {
  try {
    // "name (id: 3)" lines.
    return runSync('ip', ['netns', 'list'])
      .split('\n')
      .map((line) => line.split(' ')[0])
      .filter(Boolean);
  } catch {
    return [];
  }
}
