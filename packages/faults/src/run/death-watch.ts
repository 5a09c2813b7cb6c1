import type { ClusterNode, ClusterTopology } from '../topology/cluster-topology.js';
import { describeDeath, type ProcessDeath } from '../topology/node-process.js';
import type { ReportedDeath } from './run-summary.js';

/** A process that died unasked is started again after this long, as a supervisor would. */
const RESTART_AFTER_MS = 1000;

/**
 * Hears of the processes that exit without a nemesis asking: logs each (which
 * one, how, its last lines), keeps it for the report, and starts the node
 * again, as Kubernetes would, so the run goes on.
 */
export class DeathWatch {
  readonly deaths: ReportedDeath[] = [];
  private topology: ClusterTopology | undefined;
  private stopped = false;

  constructor(
    private readonly clockS: () => number,
    private readonly log: (line: string) => void,
  ) {}

  /** The cluster whose nodes it restarts (known once started; a death during the start only fails it). */
  watch(topology: ClusterTopology): void {
    this.topology = topology;
  }

  /** No more restarts: the run is ending. */
  stop(): void {
    this.stopped = true;
  }

  readonly onDeath = (node: ClusterNode, death: ProcessDeath): void => {
    const description = describeDeath(death);
    this.deaths.push({ atS: this.clockS(), node: node.name, description });
    this.log(`UNEXPECTED EXIT: ${description}`);
    setTimeout(() => {
      if (this.stopped || !this.topology) return;
      this.topology
        .restart(node)
        .catch((error) => this.log(`restarting ${node.name} failed: ${error.message}`));
    }, RESTART_AFTER_MS);
  };
}
