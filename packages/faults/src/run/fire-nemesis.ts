import { healInOrder, type InjectedFault, type Nemesis, type NemesisContext } from '../nemesis/nemesis.js';
import type { FaultEvent } from './fault-event.js';
import { type RecoveryTarget, waitForRecovery } from './recovery-wait.js';

export interface FiringPlan {
  /** Quiet time before the fault, so its effect is not mixed with the last one's. */
  quietMs: number;
  /** How long the cluster may take to be whole again after the heal. */
  recoveryLimitMs: number;
}

/**
 * One nemesis, from start to finish: wait, inject, wait for its effect, hold,
 * heal, wait for recovery. Progress goes to `ctx.log` as it happens. Its own
 * failures (a fault that would not inject or heal) are recorded in the event,
 * not thrown: the run goes on with the next nemesis.
 */
export async function fireNemesis(
  nemesis: Nemesis,
  ctx: NemesisContext,
  target: RecoveryTarget,
  plan: FiringPlan,
): Promise<FaultEvent> {
  const { recorder } = target;
  const clock = () => recorder.now();
  await sleep(plan.quietMs);
  const event: FaultEvent = {
    nemesis: nemesis.name,
    faults: [],
    injectedMs: clock(),
    healedMs: clock(),
    settledMs: {},
    notRecovered: [],
    errors: [],
  };
  let faults: InjectedFault[] = [];
  try {
    faults = await nemesis.inject(ctx);
  } catch (error) {
    event.errors.push(`injecting: ${(error as Error).message}`);
  }
  event.faults = faults.map((fault) => fault.description);
  ctx.log(`${nemesis.name}: ${event.faults.join('; ') || 'nothing injected'}`);
  await Promise.all(faults.map((fault, i) => holdFault(fault, i, event, ctx)));
  event.errors.push(...(await healInOrder(faults)).map((error) => error.message));
  event.healedMs = clock();
  ctx.log(`${nemesis.name}: healed after ${seconds(event.healedMs - event.injectedMs)}`);
  const recovery = await waitForRecovery(target, event.healedMs, plan.recoveryLimitMs);
  Object.assign(event, recovery);
  ctx.log(`${nemesis.name}: ${describeRecovery(event)}`);
  for (const error of event.errors) ctx.log(`${nemesis.name}: ERROR ${error}`);
  return event;
}

/** Waits for the fault's effect (noting what happened), then holds it. */
async function holdFault(
  fault: InjectedFault,
  i: number,
  event: FaultEvent,
  ctx: NemesisContext,
): Promise<void> {
  if (fault.takesEffect) {
    try {
      const effect = await fault.takesEffect();
      event.faults[i] += ` (${effect})`;
      ctx.log(`${event.nemesis}: ${effect}`);
    } catch (error) {
      event.errors.push(`waiting for "${fault.description}" to take effect: ${(error as Error).message}`);
      return;
    }
  }
  await sleep(fault.holdMs);
}

function describeRecovery(event: FaultEvent): string {
  const back = (ms: number | undefined) => (ms === undefined ? 'never' : `after ${seconds(ms)}`);
  const parts = [`writes back ${back(event.writesBackMs)}`, `reads back ${back(event.readsBackMs)}`];
  const slowest = Object.entries(event.settledMs).sort((a, b) => b[1] - a[1])[0];
  if (event.notRecovered.length > 0) parts.push(`NOT RECOVERED: ${event.notRecovered.join(', ')}`);
  else if (slowest) parts.push(`whole again after ${seconds(slowest[1])} (${slowest[0]} last)`);
  return parts.join(', ');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
