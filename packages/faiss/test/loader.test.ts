import { describe, expect, it } from 'vitest';
import { parseBuildRequest, resolveBuild } from '../src/build-request.js';
import { cpuFlags, missingAvx2Flags } from '../src/cpu-features.js';
import { availableFaissBuilds, FaissIndex, faissBuild } from '../src/index.js';

const CPUINFO = `processor\t: 0
vendor_id\t: GenuineIntel
flags\t\t: fpu sse2 avx fma f16c avx2 popcnt
processor\t: 1
flags\t\t: fpu sse2
`;

describe('choosing the FAISS build', () => {
  it('reads the first processor flags line of /proc/cpuinfo', () => {
    const flags = cpuFlags(CPUINFO);
    expect(flags.has('avx2')).toBe(true);
    expect(missingAvx2Flags(flags)).toEqual([]);
    expect(missingAvx2Flags(cpuFlags('flags\t: fpu sse2 avx fma\n'))).toEqual(['avx2', 'f16c']);
    expect(missingAvx2Flags(cpuFlags(''))).toEqual(['avx2', 'fma', 'f16c']);
  });

  it('auto means avx2 only where it can run; explicit requests are kept', () => {
    expect(resolveBuild(parseBuildRequest(undefined), true)).toBe('avx2');
    expect(resolveBuild(parseBuildRequest(''), false)).toBe('generic');
    expect(resolveBuild(parseBuildRequest('generic'), true)).toBe('generic');
    expect(resolveBuild(parseBuildRequest('avx2'), false)).toBe('avx2');
    expect(() => parseBuildRequest('sse4')).toThrow(/must be auto, avx2 or generic/);
  });

  it('loads the default build and reports it among the available ones', () => {
    const build = faissBuild();
    expect(['avx2', 'generic', 'gpu']).toContain(build);
    expect(availableFaissBuilds()).toContain('generic');
    if (build === 'avx2') expect(availableFaissBuilds()).toContain('avx2');
    expect(FaissIndex.create(8, 'Flat').faissBuild).toBe(build);
  });

  it('refuses an unknown build by name', () => {
    expect(() => FaissIndex.create(8, 'Flat', 'l2', { build: 'sse4' as 'avx2' })).toThrow(
      /unknown FAISS build/,
    );
  });
});
