import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Which process owns a run's prefix, kept in a small file beside the run: its
 * pid and the kernel's start time of that process, so a new process that
 * happens to get a dead run's pid does not keep the dead run's leftovers alive.
 */
const OWNERS_DIR = join(tmpdir(), 'vecshard-faults-owners');

export function recordOwner(prefix: string, pid = process.pid): void {
  mkdirSync(OWNERS_DIR, { recursive: true });
  writeFileSync(join(OWNERS_DIR, prefix), `${pid} ${startTimeOf(pid) ?? ''}\n`);
}

export function forgetOwner(prefix: string): void {
  rmSync(join(OWNERS_DIR, prefix), { force: true });
}

/** Whether the process that made `prefix` is still running (then its objects are not stale). */
export function ownerIsAlive(prefix: string, pid: number): boolean {
  const started = startTimeOf(pid);
  if (started === undefined) return false;
  let recorded: string | undefined;
  try {
    recorded = readFileSync(join(OWNERS_DIR, prefix), 'utf8').trim().split(' ')[1];
  } catch {
    // No record (it crashed while building): the pid alone decides.
    return true;
  }
  return !recorded || recorded === started;
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
