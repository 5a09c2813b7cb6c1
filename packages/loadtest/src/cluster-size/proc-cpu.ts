import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux). */
const TICKS_PER_S = 100;

/**
 * CPU time (user + system, all threads, ended ones too) a process has used
 * so far, ms, from /proc/<pid>/stat, in 10 ms steps; undefined once it is gone.
 */
export function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
  } catch {
    return undefined;
  }
}

/** Summed CPU of several processes, ms (the gone ones count 0). */
export function processesCpuMs(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0);
}

/**
 * Times a process's threads have gone to sleep so far (voluntary context
 * switches in /proc/<pid>/task/<tid>/status, every thread): about its wake-ups, a count that,
 * unlike CPU time, does not swell when other processes crowd the cores.
 */
export function processWakeups(pid: number): number {
  let total = 0;
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  for (const tid of tasks) {
    try {
      const status = readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8');
      total += Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return total;
}

/** Summed wake-ups of several processes. */
export function processesWakeups(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + processWakeups(pid), 0);
}
