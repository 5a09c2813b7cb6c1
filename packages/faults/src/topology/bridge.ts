import { run, runSync, runSyncIgnoringFailure } from './shell.js';

/**
 * The bridge every node's veth pair joins. It has an address in the root
 * namespace, so the runner's clients (which stay in the root namespace) reach
 * the coordinators and workers over it. It has no route anywhere else: the
 * namespaces reach each other and the root namespace, nothing outside.
 */
export async function createBridge(name: string, address: string, prefixLength = 24): Promise<void> {
  await run('ip', ['link', 'add', name, 'type', 'bridge']);
  await run('ip', ['addr', 'add', `${address}/${prefixLength}`, 'dev', name]);
  await run('ip', ['link', 'set', name, 'up']);
  await letBridgedTrafficThrough(name);
}

export function deleteBridgeSync(name: string): void {
  runSyncIgnoringFailure('ip', ['link', 'del', name]);
  for (const rule of forwardRulesOf(name)) runSyncIgnoringFailure('iptables', ['-D', ...rule]);
}

/**
 * With br_netfilter loaded, frames crossing a bridge go through the root
 * namespace's FORWARD chain; a host whose FORWARD policy drops (Docker's)
 * would cut the nodes off from each other. Then one accept rule for this
 * bridge, tagged with its name so clean-up finds it.
 */
async function letBridgedTrafficThrough(name: string): Promise<void> {
  const forward = await run('iptables', ['-S', 'FORWARD']).catch(() => '-P FORWARD ACCEPT');
  if (forward.trim() === '-P FORWARD ACCEPT') return;
  await run('iptables', [
    ...['-I', 'FORWARD', '-i', name, '-o', name, '-j', 'ACCEPT'],
    ...['-m', 'comment', '--comment', name],
  ]);
}

/** The FORWARD rules tagged with a bridge's name, as `iptables -D` arguments. */
export function forwardRulesOf(tag: string | RegExp): string[][] {
  let rules: string;
  try {
    rules = runSync('iptables', ['-S', 'FORWARD']);
  } catch {
    return [];
  }
  return rules
    .split('\n')
    .filter((line) => line.startsWith('-A FORWARD') && commentOf(line) !== undefined)
    .filter((line) => {
      const comment = commentOf(line)!;
      return typeof tag === 'string' ? comment === tag : tag.test(comment);
    })
    .map((line) => line.slice(3).split(' ').filter(Boolean));
}

function commentOf(line: string): string | undefined {
  return /--comment "?([^" ]+)"?/.exec(line)?.[1];
}
