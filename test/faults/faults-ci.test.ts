import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertPrerequisites } from '../../packages/faults/src/topology/prerequisites.js';
import { REPO_ROOT } from '../helpers/processes.js';

const FAULTS = join(REPO_ROOT, 'packages/faults/dist/faults-command.js');
/** The CI subset takes about 3 minutes on a 2-core machine; the limit only turns a hang into a failure. */
const LIMIT_MS = 8 * 60_000;

interface FaultsRun {
  code: number | null;
  output: string;
}

/** Runs `npm run faults -- <args>` (the built command), its stdout and stderr interleaved as printed. */
function runFaultsCommand(args: string[]): Promise<FaultsRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [FAULTS, ...args], { cwd: REPO_ROOT });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

// The fault-injection suite's CI subset (a worker kill, a worker isolation, a
// Redis failover) against real processes in network namespaces. It needs root
// and iproute2/iptables, as CI has: elsewhere it fails, saying what is missing.
describe('fault injection, CI subset', () => {
  it(
    'finds no anomaly in the history, and the cluster recovers from every fault',
    async () => {
      assertPrerequisites();
      const out = mkdtempSync(join(tmpdir(), 'faults-ci-'));
      const run = await runFaultsCommand(['--ci', '--out', out]);
      const lastLine = run.output.trimEnd().split('\n').pop() ?? '';
      // On failure the message carries the run's output: its seed, progress, anomalies and their windows.
      const context = `npm run faults -- --ci exited ${run.code}; its output:\n${run.output}`;
      expect(lastLine, context).toMatch(
        /^faults: \d+ operations, 3 nemesis events, \d+ unknown, anomalies 0$/,
      );
      expect(run.code, context).toBe(0);
    },
    LIMIT_MS,
  );
});
