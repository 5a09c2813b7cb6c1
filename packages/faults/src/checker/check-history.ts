import type { Operation } from '../history/operation.js';
import type { Anomaly, Finding } from './anomaly.js';
import { smallestFailingWindow } from './failing-window.js';
import { fastChecks } from './fast-checks.js';
import { historiesByKey, type RegisterOperation, registerOperations } from './register-operations.js';
import { searchLinearization } from './register-search.js';

export interface CheckOptions {
  /**
   * Configurations one search may visit before it gives up on an id (which
   * is then reported inconclusive, not anomalous). Default 500 000.
   */
  maxSearchStates?: number;
}

export interface CheckReport {
  /** One per id whose history is not linearizable. */
  anomalies: Anomaly[];
  keysChecked: number;
  operations: number;
  unknown: number;
  failed: number;
  /** Ids whose search hit the bound: neither proven linearizable nor not. */
  inconclusive: number[];
  /**
   * Ids with an acknowledged write and no acknowledged read begun after the
   * last acknowledged write completed: a lost write there would go unseen.
   */
  keysWithoutFinalRead: number[];
}

const DEFAULT_MAX_SEARCH_STATES = 500_000;

/**
 * Checks a history of independent registers, one per id: linearizability
 * composes per object, so each id's history is checked on its own, first by
 * the fast necessary checks, then (when they pass) by the full search.
 */
export function checkHistory(operations: readonly Operation[], options: CheckOptions = {}): CheckReport {
  const maxStates = options.maxSearchStates ?? DEFAULT_MAX_SEARCH_STATES;
  const report: CheckReport = {
    anomalies: [],
    keysChecked: 0,
    operations: operations.length,
    unknown: operations.filter((o) => o.outcome === 'unknown').length,
    failed: operations.filter((o) => o.outcome === 'fail').length,
    inconclusive: [],
    keysWithoutFinalRead: [],
  };
  for (const [key, history] of historiesByKey(operations)) {
    report.keysChecked++;
    const checked = registerOperations(history);
    if (!hasFinalRead(checked)) report.keysWithoutFinalRead.push(key);
    const verdict = checkRegister(key, checked, maxStates);
    if (verdict === 'inconclusive') report.inconclusive.push(key);
    else if (verdict) report.anomalies.push(verdict);
  }
  return report;
}

/** The id's anomaly, undefined when its history is linearizable. */
function checkRegister(
  key: number,
  checked: RegisterOperation[],
  maxStates: number,
): Anomaly | 'inconclusive' | undefined {
  let findings = fastChecks(checked);
  if (findings.length === 0) {
    const verdict = searchLinearization(checked, null, maxStates);
    if (verdict !== 'not-linearizable') return verdict === 'inconclusive' ? 'inconclusive' : undefined;
    findings = [notLinearizable(checked)];
  }
  return {
    key,
    kinds: findings.map((finding) => finding.kind),
    findings,
    window: windowOf(checked, findings, maxStates),
    historyLength: checked.length,
  };
}

function notLinearizable(checked: RegisterOperation[]): Finding {
  return {
    kind: 'not-linearizable',
    message: `no order of the ${checked.length} operations explains every read, though each read is possible alone`,
    operations: [],
    count: 1,
  };
}

/** The smallest failing window, or (when the search bound hides it) the span of the findings' operations. */
function windowOf(checked: RegisterOperation[], findings: Finding[], maxStates: number): Operation[] {
  const window = smallestFailingWindow(checked, maxStates);
  if (window) return checked.slice(window.start, window.end + 1).map((o) => o.operation);
  const involved = new Set(findings.flatMap((finding) => finding.operations));
  const positions = checked.flatMap((o, position) => (involved.has(o.operation.index) ? [position] : []));
  if (positions.length === 0) return checked.map((o) => o.operation);
  return checked.slice(Math.min(...positions), Math.max(...positions) + 1).map((o) => o.operation);
}

function hasFinalRead(checked: RegisterOperation[]): boolean {
  const acknowledged = checked.filter((o) => o.write && Number.isFinite(o.ret));
  if (acknowledged.length === 0) return true;
  const lastRet = Math.max(...acknowledged.map((o) => o.ret));
  return checked.some((o) => !o.write && o.call > lastRet);
}
