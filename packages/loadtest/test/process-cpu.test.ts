import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cpuDelta, parseStatTicks, sampleCpu, totalCpuMs } from '../src/metrics/process-cpu.js';

describe('process CPU sampling', () => {
  it('reads utime + stime even when the command name holds spaces and parentheses', () => {
    // Fields 14 and 15 (utime 250, stime 50) after a name that looks like more fields.
    const stat = '4242 (node (x) 1 2) S 1 4242 4242 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 11 0 9000';
    expect(parseStatTicks(stat)).toBe(300);
    expect(() => parseStatTicks('4242 (node) S')).toThrow(/unreadable/);
  });

  it('subtracts samples per role and totals them', () => {
    const delta = cpuDelta({ client: 10, worker: 100 }, { client: 15, worker: 160, coordinator: 7 });
    expect(delta).toEqual({ client: 5, worker: 60, coordinator: 7 });
    expect(totalCpuMs(delta)).toBe(72);
  });

  it('sees the CPU another process and this one spend', { timeout: 60_000 }, async () => {
    // The child burns a fixed amount of work, says so, then waits to be killed.
    const child = spawn(process.execPath, [
      '-e',
      'let x = 0; for (let i = 0; i < 5e7; i++) x += i % 7; console.log("done", x); setInterval(() => {}, 1000);',
    ]);
    try {
      const before = sampleCpu([{ role: 'client' }, { role: 'worker', pid: child.pid }]);
      await once(child.stdout, 'data');
      let y = 0;
      for (let i = 0; i < 5e7; i++) y += i % 3;
      const delta = cpuDelta(before, sampleCpu([{ role: 'client' }, { role: 'worker', pid: child.pid }]));
      expect(y).toBeGreaterThan(0);
      expect(delta.worker).toBeGreaterThan(0);
      expect(delta.client).toBeGreaterThan(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
