import { execFileSync } from 'node:child_process';

/** Programs the suite runs; all come with scripts/setup.sh (iproute2 with the base system). */
const PROGRAMS = ['ip', 'iptables', 'redis-server'];

/** What is missing for the suite to run here (a message for people, no stack needed). */
export class MissingPrerequisites extends Error {
  override name = 'MissingPrerequisites';
}

/**
 * Throws, saying what is missing, unless this process can build the
 * topology: network namespaces, veth pairs and iptables need root, and the
 * programs must be installed.
 */
export function assertPrerequisites(): void {
  const problems: string[] = [];
  if (process.getuid?.() !== 0) {
    problems.push('it must run as root (network namespaces, veth pairs and iptables need it)');
  }
  for (const program of PROGRAMS) {
    if (!onPath(program)) problems.push(`${program} is not installed (as root: bash scripts/setup.sh)`);
  }
  if (problems.length > 0) {
    throw new MissingPrerequisites(`the fault-injection suite cannot run here: ${problems.join('; ')}`);
  }
}

function onPath(program: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
