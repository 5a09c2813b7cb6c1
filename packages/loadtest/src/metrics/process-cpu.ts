import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What a process does in the measured system; CPU is reported per role. */
export type ProcessRole = 'client' | 'coordinator' | 'worker' | 'redis';

/** A process whose CPU time is sampled; `pid` undefined means this process. */
export interface SampledProcess {
  role: ProcessRole;
  pid?: number;
}

/** CPU milliseconds (user + system, all threads) per role, cumulative since each process started. */
export type CpuByRole = Partial<Record<ProcessRole, number>>;

let clockTicks: number | undefined;

/** Kernel clock ticks per second (`getconf CLK_TCK`), the unit of utime/stime in /proc/<pid>/stat. */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/**
 * utime + stime of /proc/<pid>/stat in clock ticks. The command name (field 2)
 * may hold spaces and parentheses, so fields are counted from the last ')'.
 */
export function parseStatTicks(stat: string): number {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state); utime and stime are fields 14 and 15.
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`unreadable stat line: ${stat}`);
  return utime + stime;
}

/**
 * CPU milliseconds another process has used. /proc/<pid>/stat rather than the
 * per-thread schedstat: it covers every thread of the process, including
 * FAISS and libuv threads that have already exited; its 10 ms tick is well
 * under 1% of a phase lasting seconds.
 */
export function processCpuMs(pid: number): number {
  return (parseStatTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) * 1000) / ticksPerSecond();
}

/** This process's CPU milliseconds (getrusage: every thread, FAISS's included). */
function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Cumulative CPU per role of the given processes now. */
export function sampleCpu(processes: readonly SampledProcess[]): CpuByRole {
  const byRole: CpuByRole = {};
  for (const p of processes) {
    const ms = p.pid === undefined || p.pid === process.pid ? ownCpuMs() : processCpuMs(p.pid);
    byRole[p.role] = (byRole[p.role] ?? 0) + ms;
  }
  return byRole;
}

/** CPU used per role between two samples. */
export function cpuDelta(before: CpuByRole, after: CpuByRole): CpuByRole {
  const delta: CpuByRole = {};
  for (const role of Object.keys(after) as ProcessRole[])
    delta[role] = (after[role] ?? 0) - (before[role] ?? 0);
  return delta;
}

/** Total over the roles. */
export function totalCpuMs(byRole: CpuByRole): number {
  return Object.values(byRole).reduce((sum, ms) => sum + (ms ?? 0), 0);
}
