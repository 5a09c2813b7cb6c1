import { run } from './shell.js';

/** A /24 of the fault runs' block, 10.213.0.0/16, kept off the networks this machine uses. */
export interface Subnet {
  /** "10.213.7" */
  readonly base: string;
  /** The address of host `n` (1 is the bridge in the root namespace). */
  address(host: number): string;
}

const BLOCK = '10.213';

/**
 * Picks a /24 no interface or route of the root namespace uses yet, starting
 * from one the process id suggests, so two runs at once rarely pick the same.
 */
export async function freeSubnet(pid = process.pid): Promise<Subnet> {
  const inUse = await run('ip', ['-4', '-o', 'addr', 'show']).then(
    async (addresses) => addresses + (await run('ip', ['-4', 'route', 'show'])),
  );
  for (let i = 0; i < 254; i++) {
    const third = ((pid + i) % 254) + 1;
    const base = `${BLOCK}.${third}`;
    if (!inUse.includes(`${base}.`)) return subnet(base);
  }
  throw new Error(`no free /24 left in ${BLOCK}.0.0/16`);
}

function subnet(base: string): Subnet {
  return { base, address: (host) => `${base}.${host}` };
}
