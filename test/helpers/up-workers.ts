import { readdirSync, readFileSync } from 'node:fs';

/** The pid of `vecshard up`'s child running the worker with this id (read from /proc: no `ps` needed). */
export function upWorkerPid(upPid: number, id: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (parent === upPid && args[args.indexOf('--id') + 1] === id) return Number(entry);
    } catch {
      // The process ended while being read.
    }
  }
  throw new Error(`no child of ${upPid} runs worker ${id}`);
}
