import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeNetwork } from '../src/topology/bridge-network.js';
import { describeDeath, NodeProcess, type ProcessDeath } from '../src/topology/node-process.js';
import { assertPrerequisites } from '../src/topology/prerequisites.js';
import { smallNetwork } from './topology-probes.js';

/** A node program that runs `before`, prints its namespace's address as its ready line, then runs `then`. */
function program(network: BridgeNetwork, name: string, then: string, before = '') {
  return {
    name,
    namespace: network.member('a').namespace,
    command: process.execPath,
    args: [
      '-e',
      `const eth0 = require('os').networkInterfaces().eth0.find((a) => a.family === 'IPv4');
       ${before} console.log('ready at ' + eth0.address); ${then}`,
    ],
    ready: /ready at (\S+)/,
    logFile: join(mkdtempSync(join(tmpdir(), 'faults-process-')), `${name}.log`),
  };
}

describe("a node's process", () => {
  let network: BridgeNetwork;

  beforeAll(async () => {
    assertPrerequisites();
    network = await smallNetwork(1);
  });

  afterAll(() => network?.removeSync());

  it('runs inside its namespace and reports an exit it was not asked for: which, how, and its last lines', async () => {
    const deaths: ProcessDeath[] = [];
    const spec = program(
      network,
      'worker-9',
      `console.error('disk on fire'); setTimeout(() => process.exit(3), 100);`,
    );
    const node = new NodeProcess(spec, (death) => deaths.push(death));
    await node.start();
    expect(node.readyAddress).toBe(network.subnet.address(10));
    await node.waitForExit();
    expect(deaths).toHaveLength(1);
    expect(deaths[0]).toMatchObject({ name: 'worker-9', code: 3, signal: null });
    const report = describeDeath(deaths[0]);
    expect(report).toMatch(/^worker-9 \(pid \d+\) exited with code 3 unasked/);
    expect(report).toContain('disk on fire');
  });

  it('names the signal that killed it unasked, and keeps its output in its log file', async () => {
    const deaths: ProcessDeath[] = [];
    const spec = program(network, 'coordinator-9', 'setInterval(() => {}, 1000);', `console.log('serving');`);
    const node = new NodeProcess(spec, (death) => deaths.push(death));
    await node.start();
    const exited = node.waitForExit();
    process.kill(node.pid!, 'SIGSEGV');
    await exited;
    expect(deaths.map(describeDeath)).toEqual([
      expect.stringMatching(/^coordinator-9 \(pid \d+\) was killed by SIGSEGV/),
    ]);
    await node.stop();
    expect(readFileSync(spec.logFile, 'utf8')).toMatch(/serving\n.*ready at [\d.]+\n.*exited \(SIGSEGV\)/);
  });

  it('reports nothing when the suite kills, pauses or restarts it', async () => {
    const deaths: ProcessDeath[] = [];
    const node = new NodeProcess(program(network, 'worker-8', 'setInterval(() => {}, 1000);'), (death) =>
      deaths.push(death),
    );
    await node.start();
    await node.signal('SIGSTOP');
    await node.signal('SIGCONT');
    const firstPid = node.pid;
    await node.signal('SIGKILL');
    expect(node.running).toBe(false);
    await node.start();
    expect(node.pid).not.toBe(firstPid);
    await node.stop();
    expect(deaths).toEqual([]);
  });
});
