import type { ClusterTopology } from '../topology/cluster-topology.js';
import type { SeededRandom } from '../workload/seeded-random.js';

/** What a nemesis works with. */
export interface NemesisContext {
  topology: ClusterTopology;
  random: SeededRandom;
  /** Quick runs hold each fault for the shortest time that still trips the failure detectors. */
  quick: boolean;
  /** Progress lines. */
  log(line: string): void;
}

/** Heals run in this order when several faults are in force: the network first, so a restarted process finds its peers. */
export type HealOrder = 'network' | 'process' | 'redis';

/** A fault in force. */
export interface InjectedFault {
  /** What was done, on which node: "kill -9 worker-2". */
  description: string;
  healOrder: HealOrder;
  /**
   * Resolves once the fault has had its effect, when that takes a while (the
   * Sentinels promoting the replica), with what happened; rejects if it does
   * not come. The fault is healed either way.
   */
  takesEffect?: () => Promise<string>;
  /** How long it stays before it is healed, ms, counted from when it took effect. */
  holdMs: number;
  /** Undoes it (restart, SIGCONT, rules flushed …); resolves once done. */
  heal(): Promise<void>;
}

/** What a nemesis hits: processes, the network, Redis; or a mix of those. */
export type NemesisKind = 'process' | 'network' | 'redis' | 'mix';

/** One kind of fault: a name for the command line and reports, and how to inject it. */
export interface Nemesis {
  name: string;
  kind: NemesisKind;
  /** One line for --help and the report. */
  summary: string;
  /**
   * Injects one fault (several at once, for the mix). When it throws, nothing
   * it did is left in force.
   */
  inject(ctx: NemesisContext): Promise<InjectedFault[]>;
}

/** How long a fault holds: fixed in quick runs; in full runs drawn from [minMs, maxMs]. */
export interface HoldRange {
  quickMs: number;
  minMs: number;
  maxMs: number;
}

export function holdFor(range: HoldRange, ctx: NemesisContext): number {
  if (ctx.quick) return range.quickMs;
  return ctx.random.int(range.minMs / 1000, range.maxMs / 1000) * 1000;
}

const HEAL_ORDER: readonly HealOrder[] = ['network', 'process', 'redis'];

/** Heals every fault, the network first; a heal that fails does not keep the others from running. */
export async function healInOrder(faults: readonly InjectedFault[]): Promise<Error[]> {
  const errors: Error[] = [];
  for (const order of HEAL_ORDER) {
    for (const fault of faults.filter((f) => f.healOrder === order)) {
      await fault
        .heal()
        .catch((error: Error) => errors.push(new Error(`healing "${fault.description}": ${error.message}`)));
    }
  }
  return errors;
}
