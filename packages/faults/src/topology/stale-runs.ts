import { forwardRulesOf } from './bridge.js';
import { deleteNamespaceSync, listNamespacesSync } from './network-namespace.js';
import { runOf } from './run-names.js';
import { forgetOwner, ownerIsAlive } from './run-owner.js';
import { runSync, runSyncIgnoringFailure } from './shell.js';

/**
 * Removes what earlier runs left behind when they could not clean up (killed
 * with SIGKILL, the machine's power cut …): their namespaces with every
 * process still in them, their veth pairs and bridges, and their firewall
 * rules in the root namespace. Objects of runs whose process still lives are
 * left alone, so two runs can share a machine. Returns the prefixes removed.
 */
export function removeStaleRuns(): string[] {
  const removed = new Set<string>();
  const isStale = (name: string) => {
    const run = runOf(name);
    if (!run || ownerIsAlive(run.prefix, run.pid)) return false;
    removed.add(run.prefix);
    return true;
  };
  for (const namespace of listNamespacesSync()) if (isStale(namespace)) deleteNamespaceSync(namespace);
  // Veth ends first, bridges last: deleting a bridge with ports left is allowed, but noisier.
  const links = linkNames().filter(isStale);
  for (const link of links.filter((name) => !name.endsWith('br')))
    runSyncIgnoringFailure('ip', ['link', 'del', link]);
  for (const link of links.filter((name) => name.endsWith('br')))
    runSyncIgnoringFailure('ip', ['link', 'del', link]);
  for (const rule of forwardRulesOf(/^vf\d+[a-z]br$/)) {
    const tag = rule[rule.indexOf('--comment') + 1];
    if (isStale(tag)) runSyncIgnoringFailure('iptables', ['-D', ...rule]);
  }
  for (const prefix of removed) forgetOwner(prefix);
  return [...removed];
}

function linkNames(): string[] {
  try {
    // "7: vf123av3@if6: <BROADCAST…": the name ends at "@" (a veth's peer) or ":".
    return runSync('ip', ['-o', 'link', 'show'])
      .split('\n')
      .map((line) => line.split(': ')[1]?.split('@')[0])
      .filter((name): name is string => !!name);
  } catch {
    return [];
  }
}
