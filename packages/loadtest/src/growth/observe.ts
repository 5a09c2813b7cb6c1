import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Resident memory of a process now and at its peak (VmRSS, VmHWM), bytes; zeros when it is gone. */
export function processMemory(pid: number): { rssBytes: number; peakBytes: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssBytes: kib('VmRSS') * 1024, peakBytes: kib('VmHWM') * 1024 };
  } catch {
    return { rssBytes: 0, peakBytes: 0 };
  }
}

/** Redis's INFO memory fields (used_memory, used_memory_peak, used_memory_rss), bytes. */
export async function redisMemory(
  redisUrl: string,
): Promise<{ usedBytes: number; peakBytes: number; rssBytes: number }> {
  const { stdout } = await run('redis-cli', ['-u', redisUrl, 'INFO', 'memory'], { timeout: 30_000 });
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(stdout)?.[1] ?? 0);
  return {
    usedBytes: field('used_memory'),
    peakBytes: field('used_memory_peak'),
    rssBytes: field('used_memory_rss'),
  };
}

/** Bytes of every file under a folder (0 when it does not exist). */
export function folderBytes(path: string): number {
  let total = 0;
  try {
    for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
    }
  } catch {
    return 0;
  }
  return total;
}

/** The 1-minute load average, as /proc/loadavg says (the machine may be shared). */
export function loadAverage(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return 0;
  }
}
