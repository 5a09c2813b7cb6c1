import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { benchCommand } from '../src/bench-command.js';
import type { RunReport } from '../src/report/run-report.js';
import { tempDir } from './temp-dir.js';

describe('vecshard bench', () => {
  it('runs a bounded load test on in-process FAISS and writes JSON, Markdown and SVG', async () => {
    const out = tempDir();
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await benchCommand().parseAsync(
        [
          'run',
          '--faiss',
          '--dataset',
          'synthetic:count=2000,dim=8,queries=20',
          '--index',
          'IVF8,Flat',
          '--requests',
          '40',
          '--concurrency',
          '2',
          '--write-share',
          '0.2',
          '--nprobe',
          '8',
          '--no-progress',
          '--cache-dir',
          tempDir(),
          '--out',
          out,
        ],
        { from: 'user' },
      );
    } finally {
      stdout.mockRestore();
    }
    const report = JSON.parse(readFileSync(join(out, 'loadtest.json'), 'utf8')) as RunReport;
    expect(report.target).toBe('faiss');
    expect(report.requests.succeeded).toBe(40);
    expect(report.workload).toMatchObject({
      loop: 'closed',
      concurrency: 2,
      writeShare: 0.2,
      nprobe: 8,
      k: 10,
    });
    expect(report.recallAtK).toBe(1);
    expect(readFileSync(join(out, 'loadtest.md'), 'utf8')).toContain('## Load test: faiss');
    expect(readFileSync(join(out, 'loadtest.svg'), 'utf8').startsWith('<svg')).toBe(true);
  });

  it('insists on exactly one target', async () => {
    const command = benchCommand();
    await expect(
      command.parseAsync(['run', '--faiss', '--address', '127.0.0.1:1', '--requests', '1'], { from: 'user' }),
    ).rejects.toThrow(/exactly one target/);
  });

  it('rejects bad flag values with a message', async () => {
    const command = benchCommand().exitOverride();
    for (const sub of command.commands) sub.exitOverride().configureOutput({ writeErr: () => {} });
    await expect(
      command.parseAsync(['run', '--faiss', '--write-share', '3'], { from: 'user' }),
    ).rejects.toThrow(/between 0 and 1/);
  });
});
