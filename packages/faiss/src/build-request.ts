import type { AddonBuild } from './addon-files.js';

/** VECSHARD_FAISS_BUILD: `auto` picks avx2 where it is built and the CPU runs it. */
export type BuildRequest = 'auto' | AddonBuild;

const REQUESTS: readonly BuildRequest[] = ['auto', 'avx2', 'generic'];

export function parseBuildRequest(value: string | undefined): BuildRequest {
  const request = (value ?? '').trim() || 'auto';
  if (!REQUESTS.includes(request as BuildRequest)) {
    throw new Error(`VECSHARD_FAISS_BUILD must be auto, avx2 or generic, got "${value}"`);
  }
  return request as BuildRequest;
}

/** The build a request means on this machine; an explicit one is kept (and fails on load if it cannot run). */
export function resolveBuild(request: BuildRequest, avx2Usable: boolean): AddonBuild {
  if (request !== 'auto') return request;
  return avx2Usable ? 'avx2' : 'generic';
}
