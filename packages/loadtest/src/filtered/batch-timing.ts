import { type CpuByRole, cpuDelta, type ProcessRole } from '../metrics/process-cpu.js';

/** How long a measurement runs: repeats until `seconds` have passed or `maxRepeats` were made. */
export interface TimingBudget {
  seconds: number;
  maxRepeats: number;
}

export interface Timed<T> {
  /** The warm-up call's answer (not timed), which recall is computed from. */
  first: T;
  /** Timed calls per second. */
  callsPerSecond: number;
  /** CPU ms per timed call, per role of the sampled processes. */
  cpuMsPerCall: CpuByRole;
}

/**
 * One warm-up call (its answer kept), then the same call repeated, one at a
 * time, within the budget; CPU is sampled around the timed calls only, as
 * the suite's batch phase does.
 */
export async function timeRepeated<T>(
  call: () => Promise<T>,
  budget: TimingBudget,
  sampleCpu: () => CpuByRole,
): Promise<Timed<T>> {
  const first = await call();
  let repeats = 0;
  const cpuBefore = sampleCpu();
  const started = performance.now();
  while (repeats < Math.max(1, budget.maxRepeats) && performance.now() - started < budget.seconds * 1000) {
    await call();
    repeats++;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuDelta(cpuBefore, sampleCpu());
  const cpuMsPerCall: CpuByRole = {};
  for (const role of Object.keys(cpu) as ProcessRole[]) cpuMsPerCall[role] = (cpu[role] ?? 0) / repeats;
  return { first, callsPerSecond: repeats / seconds, cpuMsPerCall };
}

/** CPU per call spread over the queries of each call. */
export function perQuery(cpu: CpuByRole, queries: number): CpuByRole {
  const out: CpuByRole = {};
  for (const role of Object.keys(cpu) as ProcessRole[]) out[role] = (cpu[role] ?? 0) / queries;
  return out;
}
