import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The addon builds a process can ask for by name: `generic` is the addon linked
 * against the system's FAISS (Debian's libfaiss, or the GPU build's FAISS_PREFIX),
 * `avx2` the one linked against FAISS built with its AVX2 kernels.
 */
export type AddonBuild = 'avx2' | 'generic';

const TARGETS: Record<AddonBuild, string> = {
  generic: 'vecshard_faiss.node',
  avx2: 'vecshard_faiss_avx2.node',
};

/** Where node-gyp puts an addon build: Release first, then Debug. */
export function addonCandidates(build: AddonBuild): string[] {
  const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
  return ['Release', 'Debug'].map((config) => join(packageRoot, 'build', config, TARGETS[build]));
}

/** The built file of this addon, or undefined when it is not built. */
export function findAddonFile(build: AddonBuild): string | undefined {
  return addonCandidates(build).find((p) => existsSync(p));
}
