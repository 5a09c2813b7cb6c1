import { describe, expect, it } from 'vitest';
import { ReadWriteGate } from '../src/read-write-gate.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('ReadWriteGate', () => {
  it('runs reads together, and never a read during a write', async () => {
    const gate = new ReadWriteGate();
    const log: string[] = [];
    let active = 0;
    let maxReaders = 0;
    const read = (name: string) =>
      gate.read(async () => {
        active++;
        maxReaders = Math.max(maxReaders, active);
        log.push(`${name}+`);
        await tick();
        log.push(`${name}-`);
        active--;
      });
    const write = (name: string) =>
      gate.write(async () => {
        expect(active).toBe(0);
        log.push(`${name}+`);
        await tick();
        await tick();
        log.push(`${name}-`);
      });
    await Promise.all([read('r1'), read('r2'), write('w1'), read('r3'), write('w2'), read('r4')]);
    expect(maxReaders).toBe(2);
    // Each write is one unbroken span: nothing starts inside it.
    for (const w of ['w1', 'w2']) {
      const start = log.indexOf(`${w}+`);
      expect(log[start + 1]).toBe(`${w}-`);
    }
    // A waiting writer goes before reads that arrive after it.
    expect(log.indexOf('w1+')).toBeLessThan(log.indexOf('r3+'));
  });

  it('releases the gate when a step fails', async () => {
    const gate = new ReadWriteGate();
    await expect(gate.write(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.read(async () => Promise.reject(new Error('bang')))).rejects.toThrow('bang');
    expect(await gate.write(async () => 'ok')).toBe('ok');
    expect(await gate.read(async () => 'ok')).toBe('ok');
  });
});
