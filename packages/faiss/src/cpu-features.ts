import { readFileSync } from 'node:fs';

/** The CPU flags the avx2 FAISS build is compiled for (FAISS's own `-mavx2 -mfma -mf16c`). */
export const AVX2_FLAGS = ['avx2', 'fma', 'f16c'] as const;

/**
 * The flags the kernel reports for this CPU (the first processor's `flags` line of
 * /proc/cpuinfo; every core of a machine has the same ones). Empty where there is
 * no /proc/cpuinfo, which makes callers pick the build that runs anywhere.
 */
export function cpuFlags(cpuinfo: string | undefined = readCpuinfo()): Set<string> {
  const line = cpuinfo?.split('\n').find((l) => /^flags\s*:/.test(l));
  return new Set(
    line
      ? line
          .slice(line.indexOf(':') + 1)
          .trim()
          .split(/\s+/)
      : [],
  );
}

/** The avx2 flags this CPU lacks (empty when it can run the avx2 build). */
export function missingAvx2Flags(flags: Set<string> = cpuFlags()): string[] {
  return AVX2_FLAGS.filter((f) => !flags.has(f));
}

function readCpuinfo(): string | undefined {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return undefined;
  }
}
